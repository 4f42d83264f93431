// LspCommand: `snnc lsp [--data DIR] [--debounce MS]` — the language server on standard input and output. It
// wires the checker's dataset inspector: a document's datasets are found beside it, then in `--data DIR`, then
// in `$SNNC_DATA`, as for `snnc check`.

import Foundation
import SNNLanguageServer
import SNNSema

enum LspCommand {
    static func run(_ arguments: [String], io: CLIIO) throws -> Int32 {
        var dataFolder: String?
        var options = LanguageServer.Options()
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            let (name, inlineValue) = CLI.splitOption(argument)
            func value() throws -> String {
                if let inlineValue { return inlineValue }
                guard let next = remaining.popFirst() else { throw CLIError.usage("option '\(name)' needs a value") }
                return next
            }
            switch name {
            case "--help", "-h":
                io.writeOutput(HelpText.lsp)
                return CLI.ExitCode.success
            case "--data":
                dataFolder = try value()
            case "--debounce":
                let text = try value()
                guard let milliseconds = Int(text), milliseconds >= 0 else {
                    throw CLIError.usage("'--debounce' needs a number of milliseconds, not '\(text)'")
                }
                options.debounceMilliseconds = milliseconds
            case "--stdio":
                break                                          // what editors' clients often pass; stdio is the only transport
            default:
                throw CLIError.usage("unknown option '\(argument)' for 'snnc lsp'")
            }
        }
        let environment = io.environment, folder = dataFolder
        let server = LanguageServer(writer: MessageWriter(fileDescriptor: STDOUT_FILENO), version: CLI.version,
                                    options: options) { path in
            FileDatasetInspector(searchPath: DataSearchPath(modelPath: path, dataFolder: folder, environment: environment))
        }
        return server.run(reader: MessageReader(fileDescriptor: STDIN_FILENO))
    }
}
