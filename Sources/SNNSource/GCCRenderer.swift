// GCCRenderer: one line per diagnostic, `file:line:col: error: message [E0102]`, for editors' problem matchers
// (Vim's errorformat, VS Code's problemMatcher, Emacs' compilation mode). Notes with a location follow as
// `file:line:col: note: message` lines.

public struct GCCRenderer {
    public init() {}

    public func render(_ diagnostics: [Diagnostic], sources: SourceManager) -> String {
        var out = ""
        for diagnostic in diagnostics {
            out += line(diagnostic.range, diagnostic.severity.rawValue, diagnostic.message, sources)
            out += " [\(diagnostic.code)]\n"
            for note in diagnostic.notes {
                guard let range = note.range else { continue }
                out += line(range, "note", note.message, sources) + "\n"
            }
        }
        return out
    }

    private func line(_ range: SourceRange, _ kind: String, _ message: String, _ sources: SourceManager) -> String {
        let file = sources.file(range.file)
        let position = file.position(of: range.startOffset)
        return "\(file.path):\(position.line):\(position.column): \(kind): \(message)"
    }
}
