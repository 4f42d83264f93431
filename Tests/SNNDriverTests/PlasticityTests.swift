// Learning rules against hand-computed weight changes: one presynaptic and one postsynaptic spike at known
// steps through the prelude's `stdp`, in both orders; traces decay by exp(-dt/tau) per step, a step's
// presynaptic events run before its postsynaptic ones. And `normalize`, R-STDP's reward, saved weights.

import Foundation
@testable import SNNDriver
import SNNPlan
import SNNRuntime
import Testing

@Suite struct PlasticityTests {
    /// A relay neuron that fires in the step a teacher's spike arrives; `pre` fires at `preTime`, the teacher at
    /// `teacherTime` (its spike arrives one step later).
    static func pairing(preTime: String, teacherTime: String, extra: String = "") -> String {
        """
        neuron relay {
          state v = 0
          spike when v > 0.5
          reset v = 0
        }
        input pre = pulse_packet(time = \(preTime), jitter = 0 ms)[1]
        input teacher = pulse_packet(time = \(teacherTime), jitter = 0 ms)[1]
        population post = relay[1]
        connect teacher -> post: all_to_all, weight = 1 on spike { v += w }
        connect pre -> post: all_to_all, weight = 0.5 on spike { v += 0 * w }
          learn stdp(a_pre = 0.01, a_post = -0.0105, tau_pre = 20 ms, tau_post = 20 ms, w_max = 1)\(extra)
        record spikes of post
        record weights of pre -> post
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
