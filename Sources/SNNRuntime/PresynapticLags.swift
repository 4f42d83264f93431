// PresynapticLags: how late each synapse of one worker's share of a learning projection sees its source's spikes.
// A synapse with a delay of d steps hands the spike to its target d steps after it was sent; its rule sees it
// d − 1 steps after it was sent (its lag), just before the target does, as a one-step synapse's rule sees a
// spike in the step it was sent. So `on pre` runs when the spike reaches the synapse, and the synapse reads its
// source's traces as they were lag steps ago (PresynapticHistory), as Brian's `on_pre` does with a delay.
// With per-synapse delays, each row's synapses are also listed by lag (with their targets), so that a step's
// `on pre` runs over exactly the synapses that a spike reaches in it, and each entry of the column index has
// its lag. Nil when every lag is 0 (every delay one step): nothing is late.

final class PresynapticLags: @unchecked Sendable {
    let maxLag: Int
    /// The lag of every synapse when they all share one; nil when they differ.
    let uniform: Int?
    /// Per-synapse lags only (else empty): row r's synapses of lag L are entries
    /// `rowLagStart[r · (maxLag + 1) + L] ..< rowLagStart[r · (maxLag + 1) + L + 1]` of `rowLagSynapse`, in row order,
    /// with their targets in `rowLagTarget`.
    let rowLagStart: AlignedBuffer<Int32>
    let rowLagSynapse: AlignedBuffer<Int32>
    let rowLagTarget: AlignedBuffer<Int32>
    /// Per-synapse lags only (else empty): the lag of each entry of the column index (`PlasticStore.columnSynapse`).
    let columnLag: AlignedBuffer<Int32>

    init?(view: SynapseView, uniformDelay: Int, columnSynapse: AlignedBuffer<Int32>) {
        let count = view.synapseCount
        guard let delays = view.delays else {
            guard uniformDelay > 1 else { return nil }
            maxLag = uniformDelay - 1
            uniform = maxLag
            rowLagStart = AlignedBuffer(count: 0)
            rowLagSynapse = AlignedBuffer(count: 0)
            rowLagTarget = AlignedBuffer(count: 0)
            columnLag = AlignedBuffer(count: 0)
            return
        }
        let lag = (0..<count).map { Int(delays[$0]) - 1 }
        guard let longest = lag.max(), longest > 0 else { return nil }
        maxLag = longest
        uniform = nil
        let lags = longest + 1, rows = view.rowStart.count - 1
        var starts = [Int32](repeating: 0, count: rows * lags + 1)
        for row in 0..<rows {
            for s in Int(view.rowStart[row])..<Int(view.rowStart[row + 1]) { starts[row * lags + lag[s] + 1] += 1 }
        }
        for k in 0..<(rows * lags) { starts[k + 1] += starts[k] }
        var cursor = starts
        let synapses = AlignedBuffer<Int32>(count: count), targets = AlignedBuffer<Int32>(count: count)
        for row in 0..<rows {
            for s in Int(view.rowStart[row])..<Int(view.rowStart[row + 1]) {
                let k = Int(cursor[row * lags + lag[s]])
                synapses[k] = Int32(s)
                targets[k] = view.targets[s]
                cursor[row * lags + lag[s]] += 1
            }
        }
        rowLagStart = AlignedBuffer(starts)
        rowLagSynapse = synapses
        rowLagTarget = targets
        columnLag = AlignedBuffer((0..<columnSynapse.count).map { Int32(lag[Int(columnSynapse[$0])]) })
    }

    /// The lags at which some synapse sees spikes.
    var lags: ClosedRange<Int> { (uniform ?? 0)...maxLag }
}
