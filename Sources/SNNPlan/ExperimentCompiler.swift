// ExperimentCompiler: the experiment statements in file order → ExperimentSteps. `train on D, epochs, samples
// { present T, rest R, reward …, boost …, predict = … }`, `assign labels by mean response of P [on D { … }]`
// (ExperimentCompilerLabels), `evaluate on D { predict = … }` (present, rest and boost come from the last train
// unless given), `freeze X of P` in any of their blocks, `save`/`load weights [of a -> b] to/from "file"`,
// and `simulate` (its steps). A train block's `target = label, target_rate = R` is its BP-STDP teacher
// (SupervisedCompiler.teacher). Readouts come in the forms the checker admits (SNNSema's
// ExperimentCheckerReadouts); what cannot be carried out in the order written (an evaluate without `predict`,
// labels without responses) is PlanCode.unsupportedExperiment, reported even when the data could not be read.

import SNNData
import SNNSema
import SNNSource
import SNNSyntax

struct ExperimentCompiler {
    /// Lowers `with gradient(…)` training (nil: the plan's populations or projections are incomplete).
    let gradient: GradientCompiler?
    let groups: GroupTable
    let constants: FileConstants
    let dt: Double
    /// Loaded datasets and parts by name (`iris`, `iris.train`).
    let datasets: [String: Dataset]
    /// Plan projections' endpoint names, by index.
    let projections: [(sourceName: String, targetName: String)]
    let learningProjections: [Int]
    /// The bp_stdp layers in update order (nil when there are none, or they could not be ordered).
    let supervised: SupervisedPlan?
    let populationNames: [String]
    /// Each population's buffers, by plan index (nil: it failed to compile, with its own diagnostic).
    let populationBuffers: [[BufferPlan]?]
    /// Whether some connection learns with bp_stdp (the teacher is not checked when its layers failed).
    let hasSupervisedLayers: Bool

    struct Output {
        var steps: [ExperimentStep] = []
        var sampleSets: [SampleSet] = []
        var diagnostics: [Diagnostic] = []
    }

    func compile(_ file: SourceFileSyntax) -> Output {
        var output = Output()
        var setIndex: [String: Int] = [:]
        var lastTiming = (present: Int(0.1 / dt), rest: 0)
        var lastTrain: Int?
        var gradientReadouts = Set<Int>()
        var lastBoost: BoostPlan?
        let values = ValueCompiler(constants: constants)
        func fail(_ message: String, at range: SourceRange, help: String? = nil) {
            output.diagnostics.append(.plan(.unsupportedExperiment, message, at: range, help: help))
        }
        func sampleSet(_ expr: Expr) -> Int? {
            let name = dottedName(expr)
            guard let name, let dataset = datasets[name] else { return nil }
            if let index = setIndex[name] { return index }
            output.sampleSets.append(SampleSet(name: name, featureShape: dataset.featureShape, features: dataset.features,
                                               labels: dataset.labels, classNames: dataset.classNames))
            setIndex[name] = output.sampleSets.count - 1
            return output.sampleSets.count - 1
        }
        func readout(_ expr: Expr) -> ReadoutPlan? {
            guard let form = ReadoutForm(expr), case .population(let p)? = groups[form.population.name]?.reference else {
                fail("the runtime reads predictions as `argmax(spike_count(P))` or `vote(spike_count(P))`", at: expr.range)
                return nil
            }
            switch (form.function, form.reads) {
            case ("argmax", "membrane"): return .argmaxMembrane(population: p)
            case ("argmax", _): return .argmaxCount(population: p)
            default: return .vote(population: p)
            }
        }

        for item in file.items {
            switch item.kind {
            case .simulate(let statement):
                output.steps.append(.simulate(steps: steps(statement.duration)))
            case .train(let statement) where statement.method?.name.name == "gradient":
                var problems: [Diagnostic] = []
                let step = gradientStep(statement, lastTiming: lastTiming, sampleSet: sampleSet, readout: readout,
                                        into: &problems)
                output.diagnostics += problems
                if let step {
                    output.steps.append(.trainGradient(step))
                    gradientReadouts.insert(step.readout)
                    lastTiming = (step.presentation.presentSteps, step.presentation.restSteps)
                }
            case .train(let statement):
                let options = ArgumentBinder.labelled(statement.options)
                var train = TrainPlan(presentation: PresentationPlan(sampleSet: -1, epochs: count(options["epochs"]) ?? 1,
                                                                     samples: count(options["samples"]),
                                                                     presentSteps: lastTiming.present, restSteps: 0))
                var hasPresent = false
                var target: Expr?, targetRate: Expr?
                for phase in statement.phases ?? [] {
                    switch phase.kind {
                    case .present(let duration):
                        train.presentation.presentSteps = steps(duration)
                        hasPresent = true
                    case .rest(let duration):
                        train.presentation.restSteps = steps(duration)
                    case .reward(let value, let condition, let otherwise):
                        train.reward = reward(value, condition, otherwise, readout: readout, fail: fail, values: values)
                        if train.predict == nil { train.predict = train.reward?.readouts.first }
                    case .boost(_, let amount, let condition):
                        train.boost = boost(amount, condition, values: values, fail: fail)
                    case .freeze(let statement):
                        if let frozen = frozenBuffer(statement, fail: fail) { train.frozen.append(frozen) }
                    case .setting(let name, let value):
                        switch name.name {
                        case "predict": train.predict = readout(value)
                        case "target": target = value
                        case "target_rate": targetRate = value
                        default: break    // the checker reports unknown settings
                        }
                    }
                }
                if supervised != nil || !hasSupervisedLayers {
                    let taught = SupervisedCompiler.teacher(target: target, rate: targetRate, block: statement.range,
                                                            predict: train.predict, supervised: supervised,
                                                            populationNames: populationNames, constants: constants, dt: dt)
                    train.teacher = taught.teacher
                    output.diagnostics += taught.diagnostics
                }
                if !hasPresent { train.presentation.presentSteps = lastTiming.present }
                lastTiming = (train.presentation.presentSteps, train.presentation.restSteps)
                lastBoost = train.boost
                guard let set = sampleSet(statement.data) else { continue }
                train.presentation.sampleSet = set
                if train.teacher != nil, let supervised, let size = groups.populations[supervised.output].size,
                   let wrong = SupervisedCompiler.checkClasses(output.sampleSets[set].classCount, outputSize: size,
                                                               outputName: populationNames[supervised.output],
                                                               at: target?.range ?? statement.range) {
                    output.diagnostics.append(wrong)
                }
                output.steps.append(.train(train))
                lastTrain = output.steps.count - 1
            case .assignLabels(let statement):
                guard case .population(let p)? = groups[statement.population.name.name]?.reference else { continue }
                if statement.data != nil {
                    guard let pass = labelPass(statement, lastTiming: lastTiming, lastBoost: lastBoost, sampleSet: sampleSet,
                                               fail: fail) else { continue }
                    output.steps.append(.assignLabels(LabelPlan(population: p, pass: pass)))
                } else if let lastTrain, case .train(var train) = output.steps[lastTrain] {
                    train.responses.append(p)
                    output.steps[lastTrain] = .train(train)
                    output.steps.append(.assignLabels(LabelPlan(population: p)))
                } else {
                    fail("`assign labels` without `on` uses the responses of a `train` before it", at: statement.range,
                         help: "give it samples of its own: `assign labels by mean response of \(statement.population.name.name) on DATASET`")
                }
            case .evaluate(let statement):
                let options = ArgumentBinder.labelled(statement.options)
                var presentation = PresentationPlan(sampleSet: -1, epochs: 1, samples: count(options["samples"]),
                                                    presentSteps: lastTiming.present, restSteps: lastTiming.rest)
                var predict: ReadoutPlan?
                var frozen: [FrozenBuffer] = []
                for phase in statement.phases ?? [] {
                    switch phase.kind {
                    case .present(let duration): presentation.presentSteps = steps(duration)
                    case .rest(let duration): presentation.restSteps = steps(duration)
                    case .setting(let name, let value) where name.name == "predict": predict = readout(value)
                    case .freeze(let statement): if let buffer = frozenBuffer(statement, fail: fail) { frozen.append(buffer) }
                    default: break
                    }
                }
                guard let predict else {
                    fail("`evaluate` needs `predict = …` to score its samples", at: statement.range)
                    continue
                }
                guard let set = sampleSet(statement.data) else { continue }
                presentation.sampleSet = set
                var evaluation = EvaluatePlan(presentation: presentation, predict: predict, boost: lastBoost, frozen: frozen)
                if case .argmaxMembrane(let p) = predict, !gradientReadouts.contains(p) || options["input"] != nil {
                    // Weights from a file, or an `input = …` of its own: run the chain of layers as gradient
                    // training would, with the network's current weights.
                    do {
                        guard let gradient else { continue }
                        let (network, projections) = try gradient.network(steps: presentation.presentSteps, readout: p,
                                                                          input: options["input"], at: statement.range)
                        evaluation.network = GradientTrainPlan(network: network, presentation: presentation,
                                                               projections: projections, readout: p)
                    } catch let failure as PlanFailure {
                        output.diagnostics.append(failure.diagnostic)
                        continue
                    } catch {
                        continue
                    }
                }
                output.steps.append(.evaluate(evaluation))
            case .save(let statement), .load(let statement):
                guard case .string(let path) = statement.path.kind else { continue }
                var chosen: [Int] = []
                for target in statement.targets {
                    let source = target.source.name.name, destination = target.destination?.name.name
                    chosen += projections.indices.filter {
                        projections[$0].sourceName == source && (destination == nil || projections[$0].targetName == destination)
                    }
                }
                if statement.what.name == "state" {
                    fail("`\(isSave(item) ? "save" : "load") state` is not run yet; save or load `weights`", at: statement.what.range)
                    continue
                }
                let transfer = TransferPlan(path: path, projections: statement.targets.isEmpty ? learningProjections : chosen)
                output.steps.append(isSave(item) ? .save(transfer) : .load(transfer))
            default:
                break
            }
        }
        return output
    }

    /// A whole number known before the run (`epochs = 3`), nil when absent or not constant.
    func count(_ expr: Expr?) -> Int? {
        guard let expr, let value = try? ValueCompiler(constants: constants).compile(expr).constantValue else { return nil }
        return Int(value.rounded())
    }

    /// A duration in whole steps of dt, at least 1.
    func steps(_ expr: Expr) -> Int {
        max(1, Int(((try? ValueCompiler(constants: constants).compile(expr).constantValue) ?? 0) / dt + 0.5))
    }

    private func isSave(_ item: Item) -> Bool {
        if case .save = item.kind { return true }
        return false
    }

    private func reward(_ value: Expr, _ condition: Expr?, _ otherwise: Expr?, readout: (Expr) -> ReadoutPlan?,
                        fail: (String, SourceRange, String?) -> Void, values: ValueCompiler) -> RewardPlan? {
        func lower(_ expr: Expr) -> RewardPlan? {
            if let constant = try? values.compile(expr).constantValue { return .constant(constant) }
            switch expr.kind {
            case .name("label"): return .label
            case .unary(.negate, let e): return lower(e).map(RewardPlan.negate)
            case .unary(.plus, let e): return lower(e)
            case .binary(let op, let a, let b):
                guard let op = RewardOperator(rawValue: op.rawValue) else { break }
                guard let left = lower(a), let right = lower(b) else { return nil }
                return .binary(op, left, right)
            case .call(let callee, let arguments):
                if case .name("one_hot") = callee.kind, arguments.count == 1 {
                    return lower(arguments[0].value).map(RewardPlan.oneHot)
                }
                return readout(expr).map(RewardPlan.prediction)
            default:
                break
            }
            fail("a reward is made of numbers, `label`, readouts (`argmax(spike_count(P))`), `one_hot(…)`, arithmetic and comparisons",
                 expr.range, nil)
            return nil
        }
        guard let then = lower(value) else { return nil }
        guard let condition else { return then }
        guard let test = lower(condition) else { return nil }
        let otherwise = otherwise.map(lower) ?? .constant(0)
        guard let otherwise else { return nil }
        return .select(test, then, otherwise)
    }

    private func boost(_ amount: Expr, _ condition: Expr, values: ValueCompiler,
                       fail: (String, SourceRange, String?) -> Void) -> BoostPlan? {
        guard let hz = try? values.compile(amount).constantValue,
              case .binary(.less, let count, let limit) = condition.kind, let population = ReadoutForm.spikeCount(count),
              case .population(let p)? = groups[population.name]?.reference,
              let minimum = try? values.compile(limit).constantValue else {
            fail("the runtime boosts input rates `by AMOUNT while spike_count(P) < N`", condition.range, nil)
            return nil
        }
        return BoostPlan(amount: hz, population: p, minimumSpikes: Int(minimum.rounded(.up)))
    }

    /// `iris.train` → "iris.train"; `mnist` → "mnist".
    private func dottedName(_ expr: Expr) -> String? {
        switch expr.kind {
        case .name(let name): return name
        case .member(let base, let field): return dottedName(base).map { $0 + "." + field.name }
        default: return nil
        }
    }
}
