// ModelScope: the names inside a neuron model or rule — its variables and `let` values, then the file's
// constants. Types are computed on first use (a state's initial value may use a param declared below it), and
// a value defined in terms of itself is reported once.

import SNNSource
import SNNSyntax

/// One variable or `let` of a model as declared, before its type is known.
struct DeclaredVariable {
    var name: Identifier
    var kind: BindingKind
    var unit: UnitExpr?
    var initial: Expr?
    var doc: String?
    /// Declared in the model being checked (false: inherited through `extends`).
    var isOwn: Bool
}

final class ModelScope: Scope {
    let sink: DiagnosticSink
    /// Inherited members were checked with their own model; their mistakes go nowhere here.
    let quietSink: DiagnosticSink
    let globals: Scope
    private(set) var declared: [String: DeclaredVariable] = [:]
    private(set) var order: [String] = []
    private var types: [String: TypedValue] = [:]
    private var inProgress: Set<String> = []
    /// Names bound only inside one handler (`r` in `on reward(r)`).
    var eventArguments: [String: SourceRange] = [:]

    init(sink: DiagnosticSink, globals: Scope) {
        self.sink = sink
        self.quietSink = DiagnosticSink(sources: sink.sources)
        self.globals = globals
    }

    func declare(_ variable: DeclaredVariable) {
        if declared[variable.name.name] == nil { order.append(variable.name.name) }
        declared[variable.name.name] = variable
    }

    func lookup(_ name: String) -> NameBinding? {
        if let range = eventArguments[name] {
            return NameBinding(kind: .eventArgument, value: .number, declaration: range)
        }
        guard let variable = declared[name] else {
            return globals.lookup(name)
        }
        return NameBinding(kind: variable.kind, value: type(of: name), declaration: variable.name.range)
    }

    var visibleNames: [String] { order + Array(eventArguments.keys) + globals.visibleNames }

    func constant(_ name: String) -> ConstantValue? {
        declared[name] == nil ? globals.constant(name) : nil
    }

    /// A checker that reports into the sink for this variable's origin.
    func checker(forOwn isOwn: Bool) -> ExpressionChecker {
        ExpressionChecker(sink: isOwn ? sink : quietSink, scope: self)
    }

    func type(of name: String) -> TypedValue {
        if let known = types[name] { return known }
        guard let variable = declared[name] else { return .invalid }
        if inProgress.contains(name) {
            (variable.isOwn ? sink : quietSink).report(
                .circularDefinition, "'\(name)' is defined in terms of itself", at: variable.name.range,
                help: variable.kind == .alias || variable.kind == .constant
                    ? "a value cannot depend on itself; use a state variable with an equation instead"
                    : "an initial value or default cannot depend on itself; start from a constant or a parameter")
            types[name] = .invalid
            return .invalid
        }
        inProgress.insert(name)
        let result = computeType(variable)
        inProgress.remove(name)
        if types[name] == nil { types[name] = result }
        return types[name]!
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
