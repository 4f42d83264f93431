// Plasticity: one learning projection at run time — the per-worker PlasticStores, the postsynaptic traces
// (each worker writes its own targets' only), the compiled handler programs, and each worker's lane scratch.
// A step's learning runs after propagation, on the worker's own synapses (see Engine): every trace decays by one
// step; every presynaptic spike runs `on pre` over its row, then the spiking sources' trace updates; each own
// postsynaptic spike runs `on post` over its column, then the spiking targets' trace updates. The rows (or
// columns) of all of a step's events are packed into one batch of lanes (LaneScratch) and run through the neuron
// interpreter together, so a rule's arithmetic is the same SIMD code as the neurons' and the interpreter's cost
// per instruction is paid once per block rather than once per event. Events of one step touch disjoint synapses
// and their handlers read only traces from before the step's trace updates, so batching cannot change a result;
// random draws are keyed by the synapse's index in the plan, so neither can the number of workers.
// Per-synapse decays are brought up to date lazily, from a table of factors, just before a synapse is loaded.
// A synapse with a delay of more than one step runs `on pre` when the spike reaches it, and reads its source's
// traces as they were then (PresynapticLags, PresynapticHistory); those of a step's events still touch disjoint
// synapses (a synapse has one lag), so batching them is safe too.

import Foundation
import SNNPlan

final class Plasticity: @unchecked Sendable {
    let plan: PlasticityPlan
    let projection: ProjectionState
    let targetPopulation: Int
    let stores: [PlasticStore]
    let postTraces: [AlignedBuffer<Float>]
    let onPre: (synapses: LaneProgram, neurons: LaneProgram)?
    let onPost: (synapses: LaneProgram, neurons: LaneProgram)?
    let onReward: LaneProgram?
    let scratch: [LaneScratch]
    /// Per decaying per-synapse variable (index ≥ 1, nil otherwise): factor[d] = decay^d for d < factor count.
    let decayTables: [AlignedBuffer<Float>?]
    static let decayTableSize = 4096
    /// Lane buffers: synaptic variables, then presynaptic traces from `firstPre`, postsynaptic ones from
    /// `firstPost`, and the handler's argument.
    private let variableCount: Int, firstPre: Int, firstPost: Int, argumentLane: Int
    private let postTracePointers: AlignedBuffer<UnsafeMutablePointer<Float>>
    private let preDecay: [Float], postDecay: [Float]

    init(plan: PlasticityPlan, projection: ProjectionState, targetSize: Int, contexts: [WorkerContext]) {
        self.plan = plan
        self.projection = projection
        targetPopulation = projection.target
        stores = contexts.map { context in
            PlasticStore(plan: plan, view: projection.views[context.index],
                         targetRange: context.ranges[projection.target], sourceSize: projection.sourceSize,
                         uniformDelay: projection.uniformDelay)
        }
        postTraces = plan.postTraces.map { AlignedBuffer([Float](repeating: $0.initial, count: paddedCount(targetSize))) }
        postTracePointers = AlignedBuffer(postTraces.map(\.pointer))
        variableCount = plan.synapticVariables.count
        firstPre = plan.firstPreTrace
        firstPost = plan.firstPostTrace
        argumentLane = plan.argumentBuffer
        preDecay = plan.preTraces.map { Float($0.decayPerStep) }
        postDecay = plan.postTraces.map { Float($0.decayPerStep) }
        let lanes = plan.laneBufferCount
        onPre = plan.onPre.map { (LaneProgram($0.synapses, lanes: lanes), LaneProgram($0.neurons, lanes: lanes)) }
        onPost = plan.onPost.map { (LaneProgram($0.synapses, lanes: lanes), LaneProgram($0.neurons, lanes: lanes)) }
        onReward = plan.onReward.map { LaneProgram($0.synapses, lanes: lanes) }
        for program in [onPre?.synapses, onPost?.synapses, onReward].compactMap({ $0 }) {
            precondition(program.stored.allSatisfy { $0 < plan.synapticVariables.count },
                         "a handler's synapse program stores only per-synapse variables")
        }
        let registers = [onPre?.synapses, onPre?.neurons, onPost?.synapses, onPost?.neurons, onReward]
            .compactMap { $0?.program.registerCount }.max() ?? 1
        scratch = contexts.map { _ in LaneScratch(lanes: lanes, registers: registers) }
        decayTables = plan.synapticVariables.enumerated().map { k, variable in
            guard k > 0, variable.decayPerStep != 1 else { return nil }
            return AlignedBuffer((0..<Self.decayTableSize).map { Float(pow(variable.decayPerStep, Double($0))) })
        }
    }

    // MARK: - One step

    /// Worker `context`'s learning in `step`: decay, presynaptic events of every worker's spikes, own postsynaptic events.
    func step(_ context: WorkerContext, contexts: [WorkerContext], step: Int, parity: Int, seed: UInt64) {
        let w = context.index
        let store = stores[w]
        let traces = UnsafePointer(store.preTracePointers.pointer)
        store.history?.begin(step: step, traces: traces)
        decayTraces(store, range: context.ranges[targetPopulation])
        let group = projection.sourceGroup
        if let history = store.history {
            history.clearSpikes(step: step)
            for other in contexts {
                history.addSpikes(step: step, other.spikeList(group: group, parity: parity),
                                  count: other.spikeCount(group: group, parity: parity), traces: traces)
            }
        }
        if let onPre {
            let run = Batch(program: onPre.synapses, store: store, lanes: scratch[w], step: step, seed: seed, argument: 0)
            if let lags = store.lags, let history = store.history {
                addLateRows(run, lags: lags, history: history)
            } else {
                for other in contexts {
                    let spikes = other.spikeList(group: group, parity: parity)
                    for k in 0..<other.spikeCount(group: group, parity: parity) { addRow(Int(spikes[k]), run) }
                }
                flushRows(run)
            }
            for other in contexts {
                let count = other.spikeCount(group: group, parity: parity)
                if count > 0 {
                    runNeurons(onPre.neurons, neurons: other.spikeList(group: group, parity: parity), count: count,
                               traces: store.preTraces, first: firstPre, worker: w, step: step, seed: seed)
                }
            }
        }
        store.history?.record(step: step, traces: traces)
        if let onPost {
            let spikes = context.spikeList(group: targetPopulation, parity: parity)
            let count = context.spikeCount(group: targetPopulation, parity: parity)
            guard count > 0 else { return }
            let run = Batch(program: onPost.synapses, store: store, lanes: scratch[w], step: step, seed: seed, argument: 0)
            for k in 0..<count { addColumn(Int(spikes[k]), run) }
            flushColumns(run)
            runNeurons(onPost.neurons, neurons: spikes, count: count, traces: postTraces, first: firstPost, worker: w,
                       step: step, seed: seed)
        }
    }

    /// `on pre` over the synapses that spikes reach in this step when some see them late: for each lag L, the
    /// synapses of lag L of the sources that fired L steps ago (a run of each row), with the traces those spikes
    /// were sent with.
    private func addLateRows(_ run: Batch, lags: PresynapticLags, history: PresynapticHistory) {
        for lag in lags.lags {
            let (sources, traces, count) = history.spikes(step: run.step - lag)
            for j in 0..<count {
                let row = Int(sources[j])
                addRow(row, synapses: lags.uniform == nil ? lags.run(row: row, lag: lag) : nil, traces: traces + j,
                       traceStride: history.stride, run)
            }
        }
        flushRows(run)
    }

    /// `on reward(r)` over every synapse of worker `worker`: r for all, or `perTarget[t]` for the synapses onto
    /// postsynaptic neuron t (a reward per neuron, `one_hot`).
    func reward(_ r: Float, perTarget: UnsafePointer<Float>? = nil, worker: Int, step: Int, seed: UInt64) {
        guard let onReward else { return }
        let store = stores[worker]
        let run = Batch(program: onReward, store: store, lanes: scratch[worker], step: step, seed: seed, argument: r,
                        perTarget: perTarget)
        for row in 0..<(store.view.rowStart.count - 1) { addRow(row, run) }
        flushRows(run)
    }

    private func decayTraces(_ store: PlasticStore, range: Range<Int>) {
        for k in preDecay.indices {
            scale(store.preTracePointers[k], count: store.preTraces[k].count, by: preDecay[k])
        }
        guard !range.isEmpty else { return }
        for k in postDecay.indices { scale(postTracePointers[k] + range.lowerBound, count: range.count, by: postDecay[k]) }
    }

    private func scale(_ values: UnsafeMutablePointer<Float>, count: Int, by factor: Float) {
        for i in 0..<count { values[i] *= factor }
    }

    // MARK: - Batches of lanes

    /// What a batch runs: the handler, the worker's store and scratch, and the handler's argument.
    private struct Batch {
        let program: LaneProgram
        let store: PlasticStore
        let lanes: LaneScratch
        let step: Int
        let seed: UInt64
        let argument: Float
        /// Row batches only: the argument per postsynaptic neuron instead of `argument`.
        var perTarget: UnsafePointer<Float>? = nil
    }

    /// Brings synapses `synapse(0 ..< count)`'s decaying variables to `step`.
    @inline(__always)
    private func catchUp(_ store: PlasticStore, count: Int, step: Int, synapse: (Int) -> Int) {
        guard let last = store.lastUpdate?.pointer else { return }
        for i in 0..<count {
            let s = synapse(i)
            let elapsed = step - Int(last[s])
            guard elapsed > 0 else { continue }
            last[s] = Int32(truncatingIfNeeded: step)
            for (k, table) in decayTables.enumerated() {
                guard let table else { continue }
                let factor = elapsed < Self.decayTableSize
                    ? table[elapsed] : Float(pow(plan.synapticVariables[k].decayPerStep, Double(elapsed)))
                store.variablePointers[k][s] *= factor
            }
        }
    }

    /// Packs row `row` (the synapses of one source, or only the run `synapses` of it) into the batch, running full
    /// batches as it goes. The row's presynaptic traces are the source's now, or, for a late spike,
    /// `traces[k · traceStride]` (PresynapticHistory).
    private func addRow(_ row: Int, synapses: Range<Int>? = nil, traces: UnsafePointer<Float>? = nil,
                        traceStride: Int = 0, _ run: Batch) {
        let store = run.store, lanes = run.lanes
        var first = synapses?.lowerBound ?? Int(store.view.rowStart[row])
        let end = synapses?.upperBound ?? Int(store.view.rowStart[row + 1])
        let targets = store.view.targets.pointer, consecutive = store.rowRun[row] >= 0
        while first < end {
            let n = Swift.min(lanes.room, end - first), at = lanes.filled
            catchUp(store, count: n, step: run.step) { first + $0 }
            for k in 0..<variableCount { lanes.load(k, at: at, from: store.variablePointers[k] + first, count: n) }
            for k in preDecay.indices {
                let value = traces.map { $0[k * traceStride] } ?? store.preTracePointers[k][row]
                lanes.fill(firstPre + k, at: at, with: value, count: n)
            }
            for k in postDecay.indices {
                if consecutive {
                    lanes.load(firstPost + k, at: at, from: postTracePointers[k] + Int(targets[first]), count: n)
                } else {
                    lanes.gather(firstPost + k, at: at, from: postTracePointers[k], indices: targets + first, count: n)
                }
            }
            if run.program.draws { (lanes.keys.pointer + at).update(from: store.origin.pointer + first, count: n) }
            lanes.append(start: first, count: n)
            first += n
            if lanes.room == 0 { flushRows(run) }
        }
    }

    /// Packs the column of target `target` (its incoming synapses) into the batch, running full batches as it goes.
    private func addColumn(_ target: Int, _ run: Batch) {
        let store = run.store, lanes = run.lanes
        let column = target - store.targetRange.lowerBound
        var first = Int(store.columnStart[column])
        let end = Int(store.columnStart[column + 1])
        while first < end {
            let n = Swift.min(lanes.room, end - first), at = lanes.filled
            let synapses = store.columnSynapse.pointer + first
            catchUp(store, count: n, step: run.step) { Int(synapses[$0]) }
            for k in 0..<variableCount {
                lanes.gather(k, at: at, from: store.variablePointers[k], indices: synapses, count: n)
            }
            let sources = store.columnSource.pointer + first
            for k in preDecay.indices {
                if let lags = store.lags, let history = store.history {
                    history.gather(k, into: lanes.lane(firstPre + k) + at, sources: sources,
                                   lags: lags.uniform == nil ? lags.columnLag.pointer + first : nil,
                                   uniformLag: lags.uniform ?? 0, step: run.step, count: n)
                } else {
                    lanes.gather(firstPre + k, at: at, from: store.preTracePointers[k], indices: sources, count: n)
                }
            }
            for k in postDecay.indices { lanes.fill(firstPost + k, at: at, with: postTracePointers[k][target], count: n) }
            if run.program.draws {
                let keys = lanes.keys.pointer + at, origin = store.origin.pointer
                for i in 0..<n { keys[i] = origin[Int(synapses[i])] }
            }
            lanes.append(start: first, count: n)
            first += n
            if lanes.room == 0 { flushColumns(run) }
        }
    }

    /// Runs the batch and stores its lanes back, for rows (segments start at a synapse).
    private func flushRows(_ run: Batch) {
        guard execute(run) else { return }
        let lanes = run.lanes
        var at = 0
        for segment in 0..<lanes.segments {
            let first = lanes.segmentStart[segment], n = lanes.segmentCount[segment]
            for k in run.program.stored { lanes.store(k, at: at, to: run.store.variablePointers[k] + first, count: n) }
            at += n
        }
        lanes.clear()
    }

    /// Runs the batch and stores its lanes back, for columns (segments start at an entry of the column index).
    private func flushColumns(_ run: Batch) {
        guard execute(run) else { return }
        let lanes = run.lanes, synapses = run.store.columnSynapse.pointer
        var at = 0
        for segment in 0..<lanes.segments {
            let first = lanes.segmentStart[segment], n = lanes.segmentCount[segment]
            for k in run.program.stored {
                lanes.scatter(k, at: at, to: run.store.variablePointers[k], indices: synapses + first, count: n)
            }
            at += n
        }
        lanes.clear()
    }

    /// Runs the handler over the batch's lanes; false when the batch is empty.
    private func execute(_ run: Batch) -> Bool {
        let lanes = run.lanes
        guard lanes.filled > 0 else { return false }
        if let perTarget = run.perTarget {
            let targets = run.store.view.targets.pointer
            var at = 0
            for segment in 0..<lanes.segments {
                let first = lanes.segmentStart[segment], n = lanes.segmentCount[segment]
                lanes.gather(argumentLane, at: at, from: perTarget, indices: targets + first, count: n)
                at += n
            }
        } else {
            lanes.fill(argumentLane, at: 0, with: run.argument, count: lanes.filled)
        }
        lanes.run(run.program, count: lanes.filled, seed: run.seed, step: run.step, keys: lanes.keys.pointer)
        return true
    }

    /// A handler's trace updates over the neurons that fired (`traces` start at lane buffer `first`).
    private func runNeurons(_ program: LaneProgram, neurons: UnsafePointer<Int32>, count: Int,
                            traces: [AlignedBuffer<Float>], first: Int, worker: Int, step: Int, seed: UInt64) {
        guard !program.stored.isEmpty else { return }
        let lanes = scratch[worker]
        var done = 0
        while done < count {
            let n = Swift.min(WorkerContext.blockSize, count - done)
            for (k, trace) in traces.enumerated() {
                lanes.gather(first + k, at: 0, from: trace.pointer, indices: neurons + done, count: n)
            }
            lanes.run(program, count: n, seed: seed, step: step, keys: neurons + done)
            for lane in program.stored {
                lanes.scatter(lane, at: 0, to: traces[lane - first].pointer, indices: neurons + done, count: n)
            }
            done += n
        }
    }
}
