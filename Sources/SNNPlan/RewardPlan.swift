// RewardPlan: the `reward` of a train block as an expression the runtime evaluates after each sample: numbers,
// `label`, readouts (`argmax(…)`, `vote(…)`; -1 when they cannot tell), arithmetic, comparisons (1 or 0) and
// `A when C else B`. `one_hot(i)` (1 at postsynaptic neuron i, 0 elsewhere) makes a reward per postsynaptic
// neuron; the plan's `value(neuron:…)` evaluates it for one.

public indirect enum RewardPlan: Sendable, Equatable {
    case constant(Double)
    case label
    case prediction(ReadoutPlan)
    case oneHot(RewardPlan)
    case negate(RewardPlan)
    case binary(RewardOperator, RewardPlan, RewardPlan)
    /// `then` when the condition is not 0, else `otherwise`.
    case select(RewardPlan, RewardPlan, RewardPlan)

    /// The readouts the expression reads.
    public var readouts: [ReadoutPlan] {
        switch self {
        case .constant, .label: return []
        case .prediction(let r): return [r]
        case .oneHot(let e), .negate(let e): return e.readouts
        case .binary(_, let a, let b): return a.readouts + b.readouts
        case .select(let c, let a, let b): return c.readouts + a.readouts + b.readouts
        }
    }

    /// The value for postsynaptic neuron `neuron`, given the label and the readouts' predictions (nil: none).
    public func value(neuron: Int, label: Int, predict: (ReadoutPlan) -> Int?) -> Double {
        switch self {
        case .constant(let c): return c
        case .label: return Double(label)
        case .prediction(let r): return predict(r).map(Double.init) ?? -1
        case .oneHot(let index): return Int(index.value(neuron: neuron, label: label, predict: predict)) == neuron ? 1 : 0
        case .negate(let e): return -e.value(neuron: neuron, label: label, predict: predict)
        case .binary(let op, let a, let b):
            return op.apply(a.value(neuron: neuron, label: label, predict: predict), b.value(neuron: neuron, label: label, predict: predict))
        case .select(let c, let a, let b):
            return c.value(neuron: neuron, label: label, predict: predict) != 0
                ? a.value(neuron: neuron, label: label, predict: predict) : b.value(neuron: neuron, label: label, predict: predict)
        }
    }

    /// Whether the value differs between postsynaptic neurons.
    public var isPerNeuron: Bool {
        switch self {
        case .constant, .label, .prediction: return false
        case .oneHot: return true
        case .negate(let e): return e.isPerNeuron
        case .binary(_, let a, let b): return a.isPerNeuron || b.isPerNeuron
        case .select(let c, let a, let b): return c.isPerNeuron || a.isPerNeuron || b.isPerNeuron
        }
    }
}

public enum RewardOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="

    func apply(_ a: Double, _ b: Double) -> Double {
        switch self {
        case .add: return a + b
        case .subtract: return a - b
        case .multiply: return a * b
        case .divide: return b == 0 ? 0 : a / b
        case .equal: return a == b ? 1 : 0
        case .notEqual: return a != b ? 1 : 0
        case .less: return a < b ? 1 : 0
        case .lessEqual: return a <= b ? 1 : 0
        case .greater: return a > b ? 1 : 0
        case .greaterEqual: return a >= b ? 1 : 0
        }
    }
}
