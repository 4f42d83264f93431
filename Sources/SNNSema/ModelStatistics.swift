// ModelStatistics: the size of a checked model before it runs — neurons, expected synapses, and the memory of
// the state buffers (Float32 per state variable and neuron, plus a refractory counter) and of the synapse tables
// (target index, weight, delay and the learning rule's per-synapse variables), for `snnc check --stats`.

public struct ModelStatistics: Sendable {
    public struct Group: Sendable {
        public var name: String
        public var model: String
        public var isInput: Bool
        public var neurons: Int?
        public var stateVariables: [String]
        public var bytes: Int?
    }

    public struct Projection: Sendable {
        public var description: String
        public var pattern: String
        public var synapses: Double?
        public var bytesPerSynapse: Int
        public var bytes: Double? { synapses.map { $0 * Double(bytesPerSynapse) } }
    }

    public var groups: [Group]
    public var projections: [Projection]

    public var neurons: Int? { groups.contains { $0.neurons == nil } ? nil : groups.reduce(0) { $0 + ($1.neurons ?? 0) } }
    public var synapses: Double? {
        projections.contains { $0.synapses == nil } ? nil : projections.reduce(0) { $0 + ($1.synapses ?? 0) }
    }
    public var stateBytes: Int? { groups.contains { $0.bytes == nil } ? nil : groups.reduce(0) { $0 + ($1.bytes ?? 0) } }
    public var synapseBytes: Double? {
        projections.contains { $0.bytes == nil } ? nil : projections.reduce(0) { $0 + ($1.bytes ?? 0) }
    }

    public init(_ model: CheckedModel) {
        groups = model.populations.map { population in
            let states = population.isInput ? [] : (model.models[population.modelName]?.variables
                .filter { $0.kind == .state }.map(\.name) ?? [])
            // Inputs keep one Float32 per source (its rate or next spike time); neurons a refractory counter too.
            let perNeuron = population.isInput ? 1 : states.count + 1
            return Group(name: population.name.name, model: population.modelName, isInput: population.isInput,
                         neurons: population.size, stateVariables: states,
                         bytes: population.size.map { $0 * perNeuron * 4 })
        }
        projections = model.connections.map { connection in
            let ruleVariables = connection.rule.flatMap { model.models[$0] }?.variables
                .filter { $0.kind == .synaptic && $0.name != "w" }.count ?? 0
            // Target index (4), weight (4), delay in steps (2), then the rule's per-synapse Float32s.
            let bytes = 4 + 4 + 2 + 4 * ruleVariables
            return Projection(description: connection.sources.joined(separator: ", ") + " -> " + connection.targets.joined(separator: ", "),
                              pattern: connection.pattern, synapses: connection.expectedSynapses, bytesPerSynapse: bytes)
        }
    }
}
