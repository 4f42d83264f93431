// Weights and delays per synapse: constants in SI, uniform draws with the right mean and range, a rule's
// initial weight, delays rounded to steps (at least one), uniform delays stored once, slices offsetting indices.

import Testing
@testable import SNNPlan

@Suite struct WeightDelayTests {
    @Test func uniformWeightsHaveTheirMeanAndRange() throws {
        let fixture = PlanningFixture(fixtureNeuron + """
        population a = cell[400]
        population b = cell[300]
        connect a -> b: all_to_all, weight = uniform(0 mV, 0.5 mV) on spike { v += w }
        simulate 10 ms
        """)
        let plan = try #require(fixture.plan())
        let weights = plan.projections[0].weights
        #expect(weights.count == 120_000)
        let mean = weights.reduce(0.0) { $0 + Double($1) } / Double(weights.count)
        #expect(abs(mean - 0.25e-3) < 0.005e-3, "mean \(mean)")
        #expect(weights.allSatisfy { $0 >= 0 && $0 < 0.5e-3 })
        // Variance of U(0, 0.5 mV): (0.5 mV)² / 12.
        let variance = weights.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(weights.count)
        #expect(abs(variance - 0.25e-6 / 12) < 0.002e-6, "variance \(variance)")
        #expect(plan.projections[0].effects == [SynapticEffect(buffer: 0, scale: 1)])
        // The same seed gives the same weights.
        #expect(try #require(fixture.plan()).projections[0].weights == weights)
    }

    @Test func constantWeightsNormalDrawsAndConstants() throws {
        let plan = try #require(planned(fixtureNeuron + """
        const w_link = 9.72 mV
        population a = cell[100]
        population b = cell[100]
        connect a -> b: random(p = 0.5), weight = w_link on spike { ge += w }
        connect b -> a: fixed_out_degree(k = 50), weight = normal(2 mV, 0.5 mV) on spike { ge += w }
        simulate 10 ms
        """))
        #expect(plan.projections[0].weights.allSatisfy { $0 == Float(9.72e-3) })
        let normal = plan.projections[1].weights.map(Double.init)
        let mean = normal.reduce(0, +) / Double(normal.count)
        let sd = (normal.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(normal.count)).squareRoot()
        #expect(abs(mean - 2e-3) < 0.03e-3 && abs(sd - 0.5e-3) < 0.03e-3, "mean \(mean), sd \(sd)")
    }

    @Test func delaysAreRoundedToSteps() throws {
        let plan = try #require(planned(fixtureNeuron + """
        population a = cell[50]
        population b = cell[50]
        connect a -> b: all_to_all, delay = 1.5 ms on spike { ge += 1 mV }
        connect b -> a: all_to_all, delay = uniform(1 ms, 3 ms) on spike { ge += 1 mV }
        connect a -> a: one_to_one on spike { ge += 1 mV }
        connect b -> b: one_to_one, delay = 0.8 ms on spike { ge += 1 mV }
        simulate 10 ms with dt = 0.1 ms
        """))
        #expect(plan.projections[0].uniformDelay == 15 && plan.projections[0].delays.isEmpty)
        let random = plan.projections[1].delays
        #expect(random.count == 2500 && random.allSatisfy { (10...30).contains($0) })
        #expect(Set(random).count == 21)
        #expect(plan.projections[1].maxDelay == 30)
        #expect(plan.projections[2].uniformDelay == 1 && plan.projections[2].delays.isEmpty)
        #expect(plan.projections[3].uniformDelay == 8)
    }

    @Test func theRuleGivesTheInitialWeight() throws {
        let plan = try #require(plannedExample("stdp_rules.snn"))
        let projection = plan.projections[0]
        #expect(projection.synapseCount == 1000)
        #expect(projection.weights.allSatisfy { $0 >= 0 && $0 < 1 })
        let mean = projection.weights.reduce(0.0) { $0 + Double($1) } / 1000
        #expect(abs(mean - 0.5) < 0.05)
        // on spike { ge += g_max * w } with g_max = 0.01.
        #expect(projection.effects == [SynapticEffect(buffer: 1, scale: 0.01)])

        let overridden = try #require(planned(fixtureNeuron + """
        population a = cell[10]
        population b = cell[10]
        connect a -> b: all_to_all learn stdp(w_max = 0.2) on spike { ge += w * 1 mV }
        connect b -> a: all_to_all learn stdp(w = 0.3) on spike { ge += w * 1 mV }
        simulate 10 ms
        """))
        #expect(overridden.projections[0].weights.allSatisfy { $0 >= 0 && $0 < 0.2 })
        #expect(overridden.projections[1].weights.allSatisfy { $0 == 0.3 })
    }

    @Test func slicesOffsetTheIndices() throws {
        let plan = try #require(planned(fixtureNeuron + """
        population exc = cell[200]
        population out = cell[30]
        connect exc[100..149] -> out[10..19]: all_to_all, weight = 2 mV on spike { v += w }
        connect exc[0..9] -> exc[20..29]: one_to_one on spike { v += 1 mV }
        population grid = cell[4, 5]
        connect grid[1..2, 1..3] -> out[0..5]: one_to_one on spike { v += 1 mV }
        simulate 10 ms
        """))
        let first = plan.projections[0]
        #expect(first.rowStart.count == 201 && first.synapseCount == 500)
        for i in 0..<200 {
            let row = first.targets[Int(first.rowStart[i])..<Int(first.rowStart[i + 1])]
            #expect(row.isEmpty == !(100...149).contains(i))
            if !row.isEmpty { #expect(Array(row) == (10...19).map(Int32.init)) }
        }
        let second = plan.projections[1]
        #expect((0..<10).allSatisfy { second.targets[Int(second.rowStart[$0])] == Int32($0 + 20) })
        // grid[1..2, 1..3] of a [4, 5] grid: rows 1 and 2, columns 1 to 3 → 6, 7, 8, 11, 12, 13.
        let third = plan.projections[2]
        let sources = (0..<20).filter { third.rowStart[$0 + 1] > third.rowStart[$0] }
        #expect(sources == [6, 7, 8, 11, 12, 13])
        #expect(third.targets == [0, 1, 2, 3, 4, 5])
    }

    @Test func everyEndpointPairIsAProjectionWithItsOwnStream() throws {
        let plan = try #require(planned(fixtureNeuron + """
        population a = cell[300]
        population b = cell[300]
        connect a, b -> a, b: random(p = 0.1) on spike { ge += 1 mV }
        simulate 10 ms
        """))
        #expect(plan.projections.map(\.name) == ["a -> a", "a -> b", "b -> a", "b -> b"])
        #expect(plan.projections.map(\.source) == [.population(0), .population(0), .population(1), .population(1)])
        #expect(plan.projections.map(\.target) == [0, 1, 0, 1])
        #expect(Set(plan.projections.map(\.targets)).count == 4)
    }
}
