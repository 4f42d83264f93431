// GlobalScope: the file-level names — constants, populations, inputs and datasets — in one namespace that is
// independent of declaration order. Constants are typed on first use; a constant defined through itself is
// reported once. Datasets expose their fields (`mnist.image`, `iris.features`, `label`) and split parts.

import SNNSource
import SNNSyntax

final class GlobalScope: Scope {
    struct Entity {
        var kind: BindingKind
        var declaration: SourceRange
        var value: TypedValue
    }

    let sink: DiagnosticSink
    private(set) var entities: [String: Entity] = [:]
    private var constantExpressions: [String: Expr] = [:]
    private var constantTypes: [String: TypedValue] = [:]
    private var inProgress: Set<String> = []
    /// Dataset fields by dataset name: `image`, `features`, `label` with their shapes.
    var datasetFields: [String: [String: TypedValue]] = [:]
    /// Split parts by dataset name.
    var datasetParts: [String: [String]] = [:]

    init(sink: DiagnosticSink) { self.sink = sink }

    /// Declares a name; reports a redefinition (with a note at the first) and returns false if it exists.
    @discardableResult
    func declare(_ name: Identifier, kind: BindingKind, value: TypedValue = .invalid, constant: Expr? = nil) -> Bool {
        if let first = entities[name.name] {
            sink.report(.redefinition, "'\(name.name)' is already declared as \(withArticle(first.kind.noun))", at: name.range,
                        notes: [DiagnosticNote("first declared here", at: first.declaration)],
                        help: "every population, input, dataset and constant needs its own name")
            return false
        }
        entities[name.name] = Entity(kind: kind, declaration: name.range, value: value)
        if let constant { constantExpressions[name.name] = constant }
        return true
    }

    func setValue(_ value: TypedValue, of name: String) { entities[name]?.value = value }

    func lookup(_ name: String) -> NameBinding? {
        guard let entity = entities[name] else { return nil }
        let value = entity.kind == .constant ? constantType(name) : entity.value
        return NameBinding(kind: entity.kind, value: value, declaration: entity.declaration)
    }

    var visibleNames: [String] { Array(entities.keys) }

    func constant(_ name: String) -> ConstantValue? {
        guard let expr = constantExpressions[name], !inProgress.contains(name) else { return nil }
        inProgress.insert(name)
        defer { inProgress.remove(name) }
        return ConstantEvaluator(scope: self).evaluate(expr)
    }

    func member(_ member: String, of base: NameBinding, baseName: String) -> TypedValue? {
        guard base.kind == .entity(.dataset) else { return nil }
        if datasetParts[baseName]?.contains(member) == true { return TypedValue(.entity(.datasetPart)) }
        return datasetFields[baseName]?[member]
    }

    func members(of base: NameBinding, baseName: String) -> [String] {
        guard base.kind == .entity(.dataset) else { return [] }
        return (datasetParts[baseName] ?? []) + (datasetFields[baseName]?.keys.sorted() ?? [])
    }

    private func constantType(_ name: String) -> TypedValue {
        if let known = constantTypes[name] { return known }
        guard let expr = constantExpressions[name] else { return .invalid }
        if inProgress.contains(name) {
            sink.report(.circularDefinition, "constant '\(name)' is defined in terms of itself",
                        at: entities[name]!.declaration)
            constantTypes[name] = .invalid
            return .invalid
        }
        inProgress.insert(name)
        let value = ExpressionChecker(sink: sink, scope: self).check(expr)
        inProgress.remove(name)
        if constantTypes[name] == nil { constantTypes[name] = value }
        return constantTypes[name]!
    }

    /// Types every constant (so unused ones are checked too); a constant names a value, not a population.
    func checkConstants() {
        for name in constantExpressions.keys.sorted() {
            if case .entity(let kind) = constantType(name).type, let expr = constantExpressions[name] {
                sink.report(.wrongKind, "a constant holds a number, quantity, string or list, not \(withArticle(kind.rawValue))",
                            at: expr.range, help: "use the \(kind.rawValue)'s name directly where it is needed")
            }
        }
    }
}

/// The experiment's view: the globals plus `label`; readouts only inside train and evaluate blocks.
struct ExperimentScope: Scope {
    let globals: GlobalScope
    let allowsReadouts: Bool

    func lookup(_ name: String) -> NameBinding? {
        if name == "label", globals.lookup(name) == nil {
            return NameBinding(kind: .experimentValue, value: .number, declaration: nil)
        }
        return globals.lookup(name)
    }

    var visibleNames: [String] { globals.visibleNames + ["label"] }
    func member(_ member: String, of base: NameBinding, baseName: String) -> TypedValue? {
        globals.member(member, of: base, baseName: baseName)
    }
    func members(of base: NameBinding, baseName: String) -> [String] { globals.members(of: base, baseName: baseName) }
    func constant(_ name: String) -> ConstantValue? { globals.constant(name) }
}
