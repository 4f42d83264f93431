// PopulationChecker: populations (a known neuron model, parameter overrides in the right units and of a length
// that fits, a positive whole-number shape) and inputs (a known encoder, its arguments, a shape taken from the
// declaration or from the data it encodes, and the two agreeing).

import SNNSource
import SNNSyntax

struct PopulationChecker {
    let sink: DiagnosticSink
    let globals: GlobalScope
    let models: ModelChecker

    private var expressions: ExpressionChecker { ExpressionChecker(sink: sink, scope: globals) }

    func checkPopulation(_ decl: PopulationDecl) -> PopulationInfo {
        let shape = declaredShape(decl.model.shape)
        let info = PopulationInfo(name: decl.name, modelName: decl.model.call.name.name, isInput: false,
                                  shape: decl.model.shape.isEmpty ? [1] : shape)
        let modelName = decl.model.call.name
        guard let model = models.info(modelName.name), model.kind == .neuron else {
            reportUnknownModel(modelName)
            return info
        }
        checkOverrides(decl.model.call.arguments ?? [], of: model, populationSize: info.size)
        return info
    }

    private func reportUnknownModel(_ name: Identifier) {
        if NetworkBuiltins.encoder(name.name) != nil {
            sink.report(.unknownNeuronModel, "'\(name.name)' is an input encoder, not a neuron model", at: name.range,
                        help: "declare spike sources with `input NAME = \(name.name)(…)`")
        } else if models.info(name.name)?.kind == .rule || NetworkBuiltins.rule(name.name) != nil {
            sink.report(.wrongKind, "'\(name.name)' is a learning rule, not a neuron model", at: name.range,
                        help: "rules are used in a connection: `learn \(name.name)`")
        } else {
            let candidates = models.declarations.values.filter { $0.kind == .neuron }.map(\.name.name)
            sink.report(.unknownNeuronModel, "no neuron model named '\(name.name)'", at: name.range,
                        help: sink.suggestion(for: name.name, among: candidates)
                            ?? "declare it with `neuron \(name.name) { … }`, or see `snnc prelude` for the built-in models")
        }
    }

    /// `lif(tau_m = 10 ms, I_e = steps)`: each name a param or variable of the model, in its unit, one value or
    /// one per neuron.
    func checkOverrides(_ arguments: [Argument], of model: ModelInfo, populationSize: Int?) {
        var seen: [String: SourceRange] = [:]
        let noun = model.kind == .rule ? "rule" : "neuron model"
        for argument in arguments {
            guard let label = argument.label else {
                let value = expressions.check(argument.value)
                let fitting = model.parameters.first { $0.value.type == value.type }?.name
                sink.report(.tooManyArguments, "the arguments of \(withArticle(noun)) are named", at: argument.range,
                            help: fitting.map { "write the parameter's name, e.g. `\($0) = \(sink.text(argument.value.range))`" }
                                ?? "write the parameter's name: `name = \(sink.text(argument.value.range))`")
                continue
            }
            let value = expressions.check(argument.value)
            guard let variable = model.variable(label.name), variable.kind != .alias else {
                sink.report(.unknownArgument, "\(noun) '\(model.name)' has no parameter '\(label.name)'", at: label.range,
                            help: sink.suggestion(for: label.name, among: model.settableNames)
                                ?? "its parameters are: " + model.parameters.map(\.name).joined(separator: ", "))
                continue
            }
            if let first = seen[label.name] {
                sink.report(.duplicateArgument, "'\(label.name)' is given twice", at: argument.range,
                            notes: [DiagnosticNote("first given here", at: first)])
                continue
            }
            seen[label.name] = argument.range
            guard let expected = variable.value.type.dimension, let d = value.type.dimension else {
                if !value.type.isInvalid, !variable.value.type.isInvalid {
                    sink.report(.quantityRequired, "'\(label.name)' must be a number or quantity, but `\(sink.text(argument.value.range))` is \(value.type)",
                                at: argument.value.range)
                }
                continue
            }
            if d != expected {
                sink.report(.argumentDimension,
                            "'\(label.name)' of '\(model.name)' is \(ValueType.quantity(expected)), but `\(sink.text(argument.value.range))` is \(d.phrase)",
                            at: argument.value.range,
                            notes: [DiagnosticNote("'\(label.name)' is declared here", at: variable.declaration)])
            } else if let count = value.count, count != 1, let size = populationSize, count != size {
                sink.report(.shapeMismatch, "'\(label.name)' has \(count) values but the population has \(size) neurons",
                            at: argument.value.range, help: "give one value, or one per neuron")
            }
        }
    }

    func checkInput(_ decl: InputDecl) -> PopulationInfo {
        let explicit = decl.encoder.shape.isEmpty ? nil : declaredShape(decl.encoder.shape)
        var info = PopulationInfo(name: decl.name, modelName: decl.encoder.call.name.name, isInput: true,
                                  shape: decl.encoder.shape.isEmpty ? [1] : explicit)
        let name = decl.encoder.call.name
        guard let encoder = NetworkBuiltins.encoder(name.name) else {
            info.shape = explicit
            if models.info(name.name)?.kind == .neuron {
                sink.report(.unknownEncoder, "'\(name.name)' is a neuron model, not an input encoder", at: name.range,
                            help: "declare neurons with `population NAME = \(name.name)[…]`")
            } else {
                sink.report(.unknownEncoder, "no input encoder named '\(name.name)'", at: name.range,
                            help: sink.suggestion(for: name.name, among: NetworkBuiltins.encoders.map(\.name))
                                ?? "the encoders are " + NetworkBuiltins.encoders.map(\.name).joined(separator: ", "))
            }
            return info
        }
        let arguments = BuiltinArgumentChecker(expressions: expressions).check(encoder, noun: "encoder", call: decl.encoder.call)
        guard let fromData = shapeFromData(encoder, arguments) else { return info }
        guard let dataShape = fromData else {
            info.shape = explicit
            return info
        }
        if let explicit, explicit.reduce(1, *) != dataShape.reduce(1, *) {
            sink.report(.shapeMismatch,
                        "the input is declared with shape \(explicit) but its data has shape \(dataShape)",
                        at: decl.encoder.shape.first!.range.union(decl.encoder.shape.last!.range),
                        help: "remove the shape to take it from the data")
        }
        info.shape = explicit ?? dataShape
        return info
    }

    /// The shape an encoder's data gives: nil when no argument has a shape (the declaration gives it),
    /// `.some(nil)` when the data's shape is unknown.
    private func shapeFromData(_ encoder: BuiltinCallee, _ arguments: [String: CheckedArgument]) -> [Int]?? {
        guard let data = encoder.parameters.first(where: { $0.kind == .data || $0.name == "rate" || $0.name == "value" }),
              let argument = arguments[data.name] else { return nil }
        guard let shape = argument.value.shape else { return .some(nil) }
        if shape.isEmpty && data.kind != .data { return nil }
        switch encoder.name {
        case "gaussian_fields":
            guard let count = arguments["count"]?.constant?.integer else { return .some(nil) }
            return .some((shape.isEmpty ? [1] : shape) + [count])
        case "dog":
            return .some([2] + shape)
        default:
            return .some(shape.isEmpty ? [1] : shape)
        }
    }

    /// The written shape, each size a constant whole number > 0; nil (after a diagnostic) otherwise.
    func declaredShape(_ sizes: [Expr]) -> [Int]? {
        var shape: [Int] = []
        for size in sizes {
            let value = expressions.requireDimensionless(size, what: "a population size")
            if value.type.isInvalid { return nil }
            guard let constant = ConstantEvaluator(scope: globals).evaluate(size) else {
                sink.report(.notConstant, "a population size must be known before the run", at: size.range,
                            help: "use a number or a constant")
                return nil
            }
            guard let n = constant.integer, n > 0 else {
                sink.report(.invalidSize, "a population size must be a whole number > 0, not \(format(constant))",
                            at: size.range)
                return nil
            }
            shape.append(n)
        }
        return shape
    }
}
