// BP-STDP through the whole pipeline: a hand-computed update of both layers of a tiny network with fixed input
// spikes and a teacher in every step; the same learned weights for 1 and 2 threads; and Iris reduced for CI
// (the full run and its accuracy are in Examples/README.md and bench/RESULTS.md).

import Foundation
import SNNPlan
import SNNRuntime
import Testing

@Suite struct BPSTDPTests {
    static func weights(_ result: ExperimentResult, recorder: Int) throws -> [Float] {
        guard case .weights(_, _, let values) = result.run.recordings[recorder] else { throw CancellationError() }
        return values
    }

    /// 2 inputs firing at steps 0 and 2 → 2 hidden → 3 outputs (thresholds 0.5, delays 1 step), window 3 steps,
    /// μ = 0.1, the teacher (class 0, setosa: the first row of iris.csv) in every step of a 3-step presentation.
    static let tiny = """
        dataset iris = csv("iris.csv", label = species, normalize = minmax)
        neuron relay {
          param theta = 0.5
          state u = 0
          spike when u >= theta
          reset u = 0
        }
        input inp = regular(rate = 500 Hz)[2]
        population hidden = relay[2]
        population out = relay[3]
        connect inp -> hidden: all_to_all, weight = [0.3, 0.2, 0.3, 0.1] on spike { u += w }
          learn bp_stdp(lr = 0.1, window = 3 ms)
        connect hidden -> out: all_to_all, weight = [0.2, 1.0, -0.5, 0.4, 0.1, 0.3] on spike { u += w }
          learn bp_stdp(lr = 0.1, window = 3 ms)
        record weights of inp -> hidden
        record weights of hidden -> out
        record spikes of hidden, out
        train on iris, samples = 1, dt = 1 ms {
          present 3 ms
          target = label
          target_rate = 1000 Hz
        }
        """

    @Test func handComputedUpdateOfBothLayers() throws {
        let folder = try ExperimentTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try experiment(Self.tiny, folder: folder)
        #expect(result.failure == nil)
        // Synapses in plan order: inp -> hidden (a0h0, a0h1, a1h0, a1h1), hidden -> out (h0o0, h0o1, h0o2, h1o0, h1o1, h1o2).
        // Step 0: the inputs fire; nothing in the window of hidden or out: ξ = (+1, 0, 0), no presynaptic spike
        //   under out's weights, and the hidden errors are gated off (no hidden spike): no change.
        // Step 1: h0 gets 0.3 + 0.3 and fires; h1 gets 0.3. ξ = (+1, 0, 0): w(h0→o0) += 0.1·1·1 → 0.3. Hidden
        //   errors with the old weights: δ_h0 = 0.2 (fired), δ_h1 = 0.4 gated off; w(a_j→h0) += 0.1·0.2·1 → 0.32.
        // Step 2: the inputs fire again (2 spikes each in the window); out gets h0's spike of step 1 through the
        //   weights of then: o0 0.2, o1 1.0 (fires), o2 −0.5. ξ = (+1, −1, 0): w(h0→o0) += 0.1 → 0.4,
        //   w(h0→o1) −= 0.1 → 0.9. δ_h0 = 1·0.3 − 1·1.0 = −0.7 (weights before this update);
        //   w(a_j→h0) += 0.1·(−0.7)·2 → 0.18.
        #expect(spikeSteps(result.run, recorder: 2) == [1] && spikeSteps(result.run, recorder: 3) == [2])
        let input = try Self.weights(result, recorder: 0), output = try Self.weights(result, recorder: 1)
        let expectedInput: [Float] = [0.18, 0.2, 0.18, 0.1], expectedOutput: [Float] = [0.4, 0.9, -0.5, 0.4, 0.1, 0.3]
        #expect(zip(input, expectedInput).allSatisfy { abs($0 - $1) < 1e-6 }, "\(input)")
        #expect(zip(output, expectedOutput).allSatisfy { abs($0 - $1) < 1e-6 }, "\(output)")
    }

    /// Examples/iris_bpstdp.snn with other epochs, learning rate and hidden size.
    static func iris(epochs: Int, lr: String = "0.0002", hidden: Int = 30) throws -> String {
        let text = RepositoryFiles.text("Examples/iris_bpstdp.snn")
        try #require(text.contains("epochs = 200") && text.contains("lr = 0.0002") && text.contains("nonleaky_if[30]"),
                     "the example changed; update this test")
        return text.replacingOccurrences(of: "nonleaky_if[30]", with: "nonleaky_if[\(hidden)]")
            .replacingOccurrences(of: "epochs = 200", with: "epochs = \(epochs)")
            .replacingOccurrences(of: "lr = 0.0002", with: "lr = \(lr)")
    }

    @Test func threadCountDoesNotChangeWhatIsLearned() throws {
        let folder = try ExperimentTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // 40 hidden neurons span three 16-neuron blocks, so two workers split them.
        let text = try Self.iris(epochs: 1, lr: "0.005", hidden: 40) + "\nrecord weights of features -> hidden\nrecord weights of hidden -> out\n"
        let one = try experiment(text, folder: folder, threads: 1), two = try experiment(text, folder: folder, threads: 2)
        #expect(one.run.threads == 1 && two.run.threads == 2)
        for recorder in 0..<2 {
            let a = try Self.weights(one, recorder: recorder), b = try Self.weights(two, recorder: recorder)
            #expect(a.map(\.bitPattern) == b.map(\.bitPattern))
        }
        #expect(one.evaluations.first?.confusion == two.evaluations.first?.confusion)
    }

    /// Examples/iris_bpstdp.snn with 20 epochs at lr 0.0005 (90% in a release build): the output error falls, and
    /// accuracy lands well above chance (33%).
    @Test func irisLearnsWellAboveChance() throws {
        let folder = try ExperimentTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try experiment(try Self.iris(epochs: 20, lr: "0.0005"), folder: folder)
        #expect(result.failure == nil)
        let losses = try #require(result.trainings.first?.epochLosses)
        #expect(losses.count == 20 && losses[19] < losses[0] * 0.7, "output error per epoch: \(losses)")
        let evaluation = try #require(result.evaluations.first)
        #expect(evaluation.samples == 30)
        #expect(evaluation.accuracy >= 0.8, "accuracy \(evaluation.accuracy)")
    }
}
