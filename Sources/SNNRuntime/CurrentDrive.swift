// CurrentDrive: `current` inputs at run time. A connection from a current input sets a parameter of each target
// neuron (`on spike { I_e += w }`) to its planned value plus Σ weight × scale × current over the neuron's incoming
// synapses, for as long as the currents stay as they are. `apply` recomputes every driven parameter buffer after
// the currents change (the start, each presented sample, each rest) or the network is reset; it runs between
// steps, on the calling thread. Each target's synapses are summed in row order, so the result does not depend on
// the number of workers.

import SNNPlan

final class CurrentDrive {
    /// One parameter buffer that current inputs drive, and its planned per-neuron values.
    private struct Driven {
        let population: Int
        let buffer: Int
        var base: [Float] = []
    }

    /// The projections from current inputs, with their source groups.
    private let drives: [(projection: Int, source: Int)]
    private var driven: [Driven]

    init(plan: ExecutionPlan) {
        drives = plan.projections.enumerated().compactMap { k, projection in
            guard plan.drivesParameters(projection), let s = projection.source.sourceIndex else { return nil }
            return (k, s)
        }
        var seen: Set<[Int]> = []
        var driven: [Driven] = []
        for (k, _) in drives {
            let projection = plan.projections[k]
            for effect in projection.effects where seen.insert([projection.target, effect.buffer]).inserted {
                driven.append(Driven(population: projection.target, buffer: effect.buffer))
            }
        }
        self.driven = driven
    }

    /// Keeps the driven buffers' planned values; call once, after the populations' first initialisation.
    func keepPlannedValues(_ populations: [PopulationState]) {
        for k in driven.indices {
            let pop = populations[driven[k].population]
            driven[k].base = Array(UnsafeBufferPointer(start: pop.bufferTable[driven[k].buffer], count: pop.size))
        }
    }

    /// Sets every driven parameter to its planned value plus what the inputs' currents add now.
    func apply(plan: ExecutionPlan, populations: [PopulationState], sources: [SourceState], projections: [ProjectionState]) {
        guard !drives.isEmpty else { return }
        for item in driven {
            let values = populations[item.population].bufferTable[item.buffer]
            values.update(from: item.base, count: item.base.count)
        }
        for (k, s) in drives {
            guard let currents = sources[s].currents?.pointer else { continue }
            let target = populations[plan.projections[k].target]
            for effect in plan.projections[k].effects {
                let values = target.bufferTable[effect.buffer]
                for view in projections[k].views {
                    let rowStart = view.rowStart.pointer, targets = view.targets.pointer, weights = view.weights.pointer
                    for row in 0..<(view.rowStart.count - 1) where currents[row] != 0 {
                        let amount = currents[row] * effect.scale
                        for synapse in Int(rowStart[row])..<Int(rowStart[row + 1]) {
                            values[Int(targets[synapse])] += weights[synapse] * amount
                        }
                    }
                }
            }
        }
    }
}
