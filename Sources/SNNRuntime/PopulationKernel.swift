// PopulationKernel: one step of one population over a worker's range, block by block (so a block's buffers
// and registers stay in cache through every phase): deliver the delay rings' row of this step, mark the
// refractory neurons and count their refractoriness down, run the update program and its stores (checking the
// stored state for NaN/infinity), evaluate the threshold where not refractory and compact the spiking neurons
// into the worker's spike list (a threshold fused into the update's store leaves only the compaction, and only
// for blocks where something fired), then reset the spiking neurons — gathered into a small block, run through the
// same interpreter, scattered back — and start their refractoriness.

import SNNPlan

enum PopulationKernel {
    /// Runs `initialize` over every neuron (padding included), then copies the last neuron into the padding.
    static func initialize(_ pop: PopulationState, context: WorkerContext, seed: UInt64) {
        var first = 0
        while first < pop.padded {
            let end = Swift.min(first + WorkerContext.blockSize, pop.padded)
            let frame = BlockFrame(buffers: pop.bufferTable.pointer, tables: pop.tableTable.pointer, first: first,
                                   vectors: (end - first) / vectorLanes, registers: context.registers.pointer,
                                   registerStride: WorkerContext.blockSize, neurons: nil, seed: seed, counter: 0)
            _ = Interpreter.run(pop.initialize, frame)
            _ = Interpreter.store(pop.initialize, frame, refractory: nil)
            first = end
        }
        pop.fillPadding()
    }

    /// One step of `pop` for `context`'s range; the spikes go to the worker's list for `parity`.
    static func step(_ pop: PopulationState, context: WorkerContext, step: Int, parity: Int, seed: UInt64) {
        let range = context.ranges[pop.index]
        let list = context.spikeList(group: pop.index, parity: parity)
        var count = 0
        var first = range.lowerBound
        while first < range.upperBound {
            let end = Swift.min(first + WorkerContext.blockSize, range.upperBound)
            var frame = BlockFrame(buffers: pop.bufferTable.pointer, tables: pop.tableTable.pointer, first: first,
                                   vectors: (end - first) / vectorLanes, registers: context.registers.pointer,
                                   registerStride: WorkerContext.blockSize, neurons: nil, seed: seed,
                                   counter: UInt64(step))
            for ring in pop.rings {
                ring.deliver(step: step, into: pop.buffer(ring.buffer), first: first, vectors: frame.vectors)
            }
            let (refractory, countdown) = markRefractory(pop, frame, context)
            frame.refractory = refractory
            // A fused threshold counts down whatever is refractory in this step (only the compaction reads it
            // afterwards), or the unused counters when nothing is.
            let fused = pop.fusedThreshold.map {
                SpikeTest(op: $0.op, threshold: Vector(repeating: $0.value),
                          countdown: UnsafeMutablePointer(mutating: refractory ?? UnsafePointer(counters(pop, frame))),
                          anyFired: context.anyFired.pointer)
            }
            frame.spikeTest = fused
            var finite = Interpreter.run(pop.update, frame)
            if pop.update.hasSeparateStores && !Interpreter.store(pop.update, frame, refractory: refractory) {
                finite = false
            }
            frame.refractory = nil
            frame.spikeTest = nil
            for b in pop.unstoredStateBuffers where !allFinite(frame.buffer(b), frame.vectors) { finite = false }
            if !finite { locateDivergence(pop, first: first, end: end, context: context, parity: parity) }
            let before = count
            if let fused {
                if fused.anyFired.pointee {
                    // Counted down already: refractory in this step where the counter is now above −1.
                    let v = frame.buffer(pop.fusedThreshold!.buffer), t = fused.threshold
                    func run(_ fired: (Int) -> Mask) -> Int {
                        compact(pop, frame, refractory: refractory, above: -1, countdown: nil, list: list,
                                count: count) { VectorLoops.bits(fired($0)) }
                    }
                    count = fused.op == .gt ? run { v[$0] .> t } : run { v[$0] .>= t }
                }
            } else {
                count = threshold(pop, frame, refractory: refractory, countdown: countdown, list: list, count: count)
            }
            if count > before {
                reset(pop, spikes: list + before, count: count - before, context: context, step: step,
                      parity: parity, seed: seed)
            }
            first = end
        }
        context.spikeCounts.pointer[pop.index * 2 + parity] = count
    }

    /// Where the block's refractoriness is (positive = refractory in this step), and the counters to count down
    /// after the threshold. Step refractoriness uses the counters themselves: set to n by a spike, counted down
    /// once per step after the threshold (by the threshold pass or the fused store, saving a pass) and never
    /// clamped — refractory while positive, and a Float stays below zero once there. Conditional refractoriness
    /// evaluates its condition into the worker's flags (1/0).
    @inline(__always)
    static func markRefractory(_ pop: PopulationState, _ frame: BlockFrame, _ context: WorkerContext)
        -> (UnsafePointer<Vector>?, UnsafeMutablePointer<Vector>?) {
        let counter = counters(pop, frame)
        switch pop.refractoriness {
        case .none:
            return (nil, nil)
        case .steps:
            return (UnsafePointer(counter), counter)
        case .condition(let program):
            // Brian's rule: after a spike, refractory until the condition (on the state before the update) is
            // false; then not refractory until the next spike.
            let flags = UnsafeMutableRawPointer(context.refractoryFlags.pointer).assumingMemoryBound(to: Vector.self)
            _ = Interpreter.run(program, frame)
            let result = frame.register(program.result!)
            for i in 0..<frame.vectors {
                let active = VectorLoops.number((counter[i] .> 0) .& (result[i] .!= 0))
                flags[i] = active
                counter[i] = active
            }
            return (UnsafePointer(flags), nil)
        }
    }

    /// The block's refractory counters.
    @inline(__always)
    static func counters(_ pop: PopulationState, _ frame: BlockFrame) -> UnsafeMutablePointer<Vector> {
        UnsafeMutableRawPointer(pop.refractoryCounter.pointer + frame.first).assumingMemoryBound(to: Vector.self)
    }

    /// Evaluates the spike condition and appends the block's spiking neurons (condition true, not refractory, not
    /// padding) to `list`; counts refractoriness down.
    @inline(__always)
    static func threshold(_ pop: PopulationState, _ frame: BlockFrame, refractory: UnsafePointer<Vector>?,
                          countdown: UnsafeMutablePointer<Vector>?, list: UnsafeMutablePointer<Int32>,
                          count: Int) -> Int {
        func run(_ fired: (Int) -> Mask) -> Int {
            compact(pop, frame, refractory: refractory, above: 0, countdown: countdown, list: list, count: count) {
                VectorLoops.bits(fired($0))
            }
        }
        switch pop.thresholdForm {
        case .never:
            return count
        case .program(let program):
            _ = Interpreter.run(program, frame)
            let r = frame.register(program.result!)
            return run { r[$0] .!= 0 }
        case .comparison(let op, let a, let b):
            let x = frame.resolve(a).pointer!, y = frame.resolve(b)
            if let p = y.pointer {
                switch op {
                case .lt: return run { x[$0] .< p[$0] }
                case .le: return run { x[$0] .<= p[$0] }
                case .gt: return run { x[$0] .> p[$0] }
                case .ge: return run { x[$0] .>= p[$0] }
                case .eq: return run { x[$0] .== p[$0] }
                default: return run { x[$0] .!= p[$0] }
                }
            }
            let c = y.value
            switch op {
            case .lt: return run { x[$0] .< c }
            case .le: return run { x[$0] .<= c }
            case .gt: return run { x[$0] .> c }
            case .ge: return run { x[$0] .>= c }
            case .eq: return run { x[$0] .== c }
            default: return run { x[$0] .!= c }
            }
        }
    }

    /// Appends the neurons whose lanes `condition` sets (nonzero), not refractory (`refractory` > `above`) and not
    /// padding, to `list`; counts refractoriness down.
    @inline(__always)
    static func compact(_ pop: PopulationState, _ frame: BlockFrame, refractory: UnsafePointer<Vector>?,
                        above: Float, countdown: UnsafeMutablePointer<Vector>?, list: UnsafeMutablePointer<Int32>,
                        count: Int, _ condition: (Int) -> VectorBits) -> Int {
        let counts = pop.spikeCounts.pointer
        let size = pop.size
        var count = count
        for i in 0..<frame.vectors {
            // Refractoriness is checked only for the lanes that pass the condition (rare), which keeps boolean
            // mask algebra — poorly compiled on AVX2 — out of the loop.
            let fired = condition(i)
            if VectorLoops.anyNonzero(fired) {
                let base = frame.first + i * vectorLanes
                for l in 0..<vectorLanes where fired[l] != 0 {
                    let neuron = base + l
                    guard neuron < size else { break }
                    if let refractory, refractory[i][l] > above { continue }
                    list[count] = Int32(neuron)
                    count += 1
                    counts[neuron] += 1
                }
            }
            // After the test above: with step refractoriness `refractory` and `countdown` are the same counters.
            if let countdown { countdown[i] -= 1 }
        }
        return count
    }

    /// Runs the reset program for `count` spiking neurons of one block (at most a block) and starts their
    /// refractoriness.
    static func reset(_ pop: PopulationState, spikes: UnsafeMutablePointer<Int32>, count: Int, context: WorkerContext,
                      step: Int, parity: Int, seed: UInt64) {
        let program = pop.reset
        if !program.isEmpty {
            let vectors = (count + vectorLanes - 1) / vectorLanes
            let lanes = vectors * vectorLanes
            let neurons = context.gatherNeurons.pointer
            for j in 0..<lanes { neurons[j] = spikes[j < count ? j : 0] }
            for b in program.readBuffers {
                gather(pop.buffer(b), into: context.gatherBuffers[b], neurons: neurons, lanes: lanes)
            }
            for t in program.readTables {
                gather(pop.tableTable[t], into: context.gatherTables[t], neurons: neurons, lanes: lanes)
            }
            let frame = BlockFrame(buffers: context.gatherBuffers.pointer, tables: context.gatherTables.pointer,
                                   first: 0, vectors: vectors, registers: context.registers.pointer,
                                   registerStride: WorkerContext.blockSize, neurons: neurons, seed: seed,
                                   counter: UInt64(step))
            _ = Interpreter.run(program, frame)
            _ = Interpreter.store(program, frame, refractory: nil)
            for store in program.stores {
                let source = context.gatherBuffers[store.buffer], target = pop.buffer(store.buffer)
                for j in 0..<count {
                    let value = source[j]
                    target[Int(neurons[j])] = value
                    if store.checked && !value.isFinite {
                        context.note(DivergenceRecord(population: pop.index, neuron: Int(neurons[j]),
                                                      buffer: store.buffer, value: value), parity: parity)
                    }
                }
            }
        }
        let counter = pop.refractoryCounter.pointer
        switch pop.refractoriness {
        case .none: break
        case .steps(let n): for j in 0..<count { counter[Int(spikes[j])] = n }
        case .condition: for j in 0..<count { counter[Int(spikes[j])] = 1 }
        }
    }

    @inline(__always)
    static func gather(_ source: UnsafeMutablePointer<Float>, into target: UnsafeMutablePointer<Float>,
                       neurons: UnsafePointer<Int32>, lanes: Int) {
        for j in 0..<lanes { target[j] = source[Int(neurons[j])] }
    }

    @inline(__always)
    static func allFinite(_ values: UnsafePointer<Vector>, _ vectors: Int) -> Bool {
        var bad = VectorBits()
        for i in 0..<vectors { bad |= VectorLoops.finiteMark(values[i]) }
        return !VectorLoops.anyNotFinite(bad)
    }

    /// After a failed block check: the first neuron (then buffer) of the block that is not finite. A false alarm
    /// from padding lanes resets the padding to copies of the last neuron.
    static func locateDivergence(_ pop: PopulationState, first: Int, end: Int, context: WorkerContext, parity: Int) {
        for neuron in first..<Swift.min(end, pop.size) {
            for b in pop.stateBuffers {
                let value = pop.buffer(b)[neuron]
                if !value.isFinite {
                    context.note(DivergenceRecord(population: pop.index, neuron: neuron, buffer: b, value: value),
                                 parity: parity)
                    return
                }
            }
        }
        if end > pop.size { pop.fillPadding() }
    }
}
