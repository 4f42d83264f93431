// ExecutionPlan: everything the runtime needs to simulate a model, as plain data — populations with their
// SoA buffers and compiled programs, spike sources, projections as CSR tables with per-synapse weights and
// delays in steps, recorders and the schedule. The runtime sees only this, never the AST or the checker's
// types. All values are in SI units (volts, seconds, siemens, …) as Float32; times are in steps of `dt`.

public struct ExecutionPlan: Sendable {
    /// The time step in seconds.
    public var dt: Double
    /// How many steps the simulation runs (the `simulate` statements, in order, added up).
    public var steps: Int
    public var seed: UInt64
    public var populations: [PopulationPlan]
    public var sources: [SourcePlan]
    public var projections: [ProjectionPlan]
    public var recorders: [RecorderPlan]
    /// The learning rules of projections (at most one per projection).
    public var plasticity: [PlasticityPlan]
    /// The projections that learn with BP-STDP, in update order; nil when none does.
    public var supervised: SupervisedPlan?
    /// What `train`, `evaluate`, `assign labels`, `save` and `load` do; nil for a model that only simulates.
    public var experiment: ExperimentPlan?

    public init(dt: Double, steps: Int, seed: UInt64, populations: [PopulationPlan] = [], sources: [SourcePlan] = [],
                projections: [ProjectionPlan] = [], recorders: [RecorderPlan] = [], plasticity: [PlasticityPlan] = [],
                supervised: SupervisedPlan? = nil, experiment: ExperimentPlan? = nil) {
        self.dt = dt
        self.steps = steps
        self.seed = seed
        self.populations = populations
        self.sources = sources
        self.projections = projections
        self.recorders = recorders
        self.plasticity = plasticity
        self.supervised = supervised
        self.experiment = experiment
    }

    /// Whether a projection comes from a current input: it drives parameters of its targets and sends no spikes.
    public func drivesParameters(_ projection: ProjectionPlan) -> Bool {
        projection.source.sourceIndex.map { sources[$0].isCurrent } ?? false
    }
}

/// One per-neuron Float32 buffer of a population.
public struct BufferPlan: Equatable, Sendable {
    public enum Kind: String, Sendable {
        /// A state variable, integrated by the update program.
        case state
        /// A parameter that differs between neurons (a random draw, a list), fixed after initialisation.
        case parameter
    }
    public var name: String
    public var kind: Kind
    /// The unit the value is shown in (`mV`), and the factor from SI to it (1000 for mV), for recordings.
    public var displayUnit: String
    public var displayScale: Double

    public init(name: String, kind: Kind, displayUnit: String = "1", displayScale: Double = 1) {
        self.name = name
        self.kind = kind
        self.displayUnit = displayUnit
        self.displayScale = displayScale
    }
}

public enum RefractoryPlan: Equatable, Sendable {
    case none
    /// The same number of steps for every neuron after each spike.
    case steps(Int)
    /// Refractory while the condition program's result is true (`refractory v > -40 mV`).
    case condition(Program)
}

public struct PopulationPlan: Sendable {
    public var name: String
    public var model: String
    public var size: Int
    public var buffers: [BufferPlan]
    /// Per-neuron constant tables referenced by `Operand.table`.
    public var tables: [[Float]]
    /// Run once before the first step: stores every buffer's initial value.
    public var initialize: Program
    /// One step of the dynamics (the integrator's arithmetic), reading old values and storing new ones.
    public var update: Program
    /// The spike condition, evaluated after the update; nil for a model that never spikes.
    public var threshold: Program?
    /// Run for the neurons that spiked, after the threshold.
    public var reset: Program
    public var refractory: RefractoryPlan
    /// The integration method used, for `snnc plan` (`exact`, `rk4`, …).
    public var method: String

    public init(name: String, model: String, size: Int, buffers: [BufferPlan], tables: [[Float]] = [],
                initialize: Program, update: Program, threshold: Program?, reset: Program,
                refractory: RefractoryPlan, method: String) {
        self.name = name
        self.model = model
        self.size = size
        self.buffers = buffers
        self.tables = tables
        self.initialize = initialize
        self.update = update
        self.threshold = threshold
        self.reset = reset
        self.refractory = refractory
        self.method = method
    }

    public func buffer(named name: String) -> Int? { buffers.firstIndex { $0.name == name } }
}

/// A group of spike sources (an `input`), or of current generators (a `current` input).
public struct SourcePlan: Sendable {
    public enum Kind: Sendable, Equatable {
        /// Independent Poisson trains; one rate in Hz per source (or one for all).
        case poisson(rates: [Float])
        /// At most one spike per step with probability rate × dt.
        case bernoulli(rates: [Float])
        /// Regular trains: a spike every 1/rate seconds, the first at `phase`.
        case regular(rates: [Float], phaseSteps: Int)
        /// One spike per source at the given step.
        case spikeTimes(steps: [Int])
        /// Spikes read from a file: source `sources[k]` fires at step `steps[k]`; sorted by step, then source.
        case spikeList(sources: [Int32], steps: [Int32])
        /// Current generators, no spikes: one current in A per source (or one for all). A dataset's `current`
        /// input starts at 0 and takes each presented sample's values. Their connections drive parameters.
        case current(amperes: [Float])
    }
    public var name: String
    public var size: Int
    public var kind: Kind

    public init(name: String, size: Int, kind: Kind) {
        self.name = name
        self.size = size
        self.kind = kind
    }

    /// Current generators rather than spike sources.
    public var isCurrent: Bool {
        if case .current = kind { return true }
        return false
    }
}

/// Where a group of spikes comes from: a population or a source group, by index.
public enum GroupRef: Hashable, Sendable {
    case population(Int)
    case source(Int)

    /// The source group's index, nil for a population.
    public var sourceIndex: Int? {
        if case .source(let s) = self { return s }
        return nil
    }
}

/// What one presynaptic spike does to its target: `buffer += weight × scale` at arrival. From a current input,
/// what the input's current does instead: the parameter `buffer` gets weight × scale × current while it is on.
public struct SynapticEffect: Equatable, Sendable {
    public var buffer: Int
    public var scale: Float

    public init(buffer: Int, scale: Float) {
        self.buffer = buffer
        self.scale = scale
    }
}

/// The synapses from one group to one population, as CSR rows by source neuron. Indices are local to the
/// groups (a slice's offset is already applied).
public struct ProjectionPlan: Sendable {
    public var name: String
    public var source: GroupRef
    public var target: Int
    /// Row `i` holds synapses `rowStart[i] ..< rowStart[i + 1]`; `rowStart.count` is the source size + 1.
    public var rowStart: [Int32]
    public var targets: [Int32]
    public var weights: [Float]
    /// Delay of each synapse in steps (at least 1); empty when all equal `uniformDelay`.
    public var delays: [UInt16]
    public var uniformDelay: UInt16
    public var effects: [SynapticEffect]
    /// The geometry of a `conv` or `pool` connection (nil for the other patterns).
    public var window: ShapedWindow?

    public init(name: String, source: GroupRef, target: Int, rowStart: [Int32], targets: [Int32], weights: [Float],
                delays: [UInt16], uniformDelay: UInt16, effects: [SynapticEffect], window: ShapedWindow? = nil) {
        self.name = name
        self.source = source
        self.target = target
        self.rowStart = rowStart
        self.targets = targets
        self.weights = weights
        self.delays = delays
        self.uniformDelay = uniformDelay
        self.effects = effects
        self.window = window
    }

    public var synapseCount: Int { targets.count }
    public var table: SynapseTable { SynapseTable(rowStart: rowStart, targets: targets) }
    public var maxDelay: Int { delays.isEmpty ? Int(uniformDelay) : Int(delays.max() ?? 1) }
}

public struct RecorderPlan: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Every spike of the group's neurons in `neurons` (all when empty).
        case spikes(GroupRef, neurons: [Int])
        /// A buffer of a population for the given neurons, every `intervalSteps`.
        case trace(population: Int, buffer: Int, neurons: [Int], intervalSteps: Int)
        /// A projection's weights (recorded once: they are fixed without learning).
        case weights(projection: Int)
    }
    /// The name used for output files: `exc_spikes`, `exc_v`.
    public var name: String
    public var kind: Kind

    public init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }
}
