// Formatter: the entry point of `snnc fmt` and of the language server's formatting — one canonical layout for
// a `.snn` file. The tokens and comments are printed as written and stay on their lines (only a block's `{`
// and an `else` move up to the line above); what changes is the white space: indentation (Indentation),
// spaces between tokens (Spacing), aligned columns (Alignment) and blank lines (BlankLines).

import SNNSource
import SNNSyntax

public enum FormatResult: Sendable {
    /// The file in canonical layout.
    case formatted(String)
    /// The file has syntax errors; it is left as it is.
    case syntaxErrors([Diagnostic])
}

public enum Formatter {
    /// Formats `text` (the contents of `fileName`).
    public static func format(_ text: String, fileName: String) -> FormatResult {
        let sources = SourceManager()
        return format(sources.add(path: fileName, text: text), in: sources)
    }

    /// Formats `file`, one of `sources` (which renders the diagnostics of a file with syntax errors).
    public static func format(_ file: SourceFile, in sources: SourceManager) -> FormatResult {
        let parsed = Parser.parse(file)
        if parsed.diagnostics.contains(where: { $0.severity == .error }) {
            var engine = DiagnosticEngine()
            engine.emit(contentsOf: parsed.diagnostics)
            return .syntaxErrors(engine.finalized(using: sources))
        }
        let facts = SyntaxFacts(parsed.syntax)
        var lines = SourceLines.build(file, tokens: Lexer.lex(file).tokens, comments: parsed.comments, facts: facts)
        Indentation.apply(&lines, facts: facts)
        Spacing.apply(&lines)
        Alignment.apply(&lines)
        BlankLines.apply(&lines, facts: facts)
        var text = ""
        for line in lines {
            text += String(repeating: "\n", count: line.blankLinesBefore) + line.rendered() + "\n"
        }
        return .formatted(text)
    }
}
