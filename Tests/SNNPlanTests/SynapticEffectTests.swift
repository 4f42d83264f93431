// SynapticEffects: `x += amount` lowered to buffer and scale for the examples (CUBA, COBA, Izhikevich, synfire)
// and for the allowed amount forms; everything else reported with E0700 at the statement.

import Testing
@testable import SNNPlan

@Suite struct SynapticEffectTests {
    @Test func cubaJumpsBecomeScalesWithUnitWeights() throws {
        let plan = try #require(plannedExample("cuba.snn"))
        #expect(plan.projections.map(\.name) == ["exc -> exc", "exc -> inh", "inh -> exc", "inh -> inh"])
        let ge = try #require(plan.populations[0].buffer(named: "ge"))
        let gi = try #require(plan.populations[0].buffer(named: "gi"))
        for projection in plan.projections.prefix(2) {
            #expect(projection.effects == [SynapticEffect(buffer: ge, scale: 0.00162)])
            #expect(projection.weights.allSatisfy { $0 == 1 })
        }
        for projection in plan.projections.suffix(2) {
            #expect(projection.effects == [SynapticEffect(buffer: gi, scale: -0.009)])
        }
        // random(p = 0.02): 3200 × 3200 × 0.02 = 204,800 synapses for exc -> exc.
        #expect(abs(Double(plan.projections[0].synapseCount) - 204_800) < 2048)
    }

    @Test func cobaAndIzhikevich() throws {
        let coba = try #require(plannedExample("coba.snn"))
        #expect(coba.projections[0].effects == [SynapticEffect(buffer: 1, scale: 6e-9)])
        #expect(coba.projections[2].effects == [SynapticEffect(buffer: 2, scale: 67e-9)])

        let izhikevich = try #require(plannedExample("izhikevich.snn"))
        #expect(izhikevich.projections.map(\.synapseCount) == [640_000, 160_000, 160_000, 40_000])
        #expect(izhikevich.projections[0].effects == [SynapticEffect(buffer: 0, scale: 1)])
        #expect(izhikevich.projections[0].weights.allSatisfy { $0 >= 0 && $0 < 0.5e-3 })
        #expect(izhikevich.projections[2].weights.allSatisfy { $0 >= -1e-3 && $0 <= 0 })
    }

    @Test func amountFormsLinearInTheWeight() throws {
        let plan = try #require(planned(fixtureNeuron + """
        const k = 4
        population a = cell(tau = 20 ms)[2]
        population b = cell[2]
        connect a -> b: all_to_all, weight = 2 on spike {
          v += w * 1 mV
          ge -= w / k * 1 mV
          v += -(2 * w) * 0.5 mV
        }
        connect b -> a: all_to_all, weight = 2 on spike { v += 3 mV; ge += w * tau / 10 ms * 1 mV }
        simulate 10 ms
        """))
        #expect(plan.projections[0].effects == [SynapticEffect(buffer: 0, scale: 1e-3), SynapticEffect(buffer: 1, scale: -0.25e-3),
                                                SynapticEffect(buffer: 0, scale: -1e-3)])
        #expect(plan.projections[0].weights.allSatisfy { $0 == 2 })
        // `v += 3 mV` with equal weights 2: scale 1.5 mV so that weight × scale is 3 mV; tau of `a` is 20 ms.
        #expect(plan.projections[1].effects == [SynapticEffect(buffer: 0, scale: 1.5e-3), SynapticEffect(buffer: 1, scale: 2e-3)])
    }

    @Test func noBlockMeansNoEffect() throws {
        let plan = try #require(planned(fixtureNeuron + """
        population a = cell[5]
        connect a -> a: all_to_all, weight = 3
        simulate 10 ms
        """))
        #expect(plan.projections[0].effects.isEmpty && plan.projections[0].weights.allSatisfy { $0 == 3 })
    }

    @Test func unsupportedStatementsAreReportedAtTheStatement() {
        let fixture = PlanningFixture(fixtureNeuron + """
        population a = cell[5]
        population b = cell[5]
        connect a -> a, b: all_to_all, weight = 1 mV on spike {
          v *= 0.5
          v = 0 mV
          ge += v
          if v > 1 mV { ge += w }
          ge += w * w / 1 mV
          ge += uniform(0 mV, 1 mV)
        }
        simulate 10 ms
        """)
        #expect(fixture.checkerErrors.isEmpty, "\(fixture.checkerErrors)")
        let diagnostics = fixture.planDiagnostics()
        #expect(diagnostics.map(\.code) == Array(repeating: "E0700", count: 6), "\(diagnostics)")
        #expect(diagnostics.map(\.line) == [13, 14, 15, 16, 17, 18])
        #expect(diagnostics.allSatisfy { $0.column == 3 })
        #expect(fixture.outcome().plan == nil)
    }

    @Test func mixedAmountsNeedEqualWeights() {
        let fixture = PlanningFixture(fixtureNeuron + """
        population a = cell[5]
        connect a -> a: all_to_all, weight = uniform(1 mV, 2 mV) on spike { v += w; ge += 1 mV }
        simulate 10 ms
        """)
        let diagnostics = fixture.planDiagnostics()
        #expect(diagnostics.map(\.code) == ["E0700"] && diagnostics.first?.line == 11, "\(diagnostics)")
    }
}
