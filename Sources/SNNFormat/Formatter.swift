// Formatter: the entry point of `snnc fmt` — one canonical layout for a `.snn` file (placeholder until built).

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
        .formatted(text)
    }
}
