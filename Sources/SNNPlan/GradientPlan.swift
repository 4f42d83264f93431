// GradientPlan: a feed-forward spiking network trained by surrogate gradients through time (BPTT), as plain
// data — dense layers of leaky neurons in discrete time, U[t] = β·U[t−1] + W·x[t] − θ·S[t−1] (reset by
// subtraction, the reset left out of the gradient) and S[t] = H(U[t] − θ); a last layer that does not spike
// is a leaky integrator whose membrane is the readout. The spike's derivative is replaced by a surrogate.
// Inputs are the sample's features, presented every step as a current or as Bernoulli spikes.

import Foundation

public enum Surrogate: Sendable, Equatable {
    /// σ'(x) = 1 / (1 + slope·|x|)² (Zenke & Ganguli's SuperSpike).
    case fastSigmoid(slope: Float)
    /// σ'(x) = 1 / (1 + (π/2 · slope · x)²) · slope/2 (the derivative of arctan(π/2 · slope · x)/π).
    case arctan(slope: Float)
    /// σ'(x) = max(0, 1 − slope·|x|) · slope.
    case triangle(slope: Float)

    /// The surrogate derivative at x = U − θ.
    @inlinable
    public func derivative(_ x: Float) -> Float {
        switch self {
        case .fastSigmoid(let k):
            let d = 1 + k * abs(x)
            return 1 / (d * d)
        case .arctan(let k):
            let a = Float.pi / 2 * k * x
            return k / 2 / (1 + a * a)
        case .triangle(let k):
            return max(0, 1 - k * abs(x)) * k
        }
    }
}

public enum GradientLoss: Sendable, Equatable {
    /// Cross-entropy of softmax(mean over time of the readout membrane) (the readout layer does not spike).
    case crossEntropyMembrane
    /// Cross-entropy of softmax(spike counts) of a spiking output layer.
    case crossEntropyCount
    /// Mean squared error between spike counts and targets: `correct` spikes for the label, `incorrect` for others.
    case countMSE(correct: Float, incorrect: Float)
}

public struct GradientLayer: Sendable, Equatable {
    /// How the layer's inputs reach its neurons.
    public enum Connection: Sendable, Equatable {
        /// `weights` is outputs × inputs, row-major.
        case dense
        /// `weights` is the kernel, [input channel][kernel row][kernel column][output channel].
        case conv(ShapedWindow)
        /// No trained weights: each output gets `weight` × the sum of its window (or its largest input, for
        /// `maxPooling`).
        case pool(ShapedWindow, weight: Float)

        /// See GradientLayer.weightIndex; `inputs` is the layer's input count.
        public func weightIndex(source: Int, target: Int, inputs: Int) -> Int? {
            switch self {
            case .dense: return target * inputs + source
            case .conv(let window): return window.kernelIndex(source: source, target: target)
            case .pool: return nil
            }
        }
    }

    public var connection: Connection
    public var inputs: Int
    public var outputs: Int
    public var weights: [Float]
    public var beta: Float
    public var threshold: Float
    public var spiking: Bool

    /// Layers have no bias: a neuron's input is its synapses only, as in the simulated network (so saved weights
    /// reload to the same network).
    public init(_ connection: Connection = .dense, inputs: Int, outputs: Int, weights: [Float], beta: Float,
                threshold: Float, spiking: Bool) {
        self.connection = connection
        self.inputs = inputs
        self.outputs = outputs
        self.weights = weights
        self.beta = beta
        self.threshold = threshold
        self.spiking = spiking
    }

    /// The trained weight that the synapse from input `source` to output `target` holds; nil for pooling, whose
    /// weights are not trained.
    public func weightIndex(source: Int, target: Int) -> Int? {
        connection.weightIndex(source: source, target: target, inputs: inputs)
    }
}

public enum OptimizerSettings: Sendable, Equatable {
    case adam(AdamSettings)
    /// Stochastic gradient descent with momentum (v ← momentum·v + g; w ← w − rate·v).
    case sgd(learningRate: Float, momentum: Float)
}

/// How the learning rate changes over training: the factor it is multiplied by at a point of training.
public enum LearningRateSchedule: Sendable, Equatable {
    case constant
    /// Half a cosine from 1 down to 0 over all epochs, batch by batch (Loshchilov & Hutter's SGDR, one cycle).
    case cosine
    /// `decay` to the power of the epoch (0 in the first).
    case exponential(decay: Float)

    /// The factor at batch `batch` of `batches` in epoch `epoch` of `epochs`.
    public func factor(epoch: Int, of epochs: Int, batch: Int, of batches: Int) -> Float {
        switch self {
        case .constant: return 1
        case .cosine:
            let progress = (Double(epoch) + Double(batch) / Double(max(batches, 1))) / Double(max(epochs, 1))
            return Float(0.5 * (1 + cos(Double.pi * progress)))
        case .exponential(let decay): return Float(pow(Double(decay), Double(epoch)))
        }
    }
}

public struct AdamSettings: Sendable, Equatable {
    public var learningRate: Float
    public var beta1: Float = 0.9
    public var beta2: Float = 0.999
    public var epsilon: Float = 1e-8

    public init(learningRate: Float) { self.learningRate = learningRate }
}

public struct GradientPlan: Sendable, Equatable {
    public enum InputCoding: Sendable, Equatable {
        /// The features × `perUnit` as a current every step (`input = current`: the Bernoulli spikes' mean).
        case current(perUnit: Float)
        /// A spike per step with probability feature · `rate`·dt (features in [0, 1]).
        case bernoulli(probabilityPerUnit: Float)
    }

    public var layers: [GradientLayer]
    public var steps: Int
    public var input: InputCoding
    public var surrogate: Surrogate
    public var loss: GradientLoss
    public var optimizer: OptimizerSettings
    public var schedule: LearningRateSchedule
    /// The epochs the schedule spans.
    public var epochs: Int
    public var batch: Int
    public var seed: UInt64

    public init(layers: [GradientLayer], steps: Int, input: InputCoding, surrogate: Surrogate, loss: GradientLoss,
                optimizer: OptimizerSettings, schedule: LearningRateSchedule = .constant, epochs: Int = 1, batch: Int,
                seed: UInt64) {
        self.layers = layers
        self.steps = steps
        self.input = input
        self.surrogate = surrogate
        self.loss = loss
        self.optimizer = optimizer
        self.schedule = schedule
        self.epochs = epochs
        self.batch = batch
        self.seed = seed
    }
}

/// `train … with gradient(…)` in an experiment: the network to train, what to present, and the projections
/// (in layer order) whose weights the trained layers replace afterwards.
public struct GradientTrainPlan: Sendable, Equatable {
    public var network: GradientPlan
    public var presentation: PresentationPlan
    public var projections: [Int]
    /// The population whose readout gives the prediction (the last layer's target).
    public var readout: Int

    public init(network: GradientPlan, presentation: PresentationPlan, projections: [Int], readout: Int) {
        self.network = network
        self.presentation = presentation
        self.projections = projections
        self.readout = readout
    }
}
