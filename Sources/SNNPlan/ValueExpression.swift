// ValueExpression: a value the planner computes once per element — per synapse (weights, delays) or per source
// (rates) — from an expression known before the run: numbers, quantities, constants, lists, arithmetic, math
// functions and random draws. Values are Doubles in SI units. A draw is keyed by (seed, the caller's stream,
// the draw site as the counter, the element as the index), so element i's value never depends on the order in
// which elements are computed.

import Foundation

enum DrawKind: Sendable { case uniform, normal, lognormal }

enum ValueFunction: String, Sendable {
    case exp, log, log10, sin, cos, tan, tanh, sinh, cosh, floor, ceil, round, sqrt, abs, negate

    func apply(_ x: Double) -> Double {
        switch self {
        case .exp: return Foundation.exp(x)
        case .log: return Foundation.log(x)
        case .log10: return Foundation.log10(x)
        case .sin: return Foundation.sin(x)
        case .cos: return Foundation.cos(x)
        case .tan: return Foundation.tan(x)
        case .tanh: return Foundation.tanh(x)
        case .sinh: return Foundation.sinh(x)
        case .cosh: return Foundation.cosh(x)
        case .floor: return x.rounded(.down)
        case .ceil: return x.rounded(.up)
        case .round: return x.rounded()
        case .sqrt: return x.squareRoot()
        case .abs: return Swift.abs(x)
        case .negate: return -x
        }
    }
}

enum ValueOperator: Sendable {
    case add, subtract, multiply, divide, power, minimum, maximum

    func apply(_ a: Double, _ b: Double) -> Double {
        switch self {
        case .add: return a + b
        case .subtract: return a - b
        case .multiply: return a * b
        case .divide: return a / b
        case .power: return pow(a, b)
        case .minimum: return Swift.min(a, b)
        case .maximum: return Swift.max(a, b)
        }
    }
}

indirect enum ValueExpression: Sendable {
    case constant(Double)
    /// Element i takes `values[i]`.
    case list([Double])
    case draw(DrawKind, ValueExpression, ValueExpression, site: UInt64)
    case function(ValueFunction, ValueExpression)
    case arithmetic(ValueOperator, ValueExpression, ValueExpression)
    case clip(ValueExpression, ValueExpression, ValueExpression)

    /// The number of elements the expression defines: 1, or the length of its lists.
    var count: Int {
        switch self {
        case .constant: return 1
        case .list(let values): return values.count
        case .draw(_, let a, let b, _), .arithmetic(_, let a, let b): return Swift.max(a.count, b.count)
        case .function(_, let a): return a.count
        case .clip(let a, let b, let c): return Swift.max(a.count, b.count, c.count)
        }
    }

    var isRandom: Bool {
        switch self {
        case .constant, .list: return false
        case .draw: return true
        case .function(_, let a): return a.isRandom
        case .arithmetic(_, let a, let b): return a.isRandom || b.isRandom
        case .clip(let a, let b, let c): return a.isRandom || b.isRandom || c.isRandom
        }
    }

    var constantValue: Double? {
        if case .constant(let v) = self { return v }
        return nil
    }

    /// The value of element `element` (lists of one element apply to every element).
    func value(at element: Int, seed: UInt64, stream: UInt32) -> Double {
        switch self {
        case .constant(let v):
            return v
        case .list(let values):
            return values.count == 1 ? values[0] : values[element]
        case .draw(let kind, let a, let b, let site):
            let x = a.value(at: element, seed: seed, stream: stream)
            let y = b.value(at: element, seed: seed, stream: stream)
            let index = UInt64(truncatingIfNeeded: element)
            switch kind {
            case .uniform:
                return CounterRNG.uniform(x, y, seed: seed, stream: stream, counter: site, index: index)
            case .normal:
                return CounterRNG.normal(x, y, seed: seed, stream: stream, counter: site, index: index)
            case .lognormal:
                return x * exp(CounterRNG.normal(0, y, seed: seed, stream: stream, counter: site, index: index))
            }
        case .function(let f, let a):
            return f.apply(a.value(at: element, seed: seed, stream: stream))
        case .arithmetic(let op, let a, let b):
            return op.apply(a.value(at: element, seed: seed, stream: stream), b.value(at: element, seed: seed, stream: stream))
        case .clip(let x, let low, let high):
            let v = x.value(at: element, seed: seed, stream: stream)
            return Swift.min(Swift.max(v, low.value(at: element, seed: seed, stream: stream)),
                             high.value(at: element, seed: seed, stream: stream))
        }
    }

    /// Every element's value, as Float32, for `count` elements.
    func floats(count: Int, seed: UInt64, stream: UInt32) -> [Float] {
        if let v = constantValue { return [Float](repeating: Float(v), count: count) }
        if case .draw(.uniform, .constant(let low), .constant(let high), let site) = self {
            return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
                for i in 0..<count {
                    buffer[i] = Float(CounterRNG.uniform(low, high, seed: seed, stream: stream, counter: site,
                                                         index: UInt64(i)))
                }
                initialized = count
            }
        }
        return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            for i in 0..<count { buffer[i] = Float(value(at: i, seed: seed, stream: stream)) }
            initialized = count
        }
    }
}
