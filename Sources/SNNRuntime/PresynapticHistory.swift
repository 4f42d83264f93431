// PresynapticHistory: one worker's record of a learning projection's recent presynaptic activity, kept for
// synapses that see spikes late (PresynapticLags): for each of the last maxLag + 2 steps, the sources that fired
// and every presynaptic trace as that step's updates left it. A synapse of lag L reads at step t its source's
// traces of step t − L: in `on pre` the value before that step's update (the step before's, decayed by one
// step, as an undelayed synapse reads), in `on post` the value after it. A step that does not follow the last
// one recorded (the first, the first after learning was off, or after the network was reset) starts the record
// afresh: every past step holds the traces as they are now, and no spike is on its way.

final class PresynapticHistory: @unchecked Sendable {
    let slots: Int
    /// Entries per step: the sources' padded count.
    let stride: Int
    /// Per presynaptic trace: `slots` rows of `stride` values.
    let traces: [AlignedBuffer<Float>]
    /// Per slot: the sources that fired in its step, ascending, and how many.
    let spikes: AlignedBuffer<Int32>
    let spikeCounts: AlignedBuffer<Int>
    /// The step last recorded (`Int.min`: none), in a buffer so that a checkpoint keeps it with the rest.
    let lastStep = AlignedBuffer<Int>([Int.min])

    init(maxLag: Int, traceCount: Int, sourceSize: Int) {
        slots = maxLag + 2
        stride = paddedCount(sourceSize)
        traces = (0..<traceCount).map { _ in AlignedBuffer(count: (maxLag + 2) * paddedCount(sourceSize)) }
        spikes = AlignedBuffer(count: (maxLag + 2) * paddedCount(sourceSize))
        spikeCounts = AlignedBuffer(count: maxLag + 2)
    }

    @inline(__always)
    private func slot(_ step: Int) -> Int { ((step % slots) + slots) % slots }

    /// Trace `k` of every source at `step` (one of the last `slots` steps).
    @inline(__always)
    func trace(_ k: Int, step: Int) -> UnsafeMutablePointer<Float> { traces[k].pointer + slot(step) * stride }

    /// The sources that fired at `step` (one of the last `slots` steps).
    @inline(__always)
    func spikes(step: Int) -> (sources: UnsafePointer<Int32>, count: Int) {
        let s = slot(step)
        return (UnsafePointer(spikes.pointer + s * stride), spikeCounts[s])
    }

    /// Called at the start of `step`, before the traces decay: starts afresh unless the step follows the last one.
    func begin(step: Int, traces current: [AlignedBuffer<Float>]) {
        if lastStep[0] == step - 1 { return }
        for (k, trace) in current.enumerated() {
            for s in 0..<slots { (traces[k].pointer + s * stride).update(from: trace.pointer, count: stride) }
        }
        spikeCounts.pointer.update(repeating: 0, count: slots)
    }

    /// Records `step`'s traces, after its updates; its spikes follow (`recordSpikes`).
    func record(step: Int, traces current: [AlignedBuffer<Float>]) {
        let s = slot(step)
        for (k, trace) in current.enumerated() { (traces[k].pointer + s * stride).update(from: trace.pointer, count: stride) }
        spikeCounts[s] = 0
        lastStep[0] = step
    }

    /// Adds one worker's spikes of `step` (the workers in order, so that the sources stay ascending).
    func recordSpikes(step: Int, _ sources: UnsafePointer<Int32>, count: Int) {
        let s = slot(step)
        (spikes.pointer + s * stride + spikeCounts[s]).update(from: sources, count: count)
        spikeCounts[s] += count
    }

    /// Forgets the record: the next step starts afresh (the network was reset).
    func forget() { lastStep[0] = Int.min }

    /// Trace `k` as `count` synapses see it at `step`, into `values`: synapse i's source `sources[i]` at step
    /// `step − lag`, with the lag `lags[i]`, or `uniformLag` for all.
    func gather(_ k: Int, into values: UnsafeMutablePointer<Float>, sources: UnsafePointer<Int32>,
                lags: UnsafePointer<Int32>?, uniformLag: Int, step: Int, count: Int) {
        guard let lags else {
            let row = trace(k, step: step - uniformLag)
            for i in 0..<count { values[i] = row[Int(sources[i])] }
            return
        }
        let base = traces[k].pointer
        for i in 0..<count { values[i] = base[slot(step - Int(lags[i])) * stride + Int(sources[i])] }
    }
}
