// BP-STDP in the planner: `learn bp_stdp` clauses become a SupervisedPlan (layers in update order, the output
// population, the window in steps) and `target = label` a TeacherPlan; what BP-STDP cannot run is E0709.

import Foundation
import Testing
@testable import SNNPlan

@Suite struct SupervisedPlanTests {
    static let network = """
        dataset iris = csv("iris.csv", label = species, normalize = minmax)
        neuron unit {
          param theta = 0.9
          state u = 0
          spike when u >= theta
          reset u = 0
        }
        input f = bernoulli(rate = 100 Hz)[4]
        population h1 = unit[20]
        population h2 = unit[10]

        """

    static func layer(_ from: String, _ to: String, lr: String = "0.005", window: String = "4 ms") -> String {
        "connect \(from) -> \(to): all_to_all, weight = normal(0, 1) on spike { u += w }\n  learn bp_stdp(lr = \(lr), window = \(window))\n"
    }

    static let train = "train on iris, epochs = 1, dt = 1 ms { present 50 ms; target = label; target_rate = 200 Hz }\n"

    static func outcome(_ text: String) -> PlanOutcome {
        PlanningFixture(text).outcome(realNeurons: true) { path in
            let url = Examples.directory.appendingPathComponent(path)
            return FileManager.default.fileExists(atPath: url.path) ? url.path : nil
        }
    }

    static func codes(_ text: String) -> [String] { outcome(text).diagnostics.map(\.code.rawValue) }

    @Test func layersRunFromTheOutputBack() throws {
        let text = Self.network + "population out = unit[3]\n" + Self.layer("f", "h1", lr: "0.001") + Self.layer("h1", "h2")
            + Self.layer("h2", "out") + Self.train
        let plan = try #require(Self.outcome(text).plan)
        let supervised = try #require(plan.supervised)
        #expect(supervised.layers.map(\.projection) == [2, 1, 0])
        #expect(supervised.layers.map(\.learningRate) == [0.005, 0.005, 0.001])
        #expect(supervised.output == 2 && supervised.windowSteps == 4)
        guard case .train(let train)? = plan.experiment?.steps.first else { Issue.record("no train step"); return }
        #expect(train.teacher == TeacherPlan(probability: 0.2))
    }

    @Test func targetWithoutBPSTDPIsReported() {
        let text = Self.network + "connect f -> h1: all_to_all on spike { u += w }\n" + Self.train
        #expect(Self.codes(text) == ["E0709"])
    }

    @Test func trainWithoutTargetIsReported() {
        let text = Self.network + Self.layer("f", "h1") + "train on iris, dt = 1 ms { present 50 ms }\n"
        #expect(Self.codes(text) == ["E0709"])
    }

    @Test func moreClassesThanOutputNeuronsIsReported() {
        let text = Self.network + "population out = unit[2]\n" + Self.layer("f", "out") + Self.train
        let diagnostics = Self.outcome(text).diagnostics
        #expect(diagnostics.map(\.code.rawValue) == ["E0709"])
        #expect(diagnostics.first?.message.contains("3 classes") == true)
    }

    @Test func twoOutputsLoopsAndMixedWindowsAreReported() {
        #expect(Self.codes(Self.network + Self.layer("f", "h1") + Self.layer("f", "h2") + Self.train) == ["E0709"])
        #expect(Self.codes(Self.network + Self.layer("h1", "h2") + Self.layer("h2", "h1") + Self.train) == ["E0709"])
        #expect(Self.codes(Self.network + Self.layer("f", "h1") + Self.layer("h1", "h2", window: "2 ms") + Self.train)
            == ["E0709"])
        #expect(Self.codes(Self.network + Self.layer("f", "h1", lr: "0") + Self.train) == ["E0709"])
    }

    @Test func predictMustReadTheOutputAndTheRateFitAStep() {
        let predictOther = "train on iris, dt = 1 ms { present 50 ms; target = label; predict = argmax(spike_count(h1)) }\n"
        #expect(Self.codes(Self.network + Self.layer("f", "h1") + Self.layer("h1", "h2") + predictOther) == ["E0709"])
        let tooFast = "train on iris, dt = 1 ms { present 50 ms; target = label; target_rate = 2000 Hz }\n"
        #expect(Self.codes(Self.network + Self.layer("f", "h2") + tooFast) == ["E0709"])
    }
}
