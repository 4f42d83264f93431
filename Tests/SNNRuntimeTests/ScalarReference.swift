// ScalarReference: a plain, one-neuron-at-a-time interpreter of `Program`, written from the instruction set's
// documentation and nothing else, to check the SIMD interpreter against.

import Foundation
import SNNPlan

enum ScalarReference {
    static func apply(_ op: Opcode, _ a: Float, _ b: Float, _ c: Float) -> Float {
        func truth(_ x: Bool) -> Float { x ? 1 : 0 }
        switch op {
        case .copy: return a
        case .neg: return -a
        case .abs: return Swift.abs(a)
        case .exp: return Foundation.exp(a)
        case .log: return Foundation.log(a)
        case .log10: return Foundation.log10(a)
        case .sqrt: return a.squareRoot()
        case .sin: return Foundation.sin(a)
        case .cos: return Foundation.cos(a)
        case .tan: return Foundation.tan(a)
        case .tanh: return Foundation.tanh(a)
        case .sinh: return Foundation.sinh(a)
        case .cosh: return Foundation.cosh(a)
        case .floor: return a.rounded(.down)
        case .ceil: return a.rounded(.up)
        case .round: return a.rounded()
        case .not: return truth(a == 0)
        case .add: return a + b
        case .sub: return a - b
        case .mul: return a * b
        case .div: return a / b
        case .min: return Swift.min(a, b)
        case .max: return Swift.max(a, b)
        case .pow: return Foundation.pow(a, b)
        case .lt: return truth(a < b)
        case .le: return truth(a <= b)
        case .gt: return truth(a > b)
        case .ge: return truth(a >= b)
        case .eq: return truth(a == b)
        case .ne: return truth(a != b)
        case .and: return truth(a != 0 && b != 0)
        case .or: return truth(a != 0 || b != 0)
        case .select: return a != 0 ? b : c
        case .uniform, .normal: fatalError("draws need their key")
        }
    }

    /// Runs `program` for one neuron; returns the values stored, by buffer (held stores ignored).
    static func run(_ program: Program, buffers: [Float], tables: [Float], neuron: Int, seed: UInt64,
                    counter: UInt64) -> [Int: Float] {
        var registers = [Float](repeating: 0, count: program.registerCount)
        func value(_ o: Operand) -> Float {
            switch o {
            case .buffer(let i): return buffers[i]
            case .table(let i): return tables[i]
            case .register(let i): return registers[i]
            case .constant(let v): return v
            }
        }
        for ins in program.instructions {
            let x = ins.operands.map(value) + [0, 0, 0]
            switch ins.op {
            case .uniform:
                registers[ins.destination] = Float(CounterRNG.uniform(Double(x[0]), Double(x[1]), seed: seed,
                                                                      stream: ins.stream, counter: counter,
                                                                      index: UInt64(neuron)))
            case .normal:
                registers[ins.destination] = Float(CounterRNG.normal(Double(x[0]), Double(x[1]), seed: seed,
                                                                     stream: ins.stream, counter: counter,
                                                                     index: UInt64(neuron)))
            default:
                registers[ins.destination] = apply(ins.op, x[0], x[1], x[2])
            }
        }
        var stored: [Int: Float] = [:]
        for store in program.stores { stored[store.buffer] = registers[store.register] }
        return stored
    }
}
