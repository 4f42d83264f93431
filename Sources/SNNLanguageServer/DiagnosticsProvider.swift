// DiagnosticsProvider: the checker's diagnostics as protocol diagnostics — severity, code, message with the
// label and help, notes as related information (into the prelude too) — and their fix-its as quick-fix code
// actions.

import SNNSource

struct DiagnosticsProvider {
    let locator: Locator
    var analysis: DocumentAnalysis { locator.analysis }

    func diagnostics() -> [JSONValue] { analysis.diagnostics.map(convert) }

    func convert(_ diagnostic: Diagnostic) -> JSONValue {
        var message = diagnostic.message
        if let label = diagnostic.label, !label.isEmpty { message += " (\(label))" }
        var related: [JSONValue] = []
        for note in diagnostic.notes {
            if let range = note.range, let location = locator.location(range) {
                related.append(["location": location, "message": .string(note.message)])
            } else {
                message += "\nnote: \(note.message)"
            }
        }
        if let help = diagnostic.help { message += "\nhelp: \(help)" }
        let severity: Int = diagnostic.severity == .error ? 1 : diagnostic.severity == .warning ? 2 : 3
        var result: [String: JSONValue] = [
            "range": locator.documentRange(diagnostic.range), "severity": JSONValue(severity),
            "code": .string(diagnostic.code.rawValue), "source": "snnc", "message": .string(message),
        ]
        if !related.isEmpty { result["relatedInformation"] = .array(related) }
        return .object(result)
    }

    /// A quick fix for each fix-it of a diagnostic that overlaps the byte range `lower...upper`.
    func codeActions(lower: Int, upper: Int) -> [JSONValue] {
        var actions: [JSONValue] = []
        for diagnostic in analysis.diagnostics where !diagnostic.fixIts.isEmpty && diagnostic.range.file == analysis.file.id {
            guard diagnostic.range.startOffset <= upper, diagnostic.range.endOffset >= lower else { continue }
            let edits: [JSONValue] = diagnostic.fixIts.map {
                ["range": locator.documentRange($0.range), "newText": .string($0.replacement)]
            }
            actions.append([
                "title": .string(title(diagnostic.fixIts)), "kind": "quickfix", "isPreferred": true,
                "diagnostics": [convert(diagnostic)],
                "edit": ["changes": .object([locator.uri: .array(edits)])],
            ])
        }
        return actions
    }

    private func title(_ fixIts: [FixIt]) -> String {
        guard fixIts.count == 1, let fix = fixIts.first else { return "Apply the suggested fixes" }
        let old = analysis.file.text(in: fix.range.startOffset..<fix.range.endOffset)
        if fix.replacement.isEmpty { return "Remove `\(old)`" }
        if old.isEmpty { return "Insert `\(fix.replacement)`" }
        return "Replace `\(old)` with `\(fix.replacement)`"
    }
}
