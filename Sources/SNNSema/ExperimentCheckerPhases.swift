// ExperimentCheckerPhases: the statements of the blocks of train, evaluate and assign labels — presentation and
// rest times, rewards and boosts (training only), settings (`predict`, `target`, `target_rate`), votes that
// need labels, and `freeze VARIABLE of POPULATION` (a population's state variable).

import SNNSource
import SNNSyntax

/// The block a phase statement is in.
enum PhaseBlock {
    case train, evaluate, labels

    var name: String {
        switch self {
        case .train: return "a train block"
        case .evaluate: return "an evaluate block"
        case .labels: return "the block of assign labels"
        }
    }

    var settings: [String] {
        switch self {
        case .train: return ["predict", "target", "target_rate"]
        case .evaluate: return ["predict"]
        case .labels: return []
        }
    }
}

extension ExperimentChecker {
    func phase(_ phase: PhaseStmt, in block: PhaseBlock) {
        switch phase.kind {
        case .present(let t), .rest(let t):
            _ = expressions.require(t, dimension: .time, what: "a presentation or rest time")
        case .reward(let value, let condition, let otherwise):
            guard block == .train else { return notAllowed("reward", in: block, at: phase.range) }
            for part in [value, condition, otherwise].compactMap({ $0 }) where !votesHaveLabels(part) { return }
            if !phaseExpressions.require(value, dimension: .none, what: "a reward").type.isInvalid {
                checkRewardReadouts(value)
            }
            if let condition, !phaseExpressions.requireCondition(condition, role: "the `when` part of a reward").type.isInvalid {
                checkRewardReadouts(condition)
            }
            if let otherwise, !phaseExpressions.require(otherwise, dimension: .none, what: "a reward").type.isInvalid {
                checkRewardReadouts(otherwise)
            }
        case .boost(let target, let amount, let condition):
            guard block == .train else { return notAllowed("boost", in: block, at: phase.range) }
            if target.name != "input" && populations[target.name]?.isInput != true {
                sink.report(.undefinedName, "no input named '\(target.name)' to boost", at: target.range,
                            help: sink.suggestion(for: target.name, among: populations.values.filter(\.isInput).map(\.name.name))
                                ?? "write `boost input rate by …` to boost every input")
            }
            _ = phaseExpressions.require(amount, dimension: .frequency, what: "the rate boost")
            guard votesHaveLabels(condition) else { return }
            if !phaseExpressions.requireCondition(condition, role: "the `while` part of a boost").type.isInvalid {
                checkBoostCondition(condition)
            }
        case .setting(let name, let value):
            setting(name, value, in: block)
        case .freeze(let f):
            freeze(f)
        }
    }

    private func setting(_ name: Identifier, _ value: Expr, in block: PhaseBlock) {
        let allowed = block.settings
        switch name.name {
        case "predict", "target":
            if !allowed.contains(name.name) { return notAllowed(name.name, in: block, at: name.range) }
            guard votesHaveLabels(value) else { return }
            let checked = phaseExpressions.require(value, dimension: .none, what: "'\(name.name)'")
            if name.name == "predict" && !checked.type.isInvalid { checkPrediction(value) }
        case "target_rate":
            if !allowed.contains(name.name) { return notAllowed(name.name, in: block, at: name.range) }
            _ = phaseExpressions.require(value, dimension: .frequency, what: "the target rate")
        default:
            _ = phaseExpressions.check(value)
            sink.report(.unknownArgument, "\(block.name) has no setting '\(name.name)'", at: name.range,
                        help: sink.suggestion(for: name.name, among: allowed)
                            ?? (allowed.isEmpty ? "it holds present, rest and freeze" : "its settings are " + allowed.joined(separator: ", ")))
        }
    }

    /// `freeze theta of exc`: a population (not an input) whose neuron model has that state variable.
    private func freeze(_ f: FreezeStmt) {
        let name = f.population.name
        guard let population = populations[name] else {
            sink.report(.undefinedName, "no population named '\(name)'", at: f.population.range,
                        help: sink.suggestion(for: name, among: populations.values.filter { !$0.isInput }.map(\.name.name)))
            return
        }
        if population.isInput {
            sink.report(.notFreezable, "'\(name)' is an input; only the state variables of a population can be frozen",
                        at: f.population.range, help: "freeze a variable of the population it drives")
            return
        }
        guard let model = models.info(population.modelName) else { return }    // reported with the population
        let states = model.variables.filter { $0.kind == .state }.map(\.name)
        let variable = f.variable.name
        if states.contains(variable) { return }
        let found = model.variables.first { $0.name == variable }
        let message = found.map { "'\(variable)' is a \($0.kind.noun) of '\(population.modelName)', not a state variable: it cannot be frozen" }
            ?? "'\(population.modelName)' (the model of '\(name)') has no state variable '\(variable)'"
        sink.report(.notFreezable, message, at: f.variable.range,
                    help: sink.suggestion(for: variable, among: states)
                        ?? (states.isEmpty ? "'\(population.modelName)' has no state variables"
                            : "its state variables are " + states.joined(separator: ", ")))
    }

    /// Whether every `vote(spike_count(P))` in the expression reads a population P that has labels; reports the
    /// first that does not.
    private func votesHaveLabels(_ expr: Expr) -> Bool {
        for vote in ReadoutFinder.votes(in: expr) {
            guard let population = ReadoutFinder.population(readBy: vote), !labelled.contains(population) else { continue }
            sink.report(.labelsNotAssigned, "vote(…) needs labels for the neurons of '\(population)', but none are assigned yet",
                        at: vote.range, help: "add `assign labels by mean response of \(population)` before this block")
            return false
        }
        return true
    }

    private func notAllowed(_ what: String, in block: PhaseBlock, at range: SourceRange) {
        let home = what == "predict" ? "a train or evaluate block" : "a train block"
        let help: String
        switch (block, what) {
        case (.labels, "boost"): help = "the labelling pass boosts as the last train did: remove it here"
        case (.labels, "reward"): help = "the labelling pass does not learn: remove it here"
        case (.labels, _): help = "the labelling pass presents the samples and counts spikes, nothing else: remove it here"
        default: help = "evaluation does not learn: remove it here"
        }
        sink.report(.phaseNotAllowed, "'\(what)' belongs in \(home), not in \(block.name)", at: range, help: help)
    }
}
