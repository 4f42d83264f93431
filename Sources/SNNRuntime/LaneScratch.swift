// LaneScratch: a worker's scratch for running a learning rule's handler over lanes (synapses or neurons): one
// aligned block-sized buffer per lane variable, registers, each lane's key for random draws, and the batch being
// filled — pieces of rows or columns (segments) packed one after another into the lanes, so that one run of the
// interpreter serves every event of a step instead of one short run per row. LaneProgram is a compiled handler
// with the lane buffers it stores and whether it draws random numbers.

import SNNPlan

struct LaneProgram {
    let program: CompiledProgram
    /// Lane buffers the program stores, ascending.
    let stored: [Int]
    /// Whether it draws random numbers (its lanes are then keyed by synapse, see `LaneScratch.keys`).
    let draws: Bool

    init(_ source: Program, lanes: Int) {
        program = CompiledProgram(source, bufferCount: lanes, tableCount: 0, stateBuffers: [])
        stored = program.storedBuffers.sorted()
        draws = source.instructions.contains { $0.op == .uniform || $0.op == .normal }
    }
}

final class LaneScratch: @unchecked Sendable {
    let values: AlignedBuffer<Float>
    let table: AlignedBuffer<UnsafeMutablePointer<Float>>
    let registers: AlignedBuffer<Float>
    let noTables = AlignedBuffer<UnsafeMutablePointer<Float>>(count: 1)
    /// Per lane: the synapse's index in the plan, which keys its random draws (whatever the batch or the workers).
    let keys = AlignedBuffer<Int32>(count: WorkerContext.blockSize)
    /// The batch: segment k fills `segmentCount[k]` lanes from synapse (or column entry) `segmentStart[k]` on.
    let segmentStart = AlignedBuffer<Int>(count: WorkerContext.blockSize)
    let segmentCount = AlignedBuffer<Int>(count: WorkerContext.blockSize)
    var segments = 0
    /// Lanes filled so far.
    var filled = 0

    init(lanes: Int, registers: Int) {
        let block = WorkerContext.blockSize
        values = AlignedBuffer(count: lanes * block)
        table = AlignedBuffer(count: lanes)
        for k in 0..<lanes { table[k] = values.pointer + k * block }
        self.registers = AlignedBuffer(count: Swift.max(registers, 1) * block)
    }

    /// Room left in the batch.
    var room: Int { WorkerContext.blockSize - filled }

    /// Records a segment of `count` lanes starting at the current fill, and advances the fill.
    @inline(__always)
    func append(start: Int, count: Int) {
        segmentStart[segments] = start
        segmentCount[segments] = count
        segments += 1
        filled += count
    }

    func clear() {
        segments = 0
        filled = 0
    }

    @inline(__always)
    func lane(_ k: Int) -> UnsafeMutablePointer<Float> { table.pointer[k] }

    func load(_ k: Int, at lane: Int, from source: UnsafePointer<Float>, count: Int) {
        (self.lane(k) + lane).update(from: source, count: count)
    }

    func fill(_ k: Int, at lane: Int, with value: Float, count: Int) {
        (self.lane(k) + lane).update(repeating: value, count: count)
    }

    func gather(_ k: Int, at lane: Int, from source: UnsafePointer<Float>, indices: UnsafePointer<Int32>, count: Int) {
        let d = self.lane(k) + lane
        for i in 0..<count { d[i] = source[Int(indices[i])] }
    }

    func store(_ k: Int, at lane: Int, to target: UnsafeMutablePointer<Float>, count: Int) {
        target.update(from: self.lane(k) + lane, count: count)
    }

    func scatter(_ k: Int, at lane: Int, to target: UnsafeMutablePointer<Float>, indices: UnsafePointer<Int32>, count: Int) {
        let s = self.lane(k) + lane
        for i in 0..<count { target[Int(indices[i])] = s[i] }
    }

    /// Runs `program` over the first `count` lanes (whole vectors of 8; the lanes past `count` are never stored
    /// back); random draws are keyed by `keys` (a synapse or neuron per lane).
    func run(_ program: LaneProgram, count: Int, seed: UInt64, step: Int, keys: UnsafePointer<Int32>) {
        let frame = BlockFrame(buffers: UnsafePointer(table.pointer), tables: UnsafePointer(noTables.pointer), first: 0,
                               vectors: (count + vectorLanes - 1) / vectorLanes, registers: registers.pointer,
                               registerStride: WorkerContext.blockSize, neurons: keys, seed: seed, counter: UInt64(step))
        _ = Interpreter.run(program.program, frame)
        _ = Interpreter.store(program.program, frame, refractory: nil)
    }
}
