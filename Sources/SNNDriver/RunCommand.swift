// RunCommand: `snnc run MODEL [options]` — checks the model, plans it, simulates it and reports: a summary (or
// JSON with --json), recordings as CSV and .npy in the output folder, with --plot an SVG (the learned receptive
// fields for a model with an experiment and a learning connection, else the spike raster). Exit status 0 when
// the run completed (or was stopped with Ctrl-C), 1 for diagnostics or a numeric blow-up, 2 for usage.

import Foundation
import SNNPlan
import SNNRuntime
import SNNSema
import SNNSource

enum RunCommand {
    struct Options {
        var path: String?
        /// nil: the runtime chooses up to all cores from the work per step; a number is used exactly.
        var threads: Int?
        var json = false
        var plot: String?
        var outputFolder: String?
        var dataFolder: String?
        /// Training samples between checkpoints (0: none).
        var checkpointEvery = 1000
        var resume = false
    }

    static func run(_ arguments: [String], io: CLIIO) throws -> Int32 {
        if arguments.contains("--help") || arguments.contains("-h") {
            io.writeOutput(HelpText.run)
            return CLI.ExitCode.success
        }
        let options = try parse(arguments)
        guard let path = options.path else { throw CLIError.usage("'snnc run' needs a model file") }
        let started = Date()
        guard let (planned, model, sources) = try planModel(path: path, dataFolder: options.dataFolder, io: io) else {
            return CLI.ExitCode.diagnostics
        }
        let interrupt = InterruptFlag()
        if io.catchesInterrupts { interrupt.start() }
        defer { if io.catchesInterrupts { interrupt.stop() } }
        let showProgress = io.errorIsTerminal && !options.json
        let progress = showProgress && planned.experiment == nil ? ProgressBar(total: planned.steps, write: io.writeError) : nil
        let beforeRun = Date().timeIntervalSince(started)
        let report: (@Sendable (Int) -> Void)? = progress.map { bar in { @Sendable done in bar.update(done) } }
        var runOptions = RunOptions(threads: options.threads ?? ProcessInfo.processInfo.activeProcessorCount,
                                    progress: report, stopRequested: { @Sendable in interrupt.isSet })
        runOptions.exactThreadCount = options.threads != nil
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let folder = options.outputFolder ?? "\(stem)_output"
        let result: RunResult
        var experiment: ExperimentResult?
        if planned.experiment != nil {
            let searchPath = DataSearchPath(modelPath: path, dataFolder: options.dataFolder, environment: io.environment)
            let files = ExperimentFiles(output: { @Sendable name in
                try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                return (folder as NSString).appendingPathComponent(name)
            }, input: { @Sendable name in
                let written = (folder as NSString).appendingPathComponent(name)
                return searchPath.resolve(name) ?? (FileManager.default.fileExists(atPath: written) ? written : nil)
            })
            let line = showProgress ? ExperimentProgressLine(write: io.writeError) : nil
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let checkpoint = options.checkpointEvery > 0 || options.resume
                ? CheckpointOptions(path: (folder as NSString).appendingPathComponent("\(stem).checkpoint"),
                                    interval: options.checkpointEvery, resume: options.resume) : nil
            experiment = Simulator.runExperiment(planned, options: runOptions, files: files, checkpoint: checkpoint,
                                                 progress: line.map { l in { l.update($0) } })
            line?.finish()
            result = experiment!.run
        } else {
            result = Simulator.run(planned, options: runOptions)
            progress?.finish()
        }

        var files = try RecordingWriter(plan: planned, folder: folder).write(result)
        if let plot = options.plot {
            let grid = experiment.flatMap { WeightGridPlot(plan: planned, model: model, learned: $0.learnedWeights) }
            let svg = grid?.svg() ?? RasterPlot(plan: planned, result: result).svg()
            guard FileManager.default.createFile(atPath: plot, contents: Data(svg.utf8)) else {
                throw CLIError.io("cannot write '\(plot)'")
            }
            files.append(plot)
        }
        var summary = RunSummary(model: model.syntax.model?.name.name ?? stem, plan: planned, result: result, files: files)
        summary.timeToFirstStep = beforeRun + result.setupSeconds
        summary.experiment = experiment.map(ExperimentSummary.init)
        io.writeOutput(options.json ? summary.json : summary.text)
        if let failure = experiment?.failure {
            io.writeError("error: \(failure)\n")
            return CLI.ExitCode.diagnostics
        }
        if let diverged = result.ruleDivergence {
            io.writeError(render(ruleDivergence: diverged, plan: planned, model: model, sources: sources, io: io))
            return CLI.ExitCode.diagnostics
        }
        if let divergence = result.divergence {
            io.writeError(render(divergence: divergence, plan: planned, model: model, sources: sources, io: io))
            return CLI.ExitCode.diagnostics
        }
        return CLI.ExitCode.success
    }

    /// Checks and plans the model; prints diagnostics and returns nil when there are errors.
    static func planModel(path: String, dataFolder: String?, io: CLIIO) throws
        -> (ExecutionPlan, CheckedModel, SourceManager)? {
        let bytes = try io.readFile(path)
        let searchPath = DataSearchPath(modelPath: path, dataFolder: dataFolder, environment: io.environment)
        let checked = CheckPipeline.check([CheckInput(path: path, bytes: bytes)]) { _ in
            FileDatasetInspector(searchPath: searchPath)
        }
        var diagnostics = checked.diagnostics
        var planned: ExecutionPlan?
        if let model = checked.models[path], checked.errorCount == 0 {
            let outcome = Planner.plan(model, sources: checked.sources, resolvePath: searchPath.resolve)
            diagnostics += outcome.diagnostics
            planned = outcome.plan
            if let problem = outcome.internalError {
                io.writeError("snnc: internal error: \(problem); please report it\n")
                return nil
            }
        }
        let rendered = HumanRenderer(colors: io.errorIsTerminal && (io.environment["NO_COLOR"] ?? "").isEmpty)
            .render(diagnostics, sources: checked.sources)
        if !diagnostics.isEmpty { io.writeError(rendered) }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return nil }
        guard let plan = planned, let model = checked.models[path] else {
            io.writeError("snnc: internal error: no execution plan was produced for '\(path)'; please report it\n")
            return nil
        }
        return (plan, model, checked.sources)
    }

    /// A numeric blow-up as a diagnostic at the population's declaration.
    static func render(divergence: Divergence, plan: ExecutionPlan, model: CheckedModel, sources: SourceManager,
                       io: CLIIO) -> String {
        let time = Double(divergence.step) * plan.dt * 1e3
        let value = divergence.value.isNaN ? "NaN" : (divergence.value > 0 ? "+infinity" : "-infinity")
        let message = "'\(divergence.variable)' of neuron \(divergence.neuron) in population '\(divergence.population)' became \(value) at t = \(String(format: "%.4g", time)) ms; the run stopped there"
        guard let declaration = model.population(divergence.population)?.name.range else {
            return "error[\(RunCode.numericDivergence.rawValue)]: \(message)\n"
        }
        let diagnostic = Diagnostic(.error, RunCode.numericDivergence.code, message, at: declaration,
                                    help: "a smaller time step, another integration method (`method = rk4`), or parameters that keep the model stable")
        return HumanRenderer(colors: io.errorIsTerminal && (io.environment["NO_COLOR"] ?? "").isEmpty)
            .render([diagnostic], sources: sources)
    }

    /// A learning rule's variable that became NaN or infinite, as a diagnostic at the rule's declaration.
    static func render(ruleDivergence d: RuleDivergence, plan: ExecutionPlan, model: CheckedModel, sources: SourceManager,
                       io: CLIIO) -> String {
        let time = Double(d.step) * plan.dt * 1e3
        let value = d.value.isNaN ? "NaN" : (d.value > 0 ? "+infinity" : "-infinity")
        let message = "'\(d.variable)' of rule '\(d.rule)' on \(d.projection) became \(value) at the synapse from source \(d.source) to target \(d.target) by t = \(String(format: "%.4g", time)) ms; the run stopped there"
        let help = "keep the rule's values in range: `clip(…)` its result, and guard powers and divisions (`max(w_max - w, 0) ^ mu`)"
        guard let declaration = model.models[d.rule]?.nameRange else {
            return "error[\(RunCode.ruleDivergence.rawValue)]: \(message)\n"
        }
        let diagnostic = Diagnostic(.error, RunCode.ruleDivergence.code, message, at: declaration, help: help)
        return HumanRenderer(colors: io.errorIsTerminal && (io.environment["NO_COLOR"] ?? "").isEmpty)
            .render([diagnostic], sources: sources)
    }

    static func parse(_ arguments: [String]) throws -> Options {
        var options = Options()
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            let (name, inline) = argument.hasPrefix("-") ? CLI.splitOption(argument) : (argument, nil)
            func value() throws -> String {
                if let inline { return inline }
                guard let next = remaining.popFirst() else { throw CLIError.usage("option '\(name)' needs a value") }
                return next
            }
            switch name {
            case "--threads":
                let text = try value()
                guard let n = Int(text), n >= 1 else { throw CLIError.usage("--threads needs a whole number ≥ 1, not '\(text)'") }
                options.threads = n
            case "--json": options.json = true
            case "--plot": options.plot = try value()
            case "--out": options.outputFolder = try value()
            case "--data": options.dataFolder = try value()
            case "--checkpoint-every":
                let text = try value()
                guard let n = Int(text), n >= 0 else { throw CLIError.usage("--checkpoint-every needs a whole number ≥ 0, not '\(text)'") }
                options.checkpointEvery = n
            case "--resume": options.resume = true
            default:
                if name.hasPrefix("-") { throw CLIError.usage("unknown option '\(name)' for 'snnc run'") }
                if options.path != nil { throw CLIError.usage("'snnc run' runs one model at a time") }
                options.path = argument
            }
        }
        return options
    }
}
