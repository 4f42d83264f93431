// Simulation correctness through the whole pipeline (.snn text → checker → plan → runtime): LIF's analytic
// firing rate, Izhikevich presets' firing patterns, Hodgkin–Huxley's threshold and refractoriness, CUBA and
// COBA rates in the ranges Brian 2 and NEST report, and 1 thread = N threads bit for bit. Long runs are
// shortened here (debug builds); the full-length figures are in bench/.

import Foundation
@testable import SNNDriver
import SNNPlan
import SNNRuntime
import Testing

/// Plans `text` (with the prelude) and runs it; fails the test on any diagnostic.
func simulate(_ text: String, threads: Int = 1, path: String = "/nonexistent/model.snn") throws -> (ExecutionPlan, RunResult) {
    var errors = ""
    let io = CLIIO(readFile: { _ in Array(text.utf8) }, readStandardInput: { [] }, writeOutput: { _ in },
                   writeError: { errors += $0 }, environment: [:], outputIsTerminal: false)
    let planned = try RunCommand.planModel(path: path, dataFolder: RepositoryFiles.sharedData, io: io)
    let (plan, _, _) = try #require(planned, "\(errors)")
    var options = RunOptions(threads: threads)
    options.exactThreadCount = true
    return (plan, Simulator.run(plan, options: options))
}

func spikeSteps(_ result: RunResult, recorder: Int) -> [Int32] {
    guard case .spikes(let steps, _) = result.recordings[recorder] else { return [] }
    return steps
}

@Suite struct SimulationTests {
    @Test func lifFiresAtTheAnalyticRate() throws {
        // tau_m = 10 ms, R = 10 Mohm, I = 2 nA: RI = 20 mV against a 15 mV gap to threshold; t_ref = 2 ms.
        let (plan, result) = try simulate("""
            population p = lif(I_e = 2 nA)[1]
            simulate 2 s with dt = 0.01 ms
            """)
        let tau = 10e-3, ri = 20e-3, gap = 15e-3, tRef = 2e-3
        let expected = 1 / (tRef + tau * log(ri / (ri - gap)))
        let rate = Double(result.populationSpikeCounts[0][0]) / (Double(result.completedSteps) * plan.dt)
        #expect(abs(rate / expected - 1) < 0.005, "rate \(rate) Hz, analytic \(expected) Hz")
    }

    @Test func exactIntegrationFollowsTheAnalyticTrajectory() throws {
        let (plan, result) = try simulate("""
            population p = lif(I_e = 1 nA, v_th = 0 mV)[1]
            record v of p
            simulate 50 ms with dt = 0.1 ms
            """)
        guard case .trace(let steps, _, let values) = result.recordings[0] else { Issue.record("no trace"); return }
        for (row, step) in steps.enumerated() where step > 0 {
            let t = Double(step + 1) * plan.dt
            let analytic = -65e-3 + 10e-3 * (1 - exp(-t / 10e-3))
            #expect(abs(Double(values[row]) / analytic - 1) < 1e-5, "t = \(t): \(values[row]) vs \(analytic)")
        }
    }

    /// Diehl & Cook's threshold decays with tau = 1e7 ms: at dt = 0.5 ms a step's change (1e-9 V near 20 mV) is
    /// about half the spacing between Floats there, so a plain addition would round every step's decay to 0 or
    /// to a whole spacing (10% off after 500 s); compensated summation keeps the analytic decay.
    @Test func slowDecaysFollowTheAnalyticSolution() throws {
        let (_, result) = try simulate("""
            neuron slow {
              param tau = 1e7 ms
              state theta = 20 mV
              dtheta/dt = -theta / tau
            }
            population p = slow[1]
            record theta of p with interval = 100 s
            simulate 500 s with dt = 0.5 ms
            """)
        guard case .trace(let steps, _, let values) = result.recordings[0] else { Issue.record("no trace"); return }
        let (step, last) = (try #require(steps.last), try #require(values.last))
        let t = Double(step + 1) * 0.5e-3
        #expect(t >= 400)
        let analytic = 20e-3 * exp(-t / 1e4)
        #expect(abs(Double(last) / analytic - 1) < 1e-5, "theta \(last) V after \(t) s, analytic \(analytic) V")
    }

    @Test func izhikevichPresetsShowTheirFiringPatterns() throws {
        let (_, result) = try simulate("""
            population rs = izhikevich_rs(I = 10 mV)[1]
            population ib = izhikevich_ib(I = 10 mV)[1]
            population ch = izhikevich_ch(I = 10 mV)[1]
            population fs = izhikevich_fs(I = 10 mV)[1]
            population lts = izhikevich_lts(I = 10 mV)[1]
            record spikes of rs, ib, ch, fs, lts
            simulate 500 ms with dt = 0.1 ms
            """)
        func intervals(_ recorder: Int) -> [Double] {
            let steps = spikeSteps(result, recorder: recorder)
            return zip(steps.dropFirst(), steps).map { Double($0 - $1) * 0.1 }
        }
        let rs = intervals(0), ib = intervals(1), ch = intervals(2), fs = intervals(3), lts = intervals(4)
        // Regular spiking adapts: the intervals lengthen. Fast spiking fires fastest, without adaptation.
        #expect(rs.count >= 5 && rs.last! > rs.first! * 1.5, "RS \(rs)")
        #expect(fs.count > rs.count * 2, "FS \(fs.count) vs RS \(rs.count)")
        #expect(fs.suffix(5).max()! - fs.suffix(5).min()! < 1, "FS intervals \(fs.suffix(5))")
        // Intrinsically bursting starts with a burst (a short interval), then fires regularly with long ones.
        #expect(ib.first! < 10 && ib.suffix(3).allSatisfy { $0 > 20 }, "IB \(ib)")
        // Chattering repeats bursts: short intervals inside bursts, long ones between them, all along.
        #expect(ch.filter { $0 < 10 }.count >= 5 && ch.filter { $0 > 15 }.count >= 3, "CH \(ch)")
        // Low-threshold spiking adapts too, and fires faster than regular spiking at first.
        #expect(lts.first! < rs.first! && lts.last! > lts.first!, "LTS \(lts) RS \(rs)")
    }

    @Test func hodgkinHuxleyHasAThresholdAndIsRefractory() throws {
        let (_, result) = try simulate("""
            const steps = [0, 2, 4, 6, 8, 10, 12, 14, 16, 18] * 1 uA/cm^2
            population axon = hodgkin_huxley(I_e = steps)[10]
            simulate 200 ms with dt = 0.01 ms
            """)
        let counts = result.populationSpikeCounts[0]
        // No current, no spikes; below the onset of repetitive firing at most a first spike; above it, the rate
        // rises with the current and stays far below 1 / (the ~2 ms refractory period).
        #expect(counts[0] == 0)
        #expect(counts[1] <= 1)
        #expect(counts[9] > counts[5] && counts[5] > 5, "\(counts)")
        #expect(counts.allSatisfy { $0 < 40 }, "\(counts)")
    }

    @Test func cubaRatesAreInTheReportedRange() throws {
        let text = try String(contentsOf: RepositoryFiles.url("Examples/cuba.snn"), encoding: .utf8)
            .replacingOccurrences(of: "simulate 1 s", with: "simulate 300 ms")
        let (plan, result) = try simulate(text)
        let seconds = Double(result.completedSteps) * plan.dt
        let rate = Double(result.populationSpikeCounts.joined().reduce(0) { $0 + Int($1) }) / 4000 / seconds
        #expect(rate > 4 && rate < 8, "CUBA mean rate \(rate) Hz (Brian 2 and NEST: about 5.6 Hz)")
    }

    @Test func cobaRatesAreInTheReportedRange() throws {
        let text = try String(contentsOf: RepositoryFiles.url("Examples/coba.snn"), encoding: .utf8)
            .replacingOccurrences(of: "simulate 1 s", with: "simulate 200 ms")
        let (plan, result) = try simulate(text)
        let seconds = Double(result.completedSteps) * plan.dt
        let rate = Double(result.populationSpikeCounts.joined().reduce(0) { $0 + Int($1) }) / 4000 / seconds
        #expect(rate > 12 && rate < 30, "COBA mean rate \(rate) Hz (expected about 20 Hz)")
    }

    @Test func synapsesTakeAtMostTenBytesEach() throws {
        let text = try String(contentsOf: RepositoryFiles.url("Examples/reservoir.snn"), encoding: .utf8)
            .replacingOccurrences(of: "simulate 1 s", with: "simulate 1 ms")
        let (plan, _) = try simulate(text)
        let synapses = plan.projections.reduce(0) { $0 + $1.synapseCount }
        #expect(synapses > 1000)
        #expect(Double(plan.memoryEstimate.synapseBytes) / Double(synapses) <= 10,
                "\(plan.memoryEstimate.synapseBytes) bytes for \(synapses) synapses")
    }

    @Test func oneThreadAndThreeThreadsGiveTheSameSpikes() throws {
        let text = """
            population exc = lif_exp(I_e = 300 pA)[700]
            population inh = lif_exp(I_e = 280 pA)[300]
            input noise = poisson(rate = 500 Hz)[200]
            connect noise -> exc, inh: random(p = 0.1), weight = uniform(0 pA, 400 pA), delay = uniform(0.1 ms, 2 ms) on spike { I_syn += w }
            connect exc -> exc, inh: fixed_in_degree(k = 40), weight = 50 pA, delay = 1 ms on spike { I_syn += w }
            connect inh -> exc: random(p = 0.2) on spike { I_syn += -200 pA }
            record spikes of exc, inh
            record v of exc[0..4]
            simulate 100 ms with dt = 0.1 ms, seed = 3
            """
        let (_, one) = try simulate(text, threads: 1)
        let (_, three) = try simulate(text, threads: 3)
        #expect(one.populationSpikeCounts == three.populationSpikeCounts)
        #expect(one.populationSpikeCounts.joined().reduce(0, +) > 100)
        for (a, b) in zip(one.recordings, three.recordings) {
            switch (a, b) {
            case (.spikes(let s1, let n1), .spikes(let s2, let n2)): #expect(s1 == s2 && n1 == n2)
            case (.trace(_, _, let v1), .trace(_, _, let v2)): #expect(v1.map(\.bitPattern) == v2.map(\.bitPattern))
            default: Issue.record("recordings differ in kind")
            }
        }
    }
}
