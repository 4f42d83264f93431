// ExplainCommand: `snnc explain [CODE]` — the long explanation of a diagnostic code with a wrong and a right
// example, or the list of all codes.

import SNNSource

enum ExplainCommand {
    static func run(_ arguments: [String], io: CLIIO) throws -> Int32 {
        if arguments.contains("--help") || arguments.contains("-h") {
            io.writeOutput(HelpText.explain)
            return CLI.ExitCode.success
        }
        guard let code = arguments.first else {
            let lines = DiagnosticCatalog.all.map { "\($0.code)  \($0.summary)" }
            io.writeOutput(lines.joined(separator: "\n") + "\n")
            return CLI.ExitCode.success
        }
        guard arguments.count == 1 else { throw CLIError.usage("'snnc explain' takes one code, e.g. E0102") }
        guard let entry = DiagnosticCatalog.explanation(of: code) else {
            throw CLIError.usage("unknown diagnostic code '\(code)' (run 'snnc explain' for the list)")
        }
        io.writeOutput(render(entry))
        return CLI.ExitCode.success
    }

    static func render(_ entry: CodeExplanation) -> String {
        func indented(_ text: String) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
        }
        return """
            \(entry.code): \(entry.summary)

            \(wrap(entry.text, width: 100))

            Wrong:
            \(indented(entry.wrong))

            Right:
            \(indented(entry.right))

            """
    }

    /// Breaks a paragraph into lines of at most `width` characters at spaces.
    static func wrap(_ text: String, width: Int) -> String {
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }
}
