// ScheduleCompiler: the `simulate`, `train`, `evaluate` and `assign labels` statements → the run's time step,
// simulated length and seed. The durations of `simulate` statements add up; the time step is the one the statements give (0.1 ms by
// default), and two different steps are an error; the seed is the first one given (1 by default). Without any
// of them there is nothing to run (PlanCode.nothingToSimulate at the file's first item).

import SNNSema
import SNNSource
import SNNSyntax

struct Schedule: Equatable {
    static let defaultTimeStep = 0.1e-3
    static let defaultSeed: UInt64 = 1

    var dt: Double
    var steps: Int
    var seed: UInt64
}

enum ScheduleCompiler {
    static func compile(_ file: SourceFileSyntax, constants: FileConstants)
        -> (schedule: Schedule, diagnostics: [Diagnostic]) {
        let values = ValueCompiler(constants: constants)
        var diagnostics: [Diagnostic] = []
        var dt: (seconds: Double, range: SourceRange)?
        var seed: UInt64?
        var durations: [Double] = []
        for item in file.items {
            let options: [String: Argument]
            var duration: Expr?
            switch item.kind {
            case .simulate(let statement):
                options = ArgumentBinder.bind(statement.options, to: ArgumentBinder.parameters["simulate"]!)
                duration = statement.duration
            case .train(let statement):
                options = ArgumentBinder.bind(statement.options, to: [])
            case .evaluate(let statement):
                options = ArgumentBinder.bind(statement.options, to: [])
            case .assignLabels(let statement):
                options = ArgumentBinder.bind(statement.options, to: [])
            default:
                continue
            }
            if let argument = options["dt"], let seconds = try? values.compile(argument.value).constantValue, seconds > 0 {
                if let first = dt, abs(first.seconds - seconds) > 1e-12 * first.seconds {
                    diagnostics.append(.plan(.conflictingTimeSteps,
                                             "this statement runs with dt = \(milliseconds(seconds)), but an earlier one with dt = \(milliseconds(first.seconds))",
                                             at: argument.value.range, notes: [DiagnosticNote("the first time step is set here", at: first.range)],
                                             help: "`snnc run` simulates with one time step; give every `simulate`, `train`, `evaluate` and `assign labels` the same dt"))
                } else if dt == nil {
                    dt = (seconds, argument.value.range)
                }
            }
            if seed == nil, let argument = options["seed"], let value = try? values.compile(argument.value).constantValue,
               value >= 0, value.rounded() == value, value < 0x1p63 {
                seed = UInt64(value)
            }
            if let duration, let seconds = try? values.compile(duration).constantValue, seconds > 0 {
                durations.append(seconds)
            }
        }
        let step = dt?.seconds ?? Schedule.defaultTimeStep
        // Each statement runs its duration rounded to whole steps, at least one.
        let steps = durations.reduce(0) { $0 + max(1, Int(($1 / step).rounded())) }
        if durations.isEmpty && !Planner.hasExperiment(file) {
            let range = file.items.first?.range ?? file.range
            diagnostics.append(.plan(.nothingToSimulate, "the model has no `simulate`, `train` or `evaluate` statement; there is nothing to run",
                                     at: range.startPoint, help: "add `simulate 1 s with dt = 0.1 ms` at the end of the file"))
        }
        return (Schedule(dt: step, steps: steps, seed: seed ?? Schedule.defaultSeed), diagnostics)
    }

    static func milliseconds(_ seconds: Double) -> String {
        let ms = (seconds * 1e3 * 1e9).rounded() / 1e9
        return ms == ms.rounded() && abs(ms) < 1e15 ? "\(Int(ms)) ms" : "\(ms) ms"
    }
}
