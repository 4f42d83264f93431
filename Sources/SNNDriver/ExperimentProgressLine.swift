// ExperimentProgressLine: the progress of a learning experiment on standard error — one ProgressBar per
// `train` or `evaluate` phase, labelled with the phase and dataset, with the running accuracy after the ETA.

import SNNRuntime

final class ExperimentProgressLine: @unchecked Sendable {
    private let write: (String) -> Void
    private var bar: ProgressBar?
    private var key = ""

    init(write: @escaping (String) -> Void) { self.write = write }

    func update(_ progress: ExperimentProgress) {
        let current = "\(progress.phase) \(progress.dataset)"
        if current != key {
            bar?.finish()
            bar = ProgressBar(total: progress.total, label: current, write: write)
            key = current
        }
        var note = ""
        if let correct = progress.correct, progress.seen > 0 {
            note = "accuracy \(Int((Double(correct) / Double(progress.seen) * 100).rounded()))%"
        }
        bar?.update(progress.done, note: note)
    }

    func finish() { bar?.finish() }
}
