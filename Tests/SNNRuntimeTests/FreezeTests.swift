// Frozen buffers (`freeze theta of exc`): a frozen buffer keeps its value bit for bit — the update and reset do
// not store it and its synaptic input is dropped — while the rest of the network runs on; a reset of the network
// keeps it; unfreezing restores the planned dynamics; and any number of threads gives the same run.

import SNNPlan
@testable import SNNRuntime
import Testing

@Suite struct FreezeTests {
    /// Population 0's `ge` (fed by synapses through delay rings) and population 1's `v` (the buffer its fused
    /// threshold tests) frozen.
    static let frozen = [FrozenBuffer(population: 0, buffer: 1), FrozenBuffer(population: 1, buffer: 0)]

    static func engine(threads: Int) -> Engine {
        var options = RunOptions(threads: threads)
        options.exactThreadCount = true
        let engine = Engine(plan: DeterminismTests.network(steps: 1000), options: options, workers: threads)
        #expect(engine.initialize())
        return engine
    }

    static func row(_ engine: Engine, _ population: Int, _ buffer: Int) -> [UInt32] {
        let pop = engine.populations[population]
        return (0..<pop.size).map { pop.buffer(buffer)[$0].bitPattern }
    }

    @Test func aFrozenBufferKeepsItsValueWhileTheNetworkRunsOn() {
        let engine = Self.engine(threads: 1)
        #expect(engine.run(from: 0, to: 200))
        let ge = Self.row(engine, 0, 1), v1 = Self.row(engine, 1, 0), v0 = Self.row(engine, 0, 0)
        let spikes = engine.populations[0].spikeCounts.array.reduce(0, +)
        let fused = engine.populations[1].fusedThreshold != nil
        engine.freeze(Self.frozen)
        #expect(engine.populations[1].fusedThreshold == nil, "no store of v is left to test the threshold")
        #expect(engine.run(from: 200, to: 500))
        #expect(Self.row(engine, 0, 1) == ge)
        #expect(Self.row(engine, 1, 0) == v1)
        #expect(Self.row(engine, 0, 0) != v0, "the unfrozen membrane runs on")
        #expect(engine.populations[0].spikeCounts.array.reduce(0, +) > spikes)

        engine.resetState()
        #expect(Self.row(engine, 0, 1) == ge, "a reset of the network keeps frozen values")
        #expect(Self.row(engine, 1, 0) == v1)

        engine.freeze([])
        #expect(engine.run(from: 500, to: 700))
        #expect(Self.row(engine, 0, 1) != ge, "unfrozen, the conductance takes its input again")
        #expect(Self.row(engine, 1, 0) != v1)
        #expect((engine.populations[1].fusedThreshold != nil) == fused, "the planned programs are back")
    }

    @Test func frozenRunsAreTheSameForAnyThreadCount() {
        func run(_ threads: Int) -> [[UInt32]] {
            let engine = Self.engine(threads: threads)
            #expect(engine.run(from: 0, to: 150))
            engine.freeze(Self.frozen)
            #expect(engine.run(from: 150, to: 400))
            engine.freeze([])
            #expect(engine.run(from: 400, to: 500))
            return (0..<2).flatMap { p in (0..<3).map { Self.row(engine, p, $0) } }
                + engine.populations.map { $0.spikeCounts.array.map { UInt32(bitPattern: $0) } }
        }
        let one = run(1)
        #expect(run(2) == one)
        #expect(run(3) == one)
    }
}
