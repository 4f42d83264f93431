// CounterRNG: draws are pure functions of their key, spread uniformly, and normal draws have the right moments.

import SNNPlan
import Testing

@Suite struct CounterRNGTests {
    @Test func drawsArePureFunctionsOfTheirKey() {
        let a = CounterRNG.bits(seed: 1, stream: 2, counter: 3, index: 4)
        #expect(a == CounterRNG.bits(seed: 1, stream: 2, counter: 3, index: 4))
        #expect(a != CounterRNG.bits(seed: 1, stream: 2, counter: 3, index: 5))
        #expect(a != CounterRNG.bits(seed: 2, stream: 2, counter: 3, index: 4))
        #expect(a != CounterRNG.bits(seed: 1, stream: 3, counter: 3, index: 4))
    }

    @Test func uniformAndNormalHaveTheirMoments() {
        let n = 200_000
        var sum = 0.0, sumSquares = 0.0, normalSum = 0.0, normalSquares = 0.0
        for i in 0..<n {
            let u = CounterRNG.unit(seed: 7, stream: 1, counter: UInt64(i / 1000), index: UInt64(i % 1000))
            #expect(u >= 0 && u < 1)
            sum += u
            sumSquares += u * u
            let z = CounterRNG.normal(0, 1, seed: 7, stream: 2, counter: 0, index: UInt64(i))
            normalSum += z
            normalSquares += z * z
        }
        #expect(abs(sum / Double(n) - 0.5) < 0.005)
        #expect(abs(sumSquares / Double(n) - 1.0 / 3) < 0.005)
        #expect(abs(normalSum / Double(n)) < 0.01)
        #expect(abs(normalSquares / Double(n) - 1) < 0.02)
    }
}
