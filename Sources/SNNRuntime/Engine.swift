// Engine: a plan made runnable — populations, sources, projections, rings, workers and recorders — and the step
// loop each worker runs. A step has two phases separated by one barrier:
//   A (each worker, its own neurons): deliver this step's ring rows, emit source spikes, update, threshold,
//     reset, refractoriness, the NaN/infinity check, trace samples;
//   B (each worker, its own targets): propagate every group's spikes of the step into the rings; worker 0
//     also records spikes and reports progress.
// No barrier is needed between B of step s and A of step s + 1: rings are private to the worker that owns the
// target neurons, and spike lists, stop flags and divergence reports are double-buffered by step parity. Every
// worker takes the same decision to stop, from data written before the barrier of the step.

import Foundation
import SNNPlan

final class Engine: @unchecked Sendable {
    let plan: ExecutionPlan
    let options: RunOptions
    let workers: Int
    let steps: Int
    let seed: UInt64
    let populations: [PopulationState]
    let sources: [SourceState]
    let projections: [ProjectionState]
    let plasticity: [Plasticity]
    /// What `current` inputs do to their targets' parameters.
    let currentDrive: CurrentDrive
    /// BP-STDP's layers, teacher and spike windows (see BPSTDP.swift); nil when no projection learns with it.
    let supervised: SupervisedLearning?
    /// Whether the learning rules run (switched off by `evaluate`; set only between runs of steps).
    var learning = true
    let contexts: [WorkerContext]
    let spikeRecorders: [(recorder: Int, SpikeRecorder)]
    let traceRecorders: [TraceRecorder]
    let barrier: SpinBarrier
    let pool: WorkerPool
    let progressInterval: Int
    /// Stop requests seen by worker 0 at the start of a step, by parity (raw storage, read by every worker).
    let stopFlags = AlignedBuffer<Bool>(count: 2)
    /// Written by worker 0 when the loop ends.
    var completedSteps = 0
    var stoppedByUser = false
    var divergence: Divergence?

    init(plan: ExecutionPlan, options: RunOptions, workers: Int) {
        self.plan = plan
        self.options = options
        self.workers = workers
        steps = Swift.max(plan.steps, 0)
        seed = plan.seed
        let populations = plan.populations.enumerated().map { PopulationState(index: $0.offset, plan: $0.element) }
        self.populations = populations
        sources = plan.sources.enumerated().map { SourceState(index: $0.offset, plan: $0.element, dt: plan.dt) }
        let groupSizes = plan.populations.map(\.size) + plan.sources.map(\.size)
        func group(_ ref: GroupRef) -> Int {
            switch ref {
            case .population(let p):
                precondition(p >= 0 && p < plan.populations.count, "no population \(p)")
                return p
            case .source(let s):
                precondition(s >= 0 && s < plan.sources.count, "no source group \(s)")
                return plan.populations.count + s
            }
        }

        // Rings: one per (population, buffer) that synapses add to, as deep as the longest delay into it (direct
        // input, no ring rows, when that is one step).
        for pop in populations {
            let incoming = plan.projections.filter { $0.target == pop.index && !plan.drivesParameters($0) }
            let buffers = Set(incoming.flatMap { $0.effects.map(\.buffer) }).sorted()
            let maxDelay = incoming.map { Swift.max($0.maxDelay, 1) }.max() ?? 1
            pop.rings = buffers.map { b in
                precondition(b >= 0 && b < pop.bufferCount, "synaptic effect on buffer \(b) of '\(pop.name)'")
                return DelayRing(buffer: b, maxDelay: maxDelay, padded: pop.padded, row: pop.buffer(b))
            }
        }
        // Views of learning projections, and of those saved or loaded, keep each synapse's plan index.
        var learners = Set(plan.plasticity.map(\.projection) + (plan.supervised?.layers.map(\.projection) ?? []))
        for step in plan.experiment?.steps ?? [] {
            if case .save(let transfer) = step { learners.formUnion(transfer.projections) }
            if case .load(let transfer) = step { learners.formUnion(transfer.projections) }
            if case .trainGradient(let gradient) = step { learners.formUnion(gradient.projections) }
            if case .evaluate(let evaluation) = step { learners.formUnion(evaluation.network?.projections ?? []) }
        }
        let projections = plan.projections.enumerated().map { k, p in
            precondition(p.target >= 0 && p.target < plan.populations.count, "projection '\(p.name)': no target")
            let g = group(p.source)
            return ProjectionState(plan: p, sourceGroup: g, sourceSize: groupSizes[g], target: populations[p.target],
                                   workers: workers, learns: learners.contains(k),
                                   drivesParameters: plan.drivesParameters(p))
        }
        self.projections = projections
        currentDrive = CurrentDrive(plan: plan)

        let registers = populations.map(\.registerCount).max() ?? 1
        let buffers = populations.map(\.bufferCount).max() ?? 1
        let tables = plan.populations.map(\.tables.count).max() ?? 0
        let contexts = (0..<workers).map {
            WorkerContext(index: $0, workers: workers, groupSizes: groupSizes, registerCount: registers,
                          bufferCount: buffers, tableCount: tables)
        }

        self.contexts = contexts
        supervised = plan.supervised.map {
            SupervisedLearning(plan: $0, projections: projections, projectionPlans: plan.projections, groupSizes: groupSizes)
        }
        plasticity = plan.plasticity.map { learning in
            precondition(learning.projection >= 0 && learning.projection < projections.count, "learning of no projection")
            let projection = projections[learning.projection]
            return Plasticity(plan: learning, projection: projection, targetSize: populations[projection.target].size,
                              contexts: contexts)
        }
        var spikeRecorders: [(Int, SpikeRecorder)] = []
        var traceRecorders: [TraceRecorder] = []
        for (r, recorder) in plan.recorders.enumerated() {
            switch recorder.kind {
            case .spikes(let ref, let neurons):
                let g = group(ref)
                spikeRecorders.append((r, SpikeRecorder(group: g, groupSize: groupSizes[g], neurons: neurons)))
            case .trace(let population, let buffer, let neurons, let interval):
                precondition(population >= 0 && population < populations.count, "trace of no population")
                precondition(buffer >= 0 && buffer < populations[population].bufferCount, "trace of no buffer")
                precondition(neurons.allSatisfy { $0 >= 0 && $0 < populations[population].size },
                             "trace of a neuron outside population \(population)")
                traceRecorders.append(TraceRecorder(recorder: r, population: population, buffer: buffer,
                                                    neurons: neurons, interval: interval,
                                                    size: populations[population].size))
            case .weights(let projection):
                precondition(projection >= 0 && projection < plan.projections.count, "weights of no projection")
            }
        }
        self.spikeRecorders = spikeRecorders
        self.traceRecorders = traceRecorders
        for context in contexts {
            context.traceColumns = traceRecorders.map { $0.columns(in: context.ranges[$0.population]) }
            context.traceSamples = traceRecorders.map { _ in [] }
        }
        barrier = SpinBarrier(parties: workers)
        pool = WorkerPool(workers: workers)
        progressInterval = Swift.max(1, steps / 100)
    }

    deinit { pool.shutdown() }

    /// Freezes exactly these buffers for the phase that begins (none: every population runs as planned).
    func freeze(_ buffers: [FrozenBuffer]) {
        for pop in populations {
            pop.freeze(Set(buffers.filter { $0.population == pop.index }.map(\.buffer)))
        }
    }

    /// Runs every population's initialisation program and checks the result; a NaN there is a divergence at
    /// step 0 before any step ran.
    func initialize() -> Bool {
        for pop in populations {
            PopulationKernel.initialize(pop, context: contexts[0], seed: seed)
            PopulationKernel.locateDivergence(pop, first: 0, end: pop.size, context: contexts[0], parity: 0)
        }
        currentDrive.keepPlannedValues(populations)
        applyCurrents()
        if let record = contexts[0].divergence[0] {
            divergence = report(record, step: 0)
            return false
        }
        return true
    }

    /// Runs steps `first ..< end` on every worker: workers 1… on the pool's parked threads, worker 0 on the
    /// calling one. Returns false when the run stopped early (Ctrl-C or a divergence).
    @discardableResult
    func run(from first: Int, to end: Int) -> Bool {
        guard first < end else { return true }
        pool.run { self.work($0, from: first, to: end) }
        return completedSteps == end && !stoppedByUser && divergence == nil
    }

    /// The step loop of worker `w` over steps `first ..< end`.
    func work(_ w: Int, from first: Int, to end: Int) {
        let context = contexts[w]
        var spins = SpinBarrier.maximumSpins
        var events = 0
        defer { context.synapticEvents += events }
        var step = first
        while step < end {
            let parity = step & 1
            phaseA(context, step: step, parity: parity)
            barrier.wait(spins: &spins)
            events += phaseB(context, step: step, parity: parity)
            if learning {
                for rule in plasticity { rule.step(context, contexts: contexts, step: step, parity: parity, seed: seed) }
                supervised?.step(context, contexts: contexts, step: step, parity: parity, seed: seed, barrier: barrier,
                                 spins: &spins)
            }
            let diverged = contexts.contains { $0.divergence[parity] != nil }
            let stop = stopFlags[parity] || diverged
            if stop || step + 1 == end {
                if w == 0 { finish(step: step, parity: parity, stop: stopFlags[parity]) }
                break
            }
            step += 1
        }
    }

    func phaseA(_ context: WorkerContext, step: Int, parity: Int) {
        if context.index == 0 { stopFlags[parity] = options.stopRequested() }
        if context.divergence[parity] != nil { context.divergence[parity] = nil }
        for source in sources {
            let g = populations.count + source.index
            let count = source.emit(step: step, range: context.ranges[g], seed: seed,
                                    into: context.spikeList(group: g, parity: parity))
            context.spikeCounts.pointer[g * 2 + parity] = count
        }
        for pop in populations {
            PopulationKernel.step(pop, context: context, step: step, parity: parity, seed: seed)
        }
        for (k, trace) in traceRecorders.enumerated() where step % trace.interval == 0 {
            let values = populations[trace.population].buffer(trace.buffer)
            for column in context.traceColumns[k] { context.traceSamples[k].append(values[column.neuron]) }
        }
    }

    /// Returns the synaptic events of the worker's targets.
    func phaseB(_ context: WorkerContext, step: Int, parity: Int) -> Int {
        var events = 0
        for projection in projections {
            let g = projection.sourceGroup
            for other in contexts {
                events += projection.propagate(worker: context.index, step: step,
                                               spikes: other.spikeList(group: g, parity: parity),
                                               count: other.spikeCount(group: g, parity: parity))
            }
        }
        guard context.index == 0 else { return events }
        for (_, recorder) in spikeRecorders {
            for other in contexts {
                recorder.record(step: step, spikes: other.spikeList(group: recorder.group, parity: parity),
                                count: other.spikeCount(group: recorder.group, parity: parity))
            }
        }
        if let progress = options.progress, (step + 1) % progressInterval == 0 { progress(step + 1) }
        return events
    }

    private func finish(step: Int, parity: Int, stop: Bool) {
        completedSteps = step + 1
        stoppedByUser = stop
        var first: DivergenceRecord?
        for context in contexts {
            if let record = context.divergence[parity], first.map({ record.precedes($0) }) ?? true { first = record }
        }
        if let first { divergence = report(first, step: step) }
    }

    private func report(_ record: DivergenceRecord, step: Int) -> Divergence {
        let pop = populations[record.population]
        return Divergence(population: pop.name, neuron: record.neuron, variable: pop.bufferNames[record.buffer],
                          step: step, value: record.value)
    }

    func result(simulationSeconds: Double, setupSeconds: Double) -> RunResult {
        var recordings = [Recording?](repeating: nil, count: plan.recorders.count)
        for (r, recorder) in spikeRecorders { recordings[r] = .spikes(steps: recorder.steps, neurons: recorder.neurons) }
        for (k, trace) in traceRecorders.enumerated() {
            recordings[trace.recorder] = trace.merge(contexts, index: k, completedSteps: completedSteps)
        }
        for (r, recorder) in plan.recorders.enumerated() {
            if case .weights(let projection) = recorder.kind {
                var learned = plan.projections[projection]
                learned.weights = weights(of: projection)
                recordings[r] = WeightRecording.record(learned)
            }
        }
        var result = RunResult(completedSteps: completedSteps, dt: plan.dt,
                         populationSpikeCounts: populations.map { Array($0.spikeCounts.array.prefix($0.size)) },
                         sourceSpikeCounts: sources.map { Array($0.spikeCounts.array.prefix($0.size)) },
                         recordings: recordings.map { $0! },
                         synapticEvents: contexts.reduce(0) { $0 + $1.synapticEvents },
                         simulationSeconds: simulationSeconds, setupSeconds: setupSeconds, threads: workers,
                         stoppedByUser: stoppedByUser, divergence: divergence)
        result.ruleDivergence = plasticity.lazy.compactMap { $0.firstNonFinite(step: self.completedSteps) }.first
        return result
    }
}

extension Engine {
    /// Sets the parameters that current inputs drive from the inputs' currents now; call after they change.
    func applyCurrents() {
        currentDrive.apply(plan: plan, populations: populations, sources: sources, projections: projections)
    }

    /// Puts every population back to its initial values (the same draws as at the start; frozen buffers keep
    /// theirs), with empty delay rings and no refractoriness, and the learning rules' traces back to their initial
    /// values (no presynaptic spike still on its way to a learning synapse): a sample presented without a rest
    /// period before it starts from a fresh network.
    func resetState() {
        for pop in populations {
            PopulationKernel.initialize(pop, context: contexts[0], seed: seed)
            pop.restoreFrozen()
            pop.refractoryCounter.pointer.update(repeating: 0, count: pop.refractoryCounter.count)
            for ring in pop.rings { ring.clear() }
        }
        applyCurrents()
        for rule in plasticity {
            for (k, trace) in rule.plan.postTraces.enumerated() {
                rule.postTraces[k].pointer.update(repeating: trace.initial, count: rule.postTraces[k].count)
            }
            for store in rule.stores {
                for (k, trace) in rule.plan.preTraces.enumerated() {
                    store.preTraces[k].pointer.update(repeating: trace.initial, count: store.preTraces[k].count)
                }
                store.history?.forget()
            }
        }
    }
}
