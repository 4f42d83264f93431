// Keyed draws (the shared part of a CounterRNG key hashed once) give exactly the draws of the full key, and
// Poisson sources draw exactly Bernoulli(rate·dt) from (seed, source stream, step, source).

import SNNPlan
import SNNRuntime
import Testing

@Suite struct KeyedDrawTests {
    @Test func keyedDrawsEqualFullKeyDraws() {
        var rng = SplitMix(seed: 77)
        for _ in 0..<2000 {
            let seed = rng.next(), stream = UInt32(truncatingIfNeeded: rng.next()), counter = rng.next() % 100_000
            let index = rng.next() % 1_000_000
            let key = CounterRNG.key(seed: seed, stream: stream, counter: counter)
            #expect(CounterRNG.bits(key: key, index: index)
                    == CounterRNG.bits(seed: seed, stream: stream, counter: counter, index: index))
            #expect(CounterRNG.uniform(-2, 3, key: key, index: index)
                    == CounterRNG.uniform(-2, 3, seed: seed, stream: stream, counter: counter, index: index))
            #expect(CounterRNG.normal(1, 2, key: key, index: index).bitPattern
                    == CounterRNG.normal(1, 2, seed: seed, stream: stream, counter: counter, index: index).bitPattern)
        }
    }

    @Test func poissonSpikesAreTheDocumentedDraws() {
        let rates: [Float] = [5, 40, 200]
        let plan = ExecutionPlan(dt: 1e-3, steps: 300, seed: 12, sources: [
            SourcePlan(name: "a", size: 1, kind: .poisson(rates: [1])),
            SourcePlan(name: "b", size: 3, kind: .poisson(rates: rates)),
        ], recorders: [RecorderPlan(name: "b", kind: .spikes(.source(1), neurons: []))])
        let result = Simulator.run(plan)
        var expected: [(Int32, Int32)] = []
        for step in 0..<300 {
            for i in 0..<3 where CounterRNG.unit(seed: 12, stream: ExecutionPlan.sourceStream(group: 1),
                                                 counter: UInt64(step), index: UInt64(i)) < Double(rates[i]) * 1e-3 {
                expected.append((Int32(step), Int32(i)))
            }
        }
        #expect(result.recordings[0].spikeSteps == expected.map(\.0))
        #expect(result.recordings[0].spikeNeurons == expected.map(\.1))
    }
}
