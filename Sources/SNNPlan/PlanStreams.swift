// PlanStreams: the CounterRNG streams the planner itself draws from — connectivity, weights and delays per
// projection, and per-source values of inputs (random rates, pulse-packet jitter). They sit in their own block,
// [0x4000_0000, 0x8000_0000): below the streams the runtime reserves (ExecutionPlan.firstRuntimeStream) and far
// above the ones the StreamAllocator hands to the neuron programs' draw sites (counting up from 1).

enum PlanStreams {
    static let projectionBase: UInt32 = 0x4000_0000
    static let sourceBase: UInt32 = 0x6000_0000

    /// Which synapses exist: counter = source row (fixed in-degrees: target column), index = draw number.
    static func connectivity(_ projection: Int) -> UInt32 {
        projectionBase &+ (UInt32(truncatingIfNeeded: projection) &* 4) % 0x2000_0000
    }

    /// Weight draws: counter = draw site in the expression, index = synapse.
    static func weights(_ projection: Int) -> UInt32 { connectivity(projection) &+ 1 }

    /// Delay draws: counter = draw site in the expression, index = synapse.
    static func delays(_ projection: Int) -> UInt32 { connectivity(projection) &+ 2 }

    /// Initial values of a learning rule's per-synapse variables: counter = draw site, index = synapse.
    static func plasticity(_ projection: Int) -> UInt32 { connectivity(projection) &+ 3 }

    /// Draws of input group `group` while planning: counter = draw site (pulse-packet jitter: 2^32), index =
    /// source.
    static func sourceSetup(_ group: Int) -> UInt32 {
        sourceBase &+ UInt32(truncatingIfNeeded: group) % 0x2000_0000
    }
}
