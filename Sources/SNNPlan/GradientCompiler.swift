// GradientCompiler: `train … with gradient(…)` → a GradientPlan. The layers are found by following the
// connections from the dataset input the train block presents: each connection must be `all_to_all`, `conv`
// or `pool` into a population of the prelude's `leaky` (a spiking layer) or, last, `leaky_readout` (a readout
// that does not spike), with one delay of one step and `on spike { v += w … }`. An `all_to_all` connection's
// weights (times the effect's scale) become a dense matrix; a `conv` becomes a convolution whose shared
// weights start as the first synapse drawn for each kernel tap; a `pool` becomes a fixed pooling layer with
// its one weight. β = exp(−dt/tau) and the threshold come from each population's parameters. The input's
// rate code (poisson or bernoulli, `features × rate`) becomes Bernoulli spikes with probability
// feature · rate · dt per step. Anything else is PlanCode.unsupportedGradient, reported before training starts.

import Foundation
import SNNSema
import SNNSource
import SNNSyntax

struct GradientCompiler {
    let model: CheckedModel
    let groups: GroupTable
    let constants: FileConstants
    let dt: Double
    let seed: UInt64
    let populations: [PopulationPlan]
    let projections: [ProjectionPlan]
    let encoders: [EncoderPlan]

    /// The plan and the projections it trains (in layer order); `readout` is the population the prediction
    /// reads, when `predict = …` names one.
    func compile(_ method: CallSyntax, steps: Int, epochs: Int, batch: Int, readout: Int?) throws -> (GradientPlan, [Int]) {
        var (plan, projections) = try compile(settings: ArgumentBinder.bind(method.arguments, to: []), at: method.range,
                                              steps: steps, batch: batch, readout: readout)
        plan.epochs = epochs
        return (plan, projections)
    }

    /// The network with default settings (and evaluate's `input = …`), for evaluating a membrane readout of
    /// weights loaded from a file.
    func network(steps: Int, readout: Int, input: Expr?, at range: SourceRange) throws -> (GradientPlan, [Int]) {
        let settings = input.map { ["input": Argument(label: nil, value: $0, range: $0.range)] } ?? [:]
        return try compile(settings: settings, at: range, steps: steps, batch: 32, readout: readout)
    }

    private func compile(settings: [String: Argument], at range: SourceRange, steps: Int, batch: Int, readout: Int?) throws
        -> (GradientPlan, [Int]) {
        func fail(_ message: String, at place: SourceRange? = nil, help: String? = nil) -> PlanFailure {
            PlanFailure(.unsupportedGradient, message, at: place ?? range, help: help)
        }
        let values = ValueCompiler(constants: constants)
        func word(_ name: String, _ fallback: String) -> String {
            if case .name(let w)? = settings[name]?.value.kind { return w }
            return fallback
        }
        func number(_ name: String, _ fallback: Double) throws -> Double {
            guard let argument = settings[name] else { return fallback }
            guard let value = try? values.compile(argument.value).constantValue else {
                throw fail("'\(name)' must be one number known before the run", at: argument.value.range)
            }
            return value
        }

        guard let encoder = encoders.first else {
            throw fail("gradient training needs an input that encodes the dataset's features",
                       help: "declare one, e.g. `input pixels = bernoulli(rate = digits.features / 16 * 250 Hz)`")
        }
        let coding: GradientPlan.InputCoding
        switch encoder.kind {
        case .poisson, .bernoulli:
            guard encoder.offset == 0 else { throw fail("the input's rate must be the features times a rate, with no offset") }
            let perUnit = Float(Double(encoder.scale) * dt)
            coding = word("input", "spikes") == "current" ? .current(perUnit: perUnit) : .bernoulli(probabilityPerUnit: perUnit)
        default:
            throw fail("gradient training presents features as rate-coded spikes (`poisson` or `bernoulli`), not `\(encoder.kind.name)`")
        }

        var layers: [GradientLayer] = []
        var trained: [Int] = []
        var group = GroupRef.source(encoder.source)
        var inputs = encoder.sourceCount
        while true {
            let outgoing = projections.indices.filter { projections[$0].source == group }
            if outgoing.isEmpty { break }
            guard outgoing.count == 1 else {
                throw fail("gradient training follows one chain of layers, but '\(name(of: group))' connects to \(outgoing.count) populations")
            }
            let index = outgoing[0]
            let projection = projections[index]
            let target = populations[projection.target]
            guard trained.allSatisfy({ projections[$0].target != projection.target }), group != .population(projection.target) else {
                throw fail("gradient training runs feed-forward layers; '\(target.name)' is reached twice")
            }
            let layer = try self.layer(projection, inputs: inputs, fail: fail)
            layers.append(layer)
            trained.append(index)
            inputs = target.size
            group = .population(projection.target)
            if !layer.spiking || projection.target == readout { break }
        }
        guard let last = layers.last else {
            throw fail("gradient training found no connection from the input '\(name(of: .source(encoder.source)))'")
        }
        if let readout, projections[trained.last!].target != readout {
            throw fail("the readout '\(populations[readout].name)' is not at the end of the chain of layers from the input")
        }
        let readoutKind = word("readout", last.spiking ? "count" : "membrane")
        let lossWord = word("loss", "cross_entropy")
        let loss: GradientLoss
        switch (lossWord, readoutKind) {
        case ("cross_entropy", "membrane"):
            guard !last.spiking else {
                throw fail("a loss on the membrane needs a readout that does not spike: make '\(populations[projections[trained.last!].target].name)' a `leaky_readout`",
                           help: "or read out spike counts: `readout = count`")
            }
            loss = .crossEntropyMembrane
        case ("cross_entropy", _): loss = .crossEntropyCount
        default: loss = .countMSE(correct: Float(try number("correct", Double(steps) * 0.8)), incorrect: Float(try number("incorrect", Double(steps) * 0.1)))
        }
        if loss != .crossEntropyMembrane && !last.spiking {
            throw fail("a loss on spike counts needs a spiking last layer (`leaky`), but it is a `leaky_readout`", help: "use `readout = membrane`")
        }
        let slope = Float(try number("slope", 25))
        let surrogate: Surrogate
        switch word("surrogate", "fast_sigmoid") {
        case "arctan": surrogate = .arctan(slope: slope)
        case "triangle": surrogate = .triangle(slope: slope)
        default: surrogate = .fastSigmoid(slope: slope)
        }
        let rate = Float(try number("lr", 1e-3))
        let optimizer: OptimizerSettings = word("optimizer", "adam") == "sgd"
            ? .sgd(learningRate: rate, momentum: Float(try number("momentum", 0.9))) : .adam(AdamSettings(learningRate: rate))
        let schedule: LearningRateSchedule
        switch word("schedule", "constant") {
        case "cosine": schedule = .cosine
        case "exponential": schedule = .exponential(decay: Float(try number("decay", 0.5)))
        default: schedule = .constant
        }
        return (GradientPlan(layers: layers, steps: steps, input: coding, surrogate: surrogate, loss: loss,
                             optimizer: optimizer, schedule: schedule, batch: batch, seed: seed), trained)
    }

    private func name(of group: GroupRef) -> String {
        switch group {
        case .population(let p): return populations[p].name
        case .source(let s): return groups.inputs[s].name.name
        }
    }

    /// One projection as a dense layer.
    private func layer(_ projection: ProjectionPlan, inputs: Int, fail: (String, SourceRange?, String?) -> PlanFailure) throws
        -> GradientLayer {
        let target = populations[projection.target]
        let outputs = target.size
        guard let info = groups.populations.first(where: { $0.name.name == target.name }),
              let neuron = model.models[info.modelName] else { throw fail("'\(target.name)' has no neuron model", nil, nil) }
        let spiking: Bool
        switch neuron.name {
        case "leaky": spiking = true
        case "leaky_readout": spiking = false
        default:
            throw fail("gradient training has no backward pass through `\(neuron.name)` neurons ('\(target.name)')", info.name.range,
                       "use the prelude's `leaky` for hidden layers and `leaky_readout` for a readout that does not spike")
        }
        guard projection.delays.isEmpty, projection.uniformDelay == 1, projection.effects.count == 1,
              target.buffers[projection.effects[0].buffer].name == "v",
              projection.window != nil || projection.synapseCount == inputs * outputs else {
            throw fail("gradient training runs dense, convolution and pooling layers: connect into '\(target.name)' with `all_to_all`, `conv` or `pool`, no delay and `on spike { v += w }`",
                       nil, nil)
        }
        let connection: GradientLayer.Connection
        var weights: [Float]
        let scale = projection.effects[0].scale
        switch projection.window {
        case nil:
            connection = .dense
            weights = [Float](repeating: 0, count: outputs * inputs)
        case let window? where window.pooling:
            let values = Set(projection.weights.map { $0 * scale })
            guard values.count == 1 else {
                throw fail("pooling into '\(target.name)' is not trained, so gradient training needs one weight for all its synapses",
                           nil, "give a single weight, e.g. `weight = 1`")
            }
            connection = .pool(window, weight: values.first!)
            weights = []
        case let window?:
            connection = .conv(window)
            weights = [Float](repeating: .nan, count: window.input[0] * window.kernelArea * window.output[0])
        }
        projection.table.forEachSynapse { source, s, target in
            // A shared weight starts as the first of its synapses' draws.
            if let k = connection.weightIndex(source: source, target: target, inputs: inputs), connection == .dense || weights[k].isNaN {
                weights[k] = projection.weights[s] * scale
            }
        }
        // A tap that joins no pair (a kernel wider than the padded input allows) keeps no weight.
        for k in weights.indices where weights[k].isNaN { weights[k] = 0 }
        let overrides = ArgumentBinder.populationArguments(target.name, in: model.syntax)
        let values = ValueCompiler.forModel(neuron, overrides: overrides, constants: constants)
        func parameter(_ name: String, _ fallback: Double) -> Double {
            guard let expr = overrides[name] ?? neuron.variable(name)?.initial else { return fallback }
            return (try? values.compile(expr).constantValue) ?? fallback
        }
        let tau = parameter("tau", 20e-3)
        return GradientLayer(connection, inputs: inputs, outputs: outputs, weights: weights, beta: Float(exp(-dt / tau)),
                             threshold: Float(parameter("threshold", 1)), spiking: spiking)
    }
}
