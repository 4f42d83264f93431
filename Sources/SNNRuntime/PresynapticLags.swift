// PresynapticLags: how late each synapse of one worker's share of a learning projection sees its source's spikes.
// A synapse with a delay of d steps hands the spike to its target d steps after it was sent; its rule sees it
// d − 1 steps after it was sent (its lag), just before the target does, as a one-step synapse's rule sees a
// spike in the step it was sent. So `on pre` runs when the spike reaches the synapse, and the synapse reads its
// source's traces as they were lag steps ago (PresynapticHistory), as Brian's `on_pre` does with a delay.
// With per-synapse delays the view keeps each row's synapses ordered by delay (SynapseView.split), so the
// synapses of one lag are a run of the row: their bounds are listed per row and lag, and each entry of the
// column index has its lag. Nil when every lag is 0 (every delay one step): nothing is late.

final class PresynapticLags: @unchecked Sendable {
    let maxLag: Int
    /// The lag of every synapse when they all share one; nil when they differ.
    let uniform: Int?
    /// Per-synapse lags only (else empty): row r's synapses of lag L are synapses
    /// `rowLagStart[r · (maxLag + 1) + L] ..< rowLagStart[r · (maxLag + 1) + L + 1]` of the view.
    let rowLagStart: AlignedBuffer<Int32>
    /// Per-synapse lags only (else empty): the lag of each entry of the column index (`PlasticStore.columnSynapse`).
    let columnLag: AlignedBuffer<Int32>

    init?(view: SynapseView, uniformDelay: Int, columnSynapse: AlignedBuffer<Int32>) {
        guard let delays = view.delays else {
            guard uniformDelay > 1 else { return nil }
            maxLag = uniformDelay - 1
            uniform = maxLag
            rowLagStart = AlignedBuffer(count: 0)
            columnLag = AlignedBuffer(count: 0)
            return
        }
        let lag = (0..<view.synapseCount).map { Int(delays[$0]) - 1 }
        guard let longest = lag.max(), longest > 0 else { return nil }
        maxLag = longest
        uniform = nil
        let lags = longest + 1, rows = view.rowStart.count - 1
        var starts = [Int32](repeating: 0, count: rows * lags + 1)
        for row in 0..<rows {
            let start = Int(view.rowStart[row]), end = Int(view.rowStart[row + 1])
            precondition((start..<end).dropFirst().allSatisfy { lag[$0 - 1] <= lag[$0] },
                         "a learning projection's rows are ordered by delay")
            var s = start
            for l in 0..<lags {
                starts[row * lags + l] = Int32(s)
                while s < end && lag[s] == l { s += 1 }
            }
        }
        starts[rows * lags] = Int32(view.synapseCount)
        rowLagStart = AlignedBuffer(starts)
        columnLag = AlignedBuffer((0..<columnSynapse.count).map { Int32(lag[Int(columnSynapse[$0])]) })
    }

    /// The lags at which some synapse sees spikes.
    var lags: ClosedRange<Int> { (uniform ?? 0)...maxLag }

    /// Per-synapse lags only: the synapses of row `row` with lag `lag` (a run of the view).
    @inline(__always)
    func run(row: Int, lag: Int) -> Range<Int> {
        let group = row * (maxLag + 1) + lag
        return Int(rowLagStart[group])..<Int(rowLagStart[group + 1])
    }
}
