// The interpreter fuses instructions (a producer into its only consumer) and stores (into the instruction that
// computes the value) when that cannot change a result. Random programs — reused registers, stores of values
// that later instructions still read, buffers read after the instruction that computes their new value — must
// give bit-identical results to the scalar reference.

import SNNPlan
@testable import SNNRuntime
import Testing

@Suite struct FusionTests {
    static let ops: [Opcode] = [.add, .sub, .mul, .div, .add, .sub, .mul, .min, .max, .copy, .neg, .abs, .select,
                                .lt, .gt]

    /// Mostly sums and scalings (the shapes fold fusion rewrites), with a few other operations between them.
    static let linearOps: [Opcode] = [.add, .sub, .mul, .add, .mul, .add, .sub, .mul, .max, .div]

    static func randomProgram(_ rng: inout SplitMix, buffers: Int, tables: Int, ops: [Opcode] = ops) -> Program {
        var written: [Int] = []
        var instructions: [Instruction] = []
        func operand() -> Operand {
            switch rng.next() % 10 {
            case 0, 1, 2: return .buffer(Int(rng.next() % UInt64(buffers)))
            case 3: return .table(Int(rng.next() % UInt64(tables)))
            case 4: return .constant(Float(rng.unit() * 4 - 2))
            default:
                return written.isEmpty ? .buffer(0) : .register(written[Int(rng.next() % UInt64(written.count))])
            }
        }
        for _ in 0..<(8 + Int(rng.next() % 16)) {
            let op = ops[Int(rng.next() % UInt64(ops.count))]
            let destination = Int(rng.next() % 6)
            instructions.append(Instruction(op, destination, (0..<op.arity).map { _ in operand() }))
            if !written.contains(destination) { written.append(destination) }
        }
        var stores: [Store] = []
        for b in 0..<buffers where rng.next() % 3 != 0 {
            stores.append(Store(buffer: b, register: written[Int(rng.next() % UInt64(written.count))]))
        }
        return Program(instructions: instructions, registerCount: 6, stores: stores)
    }

    @Test(arguments: [(2024, false), (77, true)])
    func randomProgramsMatchTheScalarReference(seed: UInt64, linear: Bool) {
        var rng = SplitMix(seed: seed)
        let size = 45, buffers = 4
        var folded = 0
        for trial in 0..<300 {
            let tables = (0..<buffers).map { _ in (0..<size).map { _ in Float(rng.unit() * 6 - 3) } }
            let program = Self.randomProgram(&rng, buffers: buffers, tables: buffers,
                                             ops: linear ? Self.linearOps : Self.ops)
            let initialize = Program(instructions: (0..<buffers).map { Instruction(.copy, $0, [.table($0)]) },
                                     registerCount: buffers, stores: (0..<buffers).map { Store(buffer: $0, register: $0) })
            let population = PopulationPlan(
                name: "p", model: "m", size: size,
                buffers: (0..<buffers).map { BufferPlan(name: "b\($0)", kind: $0 % 2 == 0 ? .state : .parameter) },
                tables: tables, initialize: initialize, update: program, threshold: nil, reset: Program(),
                refractory: .none, method: "test")
            let plan = ExecutionPlan(dt: 1e-4, steps: 1, seed: 3, populations: [population], recorders: (0..<buffers).map {
                RecorderPlan(name: "b\($0)", kind: .trace(population: 0, buffer: $0, neurons: [], intervalSteps: 1))
            })
            let result = Simulator.run(plan)
            let compiled = CompiledProgram(program, bufferCount: buffers, tableCount: buffers, stateBuffers: [0, 2])
            if compiled.instructions.contains(where: { $0.chain == .fold }) { folded += 1 }
            var mismatches = 0
            for n in 0..<size {
                let before = tables.map { $0[n] }
                let stored = ScalarReference.run(program, buffers: before, tables: before, neuron: n, seed: 3, counter: 0)
                for b in 0..<buffers {
                    let expected = stored[b] ?? before[b]
                    let got = result.recordings[b].traceValues[n]
                    if got.bitPattern != expected.bitPattern && !(got.isNaN && expected.isNaN) { mismatches += 1 }
                }
            }
            #expect(mismatches == 0, "trial \(trial): \(mismatches) mismatches in \(program)")
            if mismatches > 0 { return }
        }
        // Sums and scalings fold often enough for the comparison to test fold fusion.
        if linear { #expect(folded > 100, "\(folded) of 300 programs folded") }
    }

    /// CUBA's exact update, as the planner writes it (every change computed, then added): each state's new value
    /// becomes one fold — v's of five terms (v·a, ge·b, gi·c, the constant, v) — and each fold stores its state.
    @Test func aLinearUpdateIsOneFoldPerState() {
        let (v, ge, gi) = (Operand.buffer(0), Operand.buffer(1), Operand.buffer(2))
        let update = Program(instructions: [
            Instruction(.mul, 0, [v, .constant(-0.0049875206)]),
            Instruction(.mul, 1, [ge, .constant(0.004937935)]),
            Instruction(.add, 2, [.register(0), .register(1)]),
            Instruction(.mul, 0, [gi, .constant(0.0049626455)]),
            Instruction(.add, 1, [.register(2), .register(0)]),
            Instruction(.add, 0, [.register(1), .constant(-0.00024438853)]),
            Instruction(.mul, 1, [ge, .constant(-0.019801326)]),
            Instruction(.mul, 2, [gi, .constant(-0.009950167)]),
            Instruction(.add, 3, [v, .register(0)]),
            Instruction(.add, 0, [ge, .register(1)]),
            Instruction(.add, 1, [gi, .register(2)]),
        ], registerCount: 4, stores: [Store(buffer: 0, register: 3), Store(buffer: 1, register: 0),
                                      Store(buffer: 2, register: 1)])
        let compiled = CompiledProgram(update, bufferCount: 3, tableCount: 0, stateBuffers: [0, 1, 2])
        let instructions = Array(compiled.instructions)
        #expect(instructions.count == 3)
        #expect(instructions.allSatisfy { $0.chain == .fold && $0.sink == .checked })
        #expect(instructions.map(\.foldCount) == [5, 2, 2])
        #expect(instructions.map(\.sinkBuffer) == [0, 1, 2])
        let v5 = instructions[0]
        #expect((0..<5).map { v5.foldFactors[$0] } == [-0.0049875206, 0.004937935, 0.0049626455, -0.00024438853, 1])
        #expect(v5.foldTerms[3].kind == .constant && v5.foldTerms[4].reads(.buffer, 0))
    }

    /// `r1 = r0·2` cannot move to the sum that reads it when r0 is rewritten in between: no fold forms, and the
    /// stored value is b0 + 2·b1, not b0 + 2·b2.
    @Test func aProducerDoesNotFoldPastARewriteOfItsOperand() {
        let update = Program(instructions: [
            Instruction(.copy, 0, [.buffer(1)]),
            Instruction(.mul, 1, [.register(0), .constant(2)]),
            Instruction(.copy, 0, [.buffer(2)]),
            Instruction(.add, 2, [.buffer(0), .register(1)]),
            Instruction(.add, 3, [.register(2), .register(0)]),
        ], registerCount: 4, stores: [Store(buffer: 0, register: 2), Store(buffer: 3, register: 3)])
        let compiled = CompiledProgram(update, bufferCount: 4, tableCount: 0, stateBuffers: [0])
        #expect(!compiled.instructions.contains { $0.chain == .fold })
        let population = PopulationPlan(
            name: "p", model: "m", size: 1,
            buffers: (0..<4).map { BufferPlan(name: "b\($0)", kind: .state) },
            tables: [[10], [3], [100], [0]],
            initialize: Program(instructions: (0..<4).map { Instruction(.copy, $0, [.table($0)]) }, registerCount: 4,
                                stores: (0..<4).map { Store(buffer: $0, register: $0) }),
            update: update, threshold: nil, reset: Program(), refractory: .none, method: "test")
        let plan = ExecutionPlan(dt: 1e-4, steps: 1, seed: 1, populations: [population], recorders: [0, 3].map {
            RecorderPlan(name: "b\($0)", kind: .trace(population: 0, buffer: $0, neurons: [0], intervalSteps: 1))
        })
        let result = Simulator.run(plan)
        #expect(result.recordings[0].traceValues == [16])
        #expect(result.recordings[1].traceValues == [116])
    }

    /// `v ← v + 1` and `u ← v · 2`: the second instruction reads the old v, so the first cannot store early.
    @Test func storesWaitForEveryInstructionThatReadsTheOldValue() {
        let update = Program(instructions: [
            Instruction(.add, 0, [.buffer(0), .constant(1)]),
            Instruction(.mul, 1, [.buffer(0), .constant(2)]),
            Instruction(.sub, 2, [.register(0), .constant(0.5)]),
            Instruction(.mul, 3, [.register(2), .register(0)]),
        ], registerCount: 4, stores: [Store(buffer: 0, register: 0), Store(buffer: 1, register: 1),
                                      Store(buffer: 2, register: 3)])
        let population = PopulationPlan(
            name: "p", model: "m", size: 2,
            buffers: [BufferPlan(name: "v", kind: .state), BufferPlan(name: "u", kind: .state),
                      BufferPlan(name: "w", kind: .state)],
            initialize: Build.constantStore(buffer: 0, value: 3), update: update, threshold: nil, reset: Program(),
            refractory: .none, method: "test")
        let plan = ExecutionPlan(dt: 1e-4, steps: 2, seed: 1, populations: [population], recorders: (0..<3).map {
            RecorderPlan(name: "b\($0)", kind: .trace(population: 0, buffer: $0, neurons: [0], intervalSteps: 1))
        })
        let result = Simulator.run(plan)
        #expect(result.recordings[0].traceValues == [4, 5])
        #expect(result.recordings[1].traceValues == [6, 8])
        #expect(result.recordings[2].traceValues == [14, 22.5])
    }
}
