// SupervisedPlan: BP-STDP (Tavanaei & Maida 2019) lowered for the runtime — the projections that `learn bp_stdp`,
// in the order their updates run, the output population the teacher drives, and the STDP window in steps. The
// order puts every layer out of a population before any layer into it (the output layer first), so that a
// population's error is complete — and gated by "fired in the window" — before the layer below reads it.
// TeacherPlan is a `train` block's `target = label, target_rate = R`: the label's output neuron is taught by a
// Bernoulli train of probability R·dt per step. Learning rates and windows are plain numbers and steps.

public struct SupervisedLayerPlan: Sendable, Equatable {
    /// The projection that learns (index in `ExecutionPlan.projections`).
    public var projection: Int
    /// μ: the change of a weight per unit of error and presynaptic spike in the window.
    public var learningRate: Float

    public init(projection: Int, learningRate: Float) {
        self.projection = projection
        self.learningRate = learningRate
    }
}

public struct SupervisedPlan: Sendable, Equatable {
    /// Update order: every layer whose source is a population comes before the layers into that population.
    public var layers: [SupervisedLayerPlan]
    /// The population whose neurons are the classes (the target of the last layer).
    public var output: Int
    /// ε: spikes are counted over the last `windowSteps` steps, the current one included.
    public var windowSteps: Int

    public init(layers: [SupervisedLayerPlan], output: Int, windowSteps: Int) {
        self.layers = layers
        self.output = output
        self.windowSteps = windowSteps
    }
}

/// `target = label` in a `train` block: the label's output neuron is the teacher.
public struct TeacherPlan: Sendable, Equatable {
    /// The chance of a teacher spike in a step (target_rate · dt, at most 1).
    public var probability: Double

    public init(probability: Double) {
        self.probability = probability
    }
}
