// Runtime tests: simulations of hand-built plans against analytic results.

import SNNPlan
import SNNRuntime
import Testing

@Suite struct RuntimePlaceholderTests {
    @Test func aRunResultHoldsItsCounts() {
        let result = RunResult(completedSteps: 10, dt: 1e-4, populationSpikeCounts: [[1, 2]], sourceSpikeCounts: [],
                               recordings: [], synapticEvents: 0, simulationSeconds: 0, setupSeconds: 0, threads: 1,
                               stoppedByUser: false, divergence: nil)
        #expect(result.populationSpikeCounts[0].reduce(0, +) == 3)
    }
}
