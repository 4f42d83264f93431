// ExpressionChecker: the type, dimension and shape of an expression in a scope. Every operator, call and
// literal is checked; each mistake is reported once and its expression becomes `invalid`, which the enclosing
// expressions accept silently, so one mistake never cascades. A bare `0` fits any dimension (`max(0, g)`).

import SNNSource
import SNNSyntax

struct ExpressionChecker {
    let sink: DiagnosticSink
    let scope: Scope

    func check(_ expr: Expr) -> TypedValue {
        switch expr.kind {
        case .number:
            return .number
        case .quantity(_, _, let unit):
            guard let u = UnitResolver.resolve(unit, reportingTo: sink, scope: scope) else { return .invalid }
            return .quantity(u.dimension)
        case .string:
            return TypedValue(.string)
        case .boolean:
            return TypedValue(.condition)
        case .name(let name):
            return resolveName(name, at: expr.range)
        case .unary(let op, let operand):
            return unary(op, operand)
        case .binary(let op, let lhs, let rhs):
            return binary(op, lhs, rhs, whole: expr)
        case .call(let callee, let arguments):
            return call(callee, arguments, whole: expr)
        case .member(let base, let member):
            return self.member(base, member)
        case .index(let base, let indices):
            return index(base, indices)
        case .list(let elements):
            return list(elements)
        case .range(let low, let high):
            for bound in [low, high] { _ = requireDimensionless(bound, what: "a range bound") }
            return TypedValue(.number, shape: nil)
        case .missing:
            return .invalid
        }
    }

    // MARK: - Names

    private func resolveName(_ name: String, at range: SourceRange) -> TypedValue {
        if let binding = scope.lookup(name) { return binding.value }
        var help: String?
        if UnitTable.lookup(name) != nil {
            help = "'\(name)' is a unit; a unit follows a number: write 1 \(name)"
        } else if BuiltinFunction.named(name) != nil {
            help = "'\(name)' is a function: call it as \(name)(…)"
        } else {
            help = sink.suggestion(for: name, among: scope.visibleNames)
        }
        sink.report(.undefinedName, "undefined name '\(name)'", at: range, help: help)
        return .invalid
    }

    // MARK: - Operators

    private func unary(_ op: UnaryOperator, _ operand: Expr) -> TypedValue {
        if op == .not {
            return requireCondition(operand, role: "the operand of 'not'")
        }
        let value = check(operand)
        if value.type.isInvalid { return value }
        guard value.type.dimension != nil else {
            reportNotQuantity(operand, value, role: "the operand of '\(op.rawValue)'")
            return .invalid
        }
        return value
    }

    private func binary(_ op: BinaryOperator, _ lhs: Expr, _ rhs: Expr, whole: Expr) -> TypedValue {
        switch op {
        case .and, .or:
            let a = requireCondition(lhs, role: "the left side of '\(op.rawValue)'")
            let b = requireCondition(rhs, role: "the right side of '\(op.rawValue)'")
            return a.type.isInvalid || b.type.isInvalid ? .invalid : TypedValue(.condition, shape: broadcast(a, b))
        case .power:
            return power(lhs, rhs)
        default:
            break
        }
        let a = check(lhs), b = check(rhs)
        if a.type.isInvalid || b.type.isInvalid { return .invalid }
        if op == .equal || op == .notEqual, a.type == b.type, a.type.dimension == nil {
            return TypedValue(.condition)
        }
        guard let da = a.type.dimension else { reportNotQuantity(lhs, a, role: "the left side of '\(op.rawValue)'"); return .invalid }
        guard let db = b.type.dimension else { reportNotQuantity(rhs, b, role: "the right side of '\(op.rawValue)'"); return .invalid }
        guard let shape = shapes(a, lhs, b, rhs) else { return .invalid }
        switch op {
        case .multiply: return TypedValue(.quantity(da * db), shape: shape)
        case .divide: return TypedValue(.quantity(da / db), shape: shape)
        default: break
        }
        guard da == db else {
            if isZeroLiteral(lhs) || isZeroLiteral(rhs) {
                let d = isZeroLiteral(lhs) ? db : da
                return op.isComparison ? TypedValue(.condition, shape: shape) : TypedValue(.quantity(d), shape: shape)
            }
            let verb = op == .add ? "add" : op == .subtract ? "subtract" : "compare"
            sink.report(.dimensionMismatch, "cannot \(verb) \(phrase(da)) and \(phrase(db))", at: whole.range,
                        label: "`\(sink.text(lhs.range))` is \(ValueType.quantity(da)) but `\(sink.text(rhs.range))` is \(ValueType.quantity(db))",
                        help: addingHelp(da, lhs, db, rhs))
            return .invalid
        }
        return op.isComparison ? TypedValue(.condition, shape: shape) : TypedValue(.quantity(da), shape: shape)
    }

    private func addingHelp(_ da: Dimension, _ lhs: Expr, _ db: Dimension, _ rhs: Expr) -> String {
        if db.isDimensionless, case .number(_, let text) = rhs.kind { return "give the number a unit: `\(text) <unit in \(da)>`" }
        if da.isDimensionless, case .number(_, let text) = lhs.kind { return "give the number a unit: `\(text) <unit in \(db)>`" }
        return "both sides must have the same physical dimension"
    }

    private func power(_ base: Expr, _ exponent: Expr) -> TypedValue {
        let b = check(base)
        let e = requireDimensionless(exponent, what: "an exponent")
        if b.type.isInvalid || e.type.isInvalid { return .invalid }
        guard let d = b.type.dimension else { reportNotQuantity(base, b, role: "the base of '^'"); return .invalid }
        if d.isDimensionless { return b }
        guard let k = ConstantEvaluator(scope: scope).evaluate(exponent)?.scalar, (k * 2).rounded() == k * 2,
              let raised = d.raised(toHalves: Int(k * 2)) else {
            sink.report(.badExponent, "the exponent of a quantity in \(d) must be a constant whole or half number",
                        at: exponent.range, help: "divide the base by its unit first: (x / 1 unit)^y is a plain number")
            return .invalid
        }
        return TypedValue(.quantity(raised), shape: b.shape)
    }

    /// The shape of an element-wise result, reporting two known shapes that differ.
    private func shapes(_ a: TypedValue, _ lhs: Expr, _ b: TypedValue, _ rhs: Expr) -> [Int]?? {
        guard let sa = a.shape, let sb = b.shape else { return .some(nil) }
        if sa.isEmpty { return .some(sb) }
        if sb.isEmpty || sa == sb { return .some(sa) }
        if sa.reduce(1, *) == sb.reduce(1, *) { return .some(sa) }
        sink.report(.shapeMismatch, "`\(sink.text(lhs.range))` has shape \(sa) but `\(sink.text(rhs.range))` has shape \(sb)",
                    at: rhs.range, help: "element-wise operations need equal shapes, or a single value on one side")
        return nil
    }

    private func broadcast(_ a: TypedValue, _ b: TypedValue) -> [Int]? {
        guard let sa = a.shape, let sb = b.shape else { return nil }
        return sa.isEmpty ? sb : sa
    }

    // MARK: - Calls, members, indexing, lists

    private func call(_ callee: Expr, _ arguments: [Argument], whole: Expr) -> TypedValue {
        guard case .name(let name) = callee.kind else {
            sink.report(.unknownFunction, "only named functions can be called", at: callee.range)
            return .invalid
        }
        guard let function = BuiltinFunction.named(name) else {
            if scope.lookup(name) != nil {
                sink.report(.unknownFunction, "'\(name)' is not a function", at: callee.range,
                            help: "remove the parentheses to use its value")
            } else {
                sink.report(.unknownFunction, "unknown function '\(name)'", at: callee.range,
                            help: sink.suggestion(for: name, among: BuiltinFunction.all.map(\.name)))
            }
            return .invalid
        }
        let matcher = ArgumentMatcher(sink: sink, calleeName: name, parameters: function.parameters,
                                      isRequired: function.parameters.indices.map { $0 < function.required })
        let matched = matcher.match(arguments, callRange: whole.range)
        guard matched.prefix(function.required).allSatisfy({ $0 != nil }) else { return .invalid }
        let values = matched.compactMap { $0?.value }
        switch function.rule {
        case .dimensionless:
            let v = requireDimensionless(values[0], what: "the argument of '\(name)'")
            return v.type.isInvalid ? .invalid : TypedValue(.number, shape: v.shape)
        case .squareRoot:
            let v = requireQuantity(values[0], role: "the argument of 'sqrt'")
            guard let d = v.type.dimension, let root = d.raised(toHalves: 1) else { return .invalid }
            return TypedValue(.quantity(root), shape: v.shape)
        case .sameDimension, .random:
            return sameDimension(values, function: name, whole: whole)
        case .spikeCount, .membrane:
            return readout(of: values[0], function: function, whole: whole)
        case .argmax, .vote:
            let v = requireQuantity(values[0], role: "the argument of '\(name)'")
            if v.type.isInvalid { return .invalid }
            return name == "vote" && !scope.allowsReadouts ? notHere(function, whole) : .number
        case .oneHot:
            let v = requireDimensionless(values[0], what: "the argument of 'one_hot'")
            if v.type.isInvalid { return .invalid }
            return scope.allowsReadouts ? .number : notHere(function, whole)
        case .kernelFilter:
            let amplitude = requireQuantity(values[0], role: "the amplitude of '\(name)'")
            for value in values.dropFirst() where requireDimensionless(value, what: "a size of '\(name)'").type.isInvalid {
                return .invalid
            }
            return amplitude.type.isInvalid ? .invalid : TypedValue(amplitude.type, shape: [])
        }
    }

    private func sameDimension(_ values: [Expr], function: String, whole: Expr) -> TypedValue {
        var result: TypedValue?
        var first: Expr?
        for value in values {
            let v = requireQuantity(value, role: "an argument of '\(function)'")
            guard let d = v.type.dimension else { return .invalid }
            if isZeroLiteral(value) && values.count > 1 { continue }
            if let r = result, let rd = r.type.dimension, let f = first {
                guard rd == d else {
                    sink.report(.dimensionMismatch, "the arguments of '\(function)' must have one dimension",
                                at: value.range,
                                label: "`\(sink.text(f.range))` is \(rd.phrase) but `\(sink.text(value.range))` is \(d.phrase)")
                    return .invalid
                }
                if r.shape == [] { result = v }
            } else {
                result = v
                first = value
            }
        }
        return result ?? .number
    }

    private func readout(of argument: Expr, function: BuiltinFunction, whole: Expr) -> TypedValue {
        guard scope.allowsReadouts else { return notHere(function, whole) }
        guard case .name(let target) = argument.kind, let binding = scope.lookup(target) else {
            return check(argument).type.isInvalid ? .invalid : notAPopulation(argument, function)
        }
        guard binding.kind == .entity(.population) || binding.kind == .entity(.input) else {
            return notAPopulation(argument, function)
        }
        return TypedValue(.quantity(.none), shape: binding.value.shape.map { [$0.reduce(1, *)] })
    }

    private func notAPopulation(_ argument: Expr, _ function: BuiltinFunction) -> TypedValue {
        sink.report(.wrongKind, "'\(function.name)' reads a population, not `\(sink.text(argument.range))`",
                    at: argument.range)
        return .invalid
    }

    private func notHere(_ function: BuiltinFunction, _ whole: Expr) -> TypedValue {
        sink.report(.phaseNotAllowed, "'\(function.name)' reads the network's response and belongs in a train or evaluate block",
                    at: whole.range)
        return .invalid
    }

    private func member(_ base: Expr, _ member: Identifier) -> TypedValue {
        guard case .name(let baseName) = base.kind else {
            if !check(base).type.isInvalid {
                sink.report(.unknownMember, "`\(sink.text(base.range))` has no members", at: member.range)
            }
            return .invalid
        }
        guard let binding = scope.lookup(baseName) else { return resolveName(baseName, at: base.range) }
        if let value = scope.member(member.name, of: binding, baseName: baseName) { return value }
        if binding.value.type.isInvalid { return .invalid }
        sink.report(.unknownMember, "\(binding.kind.noun) '\(baseName)' has no member '\(member.name)'",
                    at: member.range, help: sink.suggestion(for: member.name, among: scope.members(of: binding, baseName: baseName)))
        return .invalid
    }

    private func index(_ base: Expr, _ indices: [Expr]) -> TypedValue {
        let b = check(base)
        for i in indices { _ = requireDimensionless(i, what: "an index") }
        if b.type.isInvalid { return .invalid }
        guard let shape = b.shape, !shape.isEmpty else {
            if b.shape == nil { return TypedValue(b.type, shape: nil) }
            sink.report(.shapeMismatch, "`\(sink.text(base.range))` is a single value and cannot be indexed",
                        at: indices.first?.range ?? base.range)
            return .invalid
        }
        let evaluator = ConstantEvaluator(scope: scope)
        for (axis, i) in indices.enumerated() where axis < shape.count {
            if let k = evaluator.evaluate(i)?.integer, !(0..<shape[axis]).contains(k) {
                sink.report(.indexOutOfRange, "index \(k) is outside 0..\(shape[axis] - 1)", at: i.range)
                return .invalid
            }
        }
        return TypedValue(b.type, shape: Array(shape.dropFirst(indices.count)))
    }

    private func list(_ elements: [Expr]) -> TypedValue {
        var dimension: Dimension?
        var first: Expr?
        for element in elements {
            let v = requireQuantity(element, role: "a list element")
            guard let d = v.type.dimension else { return .invalid }
            if let known = dimension, let f = first, known != d {
                sink.report(.dimensionMismatch, "the elements of a list must have one dimension", at: element.range,
                            label: "`\(sink.text(f.range))` is \(known.phrase) but `\(sink.text(element.range))` is \(d.phrase)")
                return .invalid
            }
            dimension = d
            first = first ?? element
        }
        return TypedValue(.quantity(dimension ?? .none), shape: [elements.count])
    }

    // MARK: - Requirements

    func requireCondition(_ expr: Expr, role: @autoclosure () -> String) -> TypedValue {
        let v = check(expr)
        if v.type.isInvalid || v.type == .condition { return v }
        sink.report(.conditionRequired, "\(role()) must be a condition, but `\(sink.text(expr.range))` is \(v.type)",
                    at: expr.range, help: "compare it with something: `\(sink.text(expr.range)) > …`")
        return .invalid
    }

    func requireQuantity(_ expr: Expr, role: @autoclosure () -> String) -> TypedValue {
        let v = check(expr)
        if v.type.isInvalid || v.type.dimension != nil { return v }
        reportNotQuantity(expr, v, role: role())
        return .invalid
    }

    func requireDimensionless(_ expr: Expr, what: @autoclosure () -> String) -> TypedValue {
        let v = requireQuantity(expr, role: what())
        guard let d = v.type.dimension, !d.isDimensionless else { return v }
        sink.report(.dimensionlessRequired, "\(what()) must be a plain number, but `\(sink.text(expr.range))` is \(d.phrase)",
                    at: expr.range, help: "divide by a unit to make it a plain number: `\(sink.text(expr.range)) / 1 <unit>`")
        return .invalid
    }

    /// Checks an expression against an expected dimension; reports with `code` and a message naming `what`.
    func require(_ expr: Expr, dimension expected: Dimension, what: @autoclosure () -> String,
                 code: SemaCode = .argumentDimension) -> TypedValue {
        let v = requireQuantity(expr, role: what())
        guard let d = v.type.dimension, d != expected, !isZeroLiteral(expr) else { return v }
        sink.report(code, "\(what()) must be \(ValueType.quantity(expected)), but `\(sink.text(expr.range))` is \(d.phrase)",
                    at: expr.range, help: expected.isDimensionless ? "remove the unit" : nil)
        return .invalid
    }

    private func reportNotQuantity(_ expr: Expr, _ value: TypedValue, role: String) {
        sink.report(.quantityRequired, "\(role) must be a number or quantity, but `\(sink.text(expr.range))` is \(value.type)",
                    at: expr.range)
    }

    private func phrase(_ d: Dimension) -> String { d.isDimensionless ? "a plain number" : "a value in \(d)" }
}

/// A bare `0`, which is zero in every unit.
func isZeroLiteral(_ expr: Expr) -> Bool {
    if case .number(let value, _) = expr.kind { return value == 0 }
    return false
}
