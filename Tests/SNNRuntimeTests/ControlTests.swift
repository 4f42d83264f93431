// Run control: NaN and infinity stop the run with the population, neuron, variable and step; a stop request ends
// the run after the current step; progress is reported about every 1%.

import Foundation
import SNNPlan
import SNNRuntime
import Synchronization
import Testing

@Suite struct ControlTests {
    /// a ← a·2 (starts at table 0), b ← sqrt(c), c ← c − 1 (starts at table 1): `a` overflows to +∞ and `b`
    /// becomes NaN (sqrt of a negative number) at known steps.
    static func blowUp(size: Int, a: [Float], c: [Float]) -> PopulationPlan {
        let update = Program(instructions: [
            Instruction(.mul, 0, [.buffer(0), .constant(2)]),
            Instruction(.sqrt, 1, [.buffer(2)]),
            Instruction(.sub, 2, [.buffer(2), .constant(1)]),
        ], registerCount: 3, stores: [Store(buffer: 0, register: 0), Store(buffer: 1, register: 1),
                                      Store(buffer: 2, register: 2)])
        let initialize = Program(instructions: [
            Instruction(.copy, 0, [.table(0)]), Instruction(.copy, 1, [.table(1)]),
            Instruction(.copy, 2, [.constant(0)]),
        ], registerCount: 3, stores: [Store(buffer: 0, register: 0), Store(buffer: 2, register: 1),
                                      Store(buffer: 1, register: 2)])
        return PopulationPlan(name: "blow", model: "m", size: size,
                              buffers: [BufferPlan(name: "a", kind: .state), BufferPlan(name: "b", kind: .state),
                                        BufferPlan(name: "c", kind: .state)],
                              tables: [a, c], initialize: initialize, update: update, threshold: nil,
                              reset: Program(), refractory: .none, method: "euler")
    }

    /// The first step at which 2^k·a overflows, counting steps from 0.
    static func overflowStep(_ a: Float) -> Int {
        var x = a, step = 0
        while true {
            x *= 2
            if !x.isFinite { return step }
            step += 1
        }
    }

    @Test(arguments: [1, 2, 3])
    func divergenceNamesPopulationNeuronVariableAndStep(threads: Int) {
        let size = 600
        var a = [Float](repeating: 1, count: size), c = [Float](repeating: 1000, count: size)
        a[517] = 1e30          // overflows first
        c[530] = 4.5           // c = 4.5 before step 0, −0.5 after step 4: step 5 stores b = sqrt(−0.5)
        c[300] = 4.5           // the same step, in another worker's range with 2 or 3 threads: the first wins
        a[20] = 1e20           // overflows later
        let step517 = Self.overflowStep(1e30)
        #expect(step517 > 5)
        let plan = ExecutionPlan(dt: 1e-4, steps: 1000, seed: 1,
                                 populations: [Build.lif(drive: [1], tau: 0.01, dt: 1e-4, el: 0, vt: 10, vr: 0,
                                                         refractory: 0),
                                               Self.blowUp(size: size, a: a, c: c)],
                                 recorders: [RecorderPlan(name: "c", kind: .trace(population: 1, buffer: 2,
                                                                                  neurons: [530], intervalSteps: 1))])
        var options = RunOptions(threads: threads)
        options.exactThreadCount = true
        let result = Simulator.run(plan, options: options)
        #expect(result.divergence?.step == 5)
        #expect(result.divergence?.population == "blow")
        #expect(result.divergence?.neuron == 300)
        #expect(result.divergence?.variable == "b")
        #expect(result.divergence?.value.isNaN == true)
        #expect(result.completedSteps == 6)
        #expect(result.recordings[0].traceValues == [3.5, 2.5, 1.5, 0.5, -0.5, -1.5])
    }

    @Test func overflowToInfinityIsADivergence() {
        var a = [Float](repeating: 1, count: 40)
        a[33] = 1e30
        a[39] = 1e30
        let plan = ExecutionPlan(dt: 1e-4, steps: 1000, seed: 1,
                                 populations: [Self.blowUp(size: 40, a: a, c: [Float](repeating: 1e6, count: 40))])
        let result = Simulator.run(plan)
        #expect(result.divergence == Divergence(population: "blow", neuron: 33, variable: "a",
                                                step: Self.overflowStep(1e30), value: .infinity))
        #expect(result.completedSteps == Self.overflowStep(1e30) + 1)
    }

    @Test func aNaNInTheInitialStateStopsBeforeTheFirstStep() {
        let plan = ExecutionPlan(dt: 1e-4, steps: 100, seed: 1, populations: [
            Self.blowUp(size: 5, a: [1, 1, .nan, 1, 1], c: [1, 1, 1, 1, 1]),
        ])
        let result = Simulator.run(plan)
        #expect(result.divergence == Divergence(population: "blow", neuron: 2, variable: "a", step: 0, value: .nan)
                || result.divergence?.value.isNaN == true)
        #expect(result.divergence?.neuron == 2)
        #expect(result.completedSteps == 0)
    }

    @Test(arguments: [1, 2])
    func aStopRequestEndsTheRunAfterTheCurrentStep(threads: Int) {
        let polls = Mutex(0)
        var options = RunOptions(threads: threads, stopRequested: {
            polls.withLock { count in
                count += 1
                return count >= 25
            }
        })
        options.exactThreadCount = true
        let plan = Build.cubaNetwork(size: 200, seconds: 1)
        let result = Simulator.run(plan, options: options)
        #expect(result.stoppedByUser)
        #expect(result.completedSteps == 25)
        #expect(polls.withLock { $0 } == 25)
    }

    @Test func progressIsReportedAboutEveryPercent() {
        let reports = Mutex<[Int]>([])
        let plan = Build.cubaNetwork(size: 100, seconds: 0.2)
        let result = Simulator.run(plan, options: RunOptions(progress: { done in reports.withLock { $0.append(done) } }))
        let seen = reports.withLock { $0 }
        #expect(result.completedSteps == 2000)
        #expect(seen.count == 100)
        #expect(seen == (1...100).map { $0 * 20 })
        #expect(!result.stoppedByUser)
        #expect(result.simulationSeconds > 0 && result.setupSeconds > 0)
    }

    @Test func weightsAreRecordedWithTheirSourcesAndTargets() {
        var plan = Build.cubaNetwork(size: 50, p: 0.2, seconds: 0.001)
        plan.recorders = [RecorderPlan(name: "w", kind: .weights(projection: 2))]
        let result = Simulator.run(plan)
        guard case .weights(let sources, let targets, let values) = result.recordings[0] else {
            Issue.record("no weights")
            return
        }
        let projection = plan.projections[2]
        #expect(targets == projection.targets && values == projection.weights)
        #expect(sources.count == projection.synapseCount)
        for row in 0..<(projection.rowStart.count - 1) {
            for s in Int(projection.rowStart[row])..<Int(projection.rowStart[row + 1]) { #expect(sources[s] == Int32(row)) }
        }
    }
}
