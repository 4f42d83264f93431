// The SIMD interpreter against the scalar reference, opcode by opcode, on random and special inputs (zeros of
// both signs, infinities, NaN, subnormals, halves for rounding), for every way of passing operands: buffers,
// tables, constants and registers. Every result must be bit-identical.

import Foundation
import SNNPlan
import SNNRuntime
import Testing

@Suite struct InterpreterTests {
    static let neurons = 61

    /// Inputs for operand k: special values first, then random values of mixed magnitude.
    static func inputs(_ k: Int) -> [Float] {
        let special: [Float] = [0, -0.0, 1, -1, .infinity, -.infinity, .nan, .leastNonzeroMagnitude,
                                .greatestFiniteMagnitude, 0.5, 2.5, -2.5, 3, 1e-3]
        var rng = SplitMix(seed: UInt64(100 + k))
        var values = (0..<neurons).map { _ -> Float in
            let magnitude = Float(pow(10, rng.unit() * 8 - 4))
            return (rng.unit() < 0.5 ? -1 : 1) * magnitude * Float(rng.unit() < 0.2 ? 0 : 1)
        }
        // Rotate the specials so that each operand pairs them differently.
        for (i, s) in special.enumerated() { values[(i * (k + 1) + k) % neurons] = s }
        return values
    }

    enum Pattern: CaseIterable { case buffers, tables, firstConstant, lastConstant, registers }

    /// A population whose buffers 0–2 (parameters) and tables 0–2 hold the inputs; the instruction under test
    /// writes register 9, stored into buffer 3 (a parameter, so NaN is not a divergence); a trace reads it.
    static func plan(_ op: Opcode, _ pattern: Pattern, stream: UInt32 = 7) -> (ExecutionPlan, [[Float]]) {
        let inputs = (0..<3).map(Self.inputs)
        let arity = op.arity
        var setup: [Instruction] = []
        func operand(_ k: Int) -> Operand {
            switch pattern {
            case .buffers: return .buffer(k)
            case .tables: return .table(k)
            case .firstConstant: return k == 0 ? .constant(inputs[0][5]) : .table(k)
            case .lastConstant: return k == arity - 1 ? .constant(inputs[k][11]) : .buffer(k)
            case .registers:
                setup.append(Instruction(.copy, k, [.table(k)]))
                return .register(k)
            }
        }
        let operands = (0..<arity).map(operand)
        let update = Program(instructions: setup + [Instruction(op, 9, operands, stream: stream)], registerCount: 10,
                             stores: [Store(buffer: 3, register: 9)])
        let initialize = Program(instructions: (0..<3).map { Instruction(.copy, $0, [.table($0)]) }, registerCount: 3,
                                 stores: (0..<3).map { Store(buffer: $0, register: $0) })
        let population = PopulationPlan(
            name: "p", model: "test", size: neurons,
            buffers: (0..<4).map { BufferPlan(name: "b\($0)", kind: .parameter) }, tables: inputs,
            initialize: initialize, update: update, threshold: nil, reset: Program(), refractory: .none,
            method: "test")
        let plan = ExecutionPlan(dt: 1e-4, steps: 1, seed: 42, populations: [population],
                                 recorders: [RecorderPlan(name: "out", kind: .trace(population: 0, buffer: 3,
                                                                                     neurons: [], intervalSteps: 1))])
        return (plan, inputs)
    }

    static func check(_ op: Opcode, _ pattern: Pattern) {
        let (plan, inputs) = plan(op, pattern)
        let result = Simulator.run(plan)
        guard case .trace(_, _, let values)? = result.recordings.first else {
            Issue.record("no trace")
            return
        }
        let program = plan.populations[0].update
        var mismatches = 0
        for n in 0..<neurons {
            let x = inputs.map { $0[n] }
            let expected = ScalarReference.run(program, buffers: x + [0], tables: x, neuron: n, seed: plan.seed,
                                               counter: 0)[3]!
            let got = values[n]
            if got.bitPattern != expected.bitPattern {
                mismatches += 1
                if mismatches <= 3 {
                    Issue.record("\(op) \(pattern) neuron \(n) inputs \(x): got \(got) expected \(expected)")
                }
            }
        }
    }

    @Test(arguments: Opcode.allCases)
    func everyOpcodeMatchesTheScalarReference(_ op: Opcode) {
        for pattern in Pattern.allCases { Self.check(op, pattern) }
    }

    @Test func drawsDependOnTheNeuronAndTheStream() {
        let (a, _) = Self.plan(.uniform, .tables, stream: 3)
        let (b, _) = Self.plan(.uniform, .tables, stream: 4)
        guard case .trace(_, _, let x)? = Simulator.run(a).recordings.first,
              case .trace(_, _, let y)? = Simulator.run(b).recordings.first else {
            Issue.record("no trace")
            return
        }
        #expect(x != y)
        #expect(Set(x.filter(\.isFinite)).count > Self.neurons / 2)
    }
}
