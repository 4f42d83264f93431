// LaneScratch: a worker's scratch for running a learning rule's handler over lanes (synapses or neurons): one
// aligned block-sized buffer per lane variable, registers, and the gather/fill/store/scatter moves between the
// synapse tables and the lanes. LaneProgram is a compiled handler with the lane buffers it stores.

import SNNPlan

struct LaneProgram {
    let program: CompiledProgram
    /// Lane buffers the program stores, ascending.
    let stored: [Int]

    init(_ program: CompiledProgram) {
        self.program = program
        stored = program.storedBuffers.sorted()
    }
}

final class LaneScratch: @unchecked Sendable {
    let values: AlignedBuffer<Float>
    let table: AlignedBuffer<UnsafeMutablePointer<Float>>
    let registers: AlignedBuffer<Float>
    let noTables = AlignedBuffer<UnsafeMutablePointer<Float>>(count: 1)
    let lanes: Int

    init(lanes: Int, registers: Int) {
        self.lanes = lanes
        let block = WorkerContext.blockSize
        values = AlignedBuffer(count: lanes * block)
        table = AlignedBuffer(count: lanes)
        for k in 0..<lanes { table[k] = values.pointer + k * block }
        self.registers = AlignedBuffer(count: Swift.max(registers, 1) * block)
    }

    @inline(__always)
    func lane(_ k: Int) -> UnsafeMutablePointer<Float> { table.pointer[k] }

    func load(_ k: Int, from source: UnsafePointer<Float>, count: Int) {
        lane(k).update(from: source, count: count)
    }

    func fill(_ k: Int, with value: Float, count: Int) {
        let d = lane(k)
        for i in 0..<count { d[i] = value }
    }

    func gather(_ k: Int, from source: UnsafePointer<Float>, indices: UnsafePointer<Int32>, count: Int) {
        let d = lane(k)
        for i in 0..<count { d[i] = source[Int(indices[i])] }
    }

    func store(_ k: Int, to target: UnsafeMutablePointer<Float>, count: Int) {
        target.update(from: lane(k), count: count)
    }

    func scatter(_ k: Int, to target: UnsafeMutablePointer<Float>, indices: UnsafePointer<Int32>, count: Int) {
        let s = lane(k)
        for i in 0..<count { target[Int(indices[i])] = s[i] }
    }

    /// Runs `program` over the first `count` lanes (whole vectors of 8; the lanes past `count` are never stored back).
    func run(_ program: LaneProgram, count: Int, seed: UInt64, step: Int) {
        let frame = BlockFrame(buffers: UnsafePointer(table.pointer), tables: UnsafePointer(noTables.pointer), first: 0,
                               vectors: (count + vectorLanes - 1) / vectorLanes, registers: registers.pointer,
                               registerStride: WorkerContext.blockSize, neurons: nil, seed: seed,
                               counter: UInt64(step))
        _ = Interpreter.run(program.program, frame)
        _ = Interpreter.store(program.program, frame, refractory: nil)
    }
}
