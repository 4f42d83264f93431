// Partition: how work is split between worker threads, and how many threads a plan gets. Every group (population
// or source) is cut into contiguous ranges of whole 16-neuron blocks, one per worker, so that no two workers
// write the same cache line; a worker updates its neurons and does the propagation into them.
//
// The automatic thread count estimates the work of one step in "neuron updates" and gives each thread at least
// `workPerThread` of it. Measured on this machine (docs in shared/design): a 4,000-neuron step takes ~1 µs, less
// than what a barrier and idle cores cost, while at 40,000 neurons two threads ran 1.65–1.85x faster. A synaptic
// event costs about 15 neuron updates (3 ns vs 0.2 ns), and we assume 10 Hz of firing to estimate the events.
// A learning synapse adds its `on pre` lanes for each presynaptic spike, measured at about the cost of its
// propagation (Diehl & Cook, 784 × 100: 0.56 G instructions of learning for 0.73 G of propagation), so it counts
// twice. Diehl & Cook with 100 neurons (~13,000) stays on one thread; with 400 (~60,000) it takes two.

import SNNPlan

enum Partition {
    /// Work per step (in neuron updates) below which another thread does not pay.
    static let workPerThread = 20_000.0

    /// The range of `count` items (padded to blocks of 16) that worker `worker` of `workers` owns.
    static func range(count: Int, worker: Int, workers: Int) -> Range<Int> {
        let blocks = paddedCount(count) / 16
        let start = blocks * worker / workers * 16
        let end = blocks * (worker + 1) / workers * 16
        return start..<end
    }

    /// Estimated work of one step, in neuron updates.
    static func workPerStep(_ plan: ExecutionPlan) -> Double {
        let neurons = plan.populations.reduce(0) { $0 + $1.size }
        let sources = plan.sources.reduce(0) { $0 + $1.size }
        let synapses = plan.projections.reduce(0) { $0 + $1.synapseCount }
            + plan.plasticity.reduce(0) { $0 + plan.projections[$1.projection].synapseCount }
        let eventsPerStep = Double(synapses) * 10 * plan.dt
        return Double(neurons) + Double(sources) / 4 + eventsPerStep * 15
    }

    static func automaticThreadCount(_ plan: ExecutionPlan, available: Int) -> Int {
        Swift.max(1, Swift.min(available, Int(workPerStep(plan) / workPerThread)))
    }
}
