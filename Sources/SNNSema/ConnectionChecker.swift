// ConnectionChecker: `connect` declarations — endpoints that exist (inputs only as sources), slices inside
// their population, the pattern and its arguments against the sizes, weight and delay, the learning rule and
// its parameters, normalisation, and the `on spike` block against each target's neuron model.

import SNNSource
import SNNSyntax

/// One side of a connection after resolution.
struct ResolvedEndpoint {
    var name: String
    var info: PopulationInfo
    /// The number of neurons taken (a slice takes fewer); nil when unknown.
    var size: Int?
    var range: SourceRange
}

/// A constant delay (one per synapse group, or a list), kept to be checked against the experiment's time step.
struct DelayUse {
    var values: [Double]
    var range: SourceRange
}

struct ConnectionChecker {
    let sink: DiagnosticSink
    let globals: GlobalScope
    let models: ModelChecker
    let populations: [String: PopulationInfo]

    private var expressions: ExpressionChecker { ExpressionChecker(sink: sink, scope: globals) }

    func check(_ decl: ConnectDecl, delays: inout [DelayUse]) -> ConnectionInfo {
        let sources = decl.sources.compactMap { resolve($0, asTarget: false) }
        let targets = decl.targets.compactMap { resolve($0, asTarget: true) }
        var info = ConnectionInfo(sources: sources.map(\.name), targets: targets.map(\.name),
                                  pattern: decl.pattern.name.name, expectedSynapses: nil, weightDimension: nil,
                                  rule: nil, range: decl.range)
        let allResolved = sources.count == decl.sources.count && targets.count == decl.targets.count
        let drivesCurrent = sources.contains(where: \.info.isCurrentInput)
        if drivesCurrent, let spiking = sources.first(where: { !$0.info.isCurrentInput }) {
            sink.report(.currentInputConnection, "a connection from a current input takes no spiking sources, but '\(spiking.name)' sends spikes",
                        at: spiking.range, help: "connect '\(spiking.name)' in a connection of its own")
        }
        info.expectedSynapses = PatternChecker(sink: sink, expressions: expressions)
            .check(decl.pattern, sources: sources, targets: targets, complete: allResolved)

        var weight: TypedValue?
        var ruleInfo: ModelInfo?
        var ruleRange: SourceRange?
        var settings: [String: SourceRange] = [:]
        for clause in decl.clauses {
            switch clause.kind {
            case .argument(let argument):
                if let label = argument.label, let first = settings[label.name] {
                    sink.report(.duplicateArgument, "'\(label.name)' is given twice", at: argument.range,
                                notes: [DiagnosticNote("first given here", at: first)])
                    continue
                }
                if let label = argument.label { settings[label.name] = argument.range }
                if drivesCurrent && argument.label?.name == "delay" {
                    sink.report(.currentInputConnection, "a current input acts at once: a connection from it has no delay",
                                at: argument.range, help: "remove `\(sink.text(argument.range))`")
                    continue
                }
                if let w = setting(argument, delays: &delays) { weight = w }
            case .learn(let call):
                if drivesCurrent {
                    sink.report(.currentInputConnection, "a current input drives its targets continuously; a connection from it cannot learn",
                                at: call.range, help: "learn on a connection from a spiking input (`poisson`, `latency`, …)")
                    continue
                }
                if let previous = ruleRange {
                    sink.report(.duplicateMember, "a connection learns with one rule", at: call.range,
                                notes: [DiagnosticNote("the first rule is here", at: previous)])
                    continue
                }
                ruleRange = call.range
                info.rule = call.name.name
                ruleInfo = learn(call)
            default:
                break
            }
        }
        let ruleWeight = ruleInfo?.variable("w")?.value
        if let weight, let ruleWeight, let d = weight.type.dimension, let rd = ruleWeight.type.dimension, d != rd,
           let clause = weightClause(decl) {
            sink.report(.argumentDimension,
                        "the weight is \(d.phrase) but the rule '\(ruleInfo!.name)' keeps its weight w \(rd.isDimensionless ? "as a plain number" : "in \(rd)")",
                        at: clause.value.range, help: "give the weight in the rule's unit, and scale it in `on spike`")
        }
        let w = weight ?? ruleWeight ?? .number
        info.weightDimension = w.type.dimension
        var spikeBlock: SourceRange?
        for clause in decl.clauses {
            switch clause.kind {
            case .normalize(_, let total):
                if let d = w.type.dimension {
                    _ = expressions.require(total, dimension: d, what: "the normalisation total")
                }
            case .onSpike(let handler):
                if let first = spikeBlock {
                    sink.report(.duplicateMember, "a connection has one `on spike` block", at: handler.range,
                                notes: [DiagnosticNote("the first one is here", at: first)])
                    continue
                }
                spikeBlock = handler.range
                onSpike(handler, targets: targets, weight: w, drivesCurrent: drivesCurrent)
            default:
                break
            }
        }
        return info
    }

    private func weightClause(_ decl: ConnectDecl) -> Argument? {
        for clause in decl.clauses {
            if case .argument(let a) = clause.kind, a.label?.name == "weight" { return a }
        }
        return nil
    }

    /// `weight = …` (returns its type) or `delay = …`.
    private func setting(_ argument: Argument, delays: inout [DelayUse]) -> TypedValue? {
        let name = argument.label?.name ?? ""
        switch name {
        case "weight":
            let value = expressions.requireQuantity(argument.value, role: "the weight")
            return value.type.isInvalid ? nil : value
        case "delay":
            let value = expressions.require(argument.value, dimension: .time, what: "the delay")
            if !value.type.isInvalid, let constant = ConstantEvaluator(scope: globals).evaluate(argument.value) {
                if let negative = constant.values.first(where: { $0 < 0 }) {
                    sink.report(.valueOutOfRange, "a delay cannot be negative (\(format(negative * 1000)) ms)",
                                at: argument.value.range)
                } else {
                    delays.append(DelayUse(values: constant.values, range: argument.value.range))
                }
            }
            return nil
        default:
            _ = expressions.check(argument.value)
            sink.report(.unknownArgument, "a connection has no setting '\(name)'", at: argument.label?.range ?? argument.range,
                        help: sink.suggestion(for: name, among: ["weight", "delay"]) ?? "its settings are weight and delay")
            return nil
        }
    }

    private func learn(_ call: CallSyntax) -> ModelInfo? {
        if let builtin = NetworkBuiltins.rule(call.name.name) {
            _ = BuiltinArgumentChecker(expressions: expressions).check(builtin, noun: "rule", call: call)
            return nil
        }
        guard let rule = models.info(call.name.name), rule.kind == .rule else {
            let isNeuron = models.info(call.name.name)?.kind == .neuron
            let candidates = models.declarations.values.filter { $0.kind == .rule }.map(\.name.name)
                + NetworkBuiltins.rules.map(\.name)
            sink.report(isNeuron ? .wrongKind : .unknownRule,
                        isNeuron ? "'\(call.name.name)' is a neuron model, not a learning rule" : "no learning rule named '\(call.name.name)'",
                        at: call.name.range,
                        help: sink.suggestion(for: call.name.name, among: candidates)
                            ?? (isNeuron ? "`learn` takes a rule such as " + candidates.sorted().prefix(3).joined(separator: ", ")
                                : "declare it with `rule \(call.name.name) { … }`"))
            return nil
        }
        PopulationChecker(sink: sink, globals: globals, models: models)
            .checkOverrides(call.arguments ?? [], of: rule, populationSize: nil)
        return rule
    }

    /// The `on spike` block against each target model. From a current input, `w` stands for the weight times
    /// the input's current, and the block adds to parameters of the target.
    private func onSpike(_ handler: EventHandler, targets: [ResolvedEndpoint], weight: TypedValue, drivesCurrent: Bool) {
        var amount = weight
        if drivesCurrent, let d = weight.type.dimension { amount.type = .quantity(d * .current) }
        var checked: Set<String> = []
        for target in targets where !target.info.isInput && !checked.contains(target.info.modelName) {
            checked.insert(target.info.modelName)
            guard let model = models.info(target.info.modelName), model.kind == .neuron else { continue }
            let scope = SynapseScope(target: model, weight: amount, globals: globals)
            var statements = StatementChecker(expressions: ExpressionChecker(sink: sink, scope: scope),
                                              context: "an `on spike` block")
            statements.drivesParameters = drivesCurrent
            statements.check(handler.body)
        }
    }

    /// The population or input an endpoint names, with the size its slice takes.
    private func resolve(_ endpoint: Endpoint, asTarget: Bool) -> ResolvedEndpoint? {
        let name = endpoint.name.name
        guard let info = populations[name] else {
            if let binding = globals.lookup(name) {
                sink.report(.wrongKind, "'\(name)' is \(withArticle(binding.kind.noun)), not a population or input", at: endpoint.name.range)
            } else {
                sink.report(.undefinedName, "no population or input named '\(name)'", at: endpoint.name.range,
                            help: sink.suggestion(for: name, among: Array(populations.keys)))
            }
            return nil
        }
        if asTarget && info.isInput {
            sink.report(.inputAsTarget, "'\(name)' is an input; inputs send spikes and cannot receive them",
                        at: endpoint.name.range, help: "connect to a population of neurons instead")
            return nil
        }
        var size = info.size
        if let slice = endpoint.slice {
            size = SliceChecker(sink: sink, expressions: expressions).check(slice, of: info)
        }
        return ResolvedEndpoint(name: name, info: info, size: size, range: endpoint.range)
    }
}
