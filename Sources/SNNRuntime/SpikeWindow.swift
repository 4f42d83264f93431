// SpikeWindow: the spikes of one group over the last few steps, for BP-STDP — each neuron's count in the window,
// kept up to date by a ring of per-step spike lists: recording a step first takes away the spikes of the step
// that leaves the window, then adds this step's (from every worker's list, in worker order). Cost per step is
// proportional to the spikes, not to the group's size.

final class SpikeWindow: @unchecked Sendable {
    let group: Int
    let size: Int
    let steps: Int
    /// Each neuron's spikes in the window (whole numbers, as Float for the weight updates).
    let counts: AlignedBuffer<Float>
    /// `steps` lists of `size` slots: who spiked in each step of the window.
    private let lists: AlignedBuffer<Int32>
    private let listCounts: AlignedBuffer<Int>

    init(group: Int, size: Int, steps: Int) {
        precondition(steps >= 1, "a spike window of \(steps) steps")
        self.group = group
        self.size = size
        self.steps = steps
        counts = AlignedBuffer(count: paddedCount(size))
        lists = AlignedBuffer(count: steps * Swift.max(size, 1))
        listCounts = AlignedBuffer(count: steps)
    }

    /// Moves the window to end at `step`, whose spikes are in the workers' lists of `parity`.
    func record(step: Int, parity: Int, contexts: [WorkerContext]) {
        let slot = step % steps
        let list = lists.pointer + slot * size, c = counts.pointer
        for k in 0..<listCounts[slot] { c[Int(list[k])] -= 1 }
        var n = 0
        for context in contexts {
            let spikes = context.spikeList(group: group, parity: parity)
            for k in 0..<context.spikeCount(group: group, parity: parity) {
                list[n] = spikes[k]
                c[Int(spikes[k])] += 1
                n += 1
            }
        }
        listCounts[slot] = n
    }

    /// An empty window (a new sample).
    func clear() {
        counts.pointer.update(repeating: 0, count: counts.count)
        listCounts.pointer.update(repeating: 0, count: steps)
    }
}
