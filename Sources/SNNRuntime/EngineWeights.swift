// Engine weights: a projection's per-synapse values in the plan's synapse order, read from (and written to)
// the workers' views — the weights as learned so far, and a rule's other per-synapse variables.

import SNNPlan

extension Engine {
    /// The weights of every learning projection (local rules and BP-STDP layers), by projection index.
    func learnedWeights() -> [Int: [Float]] {
        let learning = plasticity.map(\.plan.projection) + (plan.supervised?.layers.map(\.projection) ?? [])
        return Dictionary(learning.map { ($0, weights(of: $0)) }, uniquingKeysWith: { first, _ in first })
    }

    /// The current weights of `projection` in plan order.
    func weights(of projection: Int) -> [Float] {
        let state = projections[projection]
        var values = plan.projections[projection].weights
        for view in state.views {
            guard let origin = view.origin else { return values }
            for s in 0..<view.synapseCount { values[Int(origin[s])] = view.weights[s] }
        }
        return values
    }

    /// Sets the weights of `projection` from plan order (its views keep their synapses' origins).
    func setWeights(_ values: [Float], of projection: Int) {
        for view in projections[projection].views {
            guard let origin = view.origin else { preconditionFailure("weights of a projection without origins") }
            for s in 0..<view.synapseCount { view.weights[s] = values[Int(origin[s])] }
        }
    }

    /// Every per-synapse variable of `projection` by name, `w` first, in plan order.
    func synapticVariables(of projection: Int) -> [(name: String, values: [Float])] {
        var result = [(name: "w", values: weights(of: projection))]
        guard let rule = plasticity.first(where: { $0.plan.projection == projection }) else { return result }
        for (k, variable) in rule.plan.synapticVariables.enumerated().dropFirst() {
            var values = [Float](repeating: 0, count: plan.projections[projection].synapseCount)
            for store in rule.stores {
                for s in 0..<store.view.synapseCount { values[Int(store.origin[s])] = store.variables[k][s] }
            }
            result.append((variable.name, values))
        }
        return result
    }

    /// Sets a rule's per-synapse variable of `projection` (other than `w`) from plan order; false if it has none.
    func setSynapticVariable(_ name: String, _ values: [Float], of projection: Int) -> Bool {
        guard let rule = plasticity.first(where: { $0.plan.projection == projection }),
              let k = rule.plan.synapticVariables.firstIndex(where: { $0.name == name }), k > 0 else { return false }
        for store in rule.stores {
            for s in 0..<store.view.synapseCount { store.variables[k][s] = values[Int(store.origin[s])] }
        }
        return true
    }
}
