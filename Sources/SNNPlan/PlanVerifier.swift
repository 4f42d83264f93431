// PlanVerifier: checks every index and length of an ExecutionPlan once, so that the runtime's kernels may run
// without checks — the schedule; each population's buffers, tables and programs (operand counts, buffers,
// registers written before they are read, tables, stores, results); each source group's rates and spike
// times; each projection's CSR table (rowStart sized source + 1, starting at 0, never decreasing, ending at the
// synapse count; targets inside the target group; one weight per synapse; delays ≥ 1, one per synapse or none;
// effects on existing state buffers); each recorder's group, buffer, neurons and interval; and the BP-STDP
// layers (existing projections, once each, into populations, the output one of them, a window of ≥ 1 step). A failure is a
// bug of snnc, returned as a message (the driver prints "internal error: …, please report").

public struct PlanVerificationError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

public enum PlanVerifier {
    public static func verify(_ plan: ExecutionPlan) -> Result<Void, PlanVerificationError> {
        do {
            try check(plan)
            return .success(())
        } catch let error as PlanVerificationError {
            return .failure(error)
        } catch {
            return .failure(PlanVerificationError(message: "\(error)"))
        }
    }

    private static func fail(_ message: String) -> PlanVerificationError { PlanVerificationError(message: message) }

    private static func check(_ plan: ExecutionPlan) throws {
        guard plan.dt > 0, plan.dt.isFinite else { throw fail("the time step \(plan.dt) is not positive") }
        guard plan.steps >= 0 else { throw fail("the step count \(plan.steps) is negative") }
        for (index, population) in plan.populations.enumerated() {
            try check(population, "population \(index) '\(population.name)'")
        }
        for (index, source) in plan.sources.enumerated() {
            try check(source, "source group \(index) '\(source.name)'")
        }
        for (index, projection) in plan.projections.enumerated() {
            try check(projection, in: plan, "projection \(index) '\(projection.name)'")
        }
        for (index, recorder) in plan.recorders.enumerated() {
            try check(recorder, in: plan, "recorder \(index) '\(recorder.name)'")
        }
        if let supervised = plan.supervised { try check(supervised, in: plan) }
    }

    private static func check(_ supervised: SupervisedPlan, in plan: ExecutionPlan) throws {
        let projections = supervised.layers.map(\.projection)
        guard Set(projections).count == projections.count, projections.allSatisfy(plan.projections.indices.contains) else {
            throw fail("the bp_stdp layers \(projections) are not distinct projections of the plan")
        }
        guard plan.populations.indices.contains(supervised.output), supervised.windowSteps >= 1,
              projections.contains(where: { plan.projections[$0].target == supervised.output }) else {
            throw fail("the bp_stdp output \(supervised.output) or window \(supervised.windowSteps) is invalid")
        }
    }

    private static func size(of group: GroupRef, in plan: ExecutionPlan) -> Int? {
        switch group {
        case .population(let i): return plan.populations.indices.contains(i) ? plan.populations[i].size : nil
        case .source(let i): return plan.sources.indices.contains(i) ? plan.sources[i].size : nil
        }
    }

    // MARK: - Populations and programs

    private static func check(_ population: PopulationPlan, _ what: String) throws {
        guard population.size > 0, population.size < Int(Int32.max) else { throw fail("\(what) has size \(population.size)") }
        for (t, table) in population.tables.enumerated() where table.count != population.size {
            throw fail("\(what): table \(t) has \(table.count) values for \(population.size) neurons")
        }
        let context = ProgramContext(buffers: population.buffers.count, tables: population.tables.count)
        try check(population.initialize, context, "\(what), initialize")
        try check(population.update, context, "\(what), update")
        try check(population.reset, context, "\(what), reset")
        if let threshold = population.threshold {
            try check(threshold, context, "\(what), threshold")
            guard threshold.result != nil else { throw fail("\(what): the threshold program has no result") }
        }
        switch population.refractory {
        case .none: break
        case .steps(let n): guard n >= 0 else { throw fail("\(what): refractory period of \(n) steps") }
        case .condition(let program):
            try check(program, context, "\(what), refractory condition")
            guard program.result != nil else { throw fail("\(what): the refractory condition has no result") }
        }
    }

    private struct ProgramContext {
        var buffers: Int
        var tables: Int
    }

    private static func check(_ program: Program, _ context: ProgramContext, _ what: String) throws {
        guard program.registerCount >= 0 else { throw fail("\(what): negative register count") }
        var written = [Bool](repeating: false, count: program.registerCount)
        for (i, instruction) in program.instructions.enumerated() {
            guard instruction.operands.count == instruction.op.arity else {
                throw fail("\(what): instruction \(i) (\(instruction.op.rawValue)) has \(instruction.operands.count) operands, needs \(instruction.op.arity)")
            }
            for operand in instruction.operands {
                switch operand {
                case .buffer(let b):
                    guard b >= 0, b < context.buffers else { throw fail("\(what): instruction \(i) reads buffer \(b) of \(context.buffers)") }
                case .table(let t):
                    guard t >= 0, t < context.tables else { throw fail("\(what): instruction \(i) reads table \(t) of \(context.tables)") }
                case .register(let r):
                    guard r >= 0, r < program.registerCount, written[r] else {
                        throw fail("\(what): instruction \(i) reads register \(r), which is not written before (of \(program.registerCount))")
                    }
                case .constant:
                    break
                }
            }
            let d = instruction.destination
            guard d >= 0, d < program.registerCount else {
                throw fail("\(what): instruction \(i) writes register \(d) of \(program.registerCount)")
            }
            written[d] = true
        }
        for (s, store) in program.stores.enumerated() {
            guard store.buffer >= 0, store.buffer < context.buffers else {
                throw fail("\(what): store \(s) writes buffer \(store.buffer) of \(context.buffers)")
            }
            guard store.register >= 0, store.register < program.registerCount, written[store.register] else {
                throw fail("\(what): store \(s) reads register \(store.register), which is not written")
            }
        }
        if let result = program.result {
            guard result >= 0, result < program.registerCount, written[result] else {
                throw fail("\(what): the result register \(result) is not written")
            }
        }
    }

    // MARK: - Sources

    private static func check(_ source: SourcePlan, _ what: String) throws {
        guard source.size > 0, source.size < Int(Int32.max) else { throw fail("\(what) has size \(source.size)") }
        func rates(_ rates: [Float]) throws {
            guard rates.count == 1 || rates.count == source.size else {
                throw fail("\(what) has \(rates.count) rates for \(source.size) sources")
            }
            guard rates.allSatisfy({ $0 >= 0 && $0.isFinite }) else { throw fail("\(what) has a negative or infinite rate") }
        }
        switch source.kind {
        case .poisson(let r), .bernoulli(let r):
            try rates(r)
        case .regular(let r, let phase):
            try rates(r)
            guard phase >= 0 else { throw fail("\(what) has phase \(phase) steps") }
        case .spikeTimes(let steps):
            guard steps.count == source.size else { throw fail("\(what) has \(steps.count) spike times for \(source.size) sources") }
            guard steps.allSatisfy({ $0 >= 0 }) else { throw fail("\(what) has a negative spike step") }
        case .current(let amperes):
            guard amperes.count == 1 || amperes.count == source.size else {
                throw fail("\(what) has \(amperes.count) currents for \(source.size) sources")
            }
            guard amperes.allSatisfy(\.isFinite) else { throw fail("\(what) has an infinite current") }
        case .spikeList(let sources, let steps):
            guard sources.count == steps.count else { throw fail("\(what) has \(sources.count) sources for \(steps.count) steps") }
            for k in sources.indices {
                guard sources[k] >= 0, Int(sources[k]) < source.size, steps[k] >= 0 else {
                    throw fail("\(what): spike \(k) is source \(sources[k]) at step \(steps[k])")
                }
                guard k == 0 || steps[k - 1] < steps[k] || (steps[k - 1] == steps[k] && sources[k - 1] <= sources[k]) else {
                    throw fail("\(what): spikes are not sorted at \(k)")
                }
            }
        }
    }

    // MARK: - Projections

    private static func check(_ projection: ProjectionPlan, in plan: ExecutionPlan, _ what: String) throws {
        guard let sourceSize = size(of: projection.source, in: plan) else { throw fail("\(what): no source group \(projection.source)") }
        guard plan.populations.indices.contains(projection.target) else { throw fail("\(what): no target population \(projection.target)") }
        let target = plan.populations[projection.target]
        let count = projection.targets.count
        guard projection.rowStart.count == sourceSize + 1 else {
            throw fail("\(what): rowStart has \(projection.rowStart.count) entries for \(sourceSize) sources")
        }
        guard projection.rowStart.first == 0, Int(projection.rowStart.last!) == count else {
            throw fail("\(what): rowStart runs from \(projection.rowStart.first!) to \(projection.rowStart.last!), not 0 to \(count)")
        }
        try projection.rowStart.withUnsafeBufferPointer { rows in
            for i in 1..<rows.count where rows[i] < rows[i - 1] {
                throw fail("\(what): rowStart decreases at row \(i - 1)")
            }
        }
        let limit = Int32(target.size)
        try projection.targets.withUnsafeBufferPointer { targets in
            var bad = -1
            for k in 0..<targets.count where targets[k] < 0 || targets[k] >= limit { bad = k; break }
            if bad >= 0 { throw fail("\(what): synapse \(bad) targets neuron \(targets[bad]) of \(target.size)") }
        }
        guard projection.weights.count == count else { throw fail("\(what): \(projection.weights.count) weights for \(count) synapses") }
        guard projection.uniformDelay >= 1 else { throw fail("\(what): uniform delay \(projection.uniformDelay)") }
        guard projection.delays.isEmpty || projection.delays.count == count else {
            throw fail("\(what): \(projection.delays.count) delays for \(count) synapses")
        }
        guard !projection.delays.contains(0) else { throw fail("\(what): a delay of 0 steps") }
        let drivesParameters = plan.drivesParameters(projection)
        for (e, effect) in projection.effects.enumerated() {
            guard effect.buffer >= 0, effect.buffer < target.buffers.count else {
                throw fail("\(what): effect \(e) adds to buffer \(effect.buffer) of \(target.buffers.count)")
            }
            guard (target.buffers[effect.buffer].kind == .parameter) == drivesParameters else {
                throw fail("\(what): effect \(e) adds to \(target.buffers[effect.buffer].kind.rawValue) buffer \(effect.buffer)"
                           + (drivesParameters ? " from a current input" : ""))
            }
            guard effect.scale.isFinite else { throw fail("\(what): effect \(e) has scale \(effect.scale)") }
        }
    }

    // MARK: - Recorders

    private static func check(_ recorder: RecorderPlan, in plan: ExecutionPlan, _ what: String) throws {
        func neurons(_ list: [Int], of size: Int) throws {
            guard list.allSatisfy({ $0 >= 0 && $0 < size }) else { throw fail("\(what) records a neuron outside 0..<\(size)") }
        }
        switch recorder.kind {
        case .spikes(let group, let list):
            guard let size = size(of: group, in: plan) else { throw fail("\(what): no group \(group)") }
            try neurons(list, of: size)
        case .trace(let population, let buffer, let list, let interval):
            guard plan.populations.indices.contains(population) else { throw fail("\(what): no population \(population)") }
            let p = plan.populations[population]
            guard buffer >= 0, buffer < p.buffers.count else { throw fail("\(what): no buffer \(buffer) in '\(p.name)'") }
            guard !list.isEmpty else { throw fail("\(what) records no neurons") }
            try neurons(list, of: p.size)
            guard interval >= 1 else { throw fail("\(what): interval of \(interval) steps") }
        case .weights(let projection):
            guard plan.projections.indices.contains(projection) else { throw fail("\(what): no projection \(projection)") }
        }
    }
}
