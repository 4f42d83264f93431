// PlanDiagnostic: building the planner's diagnostics from its codes, so every stage of SNNPlan reports the same
// way (errors with a PlanCode, a message, the place and an optional help line).

import SNNSource

extension Diagnostic {
    static func plan(_ code: PlanCode, _ message: String, at range: SourceRange, notes: [DiagnosticNote] = [],
                     help: String? = nil) -> Diagnostic {
        Diagnostic(code.rawValue.hasPrefix("W") ? .warning : .error, code.code, message, at: range, notes: notes,
                   help: help)
    }
}
