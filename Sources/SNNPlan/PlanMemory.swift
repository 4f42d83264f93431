// PlanMemory: how much memory a plan's data takes when the runtime holds it — state buffers and tables per
// population, rates and spike lists per source group, and per projection its CSR table (rowStart and targets as
// Int32), Float32 weights and UInt16 delays — plus an estimate of the delay rings (one Float32 per target
// neuron, effect and step of the longest delay; none when every delay into the population is one step). For `snnc run`'s summary and for refusing plans too large.

extension ExecutionPlan {
    public struct MemoryEstimate: Equatable, Sendable {
        public var populationBytes: Int
        public var sourceBytes: Int
        public var synapseBytes: Int
        public var delayRingBytes: Int
        public var totalBytes: Int { populationBytes + sourceBytes + synapseBytes + delayRingBytes }
    }

    public var memoryEstimate: MemoryEstimate {
        var estimate = MemoryEstimate(populationBytes: 0, sourceBytes: 0, synapseBytes: 0, delayRingBytes: 0)
        for population in populations {
            // Buffers, tables and a refractory counter per neuron.
            estimate.populationBytes += 4 * population.size * (population.buffers.count + population.tables.count + 1)
        }
        for source in sources {
            switch source.kind {
            case .poisson(let rates), .bernoulli(let rates), .regular(let rates, _): estimate.sourceBytes += 4 * rates.count
            case .spikeTimes(let steps): estimate.sourceBytes += 8 * steps.count
            case .spikeList(let sources, _): estimate.sourceBytes += 8 * sources.count
            case .current(let amperes): estimate.sourceBytes += 4 * amperes.count
            }
        }
        var ringSteps: [Int: Int] = [:], longestDelay: [Int: Int] = [:]
        for projection in projections {
            estimate.synapseBytes += 4 * projection.rowStart.count + 8 * projection.targets.count + 2 * projection.delays.count
            if drivesParameters(projection) { continue }    // no ring
            let effects = max(1, projection.effects.count)
            ringSteps[projection.target, default: 0] = max(ringSteps[projection.target] ?? 0, (projection.maxDelay + 1) * effects)
            longestDelay[projection.target, default: 0] = max(longestDelay[projection.target] ?? 0, projection.maxDelay)
        }
        // Input that arrives one step later in every projection into a population goes straight to its buffers.
        for (target, steps) in ringSteps where longestDelay[target]! > 1 {
            estimate.delayRingBytes += 4 * populations[target].size * steps
        }
        return estimate
    }
}
