// ExperimentResult: what a learning experiment reports — per `train`, the samples shown and the running
// accuracy of its readout; per `evaluate`, accuracy, per-class accuracy and the confusion matrix; per
// `assign labels`, each neuron's class (and its labelling pass, if it had one) — plus the run's totals (RunResult).

import SNNPlan

public struct TrainingReport: Sendable, Codable {
    public var dataset: String
    public var epochs: Int
    public var samplesShown: Int
    /// Presentations beyond the first (`boost … while`).
    public var extraPresentations: Int
    /// Correct predictions of the readout in the last epoch (nil without a readout), and its sample count.
    public var lastEpochCorrect: Int?
    public var lastEpochSamples: Int
    public var seconds: Double
    /// The mean loss of each epoch: gradient training's, or BP-STDP's output error Σ ξ² per teacher spike (empty
    /// for other training).
    public var epochLosses: [Double] = []

    /// The threads the gradient trainer used (nil: the event-driven engine's, which the run summary states).
    public var trainerThreads: Int? = nil

    /// The mean loss of the last epoch (gradient training).
    public var lastEpochLoss: Double? { epochLosses.last }

    public var lastEpochAccuracy: Double? {
        lastEpochCorrect.map { lastEpochSamples > 0 ? Double($0) / Double(lastEpochSamples) : 0 }
    }
}

public struct EvaluationReport: Sendable, Codable {
    public var dataset: String
    public var classNames: [String]
    /// confusion[true class][predicted class]; a prediction of no class (no spikes, no labelled neurons) is
    /// counted in `unpredicted` instead.
    public var confusion: [[Int]]
    public var unpredicted: [Int]
    public var seconds: Double

    public var samples: Int { confusion.reduce(0) { $0 + $1.reduce(0, +) } + unpredicted.reduce(0, +) }
    public var correct: Int { confusion.indices.reduce(0) { $0 + confusion[$1][$1] } }
    public var accuracy: Double { samples > 0 ? Double(correct) / Double(samples) : 0 }

    /// Accuracy per true class (nil for a class without samples).
    public var perClassAccuracy: [Double?] {
        confusion.indices.map { c in
            let total = confusion[c].reduce(0, +) + unpredicted[c]
            return total > 0 ? Double(confusion[c][c]) / Double(total) : nil
        }
    }
}

public struct LabelAssignmentReport: Sendable, Codable {
    public var population: String
    /// The class of each neuron (-1: never fired).
    public var labels: [Int]
    /// For a labelling pass of its own (`assign labels … on D`): its dataset, samples and wall time; nil for
    /// labels from the last training epoch.
    public var dataset: String? = nil
    public var samples: Int? = nil
    public var seconds: Double? = nil
}

public struct ExperimentResult: Sendable {
    public var run: RunResult
    public var trainings: [TrainingReport]
    public var evaluations: [EvaluationReport]
    public var assignments: [LabelAssignmentReport]
    /// Files written by `save`, as the driver resolved them.
    public var savedFiles: [String]
    /// Why the experiment stopped early (a `load` that failed, a file that could not be written), if it did.
    public var failure: String?
    /// The checkpoint the run resumed from, if it did.
    public var resumedFrom: String?
    /// The weights of every learning connection at the end, in plan order, by projection index.
    public var learnedWeights: [Int: [Float]] = [:]
}

/// Progress of a long experiment, reported after every sample.
public struct ExperimentProgress: Sendable {
    /// `train`, `label` (a labelling pass) or `evaluate`, and the dataset.
    public var phase: String
    public var dataset: String
    public var done: Int
    public var total: Int
    /// Correct predictions so far in this phase (this epoch for training), when there is a readout.
    public var correct: Int?
    public var seen: Int
}
