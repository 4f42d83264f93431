// PlanFailure: a diagnostic carried as a Swift error, so that the lowering code can stop at the first thing the
// runtime cannot do (`throw PlanFailure(...)`) and the entry points return it as a value.

import SNNSource

public struct PlanFailure: Error, Sendable {
    public var diagnostic: Diagnostic

    public init(_ diagnostic: Diagnostic) {
        self.diagnostic = diagnostic
    }

    /// An error with one of the planner's codes.
    init(_ code: PlanCode, _ message: String, at range: SourceRange, notes: [DiagnosticNote] = [], help: String? = nil) {
        diagnostic = Diagnostic(.error, code.code, message, at: range, notes: notes, help: help)
    }
}
