// ExperimentRunner, gradient training: `train … with gradient(…)` runs a GradientTrainer for the plan's epochs
// (learning-rate and loss reported per epoch through the training report), then writes the trained weights
// back into the network's projections (so `save`, `record weights` and later simulations see them);
// `evaluate` of the trained readout predicts with the same trainer (the discrete-time network it trained).

import Foundation
import SNNPlan

extension ExperimentRunner {
    func trainGradient(_ plan: GradientTrainPlan) -> Bool {
        let start = DispatchTime.now().uptimeNanoseconds
        let set = experiment.sampleSets[plan.presentation.sampleSet]
        // Batches are cut the same way for any thread count, so all cores can work (the simulation's own thread
        // rule is about its per-step work, not this).
        let threads = engine.options.threads > 0 ? engine.options.threads : ProcessInfo.processInfo.activeProcessorCount
        let trainer = GradientTrainer(plan: plan.network, threads: threads)
        let perEpoch = min(plan.presentation.samples ?? set.count, set.count)
        var last: GradientEpochReport?
        var losses: [Double] = []
        for epoch in 0..<plan.presentation.epochs {
            last = trainer.trainEpoch(set, epoch: epoch, samples: perEpoch)
            losses.append(last!.meanLoss)
            progress?(ExperimentProgress(phase: "train", dataset: set.name, done: (epoch + 1) * perEpoch,
                                         total: perEpoch * plan.presentation.epochs,
                                         correct: Int((last!.trainingAccuracy * Double(perEpoch)).rounded()), seen: perEpoch))
            if engine.options.stopRequested() { return false }
        }
        for (layer, projection) in zip(trainer.plan.layers, plan.projections) {
            engine.setWeights(synapseWeights(layer, engine.plan.projections[projection]), of: projection)
        }
        gradient = (trainer, plan.readout)
        state.results.trainings.append(TrainingReport(
            dataset: set.name, epochs: plan.presentation.epochs, samplesShown: perEpoch * plan.presentation.epochs,
            extraPresentations: 0, lastEpochCorrect: last.map { Int(($0.trainingAccuracy * Double(perEpoch)).rounded()) },
            lastEpochSamples: perEpoch, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9,
            epochLosses: losses, trainerThreads: threads))
        return true
    }

    /// A trainer for `plan`'s layers holding the network's current weights (loaded from a file, say).
    func trainerWithCurrentWeights(_ plan: GradientTrainPlan) -> GradientTrainer {
        var network = plan.network
        for (l, projection) in plan.projections.enumerated() {
            let synapses = engine.plan.projections[projection]
            let current = engine.weights(of: projection)
            let scale = synapses.effects.first?.scale ?? 1
            let layer = network.layers[l]
            synapses.table.forEachSynapse { source, s, target in
                if let k = layer.weightIndex(source: source, target: target) { network.layers[l].weights[k] = current[s] * scale }
            }
        }
        return GradientTrainer(plan: network, threads: engine.options.threads > 0 ? engine.options.threads
                                   : ProcessInfo.processInfo.activeProcessorCount)
    }

    /// A layer's weights in the projection's synapse order (the projection's effect scale divided out; a
    /// convolution's shared weight copied to every synapse of its tap; pooling's weights as they were).
    private func synapseWeights(_ layer: GradientLayer, _ projection: ProjectionPlan) -> [Float] {
        var values = projection.weights
        let scale = projection.effects.first?.scale ?? 1
        projection.table.forEachSynapse { source, s, target in
            if let k = layer.weightIndex(source: source, target: target) { values[s] = layer.weights[k] / scale }
        }
        return values
    }

    func evaluateGradient(_ plan: EvaluatePlan, _ trainer: GradientTrainer) -> Bool {
        let start = DispatchTime.now().uptimeNanoseconds
        let set = experiment.sampleSets[plan.presentation.sampleSet]
        let count = min(plan.presentation.samples ?? set.count, set.count)
        let predictions = trainer.predict(set, samples: count)
        var confusion = Array(repeating: Array(repeating: 0, count: set.classCount), count: set.classCount)
        for (index, predicted) in predictions.enumerated() {
            let label = Int(set.labels[index])
            if predicted < set.classCount { confusion[label][predicted] += 1 }
        }
        state.results.evaluations.append(EvaluationReport(dataset: set.name, classNames: set.classNames, confusion: confusion,
                                                          unpredicted: Array(repeating: 0, count: set.classCount),
                                                          seconds: Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9))
        return true
    }
}
