// PlanCode: the stable codes of the diagnostics the planner reports (E0700–E0799): models the checker accepts
// but the runtime cannot run yet, or run settings that cannot be honoured. Each has a long explanation.

import SNNSource

public enum PlanCode: String, CaseIterable, Sendable {
    case unsupportedSynapticEffect = "E0700"
    case unsupportedConnectivity = "E0701"
    case unsupportedInput = "E0702"
    case unsupportedRefractory = "E0703"
    case unsupportedIntegration = "E0704"
    case nothingToSimulate = "E0705"
    case unsupportedRule = "E0706"
    case unreadableDataset = "E0707"
    case unsupportedExperiment = "E0708"
    case unsupportedSupervision = "E0709"
    case conflictingTimeSteps = "E0710"
    case unreadableSpikeFile = "E0711"
    case unsupportedRecording = "E0712"
    case unsupportedGradient = "E0713"

    public var code: DiagnosticCode { DiagnosticCode(rawValue) }

    public var summary: String {
        switch self {
        case .unsupportedSynapticEffect: return "an `on spike` block that is not `variable += amount` (the runtime adds spikes' effects)"
        case .unsupportedConnectivity: return "a connection the runtime cannot build (too many synapses, a delay over 65,535 steps, a window between slices)"
        case .unsupportedInput: return "an input the runtime cannot produce yet (encoders of dataset features)"
        case .unsupportedRefractory: return "a refractory period that differs between neurons"
        case .unsupportedIntegration: return "`method = exact` for equations that are not linear with constant coefficients"
        case .unsupportedRule: return "a learning rule the runtime cannot run (a trace that does not decay exponentially, a trace set per synapse)"
        case .unreadableDataset: return "a dataset file that cannot be found or read when the experiment runs"
        case .unsupportedExperiment: return "an experiment the runtime cannot carry out as ordered (an evaluate without a prediction, labels without responses)"
        case .unsupportedSupervision: return "BP-STDP that cannot be run: no single output layer, no teacher, or more classes than output neurons"
        case .nothingToSimulate: return "`snnc run` on a model without a `simulate` statement"
        case .conflictingTimeSteps: return "two `simulate` statements with different time steps"
        case .unreadableSpikeFile: return "a `spike_file` input whose file cannot be found or read"
        case .unsupportedGradient: return "a network `train … with gradient(…)` cannot differentiate (a layer type without a backward pass, a loss without a readout, a non-dense layer)"
        case .unsupportedRecording: return "a recorded value the runtime does not keep (a `let` value)"
        }
    }
}
