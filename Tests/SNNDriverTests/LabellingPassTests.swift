// `assign labels … on D { … }` and `freeze` through the whole pipeline, on Iris with an adaptive-threshold
// population that learns by STDP: the labelling pass does not learn (the weights saved before and after it are
// the same bytes), a frozen threshold holds its value bit for bit through the pass and the evaluation while it
// moved in training, the pass reports its samples, and 1 or 2 threads give the same labels and predictions.

import Foundation
import SNNRuntime
import Testing

@Suite struct LabellingPassTests {
    static let model = """
        neuron alif {
          param tau_m = 10 ms;  param v_rest = -65 mV;  param v_th = -55 mV
          param tau_theta = 1 s;  param theta_plus = 1 mV
          state v = v_rest;  dv/dt = (v_rest - v) / tau_m
          state theta = 0 mV;  dtheta/dt = -theta / tau_theta
          spike when v > v_th + theta;  reset v = v_rest, theta += theta_plus
        }
        dataset iris = csv("iris.csv", label = species, normalize = minmax)
        input f = poisson(rate = iris.features * 200 Hz)
        population out = alif[12]
        connect f -> out: all_to_all, weight = uniform(0.5, 1) on spike { v += w * 4 mV }
          learn stdp
        record theta of out
        train on iris, epochs = 1, samples = 30, dt = 1 ms { present 40 ms, rest 10 ms }
        save weights to "trained.snnw"

        """

    static func run(_ text: String, threads: Int = 1) throws -> (ExperimentResult, URL) {
        let folder = try ExperimentTests.temporaryFolder()
        return (try experiment(text, folder: folder, threads: threads), folder)
    }

    @Test func theLabellingPassDoesNotLearnAndFrozenThresholdsHold() throws {
        let (result, folder) = try Self.run(Self.model + """
            assign labels by mean response of out on iris, samples = 60 { freeze theta of out }
            save weights to "labelled.snnw"
            evaluate on iris, samples = 60 { freeze theta of out; predict = vote(spike_count(out)) }
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.failure == nil, "\(result.failure ?? "")")
        let trained = try Data(contentsOf: folder.appendingPathComponent("trained.snnw"))
        let labelled = try Data(contentsOf: folder.appendingPathComponent("labelled.snnw"))
        #expect(trained == labelled, "learning is off in the labelling pass")

        let assignment = try #require(result.assignments.first)
        #expect(assignment.dataset == "iris" && assignment.samples == 60)
        #expect(assignment.labels.contains { $0 >= 0 })
        #expect(result.evaluations.first?.samples == 60)

        // Training is 30 samples of 50 steps: theta moves until step 1499, then holds through 120 more samples.
        guard case .trace(let steps, let neurons, let values)? = result.run.recordings.first else {
            Issue.record("no trace of theta"); return
        }
        func row(atStep step: Int32) -> [UInt32] {
            let k = steps.firstIndex(of: step)!
            return values[(k * neurons.count)..<((k + 1) * neurons.count)].map(\.bitPattern)
        }
        let lastStep: Int32 = 1500 + 120 * 50 - 1
        #expect(steps.last == lastStep)
        #expect(row(atStep: 0) != row(atStep: 1499), "theta adapts in training")
        for step in stride(from: Int32(1500), through: lastStep, by: 97) { #expect(row(atStep: step) == row(atStep: 1499)) }
    }

    @Test func theLabellingPassIsTheSameForAnyThreadCount() throws {
        let text = Self.model + """
            assign labels by mean response of out on iris, samples = 40, dt = 1 ms { present 30 ms; freeze theta of out }
            evaluate on iris, samples = 40 { predict = vote(spike_count(out)) }
            """
        let (one, a) = try Self.run(text, threads: 1), (two, b) = try Self.run(text, threads: 2)
        defer { [a, b].forEach { try? FileManager.default.removeItem(at: $0) } }
        #expect(one.failure == nil && two.failure == nil)
        #expect(one.assignments.map(\.labels) == two.assignments.map(\.labels))
        #expect(one.evaluations.first?.confusion == two.evaluations.first?.confusion)
    }

    @Test func labelsWithoutOnStillComeFromTheLastTrainingEpoch() throws {
        let (result, folder) = try Self.run(Self.model + """
            assign labels by mean response of out
            evaluate on iris, samples = 30 { predict = vote(spike_count(out)) }
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.failure == nil)
        let assignment = try #require(result.assignments.first)
        #expect(assignment.dataset == nil && assignment.samples == nil)
    }
}
