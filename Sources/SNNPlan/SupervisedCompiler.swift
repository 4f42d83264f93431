// SupervisedCompiler: `learn bp_stdp(lr, window)` clauses → a SupervisedPlan. Each clause becomes a layer
// (its learning rate, default 0.0005 as in the paper on MNIST, and its window, default 4 ms, in whole steps);
// then the layers are put in update order: the output is the one population that bp_stdp projections lead into
// and none leads out of, and a layer comes after every layer out of its target population (Kahn's algorithm,
// from the output back). More than one output, a loop of bp_stdp projections, windows that differ, a window
// under one step or a learning rate that is not positive are PlanCode.unsupportedSupervision.

import SNNSema
import SNNSource
import SNNSyntax

struct SupervisedCompiler {
    /// One `learn bp_stdp` clause of one projection, before ordering.
    struct Layer {
        var plan: SupervisedLayerPlan
        var source: GroupRef
        var target: Int
        var windowSteps: Int
        var range: SourceRange
    }

    static let defaultLearningRate = 0.0005
    static let defaultWindow = 0.004

    /// Whether a connection of the file learns with the built-in bp_stdp (even one whose clause failed).
    static func isUsed(in model: CheckedModel) -> Bool {
        guard model.models["bp_stdp"] == nil else { return false }
        return model.syntax.items.contains { item in
            guard case .connect(let decl) = item.kind else { return false }
            return decl.clauses.contains { clause in
                if case .learn(let call) = clause.kind { return call.name.name == "bp_stdp" }
                return false
            }
        }
    }

    /// The clause `call` on projection `projection`; throws a PlanFailure for a value the rule cannot use.
    static func layer(_ call: CallSyntax, projection: Int, source: GroupRef, target: Int, constants: FileConstants,
                      dt: Double) throws -> Layer {
        let arguments = ArgumentBinder.bind(call)
        let values = ValueCompiler(constants: constants)
        func number(_ name: String, _ fallback: Double) throws -> Double {
            guard let argument = arguments[name] else { return fallback }
            guard let value = try values.compile(argument.value).constantValue else {
                throw PlanFailure(.unsupportedSupervision, "`\(name)` of bp_stdp must be one number known before the run",
                                  at: argument.value.range)
            }
            return value
        }
        let lr = try number("lr", defaultLearningRate)
        guard lr > 0, lr.isFinite else {
            throw PlanFailure(.unsupportedSupervision, "the learning rate of bp_stdp must be positive", at: call.range,
                              help: "the paper uses lr = 0.0005 to 0.01")
        }
        let window = try number("window", defaultWindow)
        let steps = Int((window / dt).rounded())
        guard window.isFinite, steps >= 1, steps <= 1000 else {
            throw PlanFailure(.unsupportedSupervision,
                              "the STDP window of bp_stdp is \(steps) steps of \(dt * 1e3) ms; it must be 1 to 1000 steps",
                              at: call.range, help: "the paper counts spikes over the last 4 ms")
        }
        return Layer(plan: SupervisedLayerPlan(projection: projection, learningRate: Float(lr)), source: source,
                     target: target, windowSteps: steps, range: call.range)
    }

    /// The layers in update order with their output population, or the diagnostics that prevent it.
    static func assemble(_ layers: [Layer], populationNames: [String]) -> (plan: SupervisedPlan?, diagnostics: [Diagnostic]) {
        guard let first = layers.first else { return (nil, []) }
        func failure(_ message: String, help: String? = nil) -> (SupervisedPlan?, [Diagnostic]) {
            (nil, [.plan(.unsupportedSupervision, message, at: first.range, help: help)])
        }
        if let other = layers.first(where: { $0.windowSteps != first.windowSteps }) {
            return (nil, [.plan(.unsupportedSupervision,
                                "every bp_stdp connection counts spikes over one window: \(first.windowSteps) steps here, \(other.windowSteps) there",
                                at: other.range, help: "give every `learn bp_stdp` the same `window`")])
        }
        func isSource(_ population: Int, of layer: Layer) -> Bool { layer.source == .population(population) }
        let targets = Set(layers.map(\.target))
        let outputs = targets.filter { p in !layers.contains { isSource(p, of: $0) } }.sorted()
        guard outputs.count == 1, let output = outputs.first else {
            if outputs.isEmpty {
                return failure("the bp_stdp connections form a loop, so no population is the output layer",
                               help: "BP-STDP learns in feed-forward layers; learn recurrent connections with a local rule")
            }
            return failure("bp_stdp connections end in \(outputs.count) populations (\(outputs.map { populationNames[$0] }.joined(separator: ", "))); the teacher drives one output layer",
                           help: "lead every bp_stdp connection towards one output population")
        }
        // Kahn's algorithm from the output back: a layer is ready when every layer out of its target is placed.
        var placed = [Bool](repeating: false, count: layers.count)
        var order: [SupervisedLayerPlan] = []
        while order.count < layers.count {
            let ready = layers.indices.first { k in
                !placed[k] && layers.indices.allSatisfy { j in placed[j] || !isSource(layers[k].target, of: layers[j]) }
            }
            guard let k = ready else {
                let stuck = layers.indices.first { !placed[$0] } ?? 0
                return failure("the bp_stdp connections form a loop through \(populationNames[layers[stuck].target])",
                               help: "BP-STDP learns in feed-forward layers; learn recurrent connections with a local rule")
            }
            placed[k] = true
            order.append(layers[k].plan)
        }
        return (SupervisedPlan(layers: order, output: output, windowSteps: first.windowSteps), [])
    }
}

extension SupervisedCompiler {
    /// A `train` block's teacher from its `target = label` and `target_rate = R` settings (R defaults to the
    /// paper's 250 Hz), checked against the model's bp_stdp layers; `predict` must read the output layer.
    static func teacher(target: Expr?, rate: Expr?, block: SourceRange, predict: ReadoutPlan?,
                        supervised: SupervisedPlan?, populationNames: [String], constants: FileConstants,
                        dt: Double) -> (teacher: TeacherPlan?, diagnostics: [Diagnostic]) {
        func failure(_ message: String, at range: SourceRange, help: String? = nil) -> (TeacherPlan?, [Diagnostic]) {
            (nil, [.plan(.unsupportedSupervision, message, at: range, help: help)])
        }
        guard let target else {
            if let rate { return failure("`target_rate` needs `target = label` in the same block", at: rate.range) }
            guard supervised != nil else { return (nil, []) }
            return failure("the bp_stdp connections learn from a teacher, and this train block has none", at: block,
                           help: "add `target = label` (and `target_rate = 250 Hz`) to the block")
        }
        guard case .name("label") = target.kind else {
            return failure("the teacher is the label's output neuron: write `target = label`", at: target.range)
        }
        guard let supervised else {
            return failure("`target = label` teaches connections that learn with bp_stdp, and no connection does",
                           at: target.range, help: "add `learn bp_stdp(lr = 0.0005, window = 4 ms)` to the connections of the network")
        }
        if let predict, predict.population != supervised.output {
            return failure("the bp_stdp output layer is \(populationNames[supervised.output]), but `predict` reads \(populationNames[predict.population])",
                           at: block, help: "predict from the population the teacher drives")
        }
        var hz = 250.0
        if let rate {
            guard let value = try? ValueCompiler(constants: constants).compile(rate).constantValue, value > 0 else {
                return failure("the target rate must be one positive rate known before the run", at: rate.range)
            }
            hz = value
        }
        guard hz * dt <= 1 else {
            return failure("a target rate of \(hz) Hz is more than one teacher spike per step of \(dt * 1e3) ms",
                           at: rate?.range ?? target.range, help: "use at most \(Int(1 / dt)) Hz")
        }
        return (TeacherPlan(probability: hz * dt), [])
    }

    /// The teacher's class count against the output layer's size.
    static func checkClasses(_ classes: Int, outputSize: Int, outputName: String, at range: SourceRange) -> Diagnostic? {
        guard classes > outputSize else { return nil }
        return .plan(.unsupportedSupervision,
                     "the data has \(classes) classes but the output layer \(outputName) has \(outputSize) neurons; the label's neuron is the teacher",
                     at: range, help: "give \(outputName) one neuron per class")
    }
}
