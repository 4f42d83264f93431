// CheckedModel: what the checker hands on — the model's neuron models and rules, populations and inputs with
// their sizes, connections with their expected synapse counts, datasets and the diagnostics. Later stages
// (the plan, `snnc check --stats`, the language server) read it.

import SNNSource
import SNNSyntax

public struct PopulationInfo: Sendable {
    public var name: Identifier
    /// The neuron model (populations) or encoder name (inputs).
    public var modelName: String
    public var isInput: Bool
    /// The shape of the group; nil when it cannot be known before reading data.
    public var shape: [Int]?
    public var size: Int? { shape.map { $0.reduce(1, *) } }
    /// A `current` input: current generators, which drive parameters of their targets rather than send spikes.
    public var isCurrentInput: Bool { isInput && modelName == "current" }
}

public struct ConnectionInfo: Sendable {
    public var sources: [String]
    public var targets: [String]
    public var pattern: String
    /// The expected number of synapses, when the sizes are known.
    public var expectedSynapses: Double?
    /// The dimension of the weight `w`.
    public var weightDimension: Dimension?
    public var rule: String?
    public var range: SourceRange
}

public struct DatasetInfo: Sendable {
    public var name: Identifier
    public var reader: String
    public var shape: DatasetShape?
    /// Split parts (`train`, `test`).
    public var parts: [String]
}

public struct CheckedModel: Sendable {
    /// The file's syntax tree, for the stages that lower its declarations (the checker has proved them sound).
    public var syntax: SourceFileSyntax
    /// The value of every constant known before the run, in SI units.
    public var constants: [String: ConstantValue]
    public var models: [String: ModelInfo]
    public var populations: [PopulationInfo]
    public var connections: [ConnectionInfo]
    public var datasets: [DatasetInfo]
    public var diagnostics: [Diagnostic]

    public func population(_ name: String) -> PopulationInfo? { populations.first { $0.name.name == name } }
}
