// A LIF population with an exact propagator, a threshold, a reset and refractory steps fires at the analytic
// rate 1/(t_ref + τ ln(RI/(RI − (Vt − El)))), and its refractory steps hold the membrane.

import Foundation
import SNNPlan
import SNNRuntime
import Testing

@Suite struct LIFTests {
    @Test func firingRateMatchesTheAnalyticRate() {
        let tau = 20e-3, dt = 1e-4, refractory = 20
        let el: Float = -70e-3, vt: Float = -55e-3
        // Drives from 15.5 to 17 mV above rest: interspike intervals of 45–70 ms, so one step is under 0.25%.
        let drive = (0..<40).map { Float(15.5e-3 + 1.5e-3 * Double($0) / 39) }
        let plan = ExecutionPlan(
            dt: dt, steps: 30_000, seed: 1,
            populations: [Build.lif(drive: drive, tau: tau, dt: dt, el: el, vt: vt, vr: el, refractory: refractory)],
            recorders: [RecorderPlan(name: "spikes", kind: .spikes(.population(0), neurons: []))])
        let result = Simulator.run(plan)
        #expect(result.completedSteps == 30_000)
        #expect(result.divergence == nil)
        let spikes = result.recordings[0]
        for (n, ri) in drive.enumerated() {
            let steps = spikes.spikes(of: n)
            #expect(steps.count >= 5)
            guard steps.count >= 2 else { continue }
            let interval = Double(steps.last! - steps.first!) / Double(steps.count - 1) * dt
            let analytic = 1 / (Double(refractory) * dt + tau * log(Double(ri) / Double(ri - (vt - el))))
            let rate = 1 / interval
            #expect(abs(rate - analytic) / analytic < 0.005, "neuron \(n): \(rate) Hz vs \(analytic) Hz")
            #expect(Int(result.populationSpikeCounts[0][n]) == steps.count)
        }
    }

    /// v += 0.3 per step (held while refractory), u += 1 (not held); spike when v > 1, reset v = 0, 5 refractory
    /// steps: v stays 0 for exactly 5 steps after each spike while u keeps counting.
    @Test func heldStoresKeepTheirValueWhileRefractory() {
        let update = Program(instructions: [
            Instruction(.add, 0, [.buffer(0), .constant(0.25)]),
            Instruction(.add, 1, [.buffer(1), .constant(1)]),
        ], registerCount: 2, stores: [Store(buffer: 0, register: 0, heldWhileRefractory: true),
                                      Store(buffer: 1, register: 1)])
        let pop = PopulationPlan(
            name: "p", model: "m", size: 3,
            buffers: [BufferPlan(name: "v", kind: .state), BufferPlan(name: "u", kind: .state)],
            initialize: Program(), update: update,
            threshold: Program(instructions: [Instruction(.gt, 0, [.buffer(0), .constant(0.9)])], registerCount: 1,
                               result: 0),
            reset: Build.constantStore(buffer: 0, value: 0), refractory: .steps(5), method: "euler")
        let plan = ExecutionPlan(dt: 1e-3, steps: 30, seed: 1, populations: [pop], recorders: [
            RecorderPlan(name: "v", kind: .trace(population: 0, buffer: 0, neurons: [1], intervalSteps: 1)),
            RecorderPlan(name: "u", kind: .trace(population: 0, buffer: 1, neurons: [1], intervalSteps: 1)),
            RecorderPlan(name: "s", kind: .spikes(.population(0), neurons: [1])),
        ])
        let result = Simulator.run(plan, options: RunOptions(threads: 2))
        let v = result.recordings[0].traceValues, u = result.recordings[1].traceValues
        // v: 0.25, 0.5, 0.75, 1.0 → spike at step 3, reset to 0; steps 4–8 held at 0; then 0.25 at step 9 …
        #expect(result.recordings[2].spikes(of: 1) == [3, 12, 21])
        #expect(Array(v[0..<4]) == [0.25, 0.5, 0.75, 0])
        #expect(Array(v[4...8]) == [0, 0, 0, 0, 0])
        #expect(v[9] == 0.25)
        #expect(u == (1...30).map(Float.init))
        #expect(result.recordings[0].traceSteps == (0..<30).map(Int32.init))
    }

    /// Conditional refractoriness (Brian's rule): after a spike, refractory until the condition is false.
    @Test func conditionalRefractorinessEndsWhenTheConditionIsFalse() {
        // v += 1 per step, not held; u counts down from 3 after a spike: refractory while u > 0.
        let update = Program(instructions: [
            Instruction(.add, 0, [.buffer(0), .constant(1)]),
            Instruction(.sub, 1, [.buffer(1), .constant(1)]),
            Instruction(.max, 2, [.register(1), .constant(0)]),
        ], registerCount: 3, stores: [Store(buffer: 0, register: 0), Store(buffer: 1, register: 2)])
        let reset = Program(instructions: [Instruction(.copy, 0, [.constant(0)]), Instruction(.copy, 1, [.constant(3)])],
                            registerCount: 2, stores: [Store(buffer: 0, register: 0), Store(buffer: 1, register: 1)])
        let pop = PopulationPlan(
            name: "p", model: "m", size: 1,
            buffers: [BufferPlan(name: "v", kind: .state), BufferPlan(name: "u", kind: .state)],
            initialize: Program(), update: update,
            threshold: Program(instructions: [Instruction(.ge, 0, [.buffer(0), .constant(0)])], registerCount: 1,
                               result: 0),
            reset: reset,
            refractory: .condition(Program(instructions: [Instruction(.gt, 0, [.buffer(1), .constant(0)])],
                                           registerCount: 1, result: 0)),
            method: "euler")
        let plan = ExecutionPlan(dt: 1e-3, steps: 12, seed: 1, populations: [pop],
                                 recorders: [RecorderPlan(name: "s", kind: .spikes(.population(0), neurons: []))])
        // Step 0 spikes (u = 3). Steps 1–3 start with u = 3, 2, 1 > 0: refractory. Step 4 starts with u = 0: free.
        #expect(Simulator.run(plan).recordings[0].spikes(of: 0) == [0, 4, 8])
    }
}
