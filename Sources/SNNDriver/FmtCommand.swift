// FmtCommand: `snnc fmt [--check] FILE... | -` — rewrites models in the canonical layout of SNNFormat, in place
// through a temporary file and a rename, printing `formatted FILE` for each file changed; `-` formats standard
// input to standard output; `--check` changes nothing and reports each file that would change. A file with
// syntax errors is left alone and its diagnostics are printed on standard error, as `snnc check` shows them.

import Foundation
import SNNFormat
import SNNSource

enum FmtCommand {
    static let standardInputName = "<stdin>"

    struct Options {
        var paths: [String] = []
        var check = false
    }

    static func run(_ arguments: [String], io: CLIIO) throws -> Int32 {
        guard !arguments.contains("--help"), !arguments.contains("-h") else {
            io.writeOutput(HelpText.fmt)
            return CLI.ExitCode.success
        }
        let options = try parse(arguments)
        let inputs = try options.paths.map { path in (path, path == "-" ? io.readStandardInput() : try io.readFile(path)) }
        var status = CLI.ExitCode.success
        for (path, bytes) in inputs {
            let name = path == "-" ? standardInputName : path
            let sources = SourceManager()
            switch Formatter.format(sources.add(path: name, bytes: bytes), in: sources) {
            case .syntaxErrors(let diagnostics):
                let noColor = !(io.environment["NO_COLOR"] ?? "").isEmpty
                io.writeError(HumanRenderer(colors: io.errorIsTerminal && !noColor).render(diagnostics, sources: sources))
                status = CLI.ExitCode.diagnostics
            case .formatted(let text):
                let original = String(decoding: bytes, as: UTF8.self)
                if options.check {
                    guard let changes = FormatChanges(from: original, to: text) else { continue }
                    let lines = changes.changedLines == 1 ? "1 line changes" : "\(changes.changedLines) lines change"
                    io.writeOutput("\(name): would reformat (\(lines); first at line \(changes.firstLine))\n")
                    status = CLI.ExitCode.diagnostics
                } else if path == "-" {
                    io.writeOutput(text)
                } else if text != original {
                    try replaceContents(of: path, with: text)
                    io.writeOutput("formatted \(path)\n")
                }
            }
        }
        return status
    }

    static func parse(_ arguments: [String]) throws -> Options {
        var options = Options()
        var onlyPaths = false
        for argument in arguments {
            if onlyPaths || argument == "-" || !argument.hasPrefix("-") {
                options.paths.append(argument)
            } else if argument == "--" {
                onlyPaths = true
            } else if argument == "--check" {
                options.check = true
            } else {
                throw CLIError.usage("unknown option '\(argument)' for 'snnc fmt'")
            }
        }
        guard !options.paths.isEmpty else {
            throw CLIError.usage("'snnc fmt' needs at least one file (or '-' for standard input)")
        }
        if options.paths.filter({ $0 == "-" }).count > 1 {
            throw CLIError.usage("standard input ('-') can be formatted only once")
        }
        return options
    }

    /// Writes `text` beside the file (through a symbolic link, beside its target) with the file's permissions,
    /// then renames it over the file: a reader sees the old file or the new one, never half of it.
    private static func replaceContents(of path: String, with text: String) throws {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).fmt")
        do {
            try Data(text.utf8).write(to: temporary, options: .withoutOverwriting)
            if let permissions = try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] {
                try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path)
            }
            guard rename(temporary.path, target.path) == 0 else {
                throw CLIError.io("cannot write '\(path)': \(String(cString: strerror(errno)))")
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error as? CLIError ?? CLIError.io("cannot write '\(path)': \(error.localizedDescription)")
        }
    }
}
