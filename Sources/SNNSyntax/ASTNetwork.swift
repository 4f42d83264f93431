// AST: the network and its data — populations, inputs, connections, datasets, splits and constants.

import SNNSource

/// `population exc = lif(tau_m = 10 ms)[400]`
public struct PopulationDecl: Sendable {
    public var name: Identifier
    public var model: ModelRef
    public var range: SourceRange
}

/// `input pixels = poisson(rate = mnist.image * 63.75 Hz)`
public struct InputDecl: Sendable {
    public var name: Identifier
    public var encoder: ModelRef
    public var range: SourceRange
}

/// A neuron model or encoder with its arguments and shape: `lif(tau_m = 10 ms)[3]`, `poisson(rate = 5 Hz)[100]`.
public struct ModelRef: Sendable {
    public var call: CallSyntax
    /// Empty when no `[…]` was written.
    public var shape: [Expr]
    public var range: SourceRange
}

public struct ConnectDecl: Sendable {
    public var sources: [Endpoint]
    public var targets: [Endpoint]
    public var pattern: CallSyntax
    public var clauses: [ConnectClause]
    public var range: SourceRange
}

/// A population or input, optionally sliced: `exc`, `exc[0..99]`.
public struct Endpoint: Sendable {
    public var name: Identifier
    public var slice: [Expr]?
    public var range: SourceRange
}

public struct ConnectClause: Sendable {
    public enum Kind: Sendable {
        /// `weight = …`, `delay = …`
        case argument(Argument)
        case learn(CallSyntax)
        /// `normalize incoming to 78`
        case normalize(direction: Identifier, total: Expr)
        case onSpike(EventHandler)
    }
    public var kind: Kind
    public var range: SourceRange
}

/// `dataset iris = csv("iris.csv", label = species)`
public struct DatasetDecl: Sendable {
    public var name: Identifier
    public var source: CallSyntax
    public var range: SourceRange
}

/// `split iris: train 80%, test 20%, shuffle, seed = 7`
public struct SplitDecl: Sendable {
    public var dataset: Identifier
    public var parts: [SplitPart]
    public var range: SourceRange
}

public struct SplitPart: Sendable {
    public var name: Identifier
    public var value: Expr?
    /// Written `name = value` (an option) rather than `name value` (a part of the data).
    public var isOption: Bool
    public var range: SourceRange
}

public struct ConstDecl: Sendable {
    public var name: Identifier
    public var value: Expr
    public var range: SourceRange
}
