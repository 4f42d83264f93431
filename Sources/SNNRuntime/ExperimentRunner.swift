// ExperimentRunner: runs an ExperimentPlan's steps in order on one Engine — `simulate` (plain steps, learning
// on), `train` (samples presented one by one with learning on: normalise, encode, present, boost if silent,
// reward, rest), `assign labels` (ExperimentRunnerLabels: each neuron's class of highest mean response, in the
// last training epoch or in a pass of its own), `evaluate` (learning off, confusion matrix), `save`/`load`
// (WeightFile). The buffers a phase freezes stay frozen from its first step to its last. A sample is encoded once per
// presentation into its inputs' sources, which go silent for the rest. Without a rest period every sample
// starts from the network's initial state. Everything the runner itself keeps is in `state` (RunnerState), so
// that a checkpoint taken between two training samples (Checkpoint) resumes exactly where it was taken.

import Foundation
import SNNPlan

public struct ExperimentFiles: Sendable {
    /// Where `save … to PATH` writes, and where `load … from PATH` reads (nil: not found).
    public var output: @Sendable (String) -> String
    public var input: @Sendable (String) -> String?

    public init(output: @escaping @Sendable (String) -> String, input: @escaping @Sendable (String) -> String?) {
        self.output = output
        self.input = input
    }
}

final class ExperimentRunner {
    let engine: Engine
    let experiment: ExperimentPlan
    let files: ExperimentFiles
    let progress: ((ExperimentProgress) -> Void)?
    var state = RunnerState()
    /// Called between training samples when a checkpoint is due (every `checkpointInterval` samples).
    var checkpoint: ((ExperimentRunner) -> Void)?
    var checkpointInterval = 0
    private var samplesSinceCheckpoint = 0
    /// Why the run stopped early, when a step failed (a file that cannot be read or written).
    var failure: String?
    /// The last network trained by surrogate gradients and the population it reads out: `evaluate` of that
    /// readout runs it (ExperimentRunnerGradient).
    var gradient: (trainer: GradientTrainer, readout: Int)?

    var now: Int {
        get { state.now }
        set { state.now = newValue }
    }

    init(engine: Engine, experiment: ExperimentPlan, files: ExperimentFiles, progress: ((ExperimentProgress) -> Void)?) {
        self.engine = engine
        self.experiment = experiment
        self.files = files
        self.progress = progress
    }

    /// Runs every step from `state.step` on; false when the run stopped early (Ctrl-C, divergence, a file error).
    func run() -> Bool {
        while state.step < experiment.steps.count {
            let ok: Bool
            switch experiment.steps[state.step] {
            case .simulate(let steps):
                engine.learning = true
                ok = advance(steps)
            case .train(let plan): ok = train(plan)
            case .trainGradient(let plan): ok = trainGradient(plan)
            case .assignLabels(let plan): ok = assign(plan)
            case .evaluate(let plan): ok = evaluate(plan)
            case .save(let transfer): ok = save(transfer)
            case .load(let transfer): ok = load(transfer)
            }
            if !ok { return false }
            state.step += 1
        }
        return true
    }

    func advance(_ steps: Int) -> Bool {
        guard steps > 0 else { return true }
        let ok = engine.run(from: now, to: now + steps)
        now += steps
        return ok
    }

    // MARK: - Presenting a sample

    /// Shows sample `index` of `set` (boosting while too silent) and returns the spike counts of `watched`
    /// populations during the last presentation, and how many presentations it took; nil when stopped.
    func present(_ set: SampleSet, _ index: Int, presentation: PresentationPlan, boost: BoostPlan?,
                         watched: Set<Int>) -> (counts: [Int: [Int32]], presentations: Int)? {
        for rule in engine.plasticity where engine.learning {
            if let total = rule.plan.normalizeIncoming { rule.stores.forEach { $0.normalize(to: total) } }
        }
        if presentation.restSteps == 0 && now > 0 { engine.resetState() }
        var rateBoost = 0.0
        var shown = 0
        let featureCount = set.featureCount
        while true {
            shown += 1
            set.features.withUnsafeBufferPointer { all in
                let sample = UnsafeBufferPointer(rebasing: all[(index * featureCount)..<((index + 1) * featureCount)])
                for encoder in experiment.encoders {
                    let encoded = SampleEncoder.encode(encoder, sample: sample, dt: engine.plan.dt, rateBoost: rateBoost)
                    engine.sources[encoder.source].present(encoded, startStep: now)
                }
            }
            engine.applyCurrents()
            let before = watched.map { ($0, engine.populations[$0].spikeCounts.array) }
            let advanced = advance(presentation.presentSteps)
            // A rule's variable that went bad spoils the neurons next; the run's result names it (Engine.result).
            if engine.learning && engine.plasticity.contains(where: { $0.firstNonFinite(step: 0) != nil }) { return nil }
            guard advanced else { return nil }
            var counts: [Int: [Int32]] = [:]
            for (p, old) in before {
                let new = engine.populations[p].spikeCounts.pointer
                counts[p] = (0..<engine.populations[p].size).map { new[$0] - old[$0] }
            }
            for encoder in experiment.encoders { engine.sources[encoder.source].silence() }
            engine.applyCurrents()
            if let boost, shown < boost.maximumPresentations,
               (counts[boost.population] ?? []).reduce(0, +) < boost.minimumSpikes {
                guard advance(presentation.restSteps) else { return nil }
                rateBoost += boost.amount
                continue
            }
            return (counts, shown)
        }
    }

    /// The class a readout predicts from spike counts; nil when it cannot tell (no spikes, no labels).
    private func predict(_ readout: ReadoutPlan, _ counts: [Int: [Int32]], classes: Int) -> Int? {
        guard let c = counts[readout.population] else { return nil }
        switch readout {
        case .argmaxCount:
            guard let best = c.indices.max(by: { c[$0] < c[$1] || (c[$0] == c[$1] && $0 > $1) }), c[best] > 0 else { return nil }
            return best
        case .argmaxMembrane:
            return nil    // read by the gradient trainer (evaluateGradient)
        case .vote(let population):
            guard let assigned = state.labels[population] else { return nil }
            var sums = [Double](repeating: 0, count: classes), members = [Int](repeating: 0, count: classes)
            for (neuron, label) in assigned.enumerated() where label >= 0 && label < classes {
                sums[label] += Double(c[neuron])
                members[label] += 1
            }
            let means = (0..<classes).map { members[$0] > 0 ? sums[$0] / Double(members[$0]) : -1 }
            guard let best = means.indices.max(by: { means[$0] < means[$1] || (means[$0] == means[$1] && $0 > $1) }),
                  means[best] > 0 else { return nil }
            return best
        }
    }

    // MARK: - Steps

    private func train(_ plan: TrainPlan) -> Bool {
        let start = DispatchTime.now().uptimeNanoseconds
        engine.learning = true
        engine.freeze(plan.frozen)
        defer { engine.freeze([]) }
        let set = experiment.sampleSets[plan.presentation.sampleSet]
        let perEpoch = min(plan.presentation.samples ?? set.count, set.count)
        var watched = Set(plan.responses)
        if let predict = plan.predict { watched.insert(predict.population) }
        for readout in plan.reward?.readouts ?? [] { watched.insert(readout.population) }
        if let boost = plan.boost { watched.insert(boost.population) }
        var report = state.training ?? TrainingReport(dataset: set.name, epochs: plan.presentation.epochs, samplesShown: 0,
                                                      extraPresentations: 0, lastEpochCorrect: plan.predict == nil ? nil : 0,
                                                      lastEpochSamples: 0, seconds: 0)
        let resumedSeconds = report.seconds
        func elapsed() -> Double { resumedSeconds + Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9 }
        while state.epoch < plan.presentation.epochs {
            let last = state.epoch == plan.presentation.epochs - 1
            if last && state.sample == 0 {
                for p in plan.responses {
                    state.responses[p] = Responses(neurons: engine.populations[p].size, classes: set.classCount)
                }
            }
            while state.sample < perEpoch {
                let index = state.sample
                if let teacher = plan.teacher { engine.supervised?.begin(label: Int(set.labels[index]), teacher: teacher) }
                guard let shown = present(set, index, presentation: plan.presentation, boost: plan.boost, watched: watched) else {
                    return false
                }
                if plan.teacher != nil, let supervised = engine.supervised { state.lossSum += supervised.presentationLoss }
                engine.supervised?.end()
                let label = Int(set.labels[index])
                report.samplesShown += 1
                report.extraPresentations += shown.presentations - 1
                if let predict = plan.predict, self.predict(predict, shown.counts, classes: set.classCount) == label {
                    state.correct += 1
                }
                if let reward = plan.reward { deliver(reward, shown.counts, label: label, classes: set.classCount) }
                if last {
                    for p in plan.responses { state.responses[p]!.add(shown.counts[p]!, label: label) }
                }
                guard advance(plan.presentation.restSteps) else { return false }
                state.sample += 1
                progress?(ExperimentProgress(phase: "train", dataset: set.name, done: state.epoch * perEpoch + state.sample,
                                             total: perEpoch * plan.presentation.epochs,
                                             correct: plan.predict == nil ? nil : state.correct, seen: state.sample))
                samplesSinceCheckpoint += 1
                if let checkpoint, checkpointInterval > 0, samplesSinceCheckpoint >= checkpointInterval {
                    report.seconds = elapsed()
                    state.training = report
                    checkpoint(self)
                    samplesSinceCheckpoint = 0
                    if failure != nil { return false }
                }
            }
            if last {
                report.lastEpochSamples = perEpoch
                if plan.predict != nil { report.lastEpochCorrect = state.correct }
            }
            if plan.teacher != nil && engine.supervised != nil { report.epochLosses.append(state.lossSum / Double(max(perEpoch, 1))) }
            state.lossSum = 0
            state.epoch += 1
            state.sample = 0
            state.correct = 0
        }
        report.seconds = elapsed()
        state.results.trainings.append(report)
        state.training = nil
        state.epoch = 0
        return true
    }

    private func deliver(_ reward: RewardPlan, _ counts: [Int: [Int32]], label: Int, classes: Int) {
        let predict = { (readout: ReadoutPlan) in self.predict(readout, counts, classes: classes) }
        guard reward.isPerNeuron else {
            let r = Float(reward.value(neuron: 0, label: label, predict: predict))
            for rule in engine.plasticity {
                for w in rule.stores.indices { rule.reward(r, worker: w, step: now, seed: engine.seed) }
            }
            return
        }
        for rule in engine.plasticity {
            let size = engine.populations[rule.targetPopulation].size
            let values = (0..<size).map { Float(reward.value(neuron: $0, label: label, predict: predict)) }
            values.withUnsafeBufferPointer { perTarget in
                for w in rule.stores.indices {
                    rule.reward(0, perTarget: perTarget.baseAddress, worker: w, step: now, seed: engine.seed)
                }
            }
        }
    }

    /// Learning off and `frozen` held, for a phase that only presents (evaluate, a labelling pass).
    func stopLearning(frozen: [FrozenBuffer]) {
        engine.learning = false
        engine.freeze(frozen)
    }

    /// Learning on again and nothing held.
    func resumeLearning() {
        engine.learning = true
        engine.freeze([])
    }

    private func evaluate(_ plan: EvaluatePlan) -> Bool {
        if let network = plan.network { return evaluateGradient(plan, trainerWithCurrentWeights(network)) }
        if let gradient, gradient.readout == plan.predict.population { return evaluateGradient(plan, gradient.trainer) }
        let start = DispatchTime.now().uptimeNanoseconds
        stopLearning(frozen: plan.frozen)
        defer { resumeLearning() }
        let set = experiment.sampleSets[plan.presentation.sampleSet]
        let classes = set.classCount
        var confusion = Array(repeating: Array(repeating: 0, count: classes), count: classes)
        var unpredicted = Array(repeating: 0, count: classes)
        let count = min(plan.presentation.samples ?? set.count, set.count)
        var correct = 0
        for index in 0..<count {
            var watched: Set<Int> = [plan.predict.population]
            if let boost = plan.boost { watched.insert(boost.population) }
            guard let shown = present(set, index, presentation: plan.presentation, boost: plan.boost,
                                      watched: watched) else { return false }
            let label = Int(set.labels[index])
            // An argmax over more neurons than classes may name no class: that is no prediction.
            if let predicted = predict(plan.predict, shown.counts, classes: classes), predicted < classes {
                confusion[label][predicted] += 1
                if predicted == label { correct += 1 }
            } else {
                unpredicted[label] += 1
            }
            guard advance(plan.presentation.restSteps) else { return false }
            progress?(ExperimentProgress(phase: "evaluate", dataset: set.name, done: index + 1, total: count,
                                         correct: correct, seen: index + 1))
        }
        state.results.evaluations.append(EvaluationReport(dataset: set.name, classNames: set.classNames, confusion: confusion,
                                                   unpredicted: unpredicted,
                                                   seconds: Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9))
        return true
    }

    private func save(_ transfer: TransferPlan) -> Bool {
        let saved = transfer.projections.map {
            SavedProjection(name: engine.plan.projections[$0].name, variables: engine.synapticVariables(of: $0))
        }
        let path = files.output(transfer.path)
        do {
            try WeightFile.write(saved, modelHash: experiment.modelHash, to: path)
            state.results.saved.append(path)
            return true
        } catch {
            failure = "could not write '\(path)': \(error.localizedDescription)"
            return false
        }
    }

    private func load(_ transfer: TransferPlan) -> Bool {
        guard let path = files.input(transfer.path) else {
            failure = "the weight file '\(transfer.path)' is not found"
            return false
        }
        do {
            let saved = try WeightFile.read(path: path, modelHash: experiment.modelHash)
            for p in transfer.projections {
                let name = engine.plan.projections[p].name
                guard let file = saved.first(where: { $0.name == name }) else {
                    throw WeightFile.FormatError(description: "'\(path)' has no weights for \(name)")
                }
                for (variable, values) in file.variables {
                    guard values.count == engine.plan.projections[p].synapseCount else {
                        throw WeightFile.FormatError(description: "'\(path)' has \(values.count) synapses for \(name), the model \(engine.plan.projections[p].synapseCount)")
                    }
                    if variable == "w" { engine.setWeights(values, of: p) } else { _ = engine.setSynapticVariable(variable, values, of: p) }
                }
            }
            return true
        } catch {
            failure = "\(error)"
            return false
        }
    }
}
