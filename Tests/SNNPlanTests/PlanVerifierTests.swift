// PlanVerifier: a sound plan passes; each kind of corruption — a CSR table, a target, a delay, an effect's
// buffer, a recorder's neuron, a program's register or buffer, a source's rates — is caught with a message.

import Testing
@testable import SNNPlan

@Suite struct PlanVerifierTests {
    func sound() throws -> ExecutionPlan {
        try #require(planned(fixtureNeuron + """
        input noise = poisson(rate = 10 Hz)[20]
        population a = cell[30]
        population b = cell[40]
        connect noise -> a: random(p = 0.5) on spike { ge += 1 mV }
        connect a -> b: fixed_in_degree(k = 5), delay = uniform(1 ms, 2 ms) on spike { ge += 1 mV }
        record spikes of a
        record v of b[0..3]
        record weights of a -> b
        simulate 10 ms
        """))
    }

    func expectFailure(_ plan: ExecutionPlan, containing text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        switch PlanVerifier.verify(plan) {
        case .success: Issue.record("the corrupted plan passed", sourceLocation: sourceLocation)
        case .failure(let error):
            #expect(error.message.contains(text), "\(error.message)", sourceLocation: sourceLocation)
        }
    }

    @Test func aSoundPlanPasses() throws {
        let plan = try sound()
        #expect((try? PlanVerifier.verify(plan).get()) != nil)
        #expect(!plan.projections[1].delays.isEmpty)
    }

    @Test func corruptedTablesAreCaught() throws {
        let plan = try sound()
        var p = plan
        p.projections[0].rowStart[5] = p.projections[0].rowStart[6] + 1
        expectFailure(p, containing: "decreases")
        p = plan
        p.projections[0].rowStart.removeLast()
        expectFailure(p, containing: "rowStart has 20 entries")
        p = plan
        p.projections[1].targets[3] = 40
        expectFailure(p, containing: "targets neuron 40 of 40")
        p = plan
        p.projections[1].targets[0] = -1
        expectFailure(p, containing: "targets neuron -1")
        p = plan
        p.projections[0].weights.removeLast()
        expectFailure(p, containing: "weights for")
        p = plan
        p.projections[1].delays[7] = 0
        expectFailure(p, containing: "a delay of 0 steps")
        p = plan
        p.projections[1].delays.removeLast()
        expectFailure(p, containing: "delays for")
        p = plan
        p.projections[0].effects = [SynapticEffect(buffer: 2, scale: 1)]
        expectFailure(p, containing: "adds to buffer 2 of 2")
        p = plan
        p.projections[0].source = .source(3)
        expectFailure(p, containing: "no source group")
    }

    @Test func corruptedRecordersSourcesAndProgramsAreCaught() throws {
        let plan = try sound()
        var p = plan
        p.recorders[1].kind = .trace(population: 1, buffer: 0, neurons: [0, 40], intervalSteps: 1)
        expectFailure(p, containing: "outside 0..<40")
        p = plan
        p.recorders[0].kind = .spikes(.population(2), neurons: [])
        expectFailure(p, containing: "no group")
        p = plan
        p.recorders[2].kind = .weights(projection: 2)
        expectFailure(p, containing: "no projection 2")
        p = plan
        p.sources[0].kind = .poisson(rates: [1, 2])
        expectFailure(p, containing: "2 rates for 20 sources")
        p = plan
        p.sources[0].kind = .spikeList(sources: [0, 1], steps: [5, 4])
        expectFailure(p, containing: "not sorted")
        p = plan
        p.populations[0].update = Program(instructions: [Instruction(.add, 0, [.buffer(0), .register(1)])], registerCount: 2,
                                          stores: [Store(buffer: 0, register: 0)])
        expectFailure(p, containing: "reads register 1, which is not written")
        p = plan
        p.populations[0].update = Program(instructions: [Instruction(.neg, 0, [.buffer(5)])], registerCount: 1)
        expectFailure(p, containing: "reads buffer 5 of 2")
        p = plan
        p.populations[0].update = Program(instructions: [Instruction(.exp, 0, [.table(0)])], registerCount: 1)
        expectFailure(p, containing: "reads table 0 of 0")
        p = plan
        p.populations[0].reset = Program(instructions: [Instruction(.add, 1, [.constant(1)])], registerCount: 2)
        expectFailure(p, containing: "has 1 operands, needs 2")
        p = plan
        p.populations[0].threshold = Program(instructions: [Instruction(.gt, 0, [.buffer(0), .constant(1)])], registerCount: 1)
        expectFailure(p, containing: "no result")
    }
}
