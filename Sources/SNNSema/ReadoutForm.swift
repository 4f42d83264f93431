// ReadoutForm: the shapes in which an experiment reads the network's response to a sample — `argmax(spike_count(P))`,
// `vote(spike_count(P))`, `argmax(membrane(P))`, and `spike_count(P)` alone (a boost's condition). The checker
// (ExperimentCheckerReadouts) accepts only these and the planner (ExperimentCompiler) compiles them, both from here.

import SNNSyntax

public struct ReadoutForm {
    /// `argmax` or `vote`.
    public let function: String
    /// `spike_count` or `membrane`.
    public let reads: String
    /// The group read, P.
    public let population: Identifier

    /// nil unless `expr` is one of the three readouts.
    public init?(_ expr: Expr) {
        guard case .call(let callee, let arguments) = expr.kind, case .name(let function) = callee.kind,
              arguments.count == 1, case .call(let inner, let innerArguments) = arguments[0].value.kind,
              case .name(let reads) = inner.kind, innerArguments.count == 1,
              case .name(let population) = innerArguments[0].value.kind else { return nil }
        switch (function, reads) {
        case ("argmax", "spike_count"), ("vote", "spike_count"), ("argmax", "membrane"): break
        default: return nil
        }
        self.function = function
        self.reads = reads
        self.population = Identifier(population, innerArguments[0].value.range)
    }

    /// `spike_count(P)` → P; nil for anything else.
    public static func spikeCount(_ expr: Expr) -> Identifier? {
        guard case .call(let callee, let arguments) = expr.kind, case .name("spike_count") = callee.kind,
              arguments.count == 1, case .name(let population) = arguments[0].value.kind else { return nil }
        return Identifier(population, arguments[0].value.range)
    }
}
