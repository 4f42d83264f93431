// PresynapticHistory: one worker's record of a learning projection's recent presynaptic activity, kept for
// synapses that see spikes late (PresynapticLags): for each of the last maxLag + 2 steps, the sources that fired
// with their presynaptic traces as `on pre` reads them (before that step's updates), and every source's traces
// as the step's updates left them. A synapse of lag L meets at step t the spikes of step t − L with the traces
// they were sent with, and in `on post` reads its source's traces of step t − L. A step that does not follow
// the last one recorded (the first, the first after learning was off, or after the network was reset) starts
// the record afresh: every past step holds the traces as they are now, and no spike is on its way.

final class PresynapticHistory: @unchecked Sendable {
    let slots: Int
    /// Entries per step: the sources' padded count.
    let stride: Int
    let traceCount: Int
    /// Per presynaptic trace: `slots` rows of `stride` values, every source's trace after the step.
    let traces: [AlignedBuffer<Float>]
    /// Per slot: the sources that fired in its step, ascending, and how many.
    let spikes: AlignedBuffer<Int32>
    let spikeCounts: AlignedBuffer<Int>
    /// Per slot and trace, a row of `stride`: the trace of each spike of `spikes` before the step's update.
    let spikeTraces: AlignedBuffer<Float>
    /// The step last recorded (`Int.min`: none), in a buffer so that a checkpoint keeps it with the rest.
    let lastStep = AlignedBuffer<Int>([Int.min])

    init(maxLag: Int, traceCount: Int, sourceSize: Int) {
        let slots = maxLag + 2, stride = paddedCount(sourceSize)
        self.slots = slots
        self.stride = stride
        self.traceCount = traceCount
        traces = (0..<traceCount).map { _ in AlignedBuffer(count: slots * stride) }
        spikes = AlignedBuffer(count: slots * stride)
        spikeCounts = AlignedBuffer(count: slots)
        spikeTraces = AlignedBuffer(count: slots * traceCount * stride)
    }

    @inline(__always)
    private func slot(_ step: Int) -> Int { ((step % slots) + slots) % slots }

    /// The sources that fired at `step` (one of the last `slots` steps), and their traces before the step's update:
    /// trace k of spike j is `traces[k · stride + j]`.
    @inline(__always)
    func spikes(step: Int) -> (sources: UnsafePointer<Int32>, traces: UnsafePointer<Float>, count: Int) {
        let s = slot(step)
        return (UnsafePointer(spikes.pointer + s * stride), UnsafePointer(spikeTraces.pointer + s * traceCount * stride),
                spikeCounts[s])
    }

    /// Called at the start of `step`, before the traces decay: starts afresh unless the step follows the last one.
    func begin(step: Int, traces current: UnsafePointer<UnsafeMutablePointer<Float>>) {
        if lastStep[0] == step - 1 { return }
        for k in 0..<traceCount {
            for s in 0..<slots { (traces[k].pointer + s * stride).update(from: current[k], count: stride) }
        }
        spikeCounts.pointer.update(repeating: 0, count: slots)
    }

    /// Starts the list of `step`'s spikes.
    func clearSpikes(step: Int) { spikeCounts[slot(step)] = 0 }

    /// Adds one worker's spikes of `step` (the workers in order, so that the sources stay ascending) with their
    /// traces `current` as they are before the step's update.
    func addSpikes(step: Int, _ sources: UnsafePointer<Int32>, count: Int,
                   traces current: UnsafePointer<UnsafeMutablePointer<Float>>) {
        let s = slot(step), first = spikeCounts[s]
        let list = spikes.pointer + s * stride + first
        for j in 0..<count { list[j] = sources[j] }
        for k in 0..<traceCount {
            let values = spikeTraces.pointer + (s * traceCount + k) * stride + first, trace = current[k]
            for j in 0..<count { values[j] = trace[Int(sources[j])] }
        }
        spikeCounts[s] = first + count
    }

    /// Records every source's traces after `step`'s updates.
    func record(step: Int, traces current: UnsafePointer<UnsafeMutablePointer<Float>>) {
        let s = slot(step)
        for k in 0..<traceCount { (traces[k].pointer + s * stride).update(from: current[k], count: stride) }
        lastStep[0] = step
    }

    /// Forgets the record: the next step starts afresh (the network was reset).
    func forget() { lastStep[0] = Int.min }

    /// Trace `k` as `count` synapses see it at `step`, into `values`: synapse i's source `sources[i]` at step
    /// `step − lag`, with the lag `lags[i]`, or `uniformLag` for all.
    func gather(_ k: Int, into values: UnsafeMutablePointer<Float>, sources: UnsafePointer<Int32>,
                lags: UnsafePointer<Int32>?, uniformLag: Int, step: Int, count: Int) {
        let base = traces[k].pointer
        guard let lags else {
            let row = base + slot(step - uniformLag) * stride
            for i in 0..<count { values[i] = row[Int(sources[i])] }
            return
        }
        for i in 0..<count { values[i] = base[slot(step - Int(lags[i])) * stride + Int(sources[i])] }
    }
}
