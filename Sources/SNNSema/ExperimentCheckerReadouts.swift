// ExperimentCheckerReadouts: the forms in which train and evaluate blocks read the network's response, the ones
// `snnc run` computes — a prediction is `argmax(spike_count(P))`, `vote(spike_count(P))` or `argmax(membrane(P))`;
// a reward reads the network only through `argmax(spike_count(P))` and `vote(spike_count(P))`; a boost waits on
// `spike_count(P) < N` — with P a population (an input's spikes are the sample, not a response). Checked here so
// that `snnc check` reports what `snnc run` would refuse.

import SNNSyntax

extension ExperimentChecker {
    /// `predict = …`: reports and returns false unless it is one of the three readouts.
    @discardableResult
    func checkPrediction(_ expr: Expr) -> Bool {
        if let (_, _, population) = readout(expr) { return isResponse(population) }
        sink.report(.unsupportedReadout,
                    "a prediction reads the network as `argmax(spike_count(P))`, `vote(spike_count(P))` or "
                        + "`argmax(membrane(P))`, not `\(sink.text(expr.range))`",
                    at: expr.range, help: "e.g. `predict = argmax(spike_count(\(somePopulation)))`, the neuron with the most spikes")
        return false
    }

    /// A reward: reports the first part that reads the network other than by `argmax`/`vote` of `spike_count(P)`.
    @discardableResult
    func checkRewardReadouts(_ expr: Expr) -> Bool {
        switch expr.kind {
        case .call(let callee, let arguments):
            guard case .name(let name) = callee.kind else { return true }
            switch name {
            case "argmax", "vote":
                guard let (_, read, population) = readout(expr), read == "spike_count" else { return unsupportedInReward(expr) }
                return isResponse(population)
            case "spike_count", "membrane":
                return unsupportedInReward(expr)
            default:
                return arguments.allSatisfy { checkRewardReadouts($0.value) }
            }
        case .unary(_, let e): return checkRewardReadouts(e)
        case .binary(_, let a, let b): return checkRewardReadouts(a) && checkRewardReadouts(b)
        default: return true
        }
    }

    /// `boost … while CONDITION`: reports and returns false unless the condition is `spike_count(P) < N`.
    @discardableResult
    func checkBoostCondition(_ condition: Expr) -> Bool {
        if case .binary(.less, let count, _) = condition.kind, let population = spikeCountTarget(count) {
            return isResponse(population)
        }
        sink.report(.unsupportedReadout,
                    "a boost waits while a population is too silent, `spike_count(P) < N`, not `\(sink.text(condition.range))`",
                    at: condition.range, help: "e.g. `boost input rate by 32 Hz while spike_count(\(somePopulation)) < 5`")
        return false
    }

    private func unsupportedInReward(_ expr: Expr) -> Bool {
        sink.report(.unsupportedReadout,
                    "a reward reads the network through `argmax(spike_count(P))` or `vote(spike_count(P))`, not "
                        + "`\(sink.text(expr.range))`",
                    at: expr.range,
                    help: "compare the predicted class with the label: `reward 1 when argmax(spike_count(\(somePopulation))) == label else -1`")
        return false
    }

    /// `argmax(spike_count(P))`, `vote(spike_count(P))`, `argmax(membrane(P))` → (function, what it reads, P); nil
    /// for other forms.
    private func readout(_ expr: Expr) -> (String, String, Identifier)? {
        guard case .call(let callee, let arguments) = expr.kind, case .name(let function) = callee.kind,
              arguments.count == 1, case .call(let inner, let innerArguments) = arguments[0].value.kind,
              case .name(let read) = inner.kind, innerArguments.count == 1,
              case .name(let population) = innerArguments[0].value.kind else { return nil }
        switch (function, read) {
        case ("argmax", "spike_count"), ("vote", "spike_count"), ("argmax", "membrane"):
            return (function, read, Identifier(population, innerArguments[0].value.range))
        default:
            return nil
        }
    }

    /// `spike_count(P)` → P.
    private func spikeCountTarget(_ expr: Expr) -> Identifier? {
        guard case .call(let callee, let arguments) = expr.kind, case .name("spike_count") = callee.kind,
              arguments.count == 1, case .name(let population) = arguments[0].value.kind else { return nil }
        return Identifier(population, arguments[0].value.range)
    }

    /// Whether `population` is a population rather than an input; reports an input.
    private func isResponse(_ population: Identifier) -> Bool {
        guard populations[population.name]?.isInput == true else { return true }
        sink.report(.unsupportedReadout,
                    "'\(population.name)' is an input: its spikes are the encoded sample, not the network's response",
                    at: population.range, help: "read a population that it drives, e.g. `\(somePopulation)`")
        return false
    }

    /// The model's last declared population (usually its output) to name in an example, or `out`.
    private var somePopulation: String {
        populations.values.filter { !$0.isInput }.max { $0.name.range.start < $1.name.range.start }?.name.name ?? "out"
    }
}
