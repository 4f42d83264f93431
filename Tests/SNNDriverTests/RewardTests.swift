// R-STDP's reward against a hand-computed weight change: a pre-before-post pairing builds the eligibility
// trace e (the presynaptic trace at the postsynaptic spike), which decays lazily with tau_e until a reward r
// turns it into w ← clip(w + lr · r · e, 0, w_max); and the reward of Examples/iris_rstdp.snn, planned from the
// file, per output neuron.

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

    /// `(2 * one_hot(label) - 1.5) * one_hot(argmax(spike_count(out)))`: +0.5 to the winner when it is the label's
    /// neuron, -1.5 when it is not, 0 to the others and to all when the outputs are silent.
    @Test func theIrisExampleRewardsTheWinnerOnly() throws {
        let path = RepositoryFiles.url("Examples/iris_rstdp.snn").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var errors = ""
        let io = CLIIO(readFile: { _ in Array(text.utf8) }, readStandardInput: { [] }, writeOutput: { _ in },
                       writeError: { errors += $0 }, environment: [:], outputIsTerminal: false)
        let (plan, _, _) = try #require(try RunCommand.planModel(path: path, dataFolder: nil, io: io), "\(errors)")
        let train = plan.experiment?.steps.compactMap { step -> TrainPlan? in
            if case .train(let train) = step { return train }
            return nil
        }.first
        let reward = try #require(train?.reward)
        #expect(reward.isPerNeuron)
        func rewards(label: Int, winner: Int?) -> [Double] {
            (0..<3).map { reward.value(neuron: $0, label: label, predict: { _ in winner }) }
        }
        #expect(rewards(label: 1, winner: 1) == [0, 0.5, 0])
        #expect(rewards(label: 1, winner: 2) == [0, 0, -1.5])
        #expect(rewards(label: 0, winner: nil) == [0, 0, 0])
    }
}
