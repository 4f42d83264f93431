// ExperimentRunner, `assign labels`: each neuron of the population gets the class of its highest mean spike count
// — over the last epoch of the train before it, or over a labelling pass of its own (`on D`): the samples
// presented as `evaluate` presents them, learning off (no rule runs, no weight is normalised) and the pass's
// frozen buffers held, the counts summed per class.

import Foundation
import SNNPlan

extension ExperimentRunner {
    func assign(_ plan: LabelPlan) -> Bool {
        let name = engine.populations[plan.population].name
        guard let pass = plan.pass else {
            guard let collected = state.responses[plan.population] else { return true }
            state.labels[plan.population] = collected.labels
            state.results.assignments.append(LabelAssignmentReport(population: name, labels: collected.labels))
            return true
        }
        let start = DispatchTime.now().uptimeNanoseconds
        guard let collected = responses(of: plan.population, in: pass) else { return false }
        state.labels[plan.population] = collected.labels
        state.results.assignments.append(LabelAssignmentReport(
            population: name, labels: collected.labels, dataset: experiment.sampleSets[pass.presentation.sampleSet].name,
            samples: collected.samples.reduce(0, +), seconds: Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9))
        return true
    }

    /// The spike counts of `population` per class over the pass's samples; nil when the run stopped.
    private func responses(of population: Int, in pass: LabelPassPlan) -> Responses? {
        stopLearning(frozen: pass.frozen)
        defer { resumeLearning() }
        let set = experiment.sampleSets[pass.presentation.sampleSet]
        let count = min(pass.presentation.samples ?? set.count, set.count)
        var responses = Responses(neurons: engine.populations[population].size, classes: set.classCount)
        var watched: Set<Int> = [population]
        if let boost = pass.boost { watched.insert(boost.population) }
        for index in 0..<count {
            guard let shown = present(set, index, presentation: pass.presentation, boost: pass.boost,
                                      watched: watched) else { return nil }
            responses.add(shown.counts[population]!, label: Int(set.labels[index]))
            guard advance(pass.presentation.restSteps) else { return nil }
            progress?(ExperimentProgress(phase: "label", dataset: set.name, done: index + 1, total: count, correct: nil,
                                         seen: index + 1))
        }
        return responses
    }
}
