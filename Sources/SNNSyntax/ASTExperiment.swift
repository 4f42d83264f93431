// AST: the experiment — simulate, record, train, evaluate, label assignment, save and load, and the phase
// blocks of train, evaluate and assign labels (with `freeze`).

import SNNSource

/// `simulate 1 s with dt = 0.1 ms, seed = 1`
public struct SimulateStmt: Sendable {
    public var duration: Expr
    public var options: [Argument]
    public var range: SourceRange
}

/// `record spikes, v of exc[0..9], inh with every = 1 ms`
public struct RecordStmt: Sendable {
    public var variables: [Identifier]
    public var targets: [Target]
    public var options: [Argument]
    public var range: SourceRange
}

/// A population (`exc`) or a connection between two (`pixels -> exc`).
public struct Target: Sendable {
    public var source: Endpoint
    public var destination: Endpoint?
    public var range: SourceRange
}

/// `train on mnist, samples = 60000 with gradient(…) { present 350 ms, rest 150 ms }`
public struct TrainStmt: Sendable {
    public var data: Expr
    public var options: [Argument]
    public var method: CallSyntax?
    public var phases: [PhaseStmt]?
    public var range: SourceRange
}

/// `evaluate on mnist_test { predict = vote(spike_count(exc)) }`
public struct EvaluateStmt: Sendable {
    public var data: Expr
    public var options: [Argument]
    public var phases: [PhaseStmt]?
    public var range: SourceRange
}

/// A statement inside the block of a train, an evaluate or an assign labels.
public struct PhaseStmt: Sendable {
    public enum Kind: Sendable {
        case present(Expr)
        case rest(Expr)
        /// `reward +1 when cond else -1`, or `reward expr`.
        case reward(value: Expr, condition: Expr?, otherwise: Expr?)
        /// `boost input rate by 32 Hz while spike_count(exc) < 5`
        case boost(target: Identifier, amount: Expr, condition: Expr)
        /// `predict = argmax(spike_count(out))`
        case setting(name: Identifier, value: Expr)
        /// `freeze theta of exc`
        case freeze(FreezeStmt)
    }
    public var kind: Kind
    public var range: SourceRange
}

/// `freeze theta of exc`: a state variable of a population kept at its value from the start of the phase. Also an
/// item of its own, for the checker to report outside a phase block.
public struct FreezeStmt: Sendable {
    public var variable: Identifier
    public var population: Identifier
    public var range: SourceRange
}

/// `assign labels by mean response of exc`, or with a pass of its own over samples with learning off:
/// `assign labels by mean response of exc on mnist, samples = 10000 { present 350 ms; freeze theta of exc }`.
public struct AssignLabelsStmt: Sendable {
    public var method: [Identifier]
    public var population: Endpoint
    /// The samples of the labelling pass (nil: the responses of the last training epoch).
    public var data: Expr?
    public var options: [Argument]
    public var phases: [PhaseStmt]?
    public var range: SourceRange
}

/// `save weights to "file.snnw"`, `load weights of pixels -> exc from "file.snnw"`
public struct TransferStmt: Sendable {
    public var what: Identifier
    public var targets: [Target]
    public var path: Expr
    public var range: SourceRange
}
