// StatementChecker: assignments and `if` blocks in resets, rule handlers and `on spike` blocks. Only state-like
// variables can be assigned; `=`, `+=`, `-=` need the variable's dimension, `*=` and `/=` a plain number.

import SNNSource
import SNNSyntax

struct StatementChecker {
    let expressions: ExpressionChecker
    /// Where this block is, for messages: "a reset", "an `on pre` handler".
    let context: String
    /// In a rule, variables are declared `synaptic`, `pre` or `post`, not `state`.
    var isRule = false
    /// The `on spike` block of a connection from a `current` input: it adds to parameters, not states.
    var drivesParameters = false

    var sink: DiagnosticSink { expressions.sink }

    func check(_ statements: [Statement]) {
        for statement in statements { check(statement) }
    }

    /// The names a block assigns, for "reset assigns v twice" checks by callers.
    func check(_ statement: Statement) {
        switch statement.kind {
        case .assignment(let target, let op, let value):
            assignment(target, op, value)
        case .conditional(let condition, let then, let otherwise):
            _ = expressions.requireCondition(condition, role: "the condition of 'if'")
            check(then)
            if let otherwise { check(otherwise) }
        }
    }

    private func assignment(_ target: Expr, _ op: AssignmentOperator, _ value: Expr) {
        guard case .name(let name) = target.kind else {
            _ = expressions.check(value)
            if case .member(let base, let member) = target.kind {
                sink.report(.assignmentToNonState, "`\(sink.text(base.range)).\(member.name)`: another neuron's variables cannot be assigned in \(context)",
                            at: target.range, help: "in `on spike` the target neuron's variables are named directly: `\(member.name) += …`")
            } else {
                sink.report(.assignmentToNonState, "only a variable can be assigned in \(context)", at: target.range)
            }
            return
        }
        let valueType = expressions.check(value)
        guard let binding = expressions.scope.lookup(name) else {
            _ = expressions.check(target)
            return
        }
        if drivesParameters {
            guard binding.kind == .param, op == .add || op == .subtract else {
                sink.report(.currentInputConnection,
                            binding.kind == .param ? "a current input adds to '\(name)': write `\(name) += …` or `\(name) -= …`"
                                : "'\(name)' is \(withArticle(binding.kind.noun)); a current input drives a parameter of its targets, such as I_e",
                            at: target.range,
                            notes: binding.declaration.map { [DiagnosticNote("'\(name)' is declared here", at: $0)] } ?? [],
                            help: "give the model a current parameter used in its equation (`param I_e = 0 nA`, `dv/dt = (v_rest - v + R * I_e) / tau_m`) and write `on spike { I_e += w }`")
                return
            }
        } else if !binding.kind.isAssignable {
            sink.report(.assignmentToNonState, "'\(name)' is \(withArticle(binding.kind.noun)) and cannot be assigned in \(context)",
                        at: target.range,
                        notes: binding.declaration.map { [DiagnosticNote("'\(name)' is declared here", at: $0)] } ?? [],
                        help: binding.kind != .param ? nil : isRule
                            ? "declare it as a rule variable: synaptic \(name) = …, pre \(name) = … or post \(name) = …"
                            : "declare it as a state variable: state \(name) = …")
            return
        }
        guard let targetDimension = binding.value.type.dimension, let d = valueType.type.dimension else {
            if !valueType.type.isInvalid, !binding.value.type.isInvalid {
                sink.report(.quantityRequired, "the value assigned to '\(name)' must be a number or quantity, but `\(sink.text(value.range))` is \(valueType.type)",
                            at: value.range)
            }
            return
        }
        let expected = op == .multiply || op == .divide ? Dimension.none : targetDimension
        guard d != expected, !isZeroLiteral(value) else { return }
        let what = op == .multiply || op == .divide
            ? "'\(op.rawValue)' scales '\(name)' and needs a plain number"
            : "'\(name)' is \(targetDimension.phrase)"
        sink.report(.assignmentDimension, "\(what), but `\(sink.text(value.range))` is \(d.phrase)", at: value.range,
                    notes: binding.declaration.map { [DiagnosticNote("'\(name)' is declared here", at: $0)] } ?? [],
                    help: d.isDimensionless && !expected.isDimensionless
                        ? "multiply by a unit: `\(sink.text(value.range)) * 1 <unit in \(expected)>`" : nil)
    }
}
