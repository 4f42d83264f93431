// Learning rules against hand-computed weight changes: presynaptic and postsynaptic spikes at known steps
// through the prelude's `stdp` (both orders), `stdp_nearest`, `stdp_mult` and `stdp_triplet`; traces decay by
// exp(-dt/tau) per step, a step's presynaptic events run before its postsynaptic ones. And thread counts.

import Foundation
@testable import SNNDriver
import SNNPlan
import SNNRuntime
import Testing

@Suite struct PlasticityTests {
    /// A relay neuron that fires in the step a teacher's spike arrives; `pre` fires at `preTime`, the teacher at
    /// `teacherTime` (its spike arrives one step later).
    static func pairing(preTime: String, teacherTime: String, pres: Int = 1, teachers: Int = 1,
                        rule: String = "stdp(a_pre = 0.01, a_post = -0.0105, tau_pre = 20 ms, tau_post = 20 ms, w_max = 1)")
        -> String {
        """
        neuron relay {
          state v = 0
          spike when v > 0.5
          reset v = 0
        }
        input pres = pulse_packet(time = \(preTime), jitter = 0 ms)[\(pres)]
        input teacher = pulse_packet(time = \(teacherTime), jitter = 0 ms)[\(teachers)]
        population post = relay[1]
        connect teacher -> post: all_to_all, weight = 1 on spike { v += w }
        connect pres -> post: all_to_all, weight = 0.5 on spike { v += 0 * w }
          learn \(rule)
        record spikes of post
        record weights of pres -> post
        simulate 40 ms with dt = 0.1 ms
        """
    }

    static func finalWeight(_ result: RunResult) throws -> Float {
        guard case .weights(_, _, let values) = result.recordings[1] else { throw CancellationError() }
        return values[0]
    }

    @Test func preBeforePostPotentiatesByThePresynapticTrace() throws {
        // pre at step 100; the teacher at step 150 arrives at 151, when post fires: 51 steps of decay.
        let (_, result) = try simulate(Self.pairing(preTime: "10 ms", teacherTime: "15 ms"))
        #expect(spikeSteps(result, recorder: 0) == [151])
        let expected = 0.5 + 0.01 * exp(-51 * 0.1 / 20)
        #expect(abs(Double(try Self.finalWeight(result)) - expected) < 1e-6)
    }

    @Test func postBeforePreDepressesByThePostsynapticTrace() throws {
        // post fires at step 51, pre at step 100: 49 steps of decay of the postsynaptic trace.
        let (_, result) = try simulate(Self.pairing(preTime: "10 ms", teacherTime: "5 ms"))
        #expect(spikeSteps(result, recorder: 0) == [51])
        let expected = 0.5 - 0.0105 * exp(-49 * 0.1 / 20)
        #expect(abs(Double(try Self.finalWeight(result)) - expected) < 1e-6)
    }

    @Test func nearestSpikePairingCountsOnlyTheLastPostsynapticSpike() throws {
        // post fires at steps 51 and 71, pre at 100: only the spike at 71 counts (additive STDP would add both).
        let (_, result) = try simulate(Self.pairing(preTime: "10 ms", teacherTime: "[5 ms, 7 ms]", teachers: 2,
                                                    rule: "stdp_nearest(w = 0.5)"))
        #expect(spikeSteps(result, recorder: 0) == [51, 71])
        let expected = 0.5 - 0.0105 * exp(-29 * 0.1 / 20)
        #expect(abs(Double(try Self.finalWeight(result)) - expected) < 1e-6)
    }

    @Test func multiplicativeDepressionScalesWithTheWeight() throws {
        let (_, result) = try simulate(Self.pairing(preTime: "10 ms", teacherTime: "5 ms", rule: "stdp_mult(w = 0.5)"))
        let expected = 0.5 - 0.0105 * exp(-49 * 0.1 / 20) * 0.5
        #expect(abs(Double(try Self.finalWeight(result)) - expected) < 1e-6)
    }

    @Test func tripletPotentiationGrowsWithTheSecondPostsynapticSpike() throws {
        // pre at step 100; post at 151 and 201 (teachers at 15 and 20 ms).
        let (_, result) = try simulate(Self.pairing(preTime: "10 ms", teacherTime: "[15 ms, 20 ms]", teachers: 2,
                                                    rule: "stdp_triplet(w = 0.5)"))
        #expect(spikeSteps(result, recorder: 0) == [151, 201])
        let a2 = 7.5e-10, a3 = 9.3e-3
        let first = exp(-51 * 0.1 / 16.8) * a2
        let second = exp(-101 * 0.1 / 16.8) * (a2 + a3 * exp(-50 * 0.1 / 125))
        #expect(abs(Double(try Self.finalWeight(result)) - (0.5 + first + second)) < 1e-6)
    }

    @Test func threadCountDoesNotChangeLearnedWeights() throws {
        let text = """
            input s = poisson(rate = 40 Hz)[200]
            population p = lif(tau_m = 10 ms)[64]
            connect s -> p: random(p = 0.3) on spike { v += w * 4 mV }
              learn stdp(w_max = 1)
            record weights of s -> p
            simulate 300 ms
            """
        let (_, one) = try simulate(text, threads: 1)
        let (_, three) = try simulate(text, threads: 3)
        guard case .weights(_, _, let a) = one.recordings[0], case .weights(_, _, let b) = three.recordings[0] else {
            Issue.record("no weights")
            return
        }
        #expect(a == b)
        let (plan, _) = try simulate(text)
        #expect(a != plan.projections[0].weights, "the weights learned nothing")
    }
}
