// ModelScope: the names inside a neuron model or rule — its variables and `let` values, then the file's
// constants. Types are computed on first use (a state's initial value may use a param declared below it), and
// a value defined in terms of itself is reported once.

import SNNSource
import SNNSyntax

/// One variable or `let` of a model as declared, before its type is known. A class, so that the collector,
/// the scope and the checker share one copy of each.
final class DeclaredVariable {
    let name: Identifier
    let kind: BindingKind
    let unit: UnitExpr?
    let initial: Expr?
    let doc: String?
    /// Declared in the model being checked (false: inherited through `extends`).
    let isOwn: Bool

    init(name: Identifier, kind: BindingKind, unit: UnitExpr?, initial: Expr?, doc: String?, isOwn: Bool) {
        self.name = name
        self.kind = kind
        self.unit = unit
        self.initial = initial
        self.doc = doc
        self.isOwn = isOwn
    }
}

final class ModelScope: Scope {
    /// Where the type of a variable stands: not asked for yet, being computed (asked again: a cycle), or known.
    private enum Typing {
        case pending, inProgress
        case known(TypedValue)
    }

    let sink: DiagnosticSink
    /// Inherited members were checked with their own model; their mistakes go nowhere here.
    let quietSink: DiagnosticSink
    let globals: Scope
    /// The variables in declaration order; a name's slot indexes them and their typing.
    let variables: [DeclaredVariable]
    private let slots: [String: Int]
    private var typing: [Typing]

    /// A variable declared twice by name (which the member collector reports) keeps the first one's place and
    /// the second one's declaration.
    init(sink: DiagnosticSink, globals: Scope, variables declared: [DeclaredVariable]) {
        self.sink = sink
        self.quietSink = DiagnosticSink(sources: sink.sources)
        self.globals = globals
        var variables: [DeclaredVariable] = [], slots: [String: Int] = [:]
        variables.reserveCapacity(declared.count)
        slots.reserveCapacity(declared.count)
        for variable in declared {
            if let slot = slots.updateValue(variables.count, forKey: variable.name.name) {
                slots[variable.name.name] = slot
                variables[slot] = variable
            } else {
                variables.append(variable)
            }
        }
        self.variables = variables
        self.slots = slots
        self.typing = Array(repeating: .pending, count: variables.count)
    }

    /// The variable declared with this name, if any.
    func declared(_ name: String) -> DeclaredVariable? { slots[name].map { variables[$0] } }

    func lookup(_ name: String) -> NameBinding? {
        guard let slot = slots[name] else { return globals.lookup(name) }
        return NameBinding(kind: variables[slot].kind, value: type(ofVariableAt: slot, named: name),
                           declaration: variables[slot].name.range)
    }

    var visibleNames: [String] { variableNames + globals.visibleNames }

    /// The variables' names in declaration order.
    var variableNames: [String] { variables.map(\.name.name) }

    func constant(_ name: String) -> ConstantValue? {
        slots[name] == nil ? globals.constant(name) : nil
    }

    /// A checker that reports into the sink for this variable's origin.
    func checker(forOwn isOwn: Bool) -> ExpressionChecker {
        ExpressionChecker(sink: isOwn ? sink : quietSink, scope: self)
    }

    /// The type of `variables[slot]`, computed on first use; a variable whose value needs itself is reported once
    /// (by `name`, as it is written where it is used) and is `invalid`.
    func type(ofVariableAt slot: Int, named name: String) -> TypedValue {
        switch typing[slot] {
        case .known(let value):
            return value
        case .inProgress:
            let variable = variables[slot]
            (variable.isOwn ? sink : quietSink).report(
                .circularDefinition, "'\(name)' is defined in terms of itself", at: variable.name.range,
                help: variable.kind == .alias || variable.kind == .constant
                    ? "a value cannot depend on itself; use a state variable with an equation instead"
                    : "an initial value or default cannot depend on itself; start from a constant or a parameter")
            typing[slot] = .known(.invalid)
            return .invalid
        case .pending:
            typing[slot] = .inProgress
            let result = computeType(variables[slot])
            if case .known(let settled) = typing[slot] { return settled }   // a cycle through it settled it
            typing[slot] = .known(result)
            return result
        }
    }

    /// The dimension an inherited variable had in its own model (its declared unit, else its value's), checked
    /// quietly: the base model reports its own mistakes.
    func declaredDimension(of variable: DeclaredVariable) -> Dimension? {
        if let unit = variable.unit { return UnitResolver.resolve(unit)?.dimension }
        guard let initial = variable.initial else { return nil }
        return checker(forOwn: false).check(initial).type.dimension
    }

    private func computeType(_ variable: DeclaredVariable) -> TypedValue {
        let checker = checker(forOwn: variable.isOwn)
        var declaredUnit: PhysicalUnit?
        if let unit = variable.unit {
            guard let u = UnitResolver.resolve(unit, reportingTo: checker.sink, scope: self) else { return .invalid }
            declaredUnit = u
        }
        guard let initial = variable.initial else {
            return declaredUnit.map { .quantity($0.dimension) } ?? (variable.kind == .state ? .invalid : .number)
        }
        let value = checker.check(initial)
        guard let unit = declaredUnit else { return value }
        if let d = value.type.dimension, d != unit.dimension, !(d.isDimensionless && isZero(initial)) {
            checker.sink.report(.declaredUnitMismatch,
                                "'\(variable.name.name)' is declared \(unit.dimension.phrase) but its value `\(checker.sink.text(initial.range))` is \(d.phrase)",
                                at: initial.range)
        }
        return TypedValue(.quantity(unit.dimension), shape: value.shape)
    }

    private func isZero(_ expr: Expr) -> Bool {
        if case .number(let v, _) = expr.kind { return v == 0 }
        return false
    }
}
