// ModelInfo: a neuron model or learning rule after checking — its variables with their kinds and types, with
// `extends` already applied — as later stages (the network checker, the plan, the LSP's hover) need it.

import SNNSource
import SNNSyntax

public struct VariableInfo: Sendable {
    public var name: String
    public var kind: BindingKind
    public var value: TypedValue
    /// The default or initial value (nil for a rule trace that starts at 0).
    public var initial: Expr?
    public var declaration: SourceRange
    public var doc: String?
}

public final class ModelInfo: @unchecked Sendable {
    public enum Kind: String, Sendable { case neuron = "neuron model", rule }

    public let name: String
    public let kind: Kind
    public let nameRange: SourceRange
    public let doc: String?
    public let isPrelude: Bool
    /// Params, states, lets and rule variables in declaration order, base model's first.
    public internal(set) var variables: [VariableInfo] = []
    /// Equations by state name.
    public internal(set) var equations: [String: Equation] = [:]
    public internal(set) var threshold: Expr?
    public internal(set) var reset: [Statement] = []
    public internal(set) var refractory: Expr?
    public internal(set) var method: Identifier?
    /// Rule handlers by event (`pre`, `post`, `reward`).
    public internal(set) var handlers: [String: EventHandler] = [:]

    init(name: String, kind: Kind, nameRange: SourceRange, doc: String?, isPrelude: Bool) {
        self.name = name
        self.kind = kind
        self.nameRange = nameRange
        self.doc = doc
        self.isPrelude = isPrelude
    }

    public func variable(_ name: String) -> VariableInfo? {
        variables.firstIndex { $0.name == name }.map { variables[$0] }
    }

    public var parameters: [VariableInfo] { variables.filter { $0.kind == .param } }

    /// The names a population or `learn` clause may set: params and the initial values of variables.
    public var settableNames: [String] { variables.filter { $0.kind != .alias }.map(\.name) }
}
