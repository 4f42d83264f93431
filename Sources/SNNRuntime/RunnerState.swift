// RunnerState: everything an ExperimentRunner keeps besides the network — where it is in the experiment
// (step, epoch, next sample, the current step of time), the training report and accuracy count in progress,
// collected responses and assigned labels, and the reports of the steps already done. Codable, for checkpoints.

struct Responses: Codable {
    /// Per class, the summed spike counts of each neuron; and the samples of each class.
    var sums: [[Double]]
    var samples: [Int]

    init(neurons: Int, classes: Int) {
        sums = Array(repeating: Array(repeating: 0, count: neurons), count: classes)
        samples = Array(repeating: 0, count: classes)
    }

    /// Adds one sample's spike counts to its class (a label outside the classes is left out).
    mutating func add(_ counts: [Int32], label: Int) {
        guard label >= 0 && label < samples.count else { return }
        for n in counts.indices { sums[label][n] += Double(counts[n]) }
        samples[label] += 1
    }

    /// Each neuron's class of highest mean response (-1: it never fired).
    var labels: [Int] {
        let size = sums.first?.count ?? 0
        return (0..<size).map { n in
            var best = -1, bestMean = 0.0
            for c in samples.indices where samples[c] > 0 {
                let mean = sums[c][n] / Double(samples[c])
                if mean > bestMean { best = c; bestMean = mean }
            }
            return best
        }
    }
}

struct RunnerResults: Codable {
    var trainings: [TrainingReport] = []
    var evaluations: [EvaluationReport] = []
    var assignments: [LabelAssignmentReport] = []
    var saved: [String] = []
}

struct RunnerState: Codable {
    /// The experiment step being run (index in `ExperimentPlan.steps`).
    var step = 0
    /// Within a `train`: the epoch and the next sample of it, the correct predictions of this epoch so far and
    /// the report so far.
    var epoch = 0
    var sample = 0
    var correct = 0
    var training: TrainingReport?
    /// The summed BP-STDP loss of the epoch in progress.
    var lossSum = 0.0
    /// The next simulation step.
    var now = 0
    var responses: [Int: Responses] = [:]
    var labels: [Int: [Int]] = [:]
    var results = RunnerResults()
}
