// CompiledProgram: a `Program` flattened for the interpreter — every instruction with its operands as fixed
// fields (no arrays, no enums with payloads), stored in memory the interpreter reads with a raw pointer, and the
// stores with a flag saying whether the value must be checked for NaN/infinity. Operand indices are checked
// here, once, so the interpreter can trust them.
//
// Chain fusion: an add/sub/mul/div whose result is used only by the next instruction, itself an add/sub/mul/div,
// is evaluated inside that instruction's loop (`(a − b)·c` in one pass instead of two), with the same roundings
// in the same order, so results stay bit-identical. Pair fusion: two such operations of the same kind whose
// results are used only by the instruction right after them, as its two operands (`a·k1 + b·k2`), in one pass.
//
// Fold fusion (FoldFusion) runs first: a sum of scaled values spread over several instructions becomes one
// instruction evaluating the same left fold, so a linear update (`v + (v·a + ge·b + gi·c + d)`) is one pass.
//
// Store fusion: when the last instruction writing a stored register is followed by no instruction that reads
// that register or the store's buffer, the instruction writes the buffer directly (holding refractory neurons
// and checking for NaN as the store would) and the separate store pass is skipped. The arithmetic is unchanged.
//
// Threshold fusion (`fuseThreshold`, asked for by the population): the instruction whose fused, checked store
// writes the buffer that a `buffer > constant` (or ≥) spike condition tests also tests it, on the values it
// stores, and counts the refractory steps down — when no later instruction or store holds refractory neurons, so
// nothing reads the counters after it. The threshold pass is then a compaction of the blocks where something
// fired (most of CUBA's blocks of 2,048 neurons in a step).

import SNNPlan

/// Where an operand's values come from, resolved per block by the interpreter.
struct CompiledOperand: Equatable {
    enum Kind: UInt8 { case buffer, table, register, constant }
    var kind: Kind
    /// The buffer, table or register; for a constant, its slot in the program's constant pool.
    var index: Int32
    var value: Float

    static let none = CompiledOperand(kind: .constant, index: 0, value: 0)

    func reads(_ kind: Kind, _ index: Int) -> Bool { self.kind == kind && Int(self.index) == index }
}

/// Where an instruction's result goes.
enum Sink: UInt8 {
    /// Its destination register.
    case register
    /// Straight into a buffer (a fused store): plain, NaN-checked, held while refractory, or both.
    case buffer, checked, held, heldChecked
}

/// For a fused chain: which operand of the instruction the inner operation's result stands for; `both`: a pair,
/// operand a is the inner operation's result and operand b the second inner operation's; `fold`: a fold (see
/// FoldFusion) of `foldCount` terms, operands a and b unused.
enum ChainSide: UInt8 { case none, left, right, both, fold }

/// Read in place by the dispatch loop (never copied whole).
struct CompiledInstruction {
    var op: Opcode
    var sink: Sink
    var chain: ChainSide = .none
    /// For a chain: the inner operation and its operands.
    var inner: Opcode = .add
    var destination: Int32
    var a: CompiledOperand
    var b: CompiledOperand
    var c: CompiledOperand
    var innerA = CompiledOperand.none
    var innerB = CompiledOperand.none
    /// For a pair: the second inner operation's operands (its operation is `inner` too).
    var pairA = CompiledOperand.none
    var pairB = CompiledOperand.none
    var stream: UInt32
    /// The buffer written when `sink` is not `.register`.
    var sinkBuffer: Int32
    /// Also tests the spike condition on the stored values (threshold fusion, see above).
    var testsThreshold = false
    /// For a fold: its terms, `foldTerms[j] · foldFactors[j]` (a constant term's operand points at the program's
    /// block of ones, see CompiledProgram.init).
    var foldCount: Int8 = 0
    var foldTerms = InlineArray<6, CompiledOperand>(repeating: .none)
    var foldFactors = InlineArray<6, Float>(repeating: 0)

    /// Whether any operand — the instruction's own, a fused chain's or pair's, a fold's terms — reads it.
    func reads(_ kind: CompiledOperand.Kind, _ index: Int) -> Bool {
        func any(_ operands: [CompiledOperand]) -> Bool { operands.contains { $0.reads(kind, index) } }
        let own = Array([a, b, c].prefix(op.arity))
        switch chain {
        case .none: return any(own)
        case .left, .right: return any(own + [innerA, innerB])
        case .both: return any(own + [innerA, innerB, pairA, pairB])
        case .fold: return (0..<Int(foldCount)).contains { foldTerms[$0].reads(kind, index) }
        }
    }

    func writes(register r: Int) -> Bool { sink == .register && Int(destination) == r }
}

struct CompiledStore {
    var buffer: Int
    var register: Int
    var held: Bool
    /// True for state buffers: the stored values are checked for NaN and infinity.
    var checked: Bool
    /// Done by the instruction that computes the value (see store fusion above).
    var fused: Bool
}

final class CompiledProgram: @unchecked Sendable {
    let instructions: UnsafeMutableBufferPointer<CompiledInstruction>
    let stores: UnsafeMutableBufferPointer<CompiledStore>
    let registerCount: Int
    let result: Int?
    /// Whether any store is left for `Interpreter.store` (not fused into its instruction).
    let hasSeparateStores: Bool
    /// One broadcast vector per constant operand, for loops that read every operand through a pointer.
    let constants: UnsafeMutablePointer<Vector>
    let constantCount: Int
    /// Buffers and tables the instructions read (for gathering a sparse set of neurons before a reset).
    let readBuffers: [Int]
    let readTables: [Int]

    /// Traps on an index out of range: the plan verifier guarantees valid programs, this is the last guard.
    init(_ program: Program, bufferCount: Int, tableCount: Int, stateBuffers: Set<Int>, fuse: Bool = true) {
        var compiled: [CompiledInstruction] = []
        var pool: [Float] = []
        var reads = Set<Int>(), tableReads = Set<Int>()
        var registers = program.registerCount
        func operand(_ o: Operand) -> CompiledOperand {
            switch o {
            case .buffer(let i):
                precondition(i >= 0 && i < bufferCount, "program reads buffer \(i) of \(bufferCount)")
                reads.insert(i)
                return CompiledOperand(kind: .buffer, index: Int32(i), value: 0)
            case .table(let i):
                precondition(i >= 0 && i < tableCount, "program reads table \(i) of \(tableCount)")
                tableReads.insert(i)
                return CompiledOperand(kind: .table, index: Int32(i), value: 0)
            case .register(let i):
                precondition(i >= 0, "negative register")
                registers = Swift.max(registers, i + 1)
                return CompiledOperand(kind: .register, index: Int32(i), value: 0)
            case .constant(let v):
                pool.append(v)
                return CompiledOperand(kind: .constant, index: Int32(pool.count - 1), value: v)
            }
        }
        for instruction in program.instructions {
            precondition(instruction.operands.count == instruction.op.arity,
                         "\(instruction.op) needs \(instruction.op.arity) operands")
            precondition(instruction.destination >= 0, "negative register")
            registers = Swift.max(registers, instruction.destination + 1)
            let ops = instruction.operands.map(operand)
            compiled.append(CompiledInstruction(op: instruction.op, sink: .register,
                                                destination: Int32(instruction.destination),
                                                a: ops.count > 0 ? ops[0] : .none, b: ops.count > 1 ? ops[1] : .none,
                                                c: ops.count > 2 ? ops[2] : .none, stream: instruction.stream,
                                                sinkBuffer: 0))
        }
        var stores: [CompiledStore] = []
        for store in program.stores {
            precondition(store.buffer >= 0 && store.buffer < bufferCount, "store into buffer \(store.buffer)")
            precondition(store.register >= 0, "negative register")
            registers = Swift.max(registers, store.register + 1)
            stores.append(CompiledStore(buffer: store.buffer, register: store.register, held: store.heldWhileRefractory,
                                        checked: stateBuffers.contains(store.buffer), fused: false))
        }
        if let result = program.result {
            precondition(result >= 0, "negative register")
            registers = Swift.max(registers, result + 1)
        }
        if fuse {
            compiled = FoldFusion.fuse(compiled, stores, result: program.result)
            Self.fuseStores(&compiled, &stores, result: program.result)
            compiled = Self.fuseChains(compiled, stores, result: program.result)
        }
        // A fold's constant terms read the block of ones (one vector per vector of the largest block).
        if compiled.contains(where: { $0.chain == .fold }) {
            let ones = pool.count
            pool.append(contentsOf: repeatElement(1, count: WorkerContext.blockSize / vectorLanes))
            for k in compiled.indices where compiled[k].chain == .fold {
                for j in 0..<Int(compiled[k].foldCount) where compiled[k].foldTerms[j].kind == .constant {
                    compiled[k].foldTerms[j].index = Int32(ones)
                }
            }
        }
        constantCount = pool.count
        constants = UnsafeMutableRawPointer.allocate(byteCount: Swift.max(pool.count, 1) * MemoryLayout<Vector>.stride,
                                                     alignment: 64).bindMemory(to: Vector.self,
                                                                               capacity: Swift.max(pool.count, 1))
        for (k, v) in pool.enumerated() { constants[k] = Vector(repeating: v) }
        self.instructions = .allocate(capacity: compiled.count)
        _ = self.instructions.initialize(from: compiled)
        self.stores = .allocate(capacity: stores.count)
        _ = self.stores.initialize(from: stores)
        self.registerCount = registers
        hasSeparateStores = stores.contains { !$0.fused }
        self.result = program.result
        self.readBuffers = reads.sorted()
        self.readTables = tableReads.sorted()
    }

    private static func fuseStores(_ instructions: inout [CompiledInstruction], _ stores: inout [CompiledStore],
                             result: Int?) {
        for s in stores.indices {
            let store = stores[s]
            guard store.register != result,
                  stores.filter({ $0.register == store.register || $0.buffer == store.buffer }).count == 1,
                  let k = instructions.lastIndex(where: { Int($0.destination) == store.register }),
                  instructions[k].sink == .register else { continue }
            let later = instructions[(k + 1)...]
            guard !later.contains(where: { $0.reads(.register, store.register) || $0.reads(.buffer, store.buffer) })
            else { continue }
            switch (store.held, store.checked) {
            case (false, false): instructions[k].sink = .buffer
            case (false, true): instructions[k].sink = .checked
            case (true, false): instructions[k].sink = .held
            case (true, true): instructions[k].sink = .heldChecked
            }
            instructions[k].sinkBuffer = Int32(store.buffer)
            stores[s].fused = true
        }
    }

    private static let chainable: Set<Opcode> = [.add, .sub, .mul, .div]

    private static func fuseChains(_ instructions: [CompiledInstruction], _ stores: [CompiledStore], result: Int?)
        -> [CompiledInstruction] {
        var fused: [CompiledInstruction] = []
        var k = 0
        while k < instructions.count {
            let producer = instructions[k]
            guard producer.chain == .none else {
                fused.append(producer)
                k += 1
                continue
            }
            if k + 2 < instructions.count, let pair = pairFusion(k, instructions, stores, result: result) {
                fused.append(pair)
                k += 3
                continue
            }
            guard k + 1 < instructions.count, chainable.contains(producer.op), producer.sink == .register,
                  chainable.contains(instructions[k + 1].op), instructions[k + 1].chain == .none else {
                fused.append(producer)
                k += 1
                continue
            }
            var consumer = instructions[k + 1]
            let r = Int(producer.destination)
            let left = consumer.a.reads(.register, r), right = consumer.b.reads(.register, r)
            guard left != right, isDead(r, after: k + 1, instructions, stores, result: result) else {
                fused.append(producer)
                k += 1
                continue
            }
            consumer.chain = left ? .left : .right
            consumer.inner = producer.op
            consumer.innerA = producer.a
            consumer.innerB = producer.b
            fused.append(consumer)
            k += 2
        }
        return fused
    }

    /// Instructions k, k + 1 and k + 2 as one pair instruction, when k and k + 1 (the same operation among
    /// + − × ÷, into registers) feed only k + 2's operands a and b, in that order.
    private static func pairFusion(_ k: Int, _ instructions: [CompiledInstruction], _ stores: [CompiledStore],
                                   result: Int?) -> CompiledInstruction? {
        let first = instructions[k], second = instructions[k + 1]
        var consumer = instructions[k + 2]
        guard first.chain == .none, second.chain == .none, consumer.chain == .none, chainable.contains(first.op),
              first.op == second.op, first.sink == .register,
              second.sink == .register, chainable.contains(consumer.op) else { return nil }
        let r1 = Int(first.destination), r2 = Int(second.destination)
        // The second must not read the first's result (the pair reads both operands' old values), and the
        // consumer must read exactly r1 as a and r2 as b.
        guard r1 != r2, !second.reads(.register, r1), consumer.a.reads(.register, r1),
              consumer.b.reads(.register, r2),
              isDead(r1, after: k + 2, instructions, stores, result: result),
              isDead(r2, after: k + 2, instructions, stores, result: result) else { return nil }
        consumer.chain = .both
        consumer.inner = first.op
        consumer.innerA = first.a
        consumer.innerB = first.b
        consumer.pairA = second.a
        consumer.pairB = second.b
        return consumer
    }

    /// Whether register `r`'s value is unused once instruction `k` has run.
    static func isDead(_ r: Int, after k: Int, _ instructions: [CompiledInstruction], _ stores: [CompiledStore],
                       result: Int?) -> Bool {
        if instructions[k].writes(register: r) { return true }
        for later in instructions[(k + 1)...] {
            if later.reads(.register, r) { return false }
            if later.writes(register: r) { return true }
        }
        return r != result && !stores.contains { $0.register == r && !$0.fused }
    }

    deinit {
        constants.deallocate()
        instructions.deallocate()
        stores.deallocate()
    }

    /// Marks the instruction that stores `buffer` (fused, checked) as the one testing the spike condition; false
    /// when there is none, or when a later instruction or store still reads the refractory counters.
    func fuseThreshold(into buffer: Int) -> Bool {
        guard let k = instructions.lastIndex(where: { Int($0.sinkBuffer) == buffer
                  && ($0.sink == .checked || $0.sink == .heldChecked) }),
              !instructions[(k + 1)...].contains(where: { $0.sink == .held || $0.sink == .heldChecked }),
              !stores.contains(where: { $0.held && !$0.fused }) else { return false }
        instructions[k].testsThreshold = true
        return true
    }

    var isEmpty: Bool { instructions.isEmpty && stores.isEmpty }
    var storedBuffers: Set<Int> { Set(stores.map(\.buffer)) }
}
