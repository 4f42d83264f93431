// Learning rules as the plan holds them: exact per-step trace decays, the two programs of each handler (the
// per-synapse one reads traces as they were before the event; the per-neuron one updates the firing
// neuron's trace once), `normalize`, how late delayed synapses see spikes (in the listing), and the rules the
// runtime refuses (E0706).

import Foundation
import Testing
@testable import SNNPlan

@Suite struct LearningPlanTests {
    static let network = """
        input s = poisson(rate = 20 Hz)[10]
        population p = lif[2]
        connect s -> p: all_to_all on spike { v += w * 1 mV }
          learn RULE
          normalize incoming to 3
        simulate 10 ms with dt = 0.1 ms
        """

    @Test func stdpBecomesLaneProgramsWithExactDecays() throws {
        let plan = try #require(PlanningFixture(Self.network.replacingOccurrences(of: "RULE", with: "stdp(w = 0.5)"))
            .plan(realNeurons: true))
        let learning = try #require(plan.plasticity.first)
        #expect(learning.synapticVariables.map(\.name) == ["w"])
        #expect(learning.preTraces.map(\.name) == ["x_pre"] && learning.postTraces.map(\.name) == ["x_post"])
        #expect(abs(learning.preTraces[0].decayPerStep - exp(-0.1 / 20)) < 1e-12)
        #expect(learning.normalizeIncoming == 3)
        let listing = ProgramListing.listing(of: learning, projection: plan.projections[learning.projection])
        #expect(!listing.contains("spikes reach"), "one-step synapses see spikes at once")
        #expect(listing.contains("""
            on pre, per synapse:
              r0 = add w, x_post
              r1 = max r0, 0
              r0 = min r1, 1
              store w, r0
            on pre, per spiking neuron:
              r0 = add x_pre, 0.01
              store x_pre, r0
            """), "\(listing)")
    }

    @Test func theListingSaysHowLateDelayedSynapsesSeeSpikes() throws {
        let text = Self.network.replacingOccurrences(of: "RULE", with: "stdp(w = 0.5)")
            .replacingOccurrences(of: "all_to_all on spike", with: "all_to_all, delay = 1 ms on spike")
        let plan = try #require(PlanningFixture(text).plan(realNeurons: true))
        let learning = try #require(plan.plasticity.first)
        let listing = ProgramListing.listing(of: learning, projection: plan.projections[learning.projection])
        #expect(listing.contains("spikes reach the synapses 9 steps after they are sent"), "\(listing)")
    }

    @Test func aTraceThatDoesNotDecayExponentiallyIsRefused() throws {
        let rule = """
            rule drifting {
              param tau = 20 ms
              synaptic w = 0.5
              pre x = 0: dx/dt = (1 - x) / tau
              on pre { x += 1 }
              on post { w = clip(w + 0.01 * x, 0, 1) }
            }

            """
        let fixture = PlanningFixture(rule + Self.network.replacingOccurrences(of: "RULE", with: "drifting"))
        let codes = fixture.outcome(realNeurons: true).diagnostics.map(\.code.rawValue)
        #expect(codes == ["E0706"])
    }

    @Test func aTraceSetFromAPerSynapseValueIsRefused() throws {
        let rule = """
            rule leaky {
              param tau = 20 ms
              synaptic w = 0.5
              pre x = 0: dx/dt = -x / tau
              on pre { x += w }
            }

            """
        let fixture = PlanningFixture(rule + Self.network.replacingOccurrences(of: "RULE", with: "leaky"))
        let diagnostics = fixture.outcome(realNeurons: true).diagnostics
        #expect(diagnostics.map(\.code.rawValue) == ["E0706"])
        #expect(diagnostics.first?.message.contains("per-synapse value") == true)
    }
}
