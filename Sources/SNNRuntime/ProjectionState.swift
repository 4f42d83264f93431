// ProjectionState: one projection at run time — per worker, a CSR view holding only the synapses whose target
// that worker owns (rows in source order, synapses in their original order within a row, or by delay for a
// learning projection), and the rings its effects add to. Propagation walks the source's spikes of this step in
// neuron order and scatter-adds weight × scale into the ring row of the arrival step (or, for direct input, into
// the buffer itself), unless the target buffer is frozen. Since every worker writes only its own targets, and
// each target receives its additions in the same order whatever the number of workers, sums are bit-identical for
// any thread count, without atomics. A projection whose weights are all the same and never change (it neither
// learns nor has its weights loaded) propagates from the targets alone, half the memory traffic.

import SNNPlan

/// One worker's synapses of a projection, in CSR form.
final class SynapseView: @unchecked Sendable {
    let rowStart: AlignedBuffer<Int32>
    let targets: AlignedBuffer<Int32>
    let weights: AlignedBuffer<Float>
    /// Delay in steps of each synapse; nil when all equal the projection's uniform delay.
    let delays: AlignedBuffer<UInt16>?
    /// Each synapse's index in the plan, kept for learning projections only (to write weights back in order).
    let origin: AlignedBuffer<Int32>?
    /// What propagation's early reads of rows read (kept so that they are not optimised away).
    var touched: Int32 = 0

    init(rowStart: AlignedBuffer<Int32>, targets: AlignedBuffer<Int32>, weights: AlignedBuffer<Float>,
         delays: AlignedBuffer<UInt16>?, origin: AlignedBuffer<Int32>? = nil) {
        self.rowStart = rowStart
        self.targets = targets
        self.weights = weights
        self.delays = delays
        self.origin = origin
    }

    var synapseCount: Int { targets.count }

    /// The first target of `row` (of the last synapse when the row is empty; 0 without synapses): read to bring
    /// the row into cache.
    @inline(__always)
    func firstTarget(of row: Int) -> Int32 {
        let count = targets.count
        return count == 0 ? 0 : targets.pointer[Swift.min(Int(rowStart.pointer[row]), count - 1)]
    }

    /// Splits a projection's synapses between workers by the owner of their target. With `keepOrigin` and
    /// per-synapse delays, each row's synapses are ordered by delay (stably: a target's additions keep their order),
    /// so that the synapses a spike reaches in one step are consecutive (PresynapticLags).
    static func split(_ plan: ProjectionPlan, targetSize: Int, workers: Int, keepOrigin: Bool = false) -> [SynapseView] {
        let rows = plan.rowStart.count - 1
        precondition(rows >= 0 && plan.rowStart.first == 0 && Int(plan.rowStart.last!) == plan.targets.count,
                     "projection '\(plan.name)': malformed row starts")
        precondition(plan.weights.count == plan.targets.count, "projection '\(plan.name)': one weight per synapse")
        precondition(plan.delays.isEmpty || plan.delays.count == plan.targets.count,
                     "projection '\(plan.name)': one delay per synapse")
        var owner = [Int32](repeating: 0, count: targetSize)
        for w in 0..<workers {
            let range = Partition.range(count: targetSize, worker: w, workers: workers)
            for t in range where t < targetSize { owner[t] = Int32(w) }
        }
        var totals = [Int](repeating: 0, count: workers)
        for t in plan.targets {
            precondition(t >= 0 && Int(t) < targetSize, "projection '\(plan.name)': target \(t) out of range")
            totals[Int(owner[Int(t)])] += 1
        }
        let perSynapseDelays = !plan.delays.isEmpty
        let views = (0..<workers).map { w in
            SynapseView(rowStart: AlignedBuffer(count: rows + 1), targets: AlignedBuffer(count: totals[w]),
                        weights: AlignedBuffer(count: totals[w]),
                        delays: perSynapseDelays ? AlignedBuffer(count: totals[w]) : nil,
                        origin: keepOrigin ? AlignedBuffer(count: totals[w]) : nil)
        }
        var cursor = [Int](repeating: 0, count: workers)
        for row in 0..<rows {
            let start = Int(plan.rowStart[row]), end = Int(plan.rowStart[row + 1])
            precondition(start <= end, "projection '\(plan.name)': row starts decrease")
            let order = perSynapseDelays && keepOrigin
                ? (start..<end).sorted { (plan.delays[$0], $0) < (plan.delays[$1], $1) } : Array(start..<end)
            for s in order {
                let t = plan.targets[s]
                let w = Int(owner[Int(t)])
                let view = views[w]
                view.targets[cursor[w]] = t
                view.weights[cursor[w]] = plan.weights[s]
                if perSynapseDelays { view.delays![cursor[w]] = Swift.max(plan.delays[s], 1) }
                if keepOrigin { view.origin![cursor[w]] = Int32(s) }
                cursor[w] += 1
            }
            for w in 0..<workers { views[w].rowStart[row + 1] = Int32(cursor[w]) }
        }
        return views
    }
}

final class ProjectionState: @unchecked Sendable {
    let name: String
    /// Group index of the source: populations first, then source groups.
    let sourceGroup: Int
    let sourceSize: Int
    let target: Int
    let uniformDelay: Int
    /// How many spikes ahead propagation reads a row's first synapse.
    static let ahead = 8
    let views: [SynapseView]
    /// Every synapse's weight, when all are equal (bit for bit) and `learns` is false; nil otherwise.
    let uniformWeight: Float?
    /// The rings of the effects' buffers (all with the same slot count), whether each drops its input now (a frozen
    /// buffer), and the scales.
    let effectRings: AlignedBuffer<UnsafeMutablePointer<Float>>
    let effectDiscards: AlignedBuffer<UnsafeMutablePointer<Bool>>
    let effectScales: AlignedBuffer<Float>
    let effectCount: Int
    let slots: Int
    let padded: Int
    /// Per worker, with per-synapse delays: each synapse's cell offset in the rings, delay × padded + target
    /// (the arrival cell is the current slot's offset plus it, wrapped once).
    let cellOffsets: [AlignedBuffer<Int32>?]

    /// A projection from a current input (`drivesParameters`) keeps its synapses for CurrentDrive and
    /// propagates nothing.
    init(plan: ProjectionPlan, sourceGroup: Int, sourceSize: Int, target: PopulationState, workers: Int,
         learns: Bool = false, drivesParameters: Bool = false) {
        name = plan.name
        self.sourceGroup = sourceGroup
        self.sourceSize = sourceSize
        self.target = target.index
        precondition(plan.rowStart.count == sourceSize + 1,
                     "projection '\(plan.name)': \(plan.rowStart.count - 1) rows for \(sourceSize) sources")
        uniformDelay = Swift.max(Int(plan.uniformDelay), 1)
        views = SynapseView.split(plan, targetSize: target.size, workers: workers, keepOrigin: learns)
        let first = plan.weights.first
        uniformWeight = !learns && plan.weights.allSatisfy { $0.bitPattern == first?.bitPattern } ? first : nil
        let effects = drivesParameters ? [] : plan.effects
        effectCount = effects.count
        effectRings = AlignedBuffer(count: effects.count)
        effectDiscards = AlignedBuffer(count: effects.count)
        effectScales = AlignedBuffer(effects.map(\.scale))
        var slots = 0
        for (e, effect) in effects.enumerated() {
            guard let ring = target.rings.first(where: { $0.buffer == effect.buffer }) else {
                preconditionFailure("projection '\(plan.name)': no ring for buffer \(effect.buffer)")
            }
            effectRings[e] = ring.cells
            effectDiscards[e] = ring.discardFlag.pointer
            slots = ring.slots
        }
        self.slots = Swift.max(slots, 1)
        padded = target.padded
        precondition(self.slots * target.padded < Int(Int32.max), "projection '\(plan.name)': delay rings too large")
        cellOffsets = views.map { view in
            view.delays.map { delays in
                AlignedBuffer((0..<view.synapseCount).map { Int32(Int(delays[$0]) * target.padded + Int(view.targets[$0])) })
            }
        }
    }

    /// Adds the effects of `count` spikes (source neurons, ascending) at `step` to worker `worker`'s targets.
    /// Returns the synaptic events: spikes × synapses.
    func propagate(worker: Int, step: Int, spikes: UnsafePointer<Int32>, count: Int) -> Int {
        guard effectCount > 0, count > 0 else { return 0 }
        let view = views[worker]
        let rowStart = view.rowStart.pointer, targets = view.targets.pointer, weights = view.weights.pointer
        var events = 0
        let current = step % slots
        if let offsets = cellOffsets[worker]?.pointer {
            let base = current * padded, wrap = slots * padded
            for e in 0..<effectCount where !effectDiscards[e].pointee {
                let ring = effectRings[e], scale = effectScales[e]
                for k in 0..<count {
                    let row = Int(spikes[k])
                    for s in Int(rowStart[row])..<Int(rowStart[row + 1]) {
                        var cell = base + Int(offsets[s])
                        if cell >= wrap { cell -= wrap }
                        ring[cell] += weights[s] * scale
                    }
                }
            }
            for k in 0..<count {
                let row = Int(spikes[k])
                events += Int(rowStart[row + 1] - rowStart[row])
            }
        } else {
            let slot = (current + uniformDelay) % slots
            for e in 0..<effectCount where !effectDiscards[e].pointee {
                let ring = effectRings[e] + slot * padded
                let scale = effectScales[e]
                // One effect per pass over the rows: the common case (one effect) is a single tight loop. Each
                // row's first synapse `ahead` spikes later is read early, so that its cache miss (and its row
                // start's) overlaps this row's work instead of stalling the next one.
                var touched: Int32 = 0
                let uniformValue = uniformWeight.map { $0 * scale }
                for k in 0..<count {
                    if k + Self.ahead < count { touched ^= view.firstTarget(of: Int(spikes[k + Self.ahead])) }
                    let row = Int(spikes[k])
                    let start = Int(rowStart[row]), end = Int(rowStart[row + 1])
                    if let value = uniformValue {
                        for s in start..<end { ring[Int(targets[s])] += value }
                    } else {
                        for s in start..<end { ring[Int(targets[s])] += weights[s] * scale }
                    }
                }
                view.touched = touched
            }
            for k in 0..<count {
                let row = Int(spikes[k])
                events += Int(rowStart[row + 1] - rowStart[row])
            }
        }
        return events
    }
}
