// DiagnosticSink: where the checker's phases put their diagnostics, with the source text of any range at hand
// so that messages can quote the user's own expressions ("`(v - El) / tau_m` is in V/s").

import Foundation
import SNNSource

final class DiagnosticSink {
    let sources: SourceManager
    private(set) var diagnostics: [Diagnostic] = []

    init(sources: SourceManager) { self.sources = sources }

    /// How many errors were reported so far (kept as they come: models compare it before and after).
    private(set) var errorCount = 0

    func report(_ code: SemaCode, _ message: String, at range: SourceRange, label: String? = nil,
                notes: [DiagnosticNote] = [], help: String? = nil, fixIts: [FixIt] = []) {
        diagnostics.append(Diagnostic(code.severity, code.code, message, at: range, label: label, notes: notes,
                                      help: help, fixIts: fixIts))
        if code.severity == .error { errorCount += 1 }
    }

    /// The source text of a range, on one line and shortened for messages.
    func text(_ range: SourceRange) -> String {
        let file = sources.file(range.file)
        let raw = file.text(in: range.startOffset..<range.endOffset)
        let oneLine = raw.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
        return oneLine.count > 60 ? String(oneLine.prefix(57)) + "..." : oneLine
    }

    /// "did you mean 'x'?" help, or nil when no candidate is close.
    func suggestion(for word: String, among candidates: [String]) -> String? {
        Spelling.closest(to: word, in: candidates).map { "did you mean '\($0)'?" }
    }
}
