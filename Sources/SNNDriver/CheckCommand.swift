// CheckCommand: `snnc check FILE... | -` — parse the options, read the inputs, run the check pipeline and
// print diagnostics as human text, gcc-style lines or JSON (on stdout; usage and I/O errors go to stderr).

import SNNSema
import SNNSource
import SNNSyntax

enum CheckCommand {
    enum Format: String, CaseIterable { case human, gcc, json }
    enum Color: String, CaseIterable { case auto, always, never }

    struct Options {
        var paths: [String] = []
        var format = Format.human
        var color = Color.auto
        var dumpAST = false
        var stats = false
        var dataFolder: String?
        var stdinName = "<stdin>"
    }

    static func run(_ arguments: [String], io: CLIIO) throws -> Int32 {
        guard !arguments.contains("--help"), !arguments.contains("-h") else {
            io.writeOutput(HelpText.check)
            return CLI.ExitCode.success
        }
        let options = try parse(arguments)
        var inputs: [CheckInput] = []
        for path in options.paths {
            if path == "-" {
                inputs.append(CheckInput(path: options.stdinName, bytes: io.readStandardInput()))
            } else {
                inputs.append(CheckInput(path: path, bytes: try io.readFile(path)))
            }
        }
        let result = CheckPipeline.check(inputs) { path in
            let isStandardInput = options.paths.contains("-") && path == options.stdinName
            return FileDatasetInspector(searchPath: DataSearchPath(modelPath: isStandardInput ? nil : path,
                                                                   dataFolder: options.dataFolder,
                                                                   environment: io.environment))
        }
        if options.dumpAST {
            for (source, parsed) in result.files {
                io.writeOutput(ASTDumper(file: source).dump(parsed.syntax))
            }
        }
        io.writeOutput(render(result, options, io))
        if options.stats {
            for input in inputs {
                guard let model = result.models[input.path] else { continue }
                io.writeOutput("\n" + StatisticsRenderer.render(ModelStatistics(model), path: input.path))
            }
        }
        return result.errorCount > 0 ? CLI.ExitCode.diagnostics : CLI.ExitCode.success
    }

    static func parse(_ arguments: [String]) throws -> Options {
        var options = Options()
        var remaining = arguments[...]
        var onlyPaths = false
        while let argument = remaining.popFirst() {
            if onlyPaths || argument == "-" || !argument.hasPrefix("-") {
                options.paths.append(argument)
                continue
            }
            let (name, inlineValue) = CLI.splitOption(argument)
            func value() throws -> String {
                if let inlineValue { return inlineValue }
                guard let next = remaining.popFirst() else { throw CLIError.usage("option '\(name)' needs a value") }
                return next
            }
            switch name {
            case "--":
                onlyPaths = true
            case "--format":
                let text = try value()
                guard let format = Format(rawValue: text) else {
                    throw CLIError.usage("unknown format '\(text)' (expected human, gcc or json)")
                }
                options.format = format
            case "--color":
                let text = try value()
                guard let color = Color(rawValue: text) else {
                    throw CLIError.usage("unknown color mode '\(text)' (expected auto, always or never)")
                }
                options.color = color
            case "--dump-ast":
                options.dumpAST = true
            case "--stats":
                options.stats = true
            case "--data":
                options.dataFolder = try value()
            case "--stdin-filename":
                options.stdinName = try value()
            default:
                throw CLIError.usage("unknown option '\(name)' for 'snnc check'")
            }
        }
        guard !options.paths.isEmpty else {
            throw CLIError.usage("'snnc check' needs at least one file (or '-' for standard input)")
        }
        if options.dumpAST && options.format == .json {
            throw CLIError.usage("'--dump-ast' cannot be combined with '--format json' (the output would not be JSON)")
        }
        if options.stats && options.format == .json {
            throw CLIError.usage("'--stats' cannot be combined with '--format json' (the output would not be JSON)")
        }
        if options.paths.filter({ $0 == "-" }).count > 1 {
            throw CLIError.usage("standard input ('-') can be checked only once")
        }
        return options
    }

    private static func render(_ result: CheckResult, _ options: Options, _ io: CLIIO) -> String {
        switch options.format {
        case .gcc:
            return GCCRenderer().render(result.diagnostics, sources: result.sources)
        case .json:
            return JSONRenderer().render(result.diagnostics, sources: result.sources)
        case .human:
            let noColor = !(io.environment["NO_COLOR"] ?? "").isEmpty
            let colors = options.color == .always || (options.color == .auto && io.outputIsTerminal && !noColor)
            return HumanRenderer(colors: colors).render(result.diagnostics, sources: result.sources)
        }
    }
}
