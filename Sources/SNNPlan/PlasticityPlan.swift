// PlasticityPlan: a `learn` clause lowered for the runtime — the rule's per-synapse variables (the weight first),
// its per-presynaptic and per-postsynaptic traces with their exact per-step decay, and its event handlers as
// programs over "lanes". A lane is one synapse (or, for a handler's trace updates, one spiking neuron); lane
// buffers are numbered: per-synapse variables 0 ..< S, presynaptic traces S ..< S + P, postsynaptic traces
// S + P ..< S + P + Q, then the event's argument (the reward r). Every handler has two programs compiled from
// the same statements: `synapses` stores only per-synapse variables and reads the traces as they were before
// the event; `neurons` stores only the traces of the neuron that fired (once per spike, whatever its synapse
// count). Decays of per-synapse variables (`de/dt = -e / tau_e`) are applied lazily at the synapse's next event.

public struct SynapseVariablePlan: Sendable, Equatable {
    public var name: String
    /// One initial value for all synapses or one per synapse (the weight's are the projection's weights).
    public var initial: [Float]
    /// The factor applied per elapsed step (exp(-dt / tau)); 1 when the variable does not decay.
    public var decayPerStep: Double

    public init(name: String, initial: [Float], decayPerStep: Double = 1) {
        self.name = name
        self.initial = initial
        self.decayPerStep = decayPerStep
    }
}

public struct TracePlan: Sendable, Equatable {
    public var name: String
    public var initial: Float
    /// The factor applied at every step (exp(-dt / tau)).
    public var decayPerStep: Double

    public init(name: String, initial: Float, decayPerStep: Double) {
        self.name = name
        self.initial = initial
        self.decayPerStep = decayPerStep
    }
}

public struct RuleHandlerPlan: Sendable, Equatable {
    /// Run over the synapses of the event (a row for `on pre`, a column for `on post`, all for `on reward`).
    public var synapses: Program
    /// Run over the neurons that fired: their trace updates. Empty for `on reward`.
    public var neurons: Program

    public init(synapses: Program, neurons: Program) {
        self.synapses = synapses
        self.neurons = neurons
    }
}

public struct PlasticityPlan: Sendable, Equatable {
    /// The projection whose synapses learn (index in `ExecutionPlan.projections`).
    public var projection: Int
    public var rule: String
    /// Per-synapse variables; index 0 is the weight `w` (its initial values are the projection's weights).
    public var synapticVariables: [SynapseVariablePlan]
    public var preTraces: [TracePlan]
    public var postTraces: [TracePlan]
    public var onPre: RuleHandlerPlan?
    public var onPost: RuleHandlerPlan?
    public var onReward: RuleHandlerPlan?
    /// `normalize incoming to X`: before each sample, each target's incoming weights are scaled to sum to X.
    public var normalizeIncoming: Float?

    public init(projection: Int, rule: String, synapticVariables: [SynapseVariablePlan], preTraces: [TracePlan],
                postTraces: [TracePlan], onPre: RuleHandlerPlan?, onPost: RuleHandlerPlan?,
                onReward: RuleHandlerPlan?, normalizeIncoming: Float? = nil) {
        self.projection = projection
        self.rule = rule
        self.synapticVariables = synapticVariables
        self.preTraces = preTraces
        self.postTraces = postTraces
        self.onPre = onPre
        self.onPost = onPost
        self.onReward = onReward
        self.normalizeIncoming = normalizeIncoming
    }

    /// Lane buffers: per-synapse variables, presynaptic traces, postsynaptic traces, the event argument.
    public var laneBufferCount: Int { synapticVariables.count + preTraces.count + postTraces.count + 1 }
    public var firstPreTrace: Int { synapticVariables.count }
    public var firstPostTrace: Int { synapticVariables.count + preTraces.count }
    public var argumentBuffer: Int { laneBufferCount - 1 }
}
