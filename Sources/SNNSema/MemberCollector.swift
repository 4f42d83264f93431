// MemberCollector: sorts the members of a model (its bases' first) into variables, equations, threshold, reset,
// refractory, method and handlers. A member redeclared in the derived model replaces the inherited one; the same
// thing declared twice in one model is reported with a note pointing at the first.

import SNNSource
import SNNSyntax

struct Placed<Value> {
    var value: Value
    var range: SourceRange
    var isOwn: Bool
}

struct MemberCollector {
    let sink: DiagnosticSink
    let isRule: Bool
    private(set) var variables: [DeclaredVariable] = []
    /// Inherited variables that an own declaration replaced, by name.
    private(set) var overridden: [String: DeclaredVariable] = [:]
    private(set) var equations: [(String, (equation: Equation, isOwn: Bool))] = []
    private(set) var threshold: Placed<Expr>?
    private(set) var reset: Placed<[Statement]>?
    private(set) var refractory: Placed<Expr>?
    private(set) var method: Placed<Identifier>?
    private(set) var handlers: [(String, Placed<EventHandler>)] = []

    init(sink: DiagnosticSink, isRule: Bool) {
        self.sink = sink
        self.isRule = isRule
    }

    mutating func add(_ member: Member, isOwn: Bool) {
        switch member.kind {
        case .variable(let v):
            addVariable(DeclaredVariable(name: v.name, kind: BindingKind(v.role), unit: v.unit, initial: v.initial,
                                         doc: member.doc, isOwn: isOwn))
            if let equation = v.equation { addEquation(equation, isOwn: isOwn) }
        case .alias(let name, let value):
            addVariable(DeclaredVariable(name: name, kind: .alias, unit: nil, initial: value, doc: member.doc, isOwn: isOwn))
        case .equation(let equation):
            addEquation(equation, isOwn: isOwn)
        case .threshold(let condition):
            threshold = replacing(threshold, Placed(value: condition, range: member.range, isOwn: isOwn), "threshold")
        case .reset(let statements):
            reset = replacing(reset, Placed(value: statements, range: member.range, isOwn: isOwn), "reset")
        case .refractory(let period):
            refractory = replacing(refractory, Placed(value: period, range: member.range, isOwn: isOwn), "refractory period")
        case .method(let name):
            method = replacing(method, Placed(value: name, range: member.range, isOwn: isOwn), "method")
        case .handler(let handler):
            let placed = Placed(value: handler, range: member.range, isOwn: isOwn)
            if let index = handlers.firstIndex(where: { $0.0 == handler.event.name }) {
                handlers[index].1 = replacing(handlers[index].1, placed, "`on \(handler.event.name)` handler")!
            } else {
                handlers.append((handler.event.name, placed))
            }
        }
    }

    private var noun: String { isRule ? "rule" : "neuron model" }

    private mutating func addVariable(_ variable: DeclaredVariable) {
        guard let index = variables.firstIndex(where: { $0.name.name == variable.name.name }) else {
            variables.append(variable)
            return
        }
        let previous = variables[index]
        if previous.isOwn && variable.isOwn {
            sink.report(.redefinition, "'\(variable.name.name)' is already declared in this \(noun)",
                        at: variable.name.range, notes: [DiagnosticNote("first declared here", at: previous.name.range)],
                        help: "rename one of them, or remove the second declaration")
            return
        }
        overridden[variable.name.name] = previous
        variables[index] = variable
    }

    private mutating func addEquation(_ equation: Equation, isOwn: Bool) {
        let name = equation.variable.name
        if let index = equations.firstIndex(where: { $0.0 == name }) {
            if equations[index].1.isOwn && isOwn {
                sink.report(.duplicateMember, "a second equation for '\(name)'", at: equation.range,
                            notes: [DiagnosticNote("the first one is here", at: equations[index].1.equation.range)],
                            help: "a variable has one equation; add the terms together")
            } else {
                equations[index].1 = (equation, isOwn)
            }
            return
        }
        equations.append((name, (equation, isOwn)))
    }

    private func replacing<V>(_ existing: Placed<V>?, _ new: Placed<V>, _ what: @autoclosure () -> String) -> Placed<V>? {
        if let existing, existing.isOwn, new.isOwn {
            sink.report(.duplicateMember, "a second \(what()) in this \(noun)", at: new.range,
                        notes: [DiagnosticNote("the first one is here", at: existing.range)],
                        help: "\(withArticle(noun)) has one \(what()); combine them")
            return existing
        }
        return new
    }
}
