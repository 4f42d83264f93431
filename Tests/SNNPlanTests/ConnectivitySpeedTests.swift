// Speed of building connectivity: 40,000 neurons with out-degree 80 (3.2 million synapses) — the table alone
// (fixed_out_degree, random(p), fixed_in_degree; best of three) and the whole projection path through the
// Planner (table, a weight drawn per synapse, delays, verification) — reported. A debug build, unoptimised,
// runs a tenth of the size once (`swift test -c release --filter ConnectivitySpeedTests` measures the real one).

import Foundation
import Testing
@testable import SNNPlan

@Suite struct ConnectivitySpeedTests {
    static let optimised = !_isDebugAssertConfiguration()
    static let neurons = optimised ? 40_000 : 4_000

    func bestOfThree(_ body: () -> Void) -> Double {
        (0..<(Self.optimised ? 3 : 1)).map { _ in
            let start = Date()
            body()
            return Date().timeIntervalSince(start)
        }.min()!
    }

    @Test func fortyThousandNeuronsWithOutDegreeEighty() throws {
        var count = 0
        let outDegree = bestOfThree {
            count = ConnectivityBuilder.build(.fixedOutDegree(80), sources: Self.neurons, targets: Self.neurons, seed: 1, stream: 5)!.synapseCount
        }
        #expect(count == Self.neurons * 80)
        let random = bestOfThree {
            count = ConnectivityBuilder.build(.random(p: 80 / Double(Self.neurons)), sources: Self.neurons, targets: Self.neurons, seed: 1, stream: 6)!.synapseCount
        }
        #expect(abs(Double(count) - Double(Self.neurons * 80)) < Double(Self.neurons * 80) / 100)
        let inDegree = bestOfThree {
            count = ConnectivityBuilder.build(.fixedInDegree(80), sources: Self.neurons, targets: Self.neurons, seed: 1, stream: 7)!.synapseCount
        }
        #expect(count == Self.neurons * 80)

        let fixture = PlanningFixture("""
        neuron cell {
          param tau = 10 ms
          state v = 0 mV
          dv/dt = -v / tau
          spike when v > 10 mV
          reset v = 0 mV
        }
        population p = cell[\(Self.neurons)]
        connect p -> p: fixed_out_degree(k = 80), weight = uniform(0 mV, 0.5 mV), delay = 1.5 ms on spike { v += w }
        simulate 1 ms
        """)
        var plan: ExecutionPlan?
        let whole = bestOfThree { plan = fixture.outcome().plan }
        #expect(plan?.projections.first?.synapseCount == Self.neurons * 80)
        let build = Self.optimised ? "optimised, best of 3" : "debug"
        print("connectivity, \(Self.neurons) neurons × 80 synapses (\(build)): "
            + String(format: "fixed_out_degree %.3f s, random(p) %.3f s, fixed_in_degree %.3f s; Planner with weights and delays %.3f s",
                     outDegree, random, inDegree, whole))
        #expect(whole < 60)
    }
}
