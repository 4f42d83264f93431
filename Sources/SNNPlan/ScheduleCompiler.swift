// ScheduleCompiler: the `simulate` statements → the run's time step, length and seed. The durations of all
// statements add up; the time step is the one they give (0.1 ms by default), and two statements with
// different steps are an error; the seed is the first one given (1 by default). Without a `simulate`
// statement there is nothing to run (PlanCode.nothingToSimulate at the file's first item). train, evaluate,
// assign, save and load belong to learning and are not scheduled by `snnc run`.

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
            guard case .simulate(let statement) = item.kind else { continue }
            let options = ArgumentBinder.bind(statement.options, to: ArgumentBinder.parameters["simulate"]!)
            if let argument = options["dt"], let seconds = try? values.compile(argument.value).constantValue, seconds > 0 {
                if let first = dt, abs(first.seconds - seconds) > 1e-12 * first.seconds {
                    diagnostics.append(.plan(.conflictingTimeSteps,
                                             "this `simulate` runs with dt = \(milliseconds(seconds)), but an earlier one with dt = \(milliseconds(first.seconds))",
                                             at: argument.value.range, notes: [DiagnosticNote("the first time step is set here", at: first.range)],
                                             help: "`snnc run` simulates with one time step; give every `simulate` the same dt"))
                } else if dt == nil {
                    dt = (seconds, argument.value.range)
                }
            }
            if seed == nil, let argument = options["seed"], let value = try? values.compile(argument.value).constantValue,
               value >= 0, value.rounded() == value, value < 0x1p63 {
                seed = UInt64(value)
            }
            if let duration = try? values.compile(statement.duration).constantValue, duration > 0 {
                durations.append(duration)
            }
        }
        let step = dt?.seconds ?? Schedule.defaultTimeStep
        // Each statement runs its duration rounded to whole steps, at least one.
        let steps = durations.reduce(0) { $0 + max(1, Int(($1 / step).rounded())) }
        if durations.isEmpty {
            let range = file.items.first?.range ?? file.range
            let learns = file.items.contains { item in
                if case .train = item.kind { return true }
                if case .evaluate = item.kind { return true }
                return false
            }
            diagnostics.append(.plan(.nothingToSimulate,
                                     learns ? "the model trains and evaluates but has no `simulate` statement; `snnc run` does not train or evaluate yet"
                                         : "the model has no `simulate` statement; there is nothing to run",
                                     at: range.startPoint, help: "add `simulate 1 s with dt = 0.1 ms` at the end of the file"))
        }
        return (Schedule(dt: step, steps: steps, seed: seed ?? Schedule.defaultSeed), diagnostics)
    }

    static func milliseconds(_ seconds: Double) -> String {
        let ms = (seconds * 1e3 * 1e9).rounded() / 1e9
        return ms == ms.rounded() && abs(ms) < 1e15 ? "\(Int(ms)) ms" : "\(ms) ms"
    }
}
