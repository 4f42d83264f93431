// Spikes cross projections with their delays and weight × scale, sources fire at their rates.

import Foundation
import SNNPlan
import SNNRuntime
import Testing

@Suite struct PropagationTests {
    /// A target population with two state buffers that only synapses change.
    static func target(size: Int) -> PopulationPlan {
        PopulationPlan(name: "t", model: "m", size: size,
                       buffers: [BufferPlan(name: "x", kind: .state), BufferPlan(name: "y", kind: .state)],
                       initialize: Program(), update: Program(), threshold: nil, reset: Program(), refractory: .none,
                       method: "none")
    }

    @Test(arguments: [1, 2])
    func spikesArriveAfterTheirDelayWithWeightTimesScale(threads: Int) {
        // Source 0 fires at step 10, source 1 at step 20.
        let source = SourcePlan(name: "in", size: 2, kind: .spikeTimes(steps: [10, 20]))
        // 0→0 (w 2, delay 3), 0→17 (w 5, delay 7), 1→17 (w 1, delay 1); x += w·0.5, y += w·(−1).
        let perSynapse = ProjectionPlan(name: "a", source: .source(0), target: 0, rowStart: [0, 2, 3],
                                        targets: [0, 17, 17], weights: [2, 5, 1], delays: [3, 7, 1], uniformDelay: 1,
                                        effects: [SynapticEffect(buffer: 0, scale: 0.5),
                                                  SynapticEffect(buffer: 1, scale: -1)])
        // 1→3 (w 4, uniform delay 2) into x, scale 1.
        let uniform = ProjectionPlan(name: "b", source: .source(0), target: 0, rowStart: [0, 0, 1], targets: [3],
                                     weights: [4], delays: [], uniformDelay: 2,
                                     effects: [SynapticEffect(buffer: 0, scale: 1)])
        let plan = ExecutionPlan(dt: 1e-4, steps: 40, seed: 1, populations: [Self.target(size: 20)], sources: [source],
                                 projections: [perSynapse, uniform], recorders: [
                                    RecorderPlan(name: "x", kind: .trace(population: 0, buffer: 0, neurons: [0, 17, 3],
                                                                          intervalSteps: 1)),
                                    RecorderPlan(name: "y", kind: .trace(population: 0, buffer: 1, neurons: [17],
                                                                          intervalSteps: 1)),
                                 ])
        var options = RunOptions(threads: threads)
        options.exactThreadCount = true
        let result = Simulator.run(plan, options: options)
        let xs = result.recordings[0].traceValues, y = result.recordings[1].traceValues
        func x(_ step: Int, _ column: Int) -> Float { xs[step * 3 + column] }
        // A spike at step s with delay d is added at the start of step s + d.
        #expect(x(12, 0) == 0 && x(13, 0) == 1)
        #expect(x(16, 1) == 0 && x(17, 1) == 2.5 && x(20, 1) == 2.5 && x(21, 1) == 3)
        #expect(x(21, 2) == 0 && x(22, 2) == 4)
        #expect(y[16] == 0 && y[17] == -5 && y[21] == -6)
        #expect(result.synapticEvents == 4)
        #expect(result.sourceSpikeCounts == [[1, 1]])
    }

    @Test func spikesOfAPopulationReachItsTargets() {
        // A neuron driven to fire at every step (threshold v > -1, v constant 0) excites a target neuron.
        let driver = PopulationPlan(name: "d", model: "m", size: 1, buffers: [BufferPlan(name: "v", kind: .state)],
                                    initialize: Program(), update: Program(),
                                    threshold: Program(instructions: [Instruction(.gt, 0, [.buffer(0), .constant(-1)])],
                                                       registerCount: 1, result: 0),
                                    reset: Program(), refractory: .steps(4), method: "none")
        let projection = ProjectionPlan(name: "p", source: .population(0), target: 1, rowStart: [0, 1], targets: [0],
                                        weights: [0.5], delays: [], uniformDelay: 2,
                                        effects: [SynapticEffect(buffer: 0, scale: 2)])
        let plan = ExecutionPlan(dt: 1e-4, steps: 12, seed: 1, populations: [driver, Self.target(size: 1)],
                                 projections: [projection], recorders: [
                                    RecorderPlan(name: "x", kind: .trace(population: 1, buffer: 0, neurons: [],
                                                                          intervalSteps: 1)),
                                 ])
        let result = Simulator.run(plan)
        // The driver fires at steps 0, 5, 10 (4 refractory steps); each spike adds 1 two steps later.
        #expect(result.populationSpikeCounts[0] == [3])
        #expect(result.recordings[0].traceValues == [0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2])
    }

    /// A projection whose weights are all equal propagates without reading them; its sums must be those of the
    /// general path bit for bit. Plan B differs only in the weight of one synapse onto neuron 63, which keeps it on
    /// the general path; every other neuron must see the same values.
    @Test(arguments: [1, 2])
    func uniformWeightsAddWhatTheGeneralPathAdds(threads: Int) {
        let sources = 40, targets = 64
        var rowStart: [Int32] = [0], targetList: [Int32] = []
        for s in 0..<sources {
            for t in 0..<63 where (s * 7 + t * 3) % 5 != 0 { targetList.append(Int32(t)) }
            if s == 0 { targetList.append(63) }
            rowStart.append(Int32(targetList.count))
        }
        func run(oddWeight: Float) -> [Float] {
            var weights = [Float](repeating: 0.37, count: targetList.count)
            weights[Int(rowStart[1]) - 1] = oddWeight
            let projection = ProjectionPlan(name: "p", source: .source(0), target: 0, rowStart: rowStart,
                                            targets: targetList, weights: weights, delays: [], uniformDelay: 1,
                                            effects: [SynapticEffect(buffer: 0, scale: 1.3)])
            let plan = ExecutionPlan(dt: 1e-4, steps: 300, seed: 4, populations: [Self.target(size: targets)],
                                     sources: [SourcePlan(name: "in", size: sources, kind: .poisson(rates: [400]))],
                                     projections: [projection], recorders: [
                                        RecorderPlan(name: "x", kind: .trace(population: 0, buffer: 0,
                                                                              neurons: Array(0..<63), intervalSteps: 1)),
                                     ])
            var options = RunOptions(threads: threads)
            options.exactThreadCount = true
            return Simulator.run(plan, options: options).recordings[0].traceValues
        }
        let uniform = run(oddWeight: 0.37), general = run(oddWeight: 0.5)
        #expect(uniform.last! > 100, "the sources fired")
        #expect(uniform.map(\.bitPattern) == general.map(\.bitPattern))
    }

    @Test(arguments: [false, true])
    func randomSourcesFireAtTheirRate(bernoulli: Bool) {
        let rates = (0..<1000).map { Float($0 < 500 ? 20 : 80) }
        let kind: SourcePlan.Kind = bernoulli ? .bernoulli(rates: rates) : .poisson(rates: rates)
        let plan = ExecutionPlan(dt: 1e-4, steps: 20_000, seed: 9,
                                 sources: [SourcePlan(name: "in", size: 1000, kind: kind)])
        let counts = Simulator.run(plan).sourceSpikeCounts[0]
        let slow = counts[0..<500].reduce(0) { $0 + Int($1) }, fast = counts[500...].reduce(0) { $0 + Int($1) }
        // Expected 20,000 and 80,000 spikes; 5 standard deviations are 3.5% and 1.8%.
        #expect(abs(Double(slow) / 20_000 - 1) < 0.035)
        #expect(abs(Double(fast) / 80_000 - 1) < 0.018)
        // Independent trains: not every source has the same count.
        #expect(Set(counts).count > 10)
    }

    @Test func regularSourcesFireEveryPeriodFromTheirPhase() {
        let plan = ExecutionPlan(dt: 1e-4, steps: 400, seed: 1, sources: [
            SourcePlan(name: "in", size: 2, kind: .regular(rates: [100, 250], phaseSteps: 5)),
        ], recorders: [RecorderPlan(name: "s", kind: .spikes(.source(0), neurons: []))])
        let spikes = Simulator.run(plan).recordings[0]
        #expect(spikes.spikes(of: 0) == [5, 105, 205, 305])
        #expect(spikes.spikes(of: 1) == Array(stride(from: 5, to: 400, by: 40)))
    }

    @Test func spikeListsFireAtTheirSteps() {
        let plan = ExecutionPlan(dt: 1e-4, steps: 10, seed: 1, sources: [
            SourcePlan(name: "in", size: 3, kind: .spikeList(sources: [2, 0, 2, 2, 1], steps: [1, 3, 3, 3, 12])),
        ], recorders: [RecorderPlan(name: "s", kind: .spikes(.source(0), neurons: []))])
        let result = Simulator.run(plan)
        #expect(result.recordings[0].spikeSteps == [1, 3, 3])
        #expect(result.recordings[0].spikeNeurons == [2, 0, 2])
        #expect(result.sourceSpikeCounts == [[1, 0, 2]])
    }
}
