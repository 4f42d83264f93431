// HumanRenderer: diagnostics for people — a header, the source line with a line-number gutter and carets
// under the problem, related notes with their own excerpts, help and fix-its. Colour is optional
// (the caller decides: on for a TTY unless NO_COLOR is set).

public struct HumanRenderer {
    public var colors: Bool
    /// Lines longer than this many bytes are shown as a window around the problem.
    public var maxExcerptBytes = 240

    public init(colors: Bool) { self.colors = colors }

    public func render(_ diagnostics: [Diagnostic], sources: SourceManager) -> String {
        var out = ""
        for diagnostic in diagnostics {
            out += render(diagnostic, sources) + "\n"
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        if errors + warnings > 0 {
            var parts: [String] = []
            if errors > 0 { parts.append("\(errors) error\(errors == 1 ? "" : "s")") }
            if warnings > 0 { parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
            out += paint(parts.joined(separator: ", ") + " generated.", .bold) + "\n"
        }
        return out
    }

    private func render(_ d: Diagnostic, _ sources: SourceManager) -> String {
        let style: Style = d.severity == .error ? .red : d.severity == .warning ? .yellow : .cyan
        var out = paint("\(d.severity.rawValue)[\(d.code)]", style) + paint(": \(d.message)", .bold) + "\n"
        let gutter = gutterWidth(d, sources)
        out += excerpt(d.range, marker: "^", label: d.label, style: style, gutter: gutter, sources)
        for note in d.notes {
            if let range = note.range {
                out += paint(String(repeating: " ", count: gutter + 1) + "= note: ", .cyan) + note.message + "\n"
                out += excerpt(range, marker: "-", label: nil, style: .cyan, gutter: gutter, sources)
            } else {
                out += paint(String(repeating: " ", count: gutter + 1) + "= note: ", .cyan) + note.message + "\n"
            }
        }
        if let help = d.help {
            out += paint(String(repeating: " ", count: gutter + 1) + "= help: ", .cyan) + help + "\n"
        }
        for fix in d.fixIts {
            let old = sources.file(fix.range.file).text(in: fix.range.startOffset..<fix.range.endOffset)
            let action = old.isEmpty ? "insert `\(fix.replacement)`"
                : fix.replacement.isEmpty ? "remove `\(old)`" : "replace `\(old)` with `\(fix.replacement)`"
            out += paint(String(repeating: " ", count: gutter + 1) + "= fix: ", .cyan) + action + "\n"
        }
        return out
    }

    private func gutterWidth(_ d: Diagnostic, _ sources: SourceManager) -> Int {
        let ranges = [d.range] + d.notes.compactMap(\.range)
        let maxLine = ranges.map { sources.file($0.file).lineIndex(of: $0.startOffset) + 1 }.max() ?? 1
        return String(maxLine).count
    }

    /// ` --> file:line:col`, then the line and a marker row under the range.
    private func excerpt(_ range: SourceRange, marker: Character, label: String?, style: Style,
                         gutter: Int, _ sources: SourceManager) -> String {
        let file = sources.file(range.file)
        let position = file.position(of: range.startOffset)
        let pad = String(repeating: " ", count: gutter)
        var out = pad + paint("--> ", .blue) + "\(file.path):\(position.line):\(position.column)\n"
        let line = position.line - 1
        let (shown, caretStart, caretLength) = window(file, file.lineByteRange(line), range)
        let number = String(position.line)
        out += paint(pad + " |", .blue) + "\n"
        out += paint(String(repeating: " ", count: gutter - number.count) + number + " |", .blue) + " " + shown + "\n"
        let carets = String(repeating: " ", count: caretStart) + String(repeating: marker, count: caretLength)
        out += paint(pad + " |", .blue) + " " + paint(carets + (label.map { " " + $0 } ?? ""), style) + "\n"
        return out
    }

    /// The displayed text of a line (tabs expanded, long lines cut to a window) and the caret position/length.
    private func window(_ file: SourceFile, _ line: Range<Int>, _ range: SourceRange)
        -> (text: String, caretStart: Int, caretLength: Int) {
        let start = min(max(range.startOffset, line.lowerBound), line.upperBound)
        let end = min(max(range.endOffset, start), line.upperBound)
        var from = line.lowerBound, to = line.upperBound
        if to - from > maxExcerptBytes {
            from = max(line.lowerBound, start - maxExcerptBytes / 3)
            to = min(line.upperBound, max(end, start + 1) + maxExcerptBytes / 2)
            while from > line.lowerBound, file.bytes[from] & 0xC0 == 0x80 { from -= 1 }
            while to < line.upperBound, file.bytes[to] & 0xC0 == 0x80 { to += 1 }
        }
        let prefix = from > line.lowerBound ? "…" : ""
        let suffix = to < line.upperBound ? "…" : ""
        let before = displayWidth(file, from..<start) + (prefix.isEmpty ? 0 : 1)
        let length = max(1, displayWidth(file, start..<min(end, to)))
        let text = file.text(in: from..<to).replacingTabs()
        return (prefix + text + suffix, before, length)
    }

    private func displayWidth(_ file: SourceFile, _ bytes: Range<Int>) -> Int {
        var width = 0
        for index in bytes where file.bytes[index] & 0xC0 != 0x80 {
            width += file.bytes[index] == UInt8(ascii: "\t") ? 4 : 1
        }
        return width
    }

    private enum Style: String {
        case red = "1;31", yellow = "1;33", cyan = "1;36", blue = "1;34", bold = "1"
    }

    private func paint(_ text: String, _ style: Style) -> String {
        colors ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}

private extension String {
    func replacingTabs() -> String {
        contains("\t") ? split(separator: "\t", omittingEmptySubsequences: false).joined(separator: "    ") : self
    }
}
