// TimingChecker: the time steps of the experiment against the network — a delay shorter than a step is an
// error, one that is not a whole number of steps is rounded (a warning), and a step not smaller than the
// fastest time constant of a population's model is a warning that names the constant. A time constant is a
// parameter in a time unit that the model's equations use (directly or through `let` values), so a refractory
// period is not one.

import SNNSource
import SNNSyntax

struct TimingChecker {
    let sink: DiagnosticSink
    let globals: GlobalScope
    let models: ModelChecker

    func check(timeSteps: [TimeStepUse], delays: [DelayUse], populations: [PopulationDecl]) {
        let steps = Dictionary(grouping: timeSteps, by: \.seconds).compactMap { $0.value.first }
            .sorted { $0.seconds < $1.seconds }
        for dt in steps {
            for delay in delays {
                let shortest = delay.values.min() ?? 0
                if shortest < dt.seconds * (1 - 1e-9) {
                    sink.report(.delayTooShort, "the delay \(milliseconds(shortest)) is shorter than the time step \(milliseconds(dt.seconds))",
                                at: delay.range, notes: dt.isDefault ? [] : [DiagnosticNote("the time step is set here", at: dt.range)],
                                help: "a spike takes at least one step to arrive; use a delay of at least \(milliseconds(dt.seconds))")
                } else if let seconds = delay.values.first(where: { abs($0 / dt.seconds - ($0 / dt.seconds).rounded()) > 1e-6 }) {
                    let steps = (seconds / dt.seconds).rounded()
                    sink.report(.delayRounded, "the delay \(milliseconds(seconds)) is not a multiple of the time step \(milliseconds(dt.seconds)); it is rounded to \(milliseconds(steps * dt.seconds))",
                                at: delay.range)
                }
            }
        }
        guard let largest = steps.last, let fastest = fastestTimeConstant(populations), fastest.seconds <= largest.seconds else { return }
        let message = "the time step \(milliseconds(largest.seconds))\(largest.isDefault ? " (the default)" : "") is not smaller than the time constant '\(fastest.name)' = \(milliseconds(fastest.seconds)) of population '\(fastest.population)'"
        let help = "the integration will be inaccurate or unstable; use a time step several times smaller"
        if largest.isDefault {
            sink.report(.timeStepTooLarge, message, at: fastest.range, help: help + " (`simulate … with dt = …`)")
        } else {
            sink.report(.timeStepTooLarge, message, at: largest.range,
                        notes: [DiagnosticNote("the time constant is set here", at: fastest.range)], help: help)
        }
    }

    private struct TimeConstant {
        var name: String
        var seconds: Double
        var population: String
        var range: SourceRange
    }

    /// The smallest constant time parameter of any population's model, after the population's overrides.
    private func fastestTimeConstant(_ populations: [PopulationDecl]) -> TimeConstant? {
        var fastest: TimeConstant?
        // Each model's time constants with their defaults in seconds, found once per model.
        var timeConstants: [ObjectIdentifier: [(parameter: VariableInfo, seconds: Double?)]] = [:]
        for population in populations {
            guard let model = models.info(population.model.call.name.name), model.kind == .neuron else { continue }
            let key = ObjectIdentifier(model)
            if timeConstants[key] == nil {
                timeConstants[key] = Self.timeConstants(of: model).map { ($0, $0.initial.flatMap(seconds(of:))) }
            }
            let arguments = population.model.call.arguments ?? []
            for (parameter, defaultSeconds) in timeConstants[key]! {
                // The first argument naming the parameter replaces its default.
                let override = arguments.first { $0.label?.name == parameter.name }
                guard let seconds = override.map({ seconds(of: $0.value) }) ?? defaultSeconds else { continue }
                if fastest == nil || seconds < fastest!.seconds {
                    fastest = TimeConstant(name: parameter.name, seconds: seconds, population: population.name.name,
                                           range: override?.range ?? parameter.declaration)
                }
            }
        }
        return fastest
    }

    /// The smallest value of a constant expression, in seconds, when it is positive.
    private func seconds(of expr: Expr) -> Double? {
        guard let seconds = ConstantEvaluator(scope: globals).evaluate(expr)?.values.min(), seconds > 0 else { return nil }
        return seconds
    }

    /// The parameters in a time unit that the model's equations use, directly or in `let` values.
    private static func timeConstants(of model: ModelInfo) -> [VariableInfo] {
        let candidates = model.parameters.filter { $0.value.type == .quantity(.time) }
        guard !candidates.isEmpty else { return [] }
        var used = [Bool](repeating: false, count: candidates.count)
        func markUsed(_ name: String) {
            if let found = candidates.firstIndex(where: { $0.name == name }) { used[found] = true }
        }
        for equation in model.equations.values { NameCollector.forEachName(in: equation.rhs, markUsed) }
        for alias in model.variables where alias.kind == .alias {
            if let value = alias.initial { NameCollector.forEachName(in: value, markUsed) }
        }
        return zip(candidates, used).filter(\.1).map(\.0)
    }

    private func milliseconds(_ seconds: Double) -> String {
        let ms = (seconds * 1e3 * 1e6).rounded() / 1e6
        return "\(format(ms)) ms"
    }
}
