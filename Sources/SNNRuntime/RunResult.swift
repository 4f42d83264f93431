// RunResult: what a simulation hands back — how far it got, spike counts per group, the recordings, the wall
// time and the work done, and the first numeric blow-up if one stopped it.

import SNNPlan

/// A NaN or infinity found in a state buffer: the run stops at the step it appeared.
public struct Divergence: Sendable, Equatable {
    public var population: String
    public var neuron: Int
    public var variable: String
    public var step: Int
    public var value: Float

    public init(population: String, neuron: Int, variable: String, step: Int, value: Float) {
        self.population = population
        self.neuron = neuron
        self.variable = variable
        self.step = step
        self.value = value
    }
}

/// One recorder's data.
public enum Recording: Sendable {
    /// Spike times in steps and the neuron of each, in time order (and neuron order within a step).
    case spikes(steps: [Int32], neurons: [Int32])
    /// Samples × neurons, row-major, in SI units; `steps` gives each sample's step.
    case trace(steps: [Int32], neurons: [Int], values: [Float])
    /// The weights of a projection, in CSR order, with their source and target neurons.
    case weights(sources: [Int32], targets: [Int32], values: [Float])
}

public struct RunResult: Sendable {
    /// Steps simulated (fewer than planned when stopped or diverged).
    public var completedSteps: Int
    public var dt: Double
    /// Spikes of each neuron, per population then per source group, in plan order.
    public var populationSpikeCounts: [[Int32]]
    public var sourceSpikeCounts: [[Int32]]
    /// One per recorder of the plan, in plan order.
    public var recordings: [Recording]
    /// Spikes delivered to synapses (presynaptic spikes × their synapses).
    public var synapticEvents: Int
    /// Wall time of the step loop alone, and of initialisation (buffers, threads) before it.
    public var simulationSeconds: Double
    public var setupSeconds: Double
    public var threads: Int
    public var stoppedByUser: Bool
    public var divergence: Divergence?
    /// A learning rule's per-synapse variable that became NaN or infinite (the cause when a state diverged too).
    public var ruleDivergence: RuleDivergence?

    public init(completedSteps: Int, dt: Double, populationSpikeCounts: [[Int32]], sourceSpikeCounts: [[Int32]],
                recordings: [Recording], synapticEvents: Int, simulationSeconds: Double, setupSeconds: Double,
                threads: Int, stoppedByUser: Bool, divergence: Divergence?) {
        self.completedSteps = completedSteps
        self.dt = dt
        self.populationSpikeCounts = populationSpikeCounts
        self.sourceSpikeCounts = sourceSpikeCounts
        self.recordings = recordings
        self.synapticEvents = synapticEvents
        self.simulationSeconds = simulationSeconds
        self.setupSeconds = setupSeconds
        self.threads = threads
        self.stoppedByUser = stoppedByUser
        self.divergence = divergence
    }
}
