// The Planner on the examples with the real neuron compiler: every example of `Examples/` that needs no dataset
// plans without diagnostics and passes the verifier, with the groups, projections and recorders it declares.

import Testing
@testable import SNNPlan

@Suite struct PlannerExampleTests {
    @Test(arguments: ["cuba.snn", "coba.snn", "izhikevich.snn", "synfire.snn", "reservoir.snn", "hodgkin_huxley.snn",
                      "stdp_rules.snn"])
    func examplePlans(_ name: String) throws {
        let plan = try #require(plannedExample(name, realNeurons: true))
        #expect((try? PlanVerifier.verify(plan).get()) != nil)
        #expect(!plan.populations.isEmpty && plan.steps > 0)
        #expect(plan.memoryEstimate.totalBytes > 0)
    }

    @Test func cubaAsTheRuntimeSeesIt() throws {
        let plan = try #require(plannedExample("cuba.snn", realNeurons: true))
        #expect(plan.populations.map(\.name) == ["exc", "inh"] && plan.populations.map(\.size) == [3200, 800])
        #expect(plan.projections.count == 4 && plan.sources.isEmpty)
        let ge = try #require(plan.populations[0].buffer(named: "ge"))
        #expect(plan.projections[0].effects == [SynapticEffect(buffer: ge, scale: 0.00162)])
        let total = plan.projections.reduce(0) { $0 + $1.synapseCount }
        #expect(abs(Double(total) - 320_000) < 3200, "\(total) synapses")
        let memory = plan.memoryEstimate
        #expect(memory.synapseBytes > 320_000 * 8 && memory.synapseBytes < 320_000 * 9)
    }

    @Test func aModelWithCheckerErrorsIsNotPlanned() {
        let fixture = PlanningFixture("population p = nosuchmodel[3]\nsimulate 1 ms")
        #expect(!fixture.checkerErrors.isEmpty)
        let outcome = fixture.outcome(realNeurons: true)
        #expect(outcome.plan == nil && outcome.diagnostics.isEmpty && outcome.internalError == nil)
    }
}
