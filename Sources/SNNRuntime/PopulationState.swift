// PopulationState: one population at run time — its buffers (SoA, one padded Float32 row per buffer), its
// per-neuron tables, the refractory counter, spike counts, the compiled programs, and the delay rings of the
// buffers that synapses add to. Rows are padded to a multiple of 16 neurons; padding lanes are computed like
// real neurons (they start as copies of the last neuron) but never spike, count or report a divergence.
// `freeze` (a phase's `freeze theta of exc`) recompiles the update and reset programs without the stores of the
// frozen buffers, whose rings then only discard their input, and keeps their values to put back after a reset
// of the whole network: a frozen buffer is not written at all, so it holds its value exactly.

import SNNPlan

final class PopulationState: @unchecked Sendable {
    /// How the spike condition is evaluated. A single comparison of a buffer or table with a constant or another
    /// buffer or table (`v > Vt`) is tested inside the compaction loop, without a register pass.
    enum Threshold {
        case never
        case comparison(Opcode, CompiledOperand, CompiledOperand)
        case program(CompiledProgram)
    }

    enum Refractoriness {
        case none
        /// Refractory for this many steps after each spike.
        case steps(Float)
        /// Refractory after a spike until the condition program is false.
        case condition(CompiledProgram)
    }

    let index: Int
    let name: String
    let bufferNames: [String]
    let size: Int
    let padded: Int
    let values: AlignedBuffer<Float>
    let bufferTable: AlignedBuffer<UnsafeMutablePointer<Float>>
    let tableValues: AlignedBuffer<Float>
    let tableTable: AlignedBuffer<UnsafeMutablePointer<Float>>
    /// Steps of refractoriness left, refractory while positive (step refractoriness, see
    /// `PopulationKernel.markRefractory`), or 1/0 (conditional refractoriness).
    let refractoryCounter: AlignedBuffer<Float>
    let spikeCounts: AlignedBuffer<Int32>
    let initialize: CompiledProgram
    private(set) var update: CompiledProgram
    let threshold: CompiledProgram?
    let thresholdForm: Threshold
    /// A `buffer > constant` or `buffer ≥ constant` condition that the update program's store of that buffer tests
    /// (threshold fusion, see CompiledProgram); nil when the threshold runs as its own pass.
    private(set) var fusedThreshold: (op: Opcode, buffer: Int, value: Float)?
    private(set) var reset: CompiledProgram
    let refractoriness: Refractoriness
    /// State buffers in buffer order: the ones checked for NaN and infinity.
    let stateBuffers: [Int]
    /// State buffers the update program does not store and that are not frozen (checked separately after the
    /// update).
    private(set) var unstoredStateBuffers: [Int]
    /// Delay rings of this population's buffers, filled in when projections are set up.
    var rings: [DelayRing] = []
    /// The buffers frozen for the current phase, with their padded rows when it began.
    private(set) var frozen: [Int: [Float]] = [:]
    /// The plan's update and reset programs, recompiled without the stores of frozen buffers.
    private let plannedUpdate: Program, plannedReset: Program
    private let tableCount: Int

    init(index: Int, plan: PopulationPlan) {
        self.index = index
        name = plan.name
        bufferNames = plan.buffers.map(\.name)
        size = plan.size
        padded = paddedCount(plan.size)
        let bufferCount = plan.buffers.count, tableCount = plan.tables.count
        self.tableCount = tableCount
        values = AlignedBuffer(count: Swift.max(bufferCount, 1) * padded)
        bufferTable = AlignedBuffer(count: Swift.max(bufferCount, 1))
        for b in 0..<Swift.max(bufferCount, 1) { bufferTable[b] = values.pointer + b * padded }
        tableValues = AlignedBuffer(count: Swift.max(tableCount, 1) * padded)
        tableTable = AlignedBuffer(count: Swift.max(tableCount, 1))
        for t in 0..<Swift.max(tableCount, 1) { tableTable[t] = tableValues.pointer + t * padded }
        for (t, table) in plan.tables.enumerated() {
            precondition(table.count == plan.size || table.count == 1,
                         "table \(t) of '\(plan.name)' has \(table.count) values for \(plan.size) neurons")
            let row = tableTable[t]
            for i in 0..<padded { row[i] = table.isEmpty ? 0 : table[Swift.min(i, table.count - 1)] }
        }
        refractoryCounter = AlignedBuffer(count: padded)
        spikeCounts = AlignedBuffer(count: padded)

        let state = Set(plan.buffers.indices.filter { plan.buffers[$0].kind == .state })
        stateBuffers = state.sorted()
        func compile(_ program: Program) -> CompiledProgram {
            CompiledProgram(program, bufferCount: bufferCount, tableCount: tableCount, stateBuffers: state)
        }
        initialize = compile(plan.initialize)
        plannedUpdate = plan.update
        plannedReset = plan.reset
        update = compile(plan.update)
        threshold = plan.threshold.map(compile)
        reset = compile(plan.reset)
        switch plan.refractory {
        case .none: refractoriness = .none
        case .steps(let n): refractoriness = n > 0 ? .steps(Float(n)) : .none
        case .condition(let program): refractoriness = .condition(compile(program))
        }
        if let result = threshold?.result {
            precondition(result < threshold!.registerCount, "threshold result register out of range")
        } else {
            precondition(threshold == nil, "threshold program of '\(plan.name)' has no result register")
        }
        if case .condition(let program) = refractoriness {
            precondition(program.result != nil, "refractory condition of '\(plan.name)' has no result register")
        }
        thresholdForm = threshold.map(Self.form) ?? .never
        fusedThreshold = Self.fuse(thresholdForm, into: update)
        let stored = update.storedBuffers
        unstoredStateBuffers = stateBuffers.filter { !stored.contains($0) }
    }

    var bufferCount: Int { bufferNames.count }

    /// Fuses a `buffer > constant` (or ≥) threshold into the update's store of that buffer, when it can.
    private static func fuse(_ form: Threshold, into update: CompiledProgram) -> (op: Opcode, buffer: Int, value: Float)? {
        guard case .comparison(let op, let a, let b) = form, op == .gt || op == .ge, a.kind == .buffer,
              b.kind == .constant, update.fuseThreshold(into: Int(a.index)) else { return nil }
        return (op, Int(a.index), b.value)
    }

    /// Freezes exactly `buffers` (state buffers) from now on, and unfreezes the others; a buffer that stays frozen
    /// keeps its value from when it was first frozen. Only between runs of steps.
    func freeze(_ buffers: Set<Int>) {
        guard buffers != Set(frozen.keys) else { return }
        precondition(buffers.allSatisfy { stateBuffers.contains($0) }, "freeze of a buffer of '\(name)' that is not a state")
        var kept: [Int: [Float]] = [:]
        for b in buffers { kept[b] = frozen[b] ?? Array(UnsafeBufferPointer(start: buffer(b), count: padded)) }
        frozen = kept
        let state = Set(stateBuffers)
        func compile(_ program: Program) -> CompiledProgram {
            var kept = program
            kept.stores.removeAll { buffers.contains($0.buffer) }
            return CompiledProgram(kept, bufferCount: bufferCount, tableCount: tableCount, stateBuffers: state)
        }
        update = compile(plannedUpdate)
        reset = compile(plannedReset)
        fusedThreshold = Self.fuse(thresholdForm, into: update)
        let stored = update.storedBuffers
        unstoredStateBuffers = stateBuffers.filter { !stored.contains($0) && !buffers.contains($0) }
        for ring in rings { ring.discards = buffers.contains(ring.buffer) }
    }

    /// Puts the frozen buffers back to their values (after the network was reset to its initial state).
    func restoreFrozen() {
        for (b, row) in frozen { row.withUnsafeBufferPointer { buffer(b).update(from: $0.baseAddress!, count: padded) } }
    }

    private static func form(_ program: CompiledProgram) -> Threshold {
        let comparisons: Set<Opcode> = [.lt, .le, .gt, .ge, .eq, .ne]
        guard program.instructions.count == 1, program.stores.isEmpty else { return .program(program) }
        let ins = program.instructions[0]
        guard comparisons.contains(ins.op), program.result == Int(ins.destination),
              ins.a.kind == .buffer || ins.a.kind == .table, ins.b.kind != .register else { return .program(program) }
        return .comparison(ins.op, ins.a, ins.b)
    }

    /// Registers any program of the population needs.
    var registerCount: Int {
        var count = Swift.max(initialize.registerCount, update.registerCount, reset.registerCount,
                              threshold?.registerCount ?? 0)
        if case .condition(let program) = refractoriness { count = Swift.max(count, program.registerCount) }
        return count
    }

    @inline(__always)
    func buffer(_ b: Int) -> UnsafeMutablePointer<Float> { bufferTable.pointer[b] }

    /// Copies the last real neuron's buffers into the padding lanes, so that padding computes sensible values.
    func fillPadding() {
        guard size > 0, size < padded else { return }
        for b in 0..<bufferCount {
            let row = buffer(b)
            for i in size..<padded { row[i] = row[size - 1] }
        }
    }
}
