// Plasticity: one learning projection at run time — the per-worker PlasticStores, the postsynaptic traces
// (each worker writes its own targets' only), the compiled handler programs, and each worker's lane scratch.
// A step's learning runs after propagation, on the worker's own synapses (see Engine): every trace decays by one
// step; each presynaptic spike runs `on pre` over its row, then the spiking sources' trace updates; each own
// postsynaptic spike runs `on post` over its column, then the spiking targets' trace updates. Lanes are gathered
// into aligned scratch in chunks of one block, run through the neuron interpreter, and scattered back, so a
// rule's arithmetic is the same SIMD code as the neurons'. Per-synapse decays are brought up to date lazily,
// from a table of factors, just before a synapse's handler runs.

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

    init(plan: PlasticityPlan, projection: ProjectionState, targetSize: Int, contexts: [WorkerContext]) {
        self.plan = plan
        self.projection = projection
        targetPopulation = projection.target
        stores = contexts.map { context in
            PlasticStore(plan: plan, view: projection.views[context.index],
                         targetRange: context.ranges[projection.target], sourceSize: projection.sourceSize)
        }
        postTraces = plan.postTraces.map { AlignedBuffer([Float](repeating: $0.initial, count: paddedCount(targetSize))) }
        let lanes = plan.laneBufferCount
        func compile(_ program: Program) -> LaneProgram {
            LaneProgram(CompiledProgram(program, bufferCount: lanes, tableCount: 0, stateBuffers: []))
        }
        onPre = plan.onPre.map { (compile($0.synapses), compile($0.neurons)) }
        onPost = plan.onPost.map { (compile($0.synapses), compile($0.neurons)) }
        onReward = plan.onReward.map { compile($0.synapses) }
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
        decayTraces(store, range: context.ranges[targetPopulation])
        let group = projection.sourceGroup
        if let onPre {
            for other in contexts {
                let spikes = other.spikeList(group: group, parity: parity)
                let count = other.spikeCount(group: group, parity: parity)
                for k in 0..<count {
                    let row = Int(spikes[k])
                    runRow(onPre.synapses, store: store, row: row, worker: w, step: step, seed: seed, argument: 0)
                }
                if count > 0 { runNeurons(onPre.neurons, neurons: spikes, count: count, traces: store.preTraces,
                                          first: plan.firstPreTrace, worker: w, step: step, seed: seed) }
            }
        }
        if let onPost {
            let spikes = context.spikeList(group: targetPopulation, parity: parity)
            let count = context.spikeCount(group: targetPopulation, parity: parity)
            for k in 0..<count {
                runColumn(onPost.synapses, store: store, target: Int(spikes[k]), worker: w, step: step, seed: seed)
            }
            if count > 0 { runNeurons(onPost.neurons, neurons: spikes, count: count, traces: postTraces,
                                      first: plan.firstPostTrace, worker: w, step: step, seed: seed) }
        }
    }

    /// `on reward(r)` over every synapse of worker `worker`.
    func reward(_ r: Float, worker: Int, step: Int, seed: UInt64) {
        guard let onReward else { return }
        let store = stores[worker]
        for row in 0..<(store.view.rowStart.count - 1) {
            runRow(onReward, store: store, row: row, worker: worker, step: step, seed: seed, argument: r)
        }
    }

    private func decayTraces(_ store: PlasticStore, range: Range<Int>) {
        for (k, trace) in plan.preTraces.enumerated() {
            scale(store.preTraces[k].pointer, count: store.preTraces[k].count, by: Float(trace.decayPerStep))
        }
        for (k, trace) in plan.postTraces.enumerated() where !range.isEmpty {
            scale(postTraces[k].pointer + range.lowerBound, count: range.count, by: Float(trace.decayPerStep))
        }
    }

    private func scale(_ values: UnsafeMutablePointer<Float>, count: Int, by factor: Float) {
        for i in 0..<count { values[i] *= factor }
    }

    // MARK: - Lanes

    /// Brings synapse `s`'s decaying variables to `step`.
    @inline(__always)
    private func catchUp(_ store: PlasticStore, synapse s: Int, step: Int) {
        guard let last = store.lastUpdate?.pointer else { return }
        let elapsed = step - Int(last[s])
        guard elapsed > 0 else { return }
        last[s] = Int32(truncatingIfNeeded: step)
        for (k, table) in decayTables.enumerated() {
            guard let table else { continue }
            let factor = elapsed < Self.decayTableSize
                ? table[elapsed] : Float(pow(plan.synapticVariables[k].decayPerStep, Double(elapsed)))
            store.variables[k][s] *= factor
        }
    }

    private func runRow(_ program: LaneProgram, store: PlasticStore, row: Int, worker: Int, step: Int,
                        seed: UInt64, argument: Float) {
        let start = Int(store.view.rowStart[row]), end = Int(store.view.rowStart[row + 1])
        guard start < end else { return }
        let lanes = scratch[worker]
        let targets = store.view.targets.pointer
        var first = start
        while first < end {
            let n = Swift.min(WorkerContext.blockSize, end - first)
            for s in first..<(first + n) { catchUp(store, synapse: s, step: step) }
            for (k, variable) in store.variables.enumerated() { lanes.load(k, from: variable.pointer + first, count: n) }
            for (k, trace) in store.preTraces.enumerated() {
                lanes.fill(plan.firstPreTrace + k, with: trace[row], count: n)
            }
            for (k, trace) in postTraces.enumerated() {
                lanes.gather(plan.firstPostTrace + k, from: trace.pointer, indices: targets + first, count: n)
            }
            lanes.fill(plan.argumentBuffer, with: argument, count: n)
            lanes.run(program, count: n, seed: seed, step: step)
            for k in program.stored { lanes.store(k, to: store.variables[k].pointer + first, count: n) }
            first += n
        }
    }

    private func runColumn(_ program: LaneProgram, store: PlasticStore, target: Int, worker: Int, step: Int,
                           seed: UInt64) {
        let column = target - store.targetRange.lowerBound
        let start = Int(store.columnStart[column]), end = Int(store.columnStart[column + 1])
        guard start < end else { return }
        let lanes = scratch[worker]
        var first = start
        while first < end {
            let n = Swift.min(WorkerContext.blockSize, end - first)
            let synapses = store.columnSynapse.pointer + first
            for i in 0..<n { catchUp(store, synapse: Int(synapses[i]), step: step) }
            for (k, variable) in store.variables.enumerated() {
                lanes.gather(k, from: variable.pointer, indices: synapses, count: n)
            }
            for (k, trace) in store.preTraces.enumerated() {
                lanes.gather(plan.firstPreTrace + k, from: trace.pointer, indices: store.columnSource.pointer + first, count: n)
            }
            for (k, trace) in postTraces.enumerated() {
                lanes.fill(plan.firstPostTrace + k, with: trace[target], count: n)
            }
            lanes.fill(plan.argumentBuffer, with: 0, count: n)
            lanes.run(program, count: n, seed: seed, step: step)
            for k in program.stored { lanes.scatter(k, to: store.variables[k].pointer, indices: synapses, count: n) }
            first += n
        }
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
                lanes.gather(first + k, from: trace.pointer, indices: neurons + done, count: n)
            }
            lanes.run(program, count: n, seed: seed, step: step)
            for lane in program.stored {
                lanes.scatter(lane, to: traces[lane - first].pointer, indices: neurons + done, count: n)
            }
            done += n
        }
    }
}
