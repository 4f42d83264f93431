// CLI: `snnc` subcommand dispatch, global flags and exit codes (0 ok, 1 diagnostics, 2 usage or I/O error).
// Each subcommand parses its own options; help texts live in HelpText.swift.

import SNNSource

public enum CLI {
    public static let version = "0.1.0"

    public enum ExitCode {
        public static let success: Int32 = 0
        public static let diagnostics: Int32 = 1
        public static let usage: Int32 = 2
    }

    static let commands = ["check", "run", "plan", "explain", "prelude", "fmt", "lsp", "help"]

    /// Runs `snnc` with `arguments` (without the program name) and returns the exit status.
    public static func run(_ arguments: [String], io: CLIIO) -> Int32 {
        do {
            return try dispatch(arguments, io: io)
        } catch let error as CLIError {
            io.writeError("snnc: \(error.message)\n")
            if case .usage = error { io.writeError("Run 'snnc --help' for usage.\n") }
            return ExitCode.usage
        } catch {
            io.writeError("snnc: \(error)\n")
            return ExitCode.usage
        }
    }

    private static func dispatch(_ arguments: [String], io: CLIIO) throws -> Int32 {
        guard let command = arguments.first else {
            io.writeOutput(HelpText.overview)
            return ExitCode.success
        }
        let rest = Array(arguments.dropFirst())
        switch command {
        case "--help", "-h":
            io.writeOutput(HelpText.overview)
            return ExitCode.success
        case "--version":
            io.writeOutput("snnc \(version)\n")
            return ExitCode.success
        case "help":
            guard let topic = rest.first else {
                io.writeOutput(HelpText.overview)
                return ExitCode.success
            }
            guard let text = HelpText.command(topic) else { throw unknownCommand(topic) }
            io.writeOutput(text)
            return ExitCode.success
        case "check":
            return try CheckCommand.run(rest, io: io)
        case "run":
            return try RunCommand.run(rest, io: io)
        case "plan":
            return try PlanCommand.run(rest, io: io)
        case "explain":
            return try ExplainCommand.run(rest, io: io)
        case "prelude":
            return try PreludeCommand.run(rest, io: io)
        case "fmt":
            return try FmtCommand.run(rest, io: io)
        case "lsp":
            return try LspCommand.run(rest, io: io)
        default:
            throw unknownCommand(command)
        }
    }

    /// `--format=json` → ("--format", "json"); `--format` → ("--format", nil).
    static func splitOption(_ argument: String) -> (String, String?) {
        guard let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }

    private static func unknownCommand(_ name: String) -> CLIError {
        if name.hasPrefix("-") { return .usage("unknown option '\(name)'") }
        let guess = Spelling.closest(to: name, in: commands).map { " (did you mean '\($0)'?)" } ?? ""
        return .usage("unknown command '\(name)'\(guess)")
    }
}
