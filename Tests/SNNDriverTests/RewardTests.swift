// R-STDP's reward against a hand-computed weight change: a pre-before-post pairing builds the eligibility
// trace e (the presynaptic trace at the postsynaptic spike), which decays lazily with tau_e until a reward r
// turns it into w ← clip(w + lr · r · e, 0, w_max).

import Foundation
@testable import SNNDriver
import SNNPlan
@testable import SNNRuntime
import Testing

@Suite struct RewardTests {
    @Test(arguments: [1.0, -1.0])
    func aRewardAppliesTheDecayedEligibility(reward: Double) throws {
        let (plan, _) = try simulate(PlasticityTests.pairing(preTime: "10 ms", teacherTime: "15 ms",
                                                              rule: "rstdp(w = 0.5, tau_e = 25 ms, lr = 2)"))
        let engine = Engine(plan: plan, options: RunOptions(threads: 1), workers: 1)
        #expect(engine.initialize())
        #expect(engine.run(from: 0, to: 400))
        let rule = try #require(engine.plasticity.first)
        rule.reward(Float(reward), worker: 0, step: 400, seed: engine.seed)
        // The pairing at step 151 (pre at 100): e = a_pre · exp(-51 dt / tau_pre); then 249 steps of decay.
        let e = 0.01 * exp(-51 * 0.1 / 20) * exp(-249 * 0.1 / 25)
        let expected = 0.5 + 2 * reward * e
        #expect(abs(Double(engine.weights(of: 1)[0]) - expected) < 1e-6, "w = \(engine.weights(of: 1)[0]), expected \(expected)")
    }

    @Test func aRewardPerNeuronReachesOnlyThatNeuronsSynapses() throws {
        // Two relay neurons paired identically with one presynaptic source; rewards +1 and -1.
        let text = PlasticityTests.pairing(preTime: "10 ms", teacherTime: "15 ms", rule: "rstdp(w = 0.5, tau_e = 25 ms, lr = 2)")
            .replacingOccurrences(of: "population post = relay[1]", with: "population post = relay[2]")
        let (plan, _) = try simulate(text)
        let engine = Engine(plan: plan, options: RunOptions(threads: 1), workers: 1)
        #expect(engine.initialize())
        #expect(engine.run(from: 0, to: 400))
        let rule = try #require(engine.plasticity.first)
        let rewards: [Float] = [1, -1]
        rewards.withUnsafeBufferPointer { rule.reward(0, perTarget: $0.baseAddress, worker: 0, step: 400, seed: engine.seed) }
        let e = 0.01 * exp(-51 * 0.1 / 20) * exp(-249 * 0.1 / 25)
        let weights = engine.weights(of: 1)
        #expect(abs(Double(weights[0]) - (0.5 + 2 * e)) < 1e-6 && abs(Double(weights[1]) - (0.5 - 2 * e)) < 1e-6, "\(weights)")
    }
}
