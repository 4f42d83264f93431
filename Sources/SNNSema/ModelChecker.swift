// ModelChecker: checks neuron models and learning rules — `extends` resolved (members redeclared in the derived
// model replace the base's), every variable typed, equations in the unit of their variable per time, threshold
// a condition, resets and handlers assigning state, refractory a time or condition, known methods, unused
// params warned about — and produces a ModelInfo for each.

import SNNSource
import SNNSyntax

struct ModelDeclaration {
    var name: Identifier
    var kind: ModelInfo.Kind
    var base: Identifier?
    var members: [Member]
    var doc: String?
    var isPrelude: Bool
}

final class ModelChecker {
    static let methods = ["exact", "euler", "rk2", "rk4", "exponential_euler"]
    static let ruleEvents = ["pre", "post", "reward"]

    let sink: DiagnosticSink
    let globals: Scope
    /// The models in force: the file's, and the prelude's that the file does not replace.
    let declarations: [String: ModelDeclaration]
    /// The prelude's own models: a prelude model extends these, whatever the file declares.
    let preludeDeclarations: [String: ModelDeclaration]
    /// Every model checked so far (the file's, and the prelude's that were used).
    private(set) var infos: [String: ModelInfo] = [:]
    private var flattening: Set<String> = []
    private var reportedCycles: Set<String> = []

    init(sink: DiagnosticSink, globals: Scope, declarations: [String: ModelDeclaration],
         preludeDeclarations: [String: ModelDeclaration]) {
        self.sink = sink
        self.globals = globals
        self.declarations = declarations
        self.preludeDeclarations = preludeDeclarations
    }

    /// The checked model, computed once.
    func info(_ name: String) -> ModelInfo? {
        if let known = infos[name] { return known }
        guard let declaration = declarations[name] else { return nil }
        let info = check(declaration)
        infos[name] = info
        return info
    }

    // MARK: - extends

    /// The model and the models it extends, the farthest base first (their members are inherited, the last
    /// one's are its own), or nil (after a diagnostic) when `extends` names no model of the same kind or forms a
    /// cycle.
    private func lineage(of declaration: ModelDeclaration) -> [ModelDeclaration]? {
        guard let base = declaration.base else { return [declaration] }
        let noun = declaration.kind == .neuron ? "neuron model" : "rule"
        let pool = declaration.isPrelude ? preludeDeclarations : declarations
        guard let baseDeclaration = pool[base.name] else {
            let candidates = declarations.values.filter { $0.kind == declaration.kind }.map(\.name.name)
            sink.report(.extendsProblem, "there is no \(noun) named '\(base.name)' to extend", at: base.range,
                        help: sink.suggestion(for: base.name, among: candidates))
            return nil
        }
        guard baseDeclaration.kind == declaration.kind else {
            sink.report(.extendsProblem, "'\(base.name)' is a \(baseDeclaration.kind.rawValue); a \(noun) can only extend a \(noun)",
                        at: base.range, notes: [DiagnosticNote("'\(base.name)' is declared here", at: baseDeclaration.name.range)])
            return nil
        }
        guard !flattening.contains(base.name), base.name != declaration.name.name else {
            let cycle = flattening.union([declaration.name.name])
            if reportedCycles.isDisjoint(with: cycle) {
                reportedCycles.formUnion(cycle)
                sink.report(.extendsProblem, base.name == declaration.name.name
                                ? "\(noun) '\(declaration.name.name)' extends itself"
                                : "\(noun) '\(declaration.name.name)' extends itself through '\(base.name)'",
                            at: base.range, help: "remove one `extends` of the cycle")
            }
            return nil
        }
        flattening.insert(declaration.name.name)
        defer { flattening.remove(declaration.name.name) }
        guard let inherited = lineage(of: baseDeclaration) else { return nil }
        return inherited + [declaration]
    }

    // MARK: - Checking one model

    private func check(_ declaration: ModelDeclaration) -> ModelInfo {
        let info = ModelInfo(name: declaration.name.name, kind: declaration.kind, nameRange: declaration.name.range,
                             doc: declaration.doc, isPrelude: declaration.isPrelude)
        let errorsBefore = sink.errorCount
        let resolved = lineage(of: declaration)
        let lineage = resolved ?? [declaration]
        var collected = MemberCollector(sink: sink, isRule: declaration.kind == .rule)
        for (depth, model) in lineage.enumerated() {
            for member in model.members { collected.add(member, isOwn: depth == lineage.count - 1) }
        }
        let scope = ModelScope(sink: sink, globals: globals, variables: collected.variables)

        for slot in scope.variables.indices {
            let variable = scope.variables[slot]
            let value = scope.type(ofVariableAt: slot, named: variable.name.name)
            info.variables.append(VariableInfo(name: variable.name.name, kind: variable.kind, value: value,
                                               initial: variable.initial, declaration: variable.name.range,
                                               doc: variable.doc))
            guard variable.isOwn else { continue }
            checkVariable(variable, value: value, scope: scope, overriding: collected.overridden[variable.name.name])
        }
        let bodies = ModelBodyChecker(sink: sink, scope: scope, modelName: declaration.name.name,
                                      isRule: declaration.kind == .rule)
        for (name, equation) in collected.equations {
            info.equations[name] = equation.equation
            if equation.isOwn { bodies.checkEquation(equation.equation) }
        }
        info.threshold = collected.threshold?.value
        info.reset = collected.reset?.value ?? []
        info.refractory = collected.refractory?.value
        info.method = collected.method?.value
        for (event, handler) in collected.handlers { info.handlers[event] = handler.value }
        bodies.checkOwnBodies(collected)
        // After an error in the model (a misspelt use, a bad `extends`) a param may look unused only because of it.
        if resolved != nil, sink.errorCount == errorsBefore {
            warnUnusedParameters(collected, lineage: lineage)
        }
        return info
    }

    private func checkVariable(_ variable: DeclaredVariable, value: TypedValue, scope: ModelScope,
                               overriding base: DeclaredVariable?) {
        if variable.kind == .state, variable.initial == nil {
            sink.report(.missingInitialValue, "state '\(variable.name.name)' has no initial value",
                        at: variable.name.range, help: "give it one: state \(variable.name.name) = …")
        }
        if variable.kind == .param || variable.kind == .state, let initial = variable.initial,
           let type = Optional(value.type), type == .string || type.dimension == nil && type != .invalid {
            sink.report(.quantityRequired, "the value of \(variable.kind.noun) '\(variable.name.name)' must be a number or quantity, but `\(sink.text(initial.range))` is \(type)",
                        at: initial.range, help: type == .string ? "remove the quotes: a quantity is written `20 ms`" : nil)
        }
        if variable.kind == .param, let initial = variable.initial, let state = dynamicVariable(usedBy: initial, in: scope) {
            sink.report(.parameterDependsOnState,
                        "the default of parameter '\(variable.name.name)' depends on the \(state.kind.noun) '\(state.name)'",
                        at: initial.range, help: "a parameter is fixed before the run; use `let` for a value that follows the state")
        }
        if let base, let d = value.type.dimension, let bd = scope.declaredDimension(of: base), bd != d {
            sink.report(.declaredUnitMismatch,
                        "'\(variable.name.name)' is \(d.phrase) here but \(bd.phrase) in the model it extends",
                        at: variable.initial?.range ?? variable.name.range,
                        notes: [DiagnosticNote("the base declaration", at: base.name.range)])
        }
    }

    /// A state (or rule variable) the expression uses, directly or through `let` values.
    private func dynamicVariable(usedBy expr: Expr, in scope: ModelScope) -> (name: String, kind: BindingKind)? {
        var pending = NameCollector.names(in: expr), seen = Set<String>()
        while let name = pending.popLast() {
            guard seen.insert(name).inserted, let variable = scope.declared(name) else { continue }
            switch variable.kind {
            case .state, .synaptic, .preTrace, .postTrace: return (name, variable.kind)
            case .alias: pending += variable.initial.map(NameCollector.names(in:)) ?? []
            default: break
            }
        }
        return nil
    }

    private func warnUnusedParameters(_ collected: MemberCollector, lineage: [ModelDeclaration]) {
        let parameters = collected.variables.filter { $0.isOwn && $0.kind == .param }
        guard !parameters.isEmpty else { return }
        let names = parameters.map(\.name.name)
        var used = [Bool](repeating: false, count: parameters.count)
        for model in lineage {
            for member in model.members {
                NameCollector.forEachName(in: member) { name in
                    if let found = names.firstIndex(of: name) { used[found] = true }
                }
            }
        }
        for (variable, isUsed) in zip(parameters, used) where !isUsed {
            sink.report(.unusedParameter, "parameter '\(variable.name.name)' is never used",
                        at: variable.name.range, help: "remove it, or use it in an equation, threshold or reset")
        }
    }
}
