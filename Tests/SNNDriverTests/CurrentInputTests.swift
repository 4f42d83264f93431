// `current` inputs through the whole pipeline: constant currents weighted by a connection drive `lif`'s I_e, so
// each neuron fires at the analytic LIF rate of its summed current (1 or 2 threads alike); a dataset's features
// presented as currents drive each sample's presentation exactly as the analytic LIF count says and stop during
// the rest.

import Foundation
@testable import SNNDriver
import SNNRuntime
import Testing

@Suite struct CurrentInputTests {
    /// `lif`'s defaults: tau_m = 10 ms, R = 10 Mohm, 15 mV from rest to threshold, t_ref = 2 ms.
    static let tau = 10e-3, resistance = 10e6, gap = 15e-3, refractory = 2e-3

    /// Time to threshold from rest under current `current`, nil when it never gets there.
    static func timeToThreshold(_ current: Double) -> Double? {
        let ri = resistance * current
        return ri > gap ? tau * log(ri / (ri - gap)) : nil
    }

    @Test func weightedCurrentsFireAtTheAnalyticRate() throws {
        // Targets get 1 nA·[2, 1, 0.5] + 2 nA·[0.1, 1, 1.5] = [2.2, 3, 3.5] nA.
        let model = """
            input drive = current(value = [1 nA, 2 nA])[2]
            population p = lif[3]
            connect drive -> p: all_to_all, weight = [2, 1, 0.5, 0.1, 1, 1.5] on spike { I_e += w }
            simulate 2 s with dt = 0.01 ms
            """
        let (plan, result) = try simulate(model)
        let (_, twoThreads) = try simulate(model, threads: 2)
        #expect(result.populationSpikeCounts == twoThreads.populationSpikeCounts)
        let groups = RunSummary(model: "m", plan: plan, result: result, files: []).groups
        #expect(groups.map(\.kind) == ["lif", "current"], "the summary names current generators as such")
        for (n, current) in [2.2e-9, 3e-9, 3.5e-9].enumerated() {
            let expected = 1 / (Self.refractory + Self.timeToThreshold(current)!)
            let rate = Double(result.populationSpikeCounts[0][n]) / (Double(result.completedSteps) * plan.dt)
            #expect(abs(rate / expected - 1) < 0.005, "neuron \(n): \(rate) Hz, analytic \(expected) Hz")
        }
    }

    @Test func datasetFeaturesDriveEachPresentationAndStopInTheRest() throws {
        let folder = try ExperimentTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try experiment("""
            dataset iris = csv("iris.csv", label = species, normalize = minmax)
            input f = current(value = iris.features * 3 nA)
            population out = lif[4]
            connect f -> out: one_to_one, weight = 1 on spike { I_e += w }
            record spikes of out
            evaluate on iris, samples = 40, dt = 0.01 ms {
              present 100 ms, rest 50 ms
              predict = argmax(spike_count(out))
            }
            """, folder: folder)
        #expect(result.failure == nil, "\(result.failure ?? "")")
        guard case .spikes(let steps, let neurons)? = result.run.recordings.first else {
            Issue.record("no spike recording"); return
        }
        let present = 10_000, period = 15_000, samples = 40
        var counts = [[Int]](repeating: [0, 0, 0, 0], count: samples)
        for (step, neuron) in zip(steps, neurons) {
            let sample = Int(step) / period
            #expect(Int(step) % period < present, "a spike at step \(step), in the rest after sample \(sample)")
            if sample < samples { counts[sample][Int(neuron)] += 1 }
        }
        // The features, min-max normalised per column as the dataset does; each presentation starts within
        // 0.1 mV of rest (the 50 ms rest is five membrane time constants), so the count is the analytic one ± 1.
        let rows = try String(contentsOf: RepositoryFiles.url("Examples/iris.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",").prefix(4).map { Double($0)! } }
        let low = (0..<4).map { c in rows.map { $0[c] }.min()! }, high = (0..<4).map { c in rows.map { $0[c] }.max()! }
        var firing = 0
        for sample in 0..<samples {
            for c in 0..<4 {
                let x = (rows[sample][c] - low[c]) / (high[c] - low[c])
                var expected = 0
                if let first = Self.timeToThreshold(x * 3e-9), first <= 0.1 {
                    expected = Int(((0.1 - first) / (first + Self.refractory)).rounded(.down)) + 1
                }
                if expected > 0 { firing += 1 }
                #expect(abs(counts[sample][c] - expected) <= 1, "sample \(sample), feature \(c): \(counts[sample][c]) spikes, analytic \(expected)")
            }
        }
        #expect(firing >= 20, "the test should exercise firing neurons")
    }
}
