// ReferenceInterpreter: a scalar interpreter of compiled programs, so that the planner's tests can run a
// population without the runtime. It follows the conventions the runtime implements: Float32 arithmetic, one
// neuron at a time; draws from CounterRNG keyed by (seed, instruction's stream, counter = step, index =
// neuron), the initialize program with counter 0; stores after every instruction has run, held stores skipped
// for refractory neurons; a step is refractoriness (a refractory condition is evaluated on the state before
// the update: after a spike, a neuron stays refractory until it is false) → update → threshold (of neurons not
// refractory) → reset of the spiking ones → refractory counters counted down and started for the spiking ones.

import Foundation
@testable import SNNPlan

struct ReferenceInterpreter {
    let plan: PopulationPlan
    let seed: UInt64
    /// buffers[b][i]: buffer b of neuron i.
    var buffers: [[Float]]
    /// Steps left in the refractory period (`.steps`), or 1 while refractory by condition.
    var refractory: [Int]
    var step: UInt64 = 0

    init(_ plan: PopulationPlan, seed: UInt64 = 1) {
        self.plan = plan
        self.seed = seed
        buffers = Array(repeating: Array(repeating: 0, count: plan.size), count: plan.buffers.count)
        refractory = Array(repeating: 0, count: plan.size)
    }

    subscript(name: String) -> [Float] {
        get { buffers[plan.buffer(named: name)!] }
        set { buffers[plan.buffer(named: name)!] = newValue }
    }

    mutating func initialize() {
        _ = run(plan.initialize, counter: 0)
    }

    /// One step; returns the neurons that spiked.
    @discardableResult
    mutating func advance() -> [Int] {
        if case .condition(let condition) = plan.refractory {
            // After a spike, refractory until the condition (on the state before the update) is false.
            let holds = run(condition, counter: step)
            for i in 0..<plan.size { refractory[i] = refractory[i] > 0 && holds[i] != 0 ? 1 : 0 }
        }
        _ = run(plan.update, counter: step)
        var spiking: [Int] = []
        if let threshold = plan.threshold {
            let fired = run(threshold, counter: step)
            spiking = (0..<plan.size).filter { fired[$0] != 0 && refractory[$0] == 0 }
        }
        if !spiking.isEmpty { _ = run(plan.reset, counter: step, neurons: spiking) }
        switch plan.refractory {
        case .none:
            break
        case .steps(let n):
            for i in 0..<plan.size where refractory[i] > 0 { refractory[i] -= 1 }
            for i in spiking { refractory[i] = n }
        case .condition:
            for i in spiking { refractory[i] = 1 }
        }
        step += 1
        return spiking
    }

    /// Runs a program for the given neurons (all by default); returns the result register per neuron (0 when
    /// the program has no result).
    mutating func run(_ program: Program, counter: UInt64, neurons: [Int]? = nil) -> [Float] {
        var results = [Float](repeating: 0, count: plan.size)
        var registers = [Float](repeating: .nan, count: program.registerCount)
        for i in neurons ?? Array(0..<plan.size) {
            for instruction in program.instructions {
                let operands = instruction.operands
                let x = Operands(value(operands[0], neuron: i, registers),
                                 operands.count > 1 ? value(operands[1], neuron: i, registers) : 0,
                                 operands.count > 2 ? value(operands[2], neuron: i, registers) : 0)
                registers[instruction.destination] = execute(instruction, x, counter: counter, neuron: i)
            }
            for store in program.stores where !(store.heldWhileRefractory && refractory[i] > 0) {
                buffers[store.buffer][i] = registers[store.register]
            }
            if let result = program.result { results[i] = registers[result] }
        }
        return results
    }

    private func value(_ operand: Operand, neuron: Int, _ registers: [Float]) -> Float {
        switch operand {
        case .buffer(let b): return buffers[b][neuron]
        case .constant(let c): return c
        case .register(let r): return registers[r]
        case .table(let t): return plan.tables[t][neuron]
        }
    }

    /// Up to three operand values, without an array per instruction.
    private struct Operands {
        var values: (Float, Float, Float)
        init(_ a: Float, _ b: Float, _ c: Float) { values = (a, b, c) }
        subscript(_ k: Int) -> Float { k == 0 ? values.0 : k == 1 ? values.1 : values.2 }
    }

    private func execute(_ instruction: Instruction, _ x: Operands, counter: UInt64, neuron: Int) -> Float {
        func truth(_ b: Bool) -> Float { b ? 1 : 0 }
        switch instruction.op {
        case .copy: return x[0]
        case .neg: return -x[0]
        case .abs: return abs(x[0])
        case .exp: return Foundation.exp(x[0])
        case .log: return Foundation.log(x[0])
        case .log10: return Foundation.log10(x[0])
        case .sqrt: return x[0].squareRoot()
        case .sin: return Foundation.sin(x[0])
        case .cos: return Foundation.cos(x[0])
        case .tan: return Foundation.tan(x[0])
        case .tanh: return Foundation.tanh(x[0])
        case .sinh: return Foundation.sinh(x[0])
        case .cosh: return Foundation.cosh(x[0])
        case .floor: return x[0].rounded(.down)
        case .ceil: return x[0].rounded(.up)
        case .round: return x[0].rounded(.toNearestOrAwayFromZero)
        case .not: return truth(x[0] == 0)
        case .add: return x[0] + x[1]
        case .sub: return x[0] - x[1]
        case .mul: return x[0] * x[1]
        case .div: return x[0] / x[1]
        case .min: return min(x[0], x[1])
        case .max: return max(x[0], x[1])
        case .pow: return Foundation.pow(x[0], x[1])
        case .lt: return truth(x[0] < x[1])
        case .le: return truth(x[0] <= x[1])
        case .gt: return truth(x[0] > x[1])
        case .ge: return truth(x[0] >= x[1])
        case .eq: return truth(x[0] == x[1])
        case .ne: return truth(x[0] != x[1])
        case .and: return truth(x[0] != 0 && x[1] != 0)
        case .or: return truth(x[0] != 0 || x[1] != 0)
        case .select: return x[0] != 0 ? x[1] : x[2]
        case .uniform:
            return Float(CounterRNG.uniform(Double(x[0]), Double(x[1]), seed: seed, stream: instruction.stream,
                                            counter: counter, index: UInt64(neuron)))
        case .normal:
            return Float(CounterRNG.normal(Double(x[0]), Double(x[1]), seed: seed, stream: instruction.stream,
                                           counter: counter, index: UInt64(neuron)))
        }
    }
}
