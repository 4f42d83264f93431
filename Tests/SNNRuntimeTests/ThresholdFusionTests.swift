// Threshold fusion: a `buffer > constant` (or ≥) spike condition is tested inside the update's store of that
// buffer, which also counts refractoriness down. The same network with the condition written as a two-instruction
// program (run as its own pass after the update) must give the same spikes and states, bit for bit — for each
// comparison and each kind of refractoriness, with padding lanes, noise, delays and Poisson input.

import SNNPlan
@testable import SNNRuntime
import Testing

@Suite struct ThresholdFusionTests {
    /// The condition computed into a register and copied: not a single comparison, so never fused.
    static func separatePass(_ threshold: Program) -> Program {
        Program(instructions: threshold.instructions + [Instruction(.copy, 1, [.register(0)])], registerCount: 2,
                result: 1)
    }

    static let refractoriness: [RefractoryPlan] = [
        .steps(20), .none,
        // Brian's rule: refractory after a spike while v < −55 mV.
        .condition(Program(instructions: [Instruction(.lt, 0, [.buffer(0), .constant(-55e-3)])], registerCount: 1,
                           result: 0)),
    ]

    @Test(arguments: [(Opcode.gt, Float(-50e-3)), (.ge, -50e-3), (.gt, -55e-3)], [0, 1, 2])
    func fusedThresholdGivesTheSameRunAsASeparatePass(condition: (Opcode, Float), refractory: Int) {
        var fused = DeterminismTests.network(steps: 600)
        for p in fused.populations.indices {
            fused.populations[p].threshold = Program(
                instructions: [Instruction(condition.0, 0, [.buffer(0), .constant(condition.1)])], registerCount: 1,
                result: 0)
            fused.populations[p].refractory = Self.refractoriness[refractory]
        }
        #expect(PopulationState(index: 0, plan: fused.populations[0]).fusedThreshold != nil)
        var separate = fused
        for p in separate.populations.indices {
            separate.populations[p].threshold = Self.separatePass(fused.populations[p].threshold!)
        }
        for threads in [1, 2] {
            let a = DeterminismTests.run(fused, threads: threads), b = DeterminismTests.run(separate, threads: threads)
            #expect(a.populationSpikeCounts.joined().reduce(0, +) > 50)
            #expect(a.populationSpikeCounts == b.populationSpikeCounts)
            #expect(a.synapticEvents == b.synapticEvents)
            for (x, y) in zip(a.recordings, b.recordings) {
                #expect(x.spikeSteps == y.spikeSteps)
                #expect(x.spikeNeurons == y.spikeNeurons)
                #expect(x.traceValues.map(\.bitPattern) == y.traceValues.map(\.bitPattern))
            }
        }
    }
}
