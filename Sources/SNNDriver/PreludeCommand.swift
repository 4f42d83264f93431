// PreludeCommand: `snnc prelude [NAME...] [--list]` — prints the built-in neuron models and rules as .snn text,
// one declaration with its doc comment, or a one-line list.

import SNNSema
import SNNSource
import SNNSyntax

enum PreludeCommand {
    static func run(_ arguments: [String], io: CLIIO) throws -> Int32 {
        if arguments.contains("--help") || arguments.contains("-h") {
            io.writeOutput(HelpText.prelude)
            return CLI.ExitCode.success
        }
        if let unknown = arguments.first(where: { $0.hasPrefix("-") && $0 != "--list" }) {
            throw CLIError.usage("unknown option '\(unknown)' for 'snnc prelude'")
        }
        let declarations = PreludeDeclarations.all()
        if arguments.contains("--list") {
            let width = declarations.map(\.name.count).max() ?? 0
            for d in declarations {
                let pad = String(repeating: " ", count: width - d.name.count)
                io.writeOutput("\(d.name)\(pad)  \(d.kind)  \(d.summary)\n")
            }
            return CLI.ExitCode.success
        }
        let names = arguments.filter { !$0.hasPrefix("-") }
        if names.isEmpty {
            io.writeOutput(Prelude.files.map { "# \($0.path)\n\n\($0.source)\n" }.joined(separator: "\n"))
            return CLI.ExitCode.success
        }
        for name in names {
            guard let declaration = declarations.first(where: { $0.name == name }) else {
                let guess = Spelling.closest(to: name, in: declarations.map(\.name)).map { " (did you mean '\($0)'?)" } ?? ""
                throw CLIError.usage("the prelude has no model or rule named '\(name)'\(guess); 'snnc prelude --list' lists them")
            }
            io.writeOutput("# \(declaration.path)\n\(declaration.text)\n")
        }
        return CLI.ExitCode.success
    }
}

/// The declarations of the prelude with their text (doc comment included) and a one-line summary.
struct PreludeDeclarations {
    var name: String
    var kind: String
    var path: String
    var text: String
    var summary: String

    static func all() -> [PreludeDeclarations] {
        let sources = SourceManager()
        var result: [PreludeDeclarations] = []
        for preludeFile in Prelude.files {
            let file = sources.add(path: preludeFile.path, text: preludeFile.source)
            let parsed = Parser.parse(file)
            for item in parsed.syntax.items {
                let (name, kind): (String, String)
                switch item.kind {
                case .neuron(let n): (name, kind) = (n.name.name, "neuron")
                case .rule(let r): (name, kind) = (r.name.name, "rule  ")
                default: continue
                }
                let firstLine = file.lineIndex(of: item.range.startOffset)
                let docLines = (item.doc ?? "").split(separator: "\n", omittingEmptySubsequences: false).count
                let startLine = max(0, firstLine - (item.doc == nil ? 0 : docLines))
                let start = file.lineByteRange(startLine).lowerBound
                let text = file.text(in: start..<item.range.endOffset)
                let summary = firstSentence(of: item.doc ?? "")
                result.append(PreludeDeclarations(name: name, kind: kind, path: preludeFile.path, text: text, summary: summary))
            }
        }
        return result
    }

    /// The doc comment's first sentence, on one line.
    private static func firstSentence(of doc: String) -> String {
        let paragraph = doc.split(separator: "\n", omittingEmptySubsequences: false)
            .prefix { !$0.trimmingPrefix(" ").isEmpty }.map { $0.trimmingPrefix(" ") }.joined(separator: " ")
        var sentence = paragraph
        if let end = paragraph.range(of: ". ") ?? paragraph.range(of: ": ") {
            sentence = String(paragraph[..<end.lowerBound]) + "."
        }
        guard sentence.count > 100 else { return sentence }
        let cut = sentence.prefix(99)
        return String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]) + " …"
    }
}
