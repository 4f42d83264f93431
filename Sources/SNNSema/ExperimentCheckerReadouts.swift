// ExperimentCheckerReadouts: the forms in which train and evaluate blocks read the network's response, the ones
// `snnc run` computes — a prediction is `argmax(spike_count(P))`, `vote(spike_count(P))` or `argmax(membrane(P))`;
// a reward reads the network only through `argmax(spike_count(P))` and `vote(spike_count(P))`; a boost waits on
// `spike_count(P) < N` (ReadoutForm) — with P a population (an input's spikes are the sample, not a response).
// Checked here so that `snnc check` reports what `snnc run` would refuse.

import SNNSyntax

extension ExperimentChecker {
    /// `predict = …`: reports anything but one of the three readouts (ReadoutForm).
    func checkPrediction(_ expr: Expr) {
        if let form = ReadoutForm(expr) {
            _ = isResponse(form.population)
            return
        }
        sink.report(.unsupportedReadout,
                    "a prediction reads the network as `argmax(spike_count(P))`, `vote(spike_count(P))` or "
                        + "`argmax(membrane(P))`, not `\(sink.text(expr.range))`",
                    at: expr.range, help: "e.g. `predict = argmax(spike_count(\(somePopulation)))`, the neuron with the most spikes")
    }

    /// A reward: reports the first part that reads the network other than by `argmax`/`vote` of `spike_count(P)`;
    /// false when it did.
    @discardableResult
    func checkRewardReadouts(_ expr: Expr) -> Bool {
        switch expr.kind {
        case .call(let callee, let arguments):
            guard case .name(let name) = callee.kind else { return true }
            switch name {
            case "argmax", "vote":
                guard let form = ReadoutForm(expr), form.reads == "spike_count" else { return unsupportedInReward(expr) }
                return isResponse(form.population)
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

    /// `boost … while CONDITION`: reports a condition other than `spike_count(P) < N`.
    func checkBoostCondition(_ condition: Expr) {
        if case .binary(.less, let count, _) = condition.kind, let population = ReadoutForm.spikeCount(count) {
            _ = isResponse(population)
            return
        }
        sink.report(.unsupportedReadout,
                    "a boost waits while a population is too silent, `spike_count(P) < N`, not `\(sink.text(condition.range))`",
                    at: condition.range, help: "e.g. `boost input rate by 32 Hz while spike_count(\(somePopulation)) < 5`")
    }

    private func unsupportedInReward(_ expr: Expr) -> Bool {
        sink.report(.unsupportedReadout,
                    "a reward reads the network through `argmax(spike_count(P))` or `vote(spike_count(P))`, not "
                        + "`\(sink.text(expr.range))`",
                    at: expr.range,
                    help: "compare the predicted class with the label: `reward 1 when argmax(spike_count(\(somePopulation))) == label else -1`")
        return false
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
