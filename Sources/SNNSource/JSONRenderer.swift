// JSONRenderer: diagnostics as one JSON document for tools. Positions give 1-based `line` and `column`
// (Unicode scalars) and `utf16`, the 0-based UTF-16 column that the Language Server Protocol calls `character`.

import Foundation

public struct JSONRenderer {
    public init() {}

    public func render(_ diagnostics: [Diagnostic], sources: SourceManager) -> String {
        let report = Report(
            errors: diagnostics.filter { $0.severity == .error }.count,
            warnings: diagnostics.filter { $0.severity == .warning }.count,
            diagnostics: diagnostics.map { entry($0, sources) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and integers cannot fail.
        let data = (try? encoder.encode(report)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private func entry(_ d: Diagnostic, _ sources: SourceManager) -> Entry {
        Entry(file: sources.file(d.range.file).path, severity: d.severity.rawValue, code: d.code.rawValue,
              message: d.message, label: d.label, range: span(d.range, sources), help: d.help,
              notes: d.notes.map { Note(message: $0.message, file: $0.range.map { sources.file($0.file).path },
                                        range: $0.range.map { span($0, sources) }) },
              fixits: d.fixIts.map { FixItEntry(range: span($0.range, sources), replacement: $0.replacement) })
    }

    private func span(_ range: SourceRange, _ sources: SourceManager) -> Span {
        let (start, end) = sources.position(range)
        return Span(start: Position(start), end: Position(end))
    }

    private struct Report: Encodable {
        let errors: Int
        let warnings: Int
        let diagnostics: [Entry]
    }
    private struct Entry: Encodable {
        let file: String, severity: String, code: String, message: String
        let label: String?
        let range: Span
        let help: String?
        let notes: [Note]
        let fixits: [FixItEntry]
    }
    private struct Note: Encodable {
        let message: String
        let file: String?
        let range: Span?
    }
    private struct FixItEntry: Encodable {
        let range: Span
        let replacement: String
    }
    private struct Span: Encodable {
        let start: Position, end: Position
    }
    private struct Position: Encodable {
        let line: Int, column: Int, utf16: Int, offset: Int
        init(_ p: SourcePosition) {
            line = p.line; column = p.column; utf16 = p.utf16Column; offset = p.offset
        }
    }
}
