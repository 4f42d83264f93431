// RuleDivergence: a learning rule's per-synapse variable (its weight or another) that became NaN or infinite,
// found after the sample whose learning made it so — the connection, rule, variable, synapse and time — so the
// run can name the rule instead of the neuron state that the bad weight spoils next.

import SNNPlan

public struct RuleDivergence: Sendable, Equatable {
    /// The connection, as `source -> target`.
    public var projection: String
    public var rule: String
    public var variable: String
    public var source: Int
    public var target: Int
    public var step: Int
    public var value: Float
}

extension Plasticity {
    /// The non-finite per-synapse variable of the lowest synapse in plan order (whichever worker holds it).
    func firstNonFinite(step: Int) -> RuleDivergence? {
        var found: (origin: Int, source: Int, target: Int, variable: Int, value: Float)?
        for store in stores {
            let view = store.view
            for (v, buffer) in store.variables.enumerated() {
                let values = buffer.pointer
                var row = 0
                for s in 0..<view.synapseCount where !values[s].isFinite {
                    let origin = Int(store.origin[s])
                    guard found == nil || origin < found!.origin else { continue }
                    while Int(view.rowStart[row + 1]) <= s { row += 1 }
                    found = (origin, row, Int(view.targets[s]), v, values[s])
                }
            }
        }
        guard let found else { return nil }
        return RuleDivergence(projection: projection.name, rule: plan.rule, variable: plan.synapticVariables[found.variable].name,
                              source: found.source, target: found.target, step: step, value: found.value)
    }
}
