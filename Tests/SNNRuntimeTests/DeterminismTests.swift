// Any number of worker threads gives the same run, bit for bit: the same spikes in the same order, the same
// state, the same synaptic events — on a random network with delays, noise, Poisson input and padding.

import SNNPlan
import SNNRuntime
import Testing

@Suite struct DeterminismTests {
    /// Two CUBA populations (301 and 97 neurons, not multiples of 16), Gaussian noise, per-synapse delays of 1–5
    /// steps, 10% connectivity, plus 50 Poisson sources into both.
    static func network(steps: Int) -> ExecutionPlan {
        var plan = Build.cubaNetwork(size: 398, p: 0.1, seconds: Double(steps) * 1e-4, delays: 1...5, noise: 0.5e-3)
        plan.populations[1].size = 97
        plan.populations[0].size = 301
        plan.projections = [
            Build.random(name: "ee", source: .population(0), sourceSize: 301, target: 0, targetSize: 301, p: 0.1,
                         weight: 0.5e-3...2e-3, delays: 1...5, effects: [SynapticEffect(buffer: 1, scale: 1)], seed: 1),
            Build.random(name: "ei", source: .population(0), sourceSize: 301, target: 1, targetSize: 97, p: 0.1,
                         weight: 0.5e-3...2e-3, delays: 1...1, effects: [SynapticEffect(buffer: 1, scale: 1)], seed: 2),
            Build.random(name: "ie", source: .population(1), sourceSize: 97, target: 0, targetSize: 301, p: 0.1,
                         weight: -9e-3 ... -3e-3, delays: 2...4, effects: [SynapticEffect(buffer: 2, scale: 1)],
                         seed: 3),
            Build.random(name: "xe", source: .source(0), sourceSize: 50, target: 0, targetSize: 301, p: 0.2,
                         weight: 1e-3...3e-3, delays: 1...3,
                         effects: [SynapticEffect(buffer: 1, scale: 0.5), SynapticEffect(buffer: 0, scale: 0.1)],
                         seed: 4),
            Build.random(name: "xi", source: .source(0), sourceSize: 50, target: 1, targetSize: 97, p: 0.2,
                         weight: 1e-3...3e-3, delays: 2...2, effects: [SynapticEffect(buffer: 1, scale: 1)], seed: 5),
        ]
        plan.sources = [SourcePlan(name: "in", size: 50, kind: .poisson(rates: [30]))]
        plan.recorders = [
            RecorderPlan(name: "exc", kind: .spikes(.population(0), neurons: [])),
            RecorderPlan(name: "inh", kind: .spikes(.population(1), neurons: [])),
            RecorderPlan(name: "in", kind: .spikes(.source(0), neurons: [])),
        ]
        for p in 0..<2 {
            for b in 0..<3 {
                plan.recorders.append(RecorderPlan(name: "s\(p)\(b)", kind: .trace(population: p, buffer: b,
                                                                                   neurons: [], intervalSteps: 97)))
            }
        }
        return plan
    }

    static func run(_ plan: ExecutionPlan, threads: Int) -> RunResult {
        var options = RunOptions(threads: threads)
        options.exactThreadCount = true
        return Simulator.run(plan, options: options)
    }

    @Test func oneTwoAndThreeThreadsGiveBitIdenticalRuns() {
        let plan = Self.network(steps: 1500)
        let one = Self.run(plan, threads: 1)
        #expect(one.threads == 1)
        #expect(one.divergence == nil)
        #expect(one.populationSpikeCounts[0].reduce(0, +) > 100)
        #expect(one.synapticEvents > 1000)
        for threads in [2, 3] {
            let other = Self.run(plan, threads: threads)
            #expect(other.threads == threads)
            #expect(other.completedSteps == one.completedSteps)
            #expect(other.populationSpikeCounts == one.populationSpikeCounts)
            #expect(other.sourceSpikeCounts == one.sourceSpikeCounts)
            #expect(other.synapticEvents == one.synapticEvents)
            for (a, b) in zip(one.recordings, other.recordings) {
                #expect(a.spikeSteps == b.spikeSteps)
                #expect(a.spikeNeurons == b.spikeNeurons)
                #expect(a.traceValues.map(\.bitPattern) == b.traceValues.map(\.bitPattern))
            }
        }
    }

    @Test func theSameSeedGivesTheSameRunAndAnotherSeedAnother() {
        var plan = Self.network(steps: 300)
        let a = Self.run(plan, threads: 1), b = Self.run(plan, threads: 1)
        #expect(a.recordings[0].spikeNeurons == b.recordings[0].spikeNeurons)
        plan.seed = 2
        let c = Self.run(plan, threads: 1)
        #expect(a.recordings[2].spikeNeurons != c.recordings[2].spikeNeurons)
    }

    @Test func smallPlansRunOnOneThreadUnlessAsked() {
        let small = Build.cubaNetwork(size: 4000, seconds: 0.001)
        #expect(Simulator.automaticThreadCount(for: small, available: 16) == 1)
        let large = ExecutionPlan(dt: 1e-4, steps: 10, seed: 1, populations: [
            Build.cuba(name: "exc", size: 64_000, dt: 1e-4), Build.cuba(name: "inh", size: 16_000, dt: 1e-4),
        ])
        #expect(Simulator.automaticThreadCount(for: large, available: 16) >= 3)
        #expect(Simulator.automaticThreadCount(for: large, available: 2) == 2)
        #expect(Simulator.threadCount(for: small, options: RunOptions(threads: 8)) == 1)
        var exact = RunOptions(threads: 3)
        exact.exactThreadCount = true
        #expect(Simulator.threadCount(for: small, options: exact) == 3)
    }
}
