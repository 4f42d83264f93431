// BuiltinArgumentChecker: checks the arguments of a built-in pattern, encoder, reader or rule against its
// parameter kinds — dimensions, whole numbers, probabilities, strings, flags, word choices, columns, data —
// and returns each checked argument with its type and, when known before the run, its value.

import SNNSource
import SNNSyntax

struct CheckedArgument {
    var argument: Argument
    var value: TypedValue
    /// The value in SI units when it is a constant.
    var constant: ConstantValue?
    /// The bare word written, for choices and columns.
    var word: String?
}

struct BuiltinArgumentChecker {
    let expressions: ExpressionChecker
    var sink: DiagnosticSink { expressions.sink }

    /// `noun` names the callee in messages ("pattern" → "the pattern 'random'"); "statement" names it alone
    /// and calls its arguments options ("simulate has no option 'sed'").
    func check(_ callee: BuiltinCallee, noun: String, call: CallSyntax) -> [String: CheckedArgument] {
        let isStatement = noun == "statement"
        let matcher = ArgumentMatcher(sink: sink, calleeName: callee.name, calleeKind: isStatement ? nil : noun,
                                      noun: isStatement ? "option" : "parameter",
                                      parameters: callee.parameters.map(\.name),
                                      isRequired: callee.parameters.map(\.isRequired))
        let bound = matcher.match(call.arguments ?? [], callRange: call.range)
        var result: [String: CheckedArgument] = [:]
        for (spec, argument) in zip(callee.parameters, bound) {
            guard let argument else { continue }
            if let checked = check(argument, spec,
                                   in: isStatement ? "the option '\(spec.name)'" : "'\(spec.name)' of '\(callee.name)'") {
                result[spec.name] = checked
            }
        }
        return result
    }

    /// One argument; nil when it was reported as wrong.
    func check(_ argument: Argument, _ spec: ParameterSpec, in what: @autoclosure () -> String) -> CheckedArgument? {
        let expr = argument.value
        let evaluator = ConstantEvaluator(scope: expressions.scope)
        switch spec.kind {
        case .quantity(let d):
            let v = expressions.require(expr, dimension: d, what: what())
            return v.type.isInvalid ? nil : CheckedArgument(argument: argument, value: v, constant: evaluator.evaluate(expr))
        case .data:
            let v = expressions.requireDimensionless(expr, what: what())
            return v.type.isInvalid ? nil : CheckedArgument(argument: argument, value: v, constant: nil)
        case .count, .nonNegativeCount, .probability, .counts:
            return number(argument, spec.kind, what: what())
        case .string:
            guard case .string = expr.kind else {
                sink.report(.argumentDimension, "\(what()) must be a string in double quotes", at: expr.range)
                return nil
            }
            return CheckedArgument(argument: argument, value: TypedValue(.string), constant: nil)
        case .flag:
            guard case .boolean = expr.kind else {
                sink.report(.argumentDimension, "\(what()) must be true or false", at: expr.range)
                return nil
            }
            return CheckedArgument(argument: argument, value: TypedValue(.condition), constant: nil)
        case .choice(let words):
            guard case .name(let word) = expr.kind, words.contains(word) else {
                let written = sink.text(expr.range)
                sink.report(.invalidChoice, "\(what()) must be one of \(words.joined(separator: ", ")), not `\(written)`",
                            at: expr.range, help: sink.suggestion(for: written, among: words))
                return nil
            }
            return CheckedArgument(argument: argument, value: TypedValue(.string), constant: nil, word: word)
        case .column:
            if case .name(let word) = expr.kind {
                return CheckedArgument(argument: argument, value: TypedValue(.string), constant: nil, word: word)
            }
            if case .string(let word) = expr.kind {
                return CheckedArgument(argument: argument, value: TypedValue(.string), constant: nil, word: word)
            }
            return number(argument, .nonNegativeCount, what: what()).map {
                var c = $0
                c.word = $0.constant?.integer.map(String.init)
                return c
            }
        }
    }

    private func number(_ argument: Argument, _ kind: ParameterKind, what: @autoclosure () -> String) -> CheckedArgument? {
        let expr = argument.value
        let v = expressions.requireDimensionless(expr, what: what())
        if v.type.isInvalid { return nil }
        guard let constant = ConstantEvaluator(scope: expressions.scope).evaluate(expr) else {
            sink.report(.notConstant, "\(what()) must be known before the run", at: expr.range,
                        help: "use numbers and constants only, not random draws or variables")
            return nil
        }
        let checked = CheckedArgument(argument: argument, value: v, constant: constant)
        switch kind {
        case .probability:
            guard let p = constant.scalar, (0...1).contains(p) else {
                sink.report(.probabilityOutOfRange, "\(what()) is a probability and must lie in [0, 1], not \(format(constant))",
                            at: expr.range, help: constant.scalar.map { $0 > 1 && $0 <= 100 ? "for a percentage write \(format(constant))%" : nil } ?? nil)
                return nil
            }
        case .count, .nonNegativeCount, .counts:
            let minimum = kind == .nonNegativeCount ? 0 : 1
            if kind != .counts && constant.values.count != 1 {
                sink.report(.valueOutOfRange, "\(what()) must be one whole number", at: expr.range)
                return nil
            }
            if let bad = constant.values.first(where: { $0.rounded() != $0 || $0 < Double(minimum) }) {
                sink.report(.valueOutOfRange, "\(what()) must be a whole number ≥ \(minimum), not \(format(bad))",
                            at: expr.range)
                return nil
            }
        default:
            break
        }
        return checked
    }
}

/// A number for messages: `3`, `0.25`, `[5, 5]`.
func format(_ value: Double) -> String {
    value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
}

func format(_ constant: ConstantValue) -> String {
    constant.values.count == 1 ? format(constant.values[0]) : "[" + constant.values.map(format).joined(separator: ", ") + "]"
}
