// ExperimentChecker: the experiment statements in file order — simulate, record, train, evaluate, assign labels,
// save and load — each referring to things that exist, with options in the right units; it also gathers the
// time steps used, for the checks against delays and time constants. The statements of their blocks are
// checked in ExperimentCheckerPhases.

import SNNSource
import SNNSyntax

/// A time step in force for part of the experiment, with where it was given (nil: the default).
struct TimeStepUse {
    var seconds: Double
    var range: SourceRange
    var isDefault: Bool
}

final class ExperimentChecker {
    static let defaultTimeStep = 0.1e-3

    let sink: DiagnosticSink
    let globals: GlobalScope
    let models: ModelChecker
    let populations: [String: PopulationInfo]
    let connections: [ConnectionInfo]
    private(set) var timeSteps: [TimeStepUse] = []
    /// Populations whose neurons have labels (`assign labels … of exc`), for `vote(spike_count(exc))`.
    var labelled: Set<String> = []

    /// Statement options and durations: readouts are not allowed there.
    let expressions: ExpressionChecker
    /// Inside train and evaluate blocks: readouts allowed.
    let phaseExpressions: ExpressionChecker
    private var arguments: BuiltinArgumentChecker { BuiltinArgumentChecker(expressions: expressions) }

    init(sink: DiagnosticSink, globals: GlobalScope, models: ModelChecker, populations: [String: PopulationInfo],
         connections: [ConnectionInfo]) {
        self.sink = sink
        self.globals = globals
        self.models = models
        self.populations = populations
        self.connections = connections
        self.expressions = ExpressionChecker(sink: sink, scope: ExperimentScope(globals: globals, allowsReadouts: false))
        self.phaseExpressions = ExpressionChecker(sink: sink, scope: ExperimentScope(globals: globals, allowsReadouts: true))
    }

    func check(_ item: Item) {
        switch item.kind {
        case .simulate(let s): simulate(s)
        case .record(let r): record(r)
        case .train(let t): train(t)
        case .evaluate(let e): evaluate(e)
        case .assignLabels(let a): assignLabels(a)
        case .freeze(let f):
            sink.report(.freezeOutsidePhase, "'freeze' holds for one phase and belongs in the block of a train, an evaluate or an assign labels",
                        at: f.range, help: "move it into the block it is for, e.g. `evaluate on … { freeze \(f.variable.name) of \(f.population.name) }`")
        case .save(let t), .load(let t): transfer(t, isSave: { if case .save = item.kind { return true }; return false }())
        default: break
        }
    }

    // MARK: - simulate, train, evaluate

    private func simulate(_ s: SimulateStmt) {
        let duration = expressions.require(s.duration, dimension: .time, what: "the simulated duration")
        if !duration.type.isInvalid, let t = ConstantEvaluator(scope: globals).evaluate(s.duration)?.scalar, t <= 0 {
            sink.report(.valueOutOfRange, "the simulated duration must be longer than 0", at: s.duration.range)
        }
        options(s.options, allowed: [ParameterSpec("dt", .quantity(.time)), ParameterSpec("seed", .nonNegativeCount)],
                statement: "simulate", at: s.range)
    }

    private func train(_ t: TrainStmt) {
        requireData(t.data)
        options(t.options, allowed: [ParameterSpec("epochs", .count), ParameterSpec("samples", .count),
                                     ParameterSpec("dt", .quantity(.time)), ParameterSpec("batch", .count),
                                     ParameterSpec("seed", .nonNegativeCount)],
                statement: "train", at: t.range)
        if let method = t.method {
            if method.name.name != "gradient" {
                sink.report(.unknownFunction, "unknown training method '\(method.name.name)'", at: method.name.range,
                            help: "training uses the connections' `learn` rules; `with gradient(…)` trains by surrogate gradients")
            } else {
                gradient(method)
            }
        }
        for phase in t.phases ?? [] { self.phase(phase, in: .train) }
    }

    /// `with gradient(…)`: known settings, and a learning rate, slope and momentum in range.
    private func gradient(_ method: CallSyntax) {
        let checked = BuiltinArgumentChecker(expressions: expressions).check(NetworkBuiltins.gradient, noun: "method", call: method)
        for (name, lower, strict) in [("lr", 0.0, true), ("slope", 0.0, true), ("momentum", 0.0, false)] {
            guard let argument = checked[name], let value = argument.constant?.scalar else { continue }
            if strict ? value <= lower : value < lower {
                sink.report(.valueOutOfRange, "'\(name)' must be \(strict ? "larger than" : "at least") \(format(lower)), not \(format(value))",
                            at: argument.argument.value.range, help: name == "lr" ? "a learning rate such as `lr = 1e-3`" : nil)
            }
        }
        if let momentum = checked["momentum"]?.constant?.scalar, momentum >= 1 {
            sink.report(.valueOutOfRange, "'momentum' must be below 1, not \(format(momentum))",
                        at: checked["momentum"]!.argument.value.range)
        }
        if let decay = checked["decay"] {
            if checked["schedule"]?.word != "exponential" {
                sink.report(.valueOutOfRange, "'decay' sets the exponential schedule's factor per epoch, but the schedule is \(checked["schedule"]?.word ?? "constant")",
                            at: decay.argument.range, help: "add `schedule = exponential`, or remove `decay`")
            } else if let value = decay.constant?.scalar, value <= 0 || value > 1 {
                sink.report(.valueOutOfRange, "'decay' must be in (0, 1], not \(format(value))", at: decay.argument.value.range)
            }
        }
    }

    private func evaluate(_ e: EvaluateStmt) {
        requireData(e.data)
        options(e.options, allowed: [ParameterSpec("dt", .quantity(.time)), ParameterSpec("samples", .count),
                                     ParameterSpec("input", .choice(["current", "spikes"]))],
                statement: "evaluate", at: e.range)
        for phase in e.phases ?? [] { self.phase(phase, in: .evaluate) }
    }

    func requireData(_ data: Expr) {
        let value = expressions.check(data)
        switch value.type {
        case .invalid, .entity(.dataset), .entity(.datasetPart): return
        default:
            sink.report(.wrongKind, "training and evaluation run on a dataset or a part of a split, not `\(sink.text(data.range))`",
                        at: data.range)
        }
    }

    func options(_ given: [Argument], allowed: [ParameterSpec], statement: String, at range: SourceRange) {
        let callee = BuiltinCallee(name: statement, parameters: allowed, summary: "")
        let call = CallSyntax(name: Identifier(statement, range), arguments: given, range: range)
        let checked = arguments.check(callee, noun: "statement", call: call)
        if let interval = checked["interval"], let seconds = interval.constant?.scalar, seconds <= 0 {
            sink.report(.valueOutOfRange, "the recording interval must be longer than 0", at: interval.argument.value.range)
        }
        if let dt = checked["dt"] {
            if let seconds = dt.constant?.scalar {
                if seconds <= 0 {
                    sink.report(.invalidTimeStep, "the time step must be longer than 0", at: dt.argument.value.range)
                } else {
                    timeSteps.append(TimeStepUse(seconds: seconds, range: dt.argument.value.range, isDefault: false))
                }
            }
        } else if allowed.contains(where: { $0.name == "dt" }) {
            timeSteps.append(TimeStepUse(seconds: Self.defaultTimeStep, range: range, isDefault: true))
        }
    }

    // MARK: - record, assign, save, load

    private func record(_ r: RecordStmt) {
        for target in r.targets {
            if let destination = target.destination {
                guard let connection = connection(target.source, destination) else { continue }
                for variable in r.variables where variable.name != "weights" {
                    let ruleVariables = connection.rule.flatMap { models.info($0) }?.variables
                        .filter { $0.kind != .param && $0.kind != .alias }.map(\.name) ?? []
                    if !ruleVariables.contains(variable.name) {
                        sink.report(.noSuchVariable, "the connection \(target.source.name.name) -> \(destination.name.name) has no variable '\(variable.name)'",
                                    at: variable.range, help: sink.suggestion(for: variable.name, among: ["weights"] + ruleVariables)
                                        ?? "a connection records `weights` and its rule's variables")
                    }
                }
                continue
            }
            guard let population = endpoint(target.source) else { continue }
            for variable in r.variables where variable.name != "spikes" {
                if variable.name == "weights" {
                    sink.report(.noSuchVariable, "'\(population.name.name)' is a population; weights belong to connections",
                                at: variable.range, help: "record the weights of a connection: `record weights of … -> \(population.name.name)`")
                    continue
                }
                let model = population.isInput ? nil : models.info(population.modelName)
                let recordable = model?.variables.contains { $0.kind != .param && $0.name == variable.name } ?? false
                if !recordable, models.info(population.modelName) != nil || population.isInput {
                    let names = model?.variables.filter { $0.kind != .param }.map(\.name) ?? []
                    sink.report(.noSuchVariable,
                                population.isInput ? "the input '\(population.name.name)' records only spikes"
                                    : "'\(population.name.name)' (\(population.modelName)) has no variable '\(variable.name)'",
                                at: variable.range,
                                help: sink.suggestion(for: variable.name, among: ["spikes"] + names)
                                    ?? "it records " + (["spikes"] + names).joined(separator: ", "))
                }
            }
        }
        options(r.options, allowed: [ParameterSpec("interval", .quantity(.time))], statement: "record", at: r.range)
    }

    /// `assign labels by mean response of P [on D, samples = N, dt = … { present …, rest …, freeze … }]`.
    private func assignLabels(_ a: AssignLabelsStmt) {
        let method = a.method.map(\.name).joined(separator: " ")
        if !["mean response", "max response"].contains(method) {
            sink.report(.invalidChoice, "labels are assigned by `mean response` or `max response`, not `\(method)`",
                        at: a.method.first!.range.union(a.method.last!.range))
        }
        if let data = a.data {
            requireData(data)
            options(a.options, allowed: [ParameterSpec("samples", .count), ParameterSpec("dt", .quantity(.time))],
                    statement: "assign labels", at: a.range)
            for phase in a.phases ?? [] { self.phase(phase, in: .labels) }
        }
        labelled.insert(a.population.name.name)
        _ = endpoint(a.population)
    }

    private func transfer(_ t: TransferStmt, isSave: Bool) {
        if !["weights", "state"].contains(t.what.name) {
            sink.report(.invalidChoice, "\(isSave ? "save" : "load") takes `weights` or `state`, not '\(t.what.name)'",
                        at: t.what.range, help: sink.suggestion(for: t.what.name, among: ["weights", "state"]))
        }
        for target in t.targets {
            if let destination = target.destination {
                _ = connection(target.source, destination)
            } else if t.what.name == "state" {
                _ = endpoint(target.source)
            } else {
                sink.report(.noSuchConnection, "weights belong to connections: write `\(target.source.name.name) -> …`",
                            at: target.range, help: "`save state of \(target.source.name.name)` saves a population's state")
            }
        }
        let path = expressions.check(t.path)
        if path.type != .string && !path.type.isInvalid {
            sink.report(.argumentDimension, "the file name must be a string in double quotes", at: t.path.range)
        }
    }

    private func endpoint(_ endpoint: Endpoint) -> PopulationInfo? {
        guard let population = populations[endpoint.name.name] else {
            sink.report(.undefinedName, "no population or input named '\(endpoint.name.name)'", at: endpoint.name.range,
                        help: sink.suggestion(for: endpoint.name.name, among: Array(populations.keys)))
            return nil
        }
        if let slice = endpoint.slice {
            _ = SliceChecker(sink: sink, expressions: expressions).check(slice, of: population)
        }
        return population
    }

    private func connection(_ source: Endpoint, _ destination: Endpoint) -> ConnectionInfo? {
        guard endpoint(source) != nil, endpoint(destination) != nil else { return nil }
        if let found = connections.first(where: { $0.sources.contains(source.name.name) && $0.targets.contains(destination.name.name) }) {
            return found
        }
        sink.report(.noSuchConnection, "there is no connection \(source.name.name) -> \(destination.name.name)",
                    at: source.range.union(destination.range),
                    help: "connections are declared with `connect \(source.name.name) -> \(destination.name.name): …`")
        return nil
    }
}
