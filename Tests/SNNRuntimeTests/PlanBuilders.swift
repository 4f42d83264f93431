// Plan builders: hand-made execution plans for the runtime tests (the compiler is not needed) — LIF populations
// with an exact propagator, CUBA-like conductance-free networks, random CSR connectivity, and small helpers.

import Foundation
import SNNPlan

enum Build {
    /// A leaky integrate-and-fire population with one per-neuron drive R·I (table 0), integrated exactly:
    /// v ← p·v + (1 − p)·(El + R·I), p = exp(−dt/τ); spike when v > Vt; reset v = Vr; refractory `refractory` steps.
    /// Buffer 0 is v (state).
    static func lif(name: String = "lif", drive: [Float], tau: Double, dt: Double, el: Float, vt: Float, vr: Float,
                    refractory: Int) -> PopulationPlan {
        let p = Float(exp(-dt / tau))
        let update = Program(instructions: [
            Instruction(.mul, 0, [.buffer(0), .constant(p)]),
            Instruction(.add, 1, [.table(0), .constant(el)]),
            Instruction(.mul, 2, [.register(1), .constant(1 - p)]),
            Instruction(.add, 3, [.register(0), .register(2)]),
        ], registerCount: 4, stores: [Store(buffer: 0, register: 3, heldWhileRefractory: true)])
        return PopulationPlan(
            name: name, model: "lif", size: drive.count,
            buffers: [BufferPlan(name: "v", kind: .state, displayUnit: "mV", displayScale: 1000)], tables: [drive],
            initialize: constantStore(buffer: 0, value: vr), update: update,
            threshold: Program(instructions: [Instruction(.gt, 0, [.buffer(0), .constant(vt)])], registerCount: 1,
                               result: 0),
            reset: constantStore(buffer: 0, value: vr), refractory: .steps(refractory), method: "exact")
    }

    /// A program that stores one constant into one buffer.
    static func constantStore(buffer: Int, value: Float) -> Program {
        Program(instructions: [Instruction(.copy, 0, [.constant(value)])], registerCount: 1,
                stores: [Store(buffer: buffer, register: 0)])
    }

    /// CUBA-like neurons (Brette et al. 2007): v, ge, gi (state), exact propagators; v starts uniform in
    /// [Vr, Vt) (stream 1); optional Gaussian noise on v (stream 2); refractory 5 ms.
    static func cuba(name: String, size: Int, dt: Double, noise: Float = 0) -> PopulationPlan {
        let taum = 20e-3, taue = 5e-3, taui = 10e-3
        let el: Float = -49e-3, vt: Float = -50e-3, vr: Float = -60e-3
        // Exact solution of dv/dt = (ge + gi − (v − El))/τm, dge/dt = −ge/τe, dgi/dt = −gi/τi over dt.
        let pvv = exp(-dt / taum)
        // u = v − El: u' = pvv·u + pvx·x with pvx = τx/(τx − τm)·(exp(−dt/τx) − exp(−dt/τm)).
        func coupling(_ tau: Double) -> Double { tau / (tau - taum) * (exp(-dt / tau) - pvv) }
        let pve = coupling(taue)
        let pvi = coupling(taui)
        var instructions = [
            Instruction(.sub, 0, [.buffer(0), .constant(el)]),
            Instruction(.mul, 1, [.register(0), .constant(Float(pvv))]),
            Instruction(.mul, 2, [.buffer(1), .constant(Float(pve))]),
            Instruction(.add, 3, [.register(1), .register(2)]),
            Instruction(.mul, 4, [.buffer(2), .constant(Float(pvi))]),
            Instruction(.add, 5, [.register(3), .register(4)]),
            Instruction(.add, 6, [.register(5), .constant(el)]),
            Instruction(.mul, 7, [.buffer(1), .constant(Float(exp(-dt / taue)))]),
            Instruction(.mul, 8, [.buffer(2), .constant(Float(exp(-dt / taui)))]),
        ]
        var v = 6
        if noise > 0 {
            instructions.append(Instruction(.normal, 9, [.constant(0), .constant(noise)], stream: 2))
            instructions.append(Instruction(.add, 10, [.register(6), .register(9)]))
            v = 10
        }
        let update = Program(instructions: instructions, registerCount: v + 1, stores: [
            Store(buffer: 0, register: v, heldWhileRefractory: true), Store(buffer: 1, register: 7),
            Store(buffer: 2, register: 8),
        ])
        let initialize = Program(instructions: [
            Instruction(.uniform, 0, [.constant(vr), .constant(vt)], stream: 1),
            Instruction(.copy, 1, [.constant(0)]),
        ], registerCount: 2, stores: [
            Store(buffer: 0, register: 0), Store(buffer: 1, register: 1), Store(buffer: 2, register: 1),
        ])
        return PopulationPlan(
            name: name, model: "cuba_lif", size: size,
            buffers: [BufferPlan(name: "v", kind: .state), BufferPlan(name: "ge", kind: .state),
                      BufferPlan(name: "gi", kind: .state)],
            initialize: initialize, update: update,
            threshold: Program(instructions: [Instruction(.gt, 0, [.buffer(0), .constant(vt)])], registerCount: 1,
                               result: 0),
            reset: constantStore(buffer: 0, value: vr), refractory: .steps(Int((5e-3 / dt).rounded())),
            method: "exact")
    }

    /// Random connectivity with probability `p` (a deterministic generator), as CSR rows by source, with
    /// `weight` on every synapse and delays uniform in `delays` (empty delays when the range is one value).
    static func random(name: String, source: GroupRef, sourceSize: Int, target: Int, targetSize: Int, p: Double,
                       weight: ClosedRange<Float>, delays: ClosedRange<UInt16> = 1...1, effects: [SynapticEffect],
                       seed: UInt64) -> ProjectionPlan {
        var rng = SplitMix(seed: seed)
        var rowStart: [Int32] = [0], targets: [Int32] = [], weights: [Float] = [], synapseDelays: [UInt16] = []
        for _ in 0..<sourceSize {
            for t in 0..<targetSize where rng.unit() < p {
                targets.append(Int32(t))
                weights.append(weight.lowerBound + (weight.upperBound - weight.lowerBound) * Float(rng.unit()))
                synapseDelays.append(delays.lowerBound + UInt16(rng.next() % UInt64(delays.count)))
            }
            rowStart.append(Int32(targets.count))
        }
        let uniform = delays.count == 1
        return ProjectionPlan(name: name, source: source, target: target, rowStart: rowStart, targets: targets,
                              weights: weights, delays: uniform ? [] : synapseDelays, uniformDelay: delays.lowerBound,
                              effects: effects)
    }

    /// A CUBA network: `size` neurons, 80% excitatory (ge += 1.62 mV), 20% inhibitory (gi += −9 mV), random
    /// connectivity `p`, 0.1 ms steps.
    static func cubaNetwork(size: Int, p: Double = 0.02, seconds: Double, dt: Double = 1e-4, seed: UInt64 = 1,
                            delays: ClosedRange<UInt16> = 1...1, noise: Float = 0) -> ExecutionPlan {
        let exc = size * 4 / 5, inh = size - exc
        let projections = [
            random(name: "ee", source: .population(0), sourceSize: exc, target: 0, targetSize: exc, p: p,
                   weight: 1.62e-3...1.62e-3, delays: delays, effects: [SynapticEffect(buffer: 1, scale: 1)], seed: 11),
            random(name: "ei", source: .population(0), sourceSize: exc, target: 1, targetSize: inh, p: p,
                   weight: 1.62e-3...1.62e-3, delays: delays, effects: [SynapticEffect(buffer: 1, scale: 1)], seed: 12),
            random(name: "ie", source: .population(1), sourceSize: inh, target: 0, targetSize: exc, p: p,
                   weight: -9e-3 ... -9e-3, delays: delays, effects: [SynapticEffect(buffer: 2, scale: 1)], seed: 13),
            random(name: "ii", source: .population(1), sourceSize: inh, target: 1, targetSize: inh, p: p,
                   weight: -9e-3 ... -9e-3, delays: delays, effects: [SynapticEffect(buffer: 2, scale: 1)], seed: 14),
        ]
        return ExecutionPlan(dt: dt, steps: Int((seconds / dt).rounded()), seed: seed,
                             populations: [cuba(name: "exc", size: exc, dt: dt, noise: noise),
                                           cuba(name: "inh", size: inh, dt: dt, noise: noise)],
                             projections: projections)
    }
}

/// SplitMix64, for building test data deterministically.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }
}
