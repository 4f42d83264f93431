// Inputs, recorders and the schedule: Poisson, Bernoulli and regular rates; pulse packets drawn around their
// time; spike files; current generators driving a parameter buffer; dataset encoders reported in a simulation;
// spike and trace recorders with their neurons and intervals, weights of a connection; dt, steps and seed from
// the simulate statements, with their diagnostics.

import Foundation
import Testing
@testable import SNNPlan

@Suite struct SourceTests {
    @Test func poissonBernoulliAndRegularRates() throws {
        let plan = try #require(planned(fixtureNeuron + """
        const rates = [5, 10, 15] * 1 Hz
        input noise = poisson(rate = 15 Hz)[1000]
        input listed = bernoulli(rate = rates)[3]
        input clock = regular(rate = 40 Hz, phase = 2.5 ms)[2]
        input drawn = poisson(rate = uniform(10 Hz, 20 Hz))[500]
        population p = cell[10]
        connect noise, listed, clock, drawn -> p: all_to_all on spike { v += 1 mV }
        simulate 100 ms with dt = 0.5 ms
        """))
        #expect(plan.sources.map(\.name) == ["noise", "listed", "clock", "drawn"])
        #expect(plan.sources.map(\.size) == [1000, 3, 2, 500])
        #expect(plan.sources[0].kind == .poisson(rates: [15]))
        #expect(plan.sources[1].kind == .bernoulli(rates: [5, 10, 15]))
        #expect(plan.sources[2].kind == .regular(rates: [40], phaseSteps: 5))
        guard case .poisson(let drawn) = plan.sources[3].kind else { Issue.record("not poisson"); return }
        #expect(drawn.count == 500 && drawn.allSatisfy { $0 >= 10 && $0 < 20 })
        #expect(plan.projections.map(\.source) == [.source(0), .source(1), .source(2), .source(3)])
        #expect(plan.projections[0].rowStart.count == 1001)
    }

    @Test func pulsePacketsAreSpreadByTheirJitter() throws {
        let plan = try #require(plannedExample("synfire.snn"))
        guard case .spikeTimes(let steps) = plan.sources[0].kind else { Issue.record("not spike times"); return }
        #expect(steps.count == 85)
        // 50 ms ± 1 ms at dt = 0.1 ms: steps around 500 with a standard deviation near 10.
        let mean = Double(steps.reduce(0, +)) / 85
        let sd = (steps.map { (Double($0) - mean) * (Double($0) - mean) }.reduce(0, +) / 84).squareRoot()
        #expect(abs(mean - 500) < 4 && sd > 7 && sd < 13, "mean \(mean), sd \(sd)")
        #expect(Set(steps).count > 20)
        let again = try #require(plannedExample("synfire.snn"))
        #expect(again.sources[0].kind == plan.sources[0].kind)
        // Without jitter every source spikes at the time; never before step 0.
        let exact = try #require(planned(fixtureNeuron + """
        input a = pulse_packet(time = 3 ms)[4]
        input b = pulse_packet(time = 0.1 ms, jitter = 5 ms)[200]
        population p = cell[1]
        connect a, b -> p: all_to_all on spike { v += 1 mV }
        simulate 10 ms
        """))
        #expect(exact.sources[0].kind == .spikeTimes(steps: [30, 30, 30, 30]))
        guard case .spikeTimes(let clamped) = exact.sources[1].kind else { return }
        #expect(clamped.min() == 0 && clamped.contains { $0 > 20 })
    }

    @Test func spikeFilesAreReadAndSorted() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("snnc-plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "source,time_ms\n2,1.0\n0,0.5\n# a comment\n\n1,0.5\n2,0.04\n".write(to: folder.appendingPathComponent("spikes.csv"),
                                                                                 atomically: true, encoding: .utf8)
        try "0,1\n7,2\n".write(to: folder.appendingPathComponent("bad.csv"), atomically: true, encoding: .utf8)
        let resolve: Planner.PathResolver = { path in
            let candidate = folder.appendingPathComponent(path).path
            return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
        }
        let text = fixtureNeuron + """
        input s = spike_file("spikes.csv")[3]
        population p = cell[3]
        connect s -> p: one_to_one on spike { v += 1 mV }
        simulate 10 ms
        """
        let plan = try #require(PlanningFixture(text).plan(resolvePath: resolve))
        #expect(plan.sources[0].kind == .spikeList(sources: [2, 0, 1, 2], steps: [0, 5, 5, 10]))

        let missing = PlanningFixture(text.replacingOccurrences(of: "spikes.csv", with: "nowhere.csv"))
        #expect(missing.outcome(resolvePath: resolve).diagnostics.map(\.code.rawValue) == ["E0711"])
        let bad = PlanningFixture(text.replacingOccurrences(of: "spikes.csv", with: "bad.csv"))
        let diagnostics = bad.outcome(resolvePath: resolve).diagnostics
        #expect(diagnostics.map(\.code.rawValue) == ["E0711"])
        #expect(diagnostics.first?.message.contains("line 2") == true && diagnostics.first?.message.contains("source 7") == true)
    }

    @Test func datasetEncodersAreUnsupportedInASimulation() {
        let fixture = PlanningFixture(fixtureNeuron + """
        dataset iris = csv("iris.csv", label = species)
        input f = poisson(rate = iris.features * 100 Hz)
        input g = gaussian_fields(iris.features, count = 4)
        population p = cell[3]
        connect f, g -> p: all_to_all on spike { v += 1 mV }
        simulate 10 ms
        """)
        let diagnostics = fixture.planDiagnostics()
        #expect(diagnostics.map(\.code) == ["E0702", "E0702"], "\(diagnostics)")
        #expect(diagnostics.map(\.line) == [11, 12])
        #expect(fixture.outcome().plan == nil)
    }

    /// A current input is a group of current generators; its connection drives `lif`'s I_e, which becomes a
    /// per-neuron parameter buffer although its declared value is one constant, and has no delay ring.
    @Test func currentInputsDriveParameterBuffers() throws {
        let fixture = PlanningFixture("""
        input c = current(value = [1 nA, 2 nA, 0.5 nA])[3]
        population p = lif[3]
        connect c -> p: one_to_one, weight = 2 on spike { I_e += w / 4 }
        simulate 10 ms
        """)
        let plan = try #require(fixture.plan(realNeurons: true))
        #expect(plan.sources[0].kind == .current(amperes: [1e-9, 2e-9, 0.5e-9]))
        let population = plan.populations[0]
        let driven = try #require(population.buffer(named: "I_e"))
        #expect(population.buffers[driven].kind == .parameter)
        #expect(plan.projections[0].effects == [SynapticEffect(buffer: driven, scale: 0.25)])
        #expect(plan.projections[0].weights == [2, 2, 2])
        #expect(plan.memoryEstimate.delayRingBytes == 0)
    }
}

@Suite struct RecorderTests {
    @Test func spikesAndTracesOfTheExamples() throws {
        let cuba = try #require(plannedExample("cuba.snn"))
        #expect(cuba.recorders.map(\.name) == ["exc_spikes", "inh_spikes", "exc_v"])
        #expect(cuba.recorders[0].kind == .spikes(.population(0), neurons: []))
        #expect(cuba.recorders[2].kind == .trace(population: 0, buffer: 0, neurons: Array(0...9), intervalSteps: 1))

        let reservoir = try #require(plannedExample("reservoir.snn"))
        #expect(reservoir.recorders.map(\.name) == ["stream_spikes", "exc_spikes", "inh_spikes", "exc_v"])
        #expect(reservoir.recorders[0].kind == .spikes(.source(0), neurons: []))
        #expect(reservoir.recorders[3].kind == .trace(population: 0, buffer: 0, neurons: Array(0...9), intervalSteps: 10))

        let hh = try #require(plannedExample("hodgkin_huxley.snn"))
        #expect(hh.recorders.map(\.name) == ["axon_spikes", "axon_v", "axon_m", "axon_h", "axon_n"])
        #expect(hh.recorders[4].kind == .trace(population: 0, buffer: 3, neurons: Array(0..<10), intervalSteps: 1))

        let stdp = try #require(plannedExample("stdp_rules.snn"))
        #expect(stdp.recorders.map(\.name) == ["cell_spikes", "sources_cell_weights"])
        #expect(stdp.recorders[1].kind == .weights(projection: 0))
    }

    @Test func slicesNamesAndLetValues() throws {
        let plan = try #require(planned(fixtureNeuron + """
        population a = cell[20]
        population b = cell[20]
        connect a -> a, b: all_to_all on spike { ge += 1 mV }
        connect a -> b: one_to_one on spike { v += 1 mV }
        record spikes, v of a[5..7]
        record v of a[10..11] with interval = 0.25 ms
        record weights of a -> b
        simulate 10 ms
        """))
        #expect(plan.recorders.map(\.name) == ["a_spikes", "a_v", "a_v_2", "a_b_weights", "a_b_weights_2"])
        #expect(plan.recorders[0].kind == .spikes(.population(0), neurons: [5, 6, 7]))
        #expect(plan.recorders[2].kind == .trace(population: 0, buffer: 0, neurons: [10, 11], intervalSteps: 3))
        #expect(plan.recorders[3].kind == .weights(projection: 1) && plan.recorders[4].kind == .weights(projection: 2))

        let fixture = PlanningFixture("""
        neuron cell {
          param tau = 10 ms
          state v = 0 mV
          let drive = -v / tau
          dv/dt = drive
        }
        population p = cell[10]
        record drive of p
        simulate 100 ms
        """)
        #expect(fixture.planDiagnostics().map(\.code) == ["E0712"])
    }
}

@Suite struct ScheduleTests {
    @Test func timeStepStepsAndSeed() throws {
        let cuba = try #require(plannedExample("cuba.snn"))
        #expect(cuba.dt == 1e-4 && cuba.steps == 10_000 && cuba.seed == 1)
        let reservoir = try #require(plannedExample("reservoir.snn"))
        #expect(reservoir.seed == 3)
        let defaults = try #require(planned(fixtureNeuron + """
        population p = cell[1]
        simulate 20 ms
        simulate 5 ms
        """))
        #expect(defaults.dt == 1e-4 && defaults.steps == 250 && defaults.seed == 1)
        let izhikevich = try #require(plannedExample("izhikevich.snn"))
        #expect(izhikevich.dt == 1e-3 && izhikevich.steps == 1000)
    }

    @Test func conflictingStepsAndNothingToSimulate() {
        let conflicting = PlanningFixture(fixtureNeuron + """
        population p = cell[1]
        simulate 20 ms with dt = 0.1 ms, seed = 4
        simulate 20 ms with dt = 0.05 ms
        """)
        #expect(conflicting.planDiagnostics().map(\.code) == ["E0710"])
        #expect(conflicting.planDiagnostics().first?.line == 12)

        let nothing = PlanningFixture("""
        # a comment first
        population p = lif[3]
        record spikes of p
        """)
        let diagnostics = nothing.planDiagnostics()
        #expect(diagnostics.map(\.code) == ["E0705"])
        #expect(diagnostics.first.map { ($0.line, $0.column) } ?? (0, 0) == (2, 1))
    }

    @Test func aDifferentSeedGivesOtherTables() throws {
        let text = fixtureNeuron + """
        population p = cell[500]
        connect p -> p: random(p = 0.1), weight = uniform(0, 1) on spike { v += w * 1 mV }
        simulate 10 ms with seed = SEED
        """
        let one = try #require(planned(text.replacingOccurrences(of: "SEED", with: "1")))
        let two = try #require(planned(text.replacingOccurrences(of: "SEED", with: "2")))
        #expect(one.seed == 1 && two.seed == 2)
        #expect(one.projections[0].targets != two.projections[0].targets)
        #expect(one.projections[0].weights.prefix(100) != two.projections[0].weights.prefix(100))
    }
}
