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
    case conflictingTimeSteps = "E0710"
    case unreadableSpikeFile = "E0711"
    case unsupportedRecording = "E0712"
    case learningNotApplied = "W0700"

    public var code: DiagnosticCode { DiagnosticCode(rawValue) }

    public var summary: String {
        switch self {
        case .learningNotApplied: return "a `learn` rule or `normalize` clause that `snnc run` does not apply yet (weights stay fixed)"
        case .unsupportedSynapticEffect: return "an `on spike` block that is not `variable += amount` (the runtime adds spikes' effects)"
        case .unsupportedConnectivity: return "a connection pattern the runtime cannot build yet (convolution, pooling)"
        case .unsupportedInput: return "an input the runtime cannot produce yet (encoders of dataset features)"
        case .unsupportedRefractory: return "a refractory period that differs between neurons"
        case .unsupportedIntegration: return "`method = exact` for equations that are not linear with constant coefficients"
        case .nothingToSimulate: return "`snnc run` on a model without a `simulate` statement"
        case .conflictingTimeSteps: return "two `simulate` statements with different time steps"
        case .unreadableSpikeFile: return "a `spike_file` input whose file cannot be found or read"
        case .unsupportedRecording: return "a recorded value the runtime does not keep (a `let` value)"
        }
    }
}
