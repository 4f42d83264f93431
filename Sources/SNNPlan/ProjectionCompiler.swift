// ProjectionCompiler: one `connect` declaration → a ProjectionPlan for each (source endpoint, target endpoint)
// pair: the pattern's CSR table (ConnectivityBuilder) placed through the endpoints' slices, a weight and a delay
// per synapse, and the `on spike` block's effects on the target (SynapticEffects). Weights come from
// `weight = …`, else from the `learn` rule's initial `w`, else 1; delays from `delay = …` in whole steps
// (at least 1), else 1 step. conv/pool windows take the endpoints' shapes (ShapedConnectivity). Every
// projection draws from its own streams (PlanStreams), keyed by its index in the plan, so the tables depend on
// the seed and the file only. `learn` and `normalize` become the projection's PlasticityPlan (RuleCompiler).

import SNNSema
import SNNSource
import SNNSyntax

struct ProjectionCompiler {
    let model: CheckedModel
    let constants: FileConstants
    let groups: GroupTable
    /// Compiled populations by index (nil where compilation failed).
    let populations: [PopulationPlan?]
    let schedule: Schedule

    struct Output {
        var projections: [(plan: ProjectionPlan, sourceName: String, targetName: String)] = []
        var plasticity: [PlasticityPlan] = []
        var supervised: [SupervisedCompiler.Layer] = []
        var diagnostics: [Diagnostic] = []
        var internalErrors: [String] = []
    }

    /// Lowers `decl`; its projections take the plan indices from `nextIndex` on.
    func compile(_ decl: ConnectDecl, nextIndex: inout Int) -> Output {
        var output = Output()
        let values = ValueCompiler(constants: constants)
        guard let pattern = pattern(decl.pattern, values: values, into: &output) else { return output }
        let weight = weightExpression(decl, into: &output)
        let delay = delayExpression(decl, into: &output)
        let handler = decl.clauses.lazy.compactMap { clause -> EventHandler? in
            if case .onSpike(let h) = clause.kind { return h }
            return nil
        }.first

        for sourceEndpoint in decl.sources {
            for targetEndpoint in decl.targets {
                let index = nextIndex
                nextIndex += 1
                guard let source = groups[sourceEndpoint.name.name], let target = groups[targetEndpoint.name.name],
                      case .population(let targetIndex) = target.reference,
                      let sourceShape = source.shape, let targetShape = target.shape else { continue }
                let sourceSelection: NeuronSelection, targetSelection: NeuronSelection
                do {
                    sourceSelection = try NeuronSelection.resolve(sourceEndpoint.slice, shape: sourceShape, values: values)
                    targetSelection = try NeuronSelection.resolve(targetEndpoint.slice, shape: targetShape, values: values)
                } catch {
                    continue    // the checker has reported the slice
                }
                let name = "\(sourceEndpoint.name.name) -> \(targetEndpoint.name.name)"
                var pattern = pattern
                if case .shaped(var window) = pattern {
                    guard sourceSelection.isAll, targetSelection.isAll, let inputShape = ShapedWindow.channelsFirst(sourceShape),
                          let outputShape = ShapedWindow.channelsFirst(targetShape) else {
                        output.diagnostics.append(.plan(.unsupportedConnectivity, "`\(decl.pattern.name.name)` joins whole shaped populations, not slices",
                                                        at: decl.pattern.range))
                        continue
                    }
                    window.input = inputShape
                    window.output = outputShape
                    pattern = .shaped(window)
                }
                guard let local = ConnectivityBuilder.build(pattern, sources: sourceSelection.count,
                                                            targets: targetSelection.count, seed: schedule.seed,
                                                            stream: PlanStreams.connectivity(index)) else {
                    let expected = ConnectivityBuilder.expectedSynapses(pattern, sources: sourceSelection.count,
                                                                        targets: targetSelection.count)
                    output.diagnostics.append(.plan(.unsupportedConnectivity,
                                                    "the connection \(name) would have about \(Int(expected)) synapses; one connection holds at most \(ConnectivityBuilder.maxSynapses)",
                                                    at: decl.pattern.range, help: "use a sparser pattern or smaller populations"))
                    continue
                }
                let table = ConnectivityBuilder.place(local, sources: sourceSelection, targets: targetSelection)
                let count = table.synapseCount

                var weights = [Float](repeating: 1, count: count)
                if let filter = weight?.filter {
                    guard let window = pattern.window, !window.pooling else {
                        output.diagnostics.append(.plan(.unsupportedConnectivity, "`gabor` and `dog` weights are the kernels of a `conv` connection, but \(name) is not one",
                                                        at: weight!.range, help: "connect with `conv(kernel = …)`, or draw the weights, e.g. `normal(0, 0.1)`"))
                        continue
                    }
                    weights = filter.weights(window, table: table)
                } else if let weight {
                    if weight.expression.count != 1 && weight.expression.count != count {
                        output.diagnostics.append(.plan(.unsupportedConnectivity,
                                                        "the weight has \(weight.expression.count) values but \(name) has \(count) synapses",
                                                        at: weight.range, help: "give one value, or a random draw such as `uniform(0 mV, 1 mV)`"))
                        continue
                    }
                    weights = weight.expression.floats(count: count, seed: schedule.seed, stream: PlanStreams.weights(index))
                }
                guard let delays = self.delays(delay, count: count, projection: index, name: name, into: &output) else { continue }

                var effects: [SynapticEffect] = []
                if let handler, let population = populations[targetIndex] {
                    let targetModel = model.models[target.info.modelName]
                    let overrides = ArgumentBinder.populationArguments(targetEndpoint.name.name, in: model.syntax)
                    if let targetModel {
                        let driven = CurrentDrives.drivesParameters(decl, in: model)
                        let lowered = SynapticEffects.lower(handler, target: targetModel, overrides: overrides,
                                                            constants: constants, drivesParameters: driven)
                        output.diagnostics += lowered.diagnostics
                        switch SynapticEffects.resolve(lowered.effects, in: population, weights: &weights,
                                                       drivesParameters: driven) {
                        case .success(let resolved):
                            effects = resolved
                        case .failure(.mixedWeights):
                            output.diagnostics.append(.plan(.unsupportedSynapticEffect,
                                                            "some amounts of this `on spike` block use the weight `w` and some do not, but the weights of \(name) differ between synapses",
                                                            at: handler.range, help: "use `w` in every amount, or give one weight to all synapses"))
                            continue
                        case .failure(.missingBuffer(let state)):
                            output.internalErrors.append("population '\(population.name)' has no state buffer '\(state)' for the `on spike` block of \(name)")
                            continue
                        }
                    }
                } else if populations[targetIndex] == nil {
                    continue    // the population did not compile; its diagnostic says why
                }

                let plan = ProjectionPlan(name: name, source: source.reference, target: targetIndex,
                                          rowStart: table.rowStart, targets: table.targets, weights: weights,
                                          delays: delays.perSynapse, uniformDelay: delays.uniform, effects: effects,
                                          window: pattern.window)
                output.projections.append((plan, sourceEndpoint.name.name, targetEndpoint.name.name))
                if let learning = plasticity(decl, projection: index, source: source.reference, target: targetIndex,
                                             weights: weights, into: &output) {
                    output.plasticity.append(learning)
                }
            }
        }
        return output
    }

    // MARK: - Learning

    /// The `learn` clause lowered (RuleCompiler), with the `normalize incoming to X` clause; nil without one.
    /// The built-in `bp_stdp` (unless the file declares a rule of that name) becomes a supervised layer instead.
    private func plasticity(_ decl: ConnectDecl, projection: Int, source: GroupRef, target: Int, weights: [Float],
                            into output: inout Output) -> PlasticityPlan? {
        var learn: CallSyntax?
        var total: Expr?
        for clause in decl.clauses {
            switch clause.kind {
            case .learn(let call): learn = call
            case .normalize(_, let expr): total = expr
            default: break
            }
        }
        guard let learn else { return nil }
        if learn.name.name == "bp_stdp" && model.models["bp_stdp"] == nil {
            do {
                output.supervised.append(try SupervisedCompiler.layer(learn, projection: projection, source: source,
                                                                      target: target, constants: constants, dt: schedule.dt))
            } catch let failure as PlanFailure {
                output.diagnostics.append(failure.diagnostic)
            } catch let error as ValueError {
                output.diagnostics.append(.plan(.unsupportedSupervision, error.message, at: error.range))
            } catch {}
            return nil
        }
        guard let rule = model.models[learn.name.name], rule.kind == .rule else { return nil }
        do {
            let compiler = RuleCompiler(rule: rule, overrides: ArgumentBinder.labelled(learn.arguments), constants: constants,
                                        dt: schedule.dt, range: learn.range)
            var plan = try compiler.compile(projection: projection, weights: weights, seed: schedule.seed)
            if let total {
                guard let value = try? ValueCompiler(constants: constants).compile(total).constantValue, value > 0 else {
                    throw PlanFailure(.unsupportedRule, "the total of `normalize` must be one positive number", at: total.range)
                }
                plan.normalizeIncoming = Float(value)
            }
            return plan
        } catch let failure as PlanFailure {
            output.diagnostics.append(failure.diagnostic)
        } catch let error as ValueError {
            output.diagnostics.append(.plan(.unsupportedRule, error.message, at: error.range))
        } catch {}
        return nil
    }

    // MARK: - Pattern, weight and delay

    private func pattern(_ call: CallSyntax, values: ValueCompiler, into output: inout Output) -> ConnectionPattern? {
        let arguments = ArgumentBinder.bind(call)
        func number(_ name: String) -> Double? {
            guard let argument = arguments[name] else { return nil }
            return try? values.compile(argument.value).constantValue
        }
        switch call.name.name {
        case "all_to_all": return .allToAll
        case "one_to_one": return .oneToOne
        case "all_but_self": return .allButSelf
        case "random":
            guard let p = number("p"), p >= 0, p <= 1 else { return nil }
            return .random(p: p)
        case "fixed_in_degree", "fixed_out_degree":
            guard let k = number("k"), k >= 0, k.rounded() == k, k < 1e9 else { return nil }
            return call.name.name == "fixed_in_degree" ? .fixedInDegree(Int(k)) : .fixedOutDegree(Int(k))
        case "conv", "pool":
            let pooling = call.name.name == "pool"
            func pair(_ name: String) -> (Int, Int)? {
                guard let argument = arguments[name], let value = try? values.compile(argument.value) else { return nil }
                switch value {
                case .list(let items) where items.count == 2: return (Int(items[0]), Int(items[1]))
                default: return value.constantValue.map { (Int($0), Int($0)) }
                }
            }
            guard let window = pair(pooling ? "size" : "kernel") else { return nil }
            var shaped = ShapedWindow(pooling: pooling, kernel: window, stride: pair("stride") ?? (pooling ? window : (1, 1)),
                                      padding: pair("padding") ?? (0, 0))
            if case .name("max")? = arguments["kind"]?.value.kind { shaped.maxPooling = true }
            return .shaped(shaped)
        default:
            return nil
        }
    }

    private struct PerSynapse {
        var expression: ValueExpression
        var range: SourceRange
        /// A convolution's fixed filter (`gabor(…)`, `dog(…)`) instead of the expression.
        var filter: KernelFilter? = nil
    }

    private func setting(_ name: String, of decl: ConnectDecl) -> Argument? {
        for clause in decl.clauses {
            if case .argument(let a) = clause.kind, a.label?.name == name { return a }
        }
        return nil
    }

    /// `weight = …`, else the `learn` rule's `w` (its initial value, or the `learn` call's `w = …`); nil: 1.
    private func weightExpression(_ decl: ConnectDecl, into output: inout Output) -> PerSynapse? {
        if let argument = setting("weight", of: decl) {
            do {
                if let filter = try KernelFilter.parse(argument.value, values: ValueCompiler(constants: constants)) {
                    return PerSynapse(expression: .constant(0), range: argument.value.range, filter: filter)
                }
            } catch let error as ValueError {
                output.diagnostics.append(.plan(.unsupportedConnectivity, "the weight cannot be computed before the run: \(error.message)",
                                                at: error.range))
                return nil
            } catch {}
            return compile(argument.value, what: "the weight", values: ValueCompiler(constants: constants), into: &output)
        }
        for clause in decl.clauses {
            guard case .learn(let call) = clause.kind, let rule = model.models[call.name.name], rule.kind == .rule else { continue }
            let overrides = ArgumentBinder.labelled(call.arguments)
            let values = ValueCompiler.forModel(rule, overrides: overrides, constants: constants)
            if let expr = overrides["w"] {
                return compile(expr, what: "the weight", values: ValueCompiler(constants: constants), into: &output)
            }
            if let expr = rule.variable("w")?.initial {
                return compile(expr, what: "the initial weight of '\(rule.name)'", values: values, into: &output)
            }
        }
        return nil
    }

    private func delayExpression(_ decl: ConnectDecl, into output: inout Output) -> PerSynapse? {
        guard let argument = setting("delay", of: decl) else { return nil }
        return compile(argument.value, what: "the delay", values: ValueCompiler(constants: constants), into: &output)
    }

    private func compile(_ expr: Expr, what: String, values: ValueCompiler, into output: inout Output) -> PerSynapse? {
        do {
            return PerSynapse(expression: try values.compile(expr), range: expr.range)
        } catch let error as ValueError {
            output.diagnostics.append(.plan(.unsupportedConnectivity, "\(what) cannot be computed before the run: \(error.message)",
                                            at: error.range))
        } catch {}
        return nil
    }

    /// Delays in steps: one for all synapses (`perSynapse` empty) or one each.
    private func delays(_ delay: PerSynapse?, count: Int, projection: Int, name: String, into output: inout Output)
        -> (uniform: UInt16, perSynapse: [UInt16])? {
        guard let delay else { return (1, []) }
        let dt = schedule.dt
        func steps(_ seconds: Double) -> Int? {
            guard seconds.isFinite else { return nil }
            let n = max(1, (seconds / dt).rounded())
            return n <= Double(UInt16.max) ? Int(n) : nil
        }
        func tooLong(_ seconds: Double) -> (uniform: UInt16, perSynapse: [UInt16])? {
            output.diagnostics.append(.plan(.unsupportedConnectivity,
                                            "a delay of \(seconds * 1e3) ms is \(Int((seconds / dt).rounded())) steps; the runtime delays spikes by at most \(UInt16.max) steps",
                                            at: delay.range, help: "use a shorter delay or a larger time step"))
            return nil
        }
        if !delay.expression.isRandom, delay.expression.count == 1 {
            let seconds = delay.expression.value(at: 0, seed: schedule.seed, stream: 0)
            guard let n = steps(seconds) else { return tooLong(seconds) }
            return (UInt16(n), [])
        }
        guard delay.expression.count == 1 || delay.expression.count == count else {
            output.diagnostics.append(.plan(.unsupportedConnectivity,
                                            "the delay has \(delay.expression.count) values but \(name) has \(count) synapses",
                                            at: delay.range))
            return nil
        }
        var perSynapse = [UInt16](repeating: 1, count: count)
        let stream = PlanStreams.delays(projection)
        for k in 0..<count {
            let seconds = delay.expression.value(at: k, seed: schedule.seed, stream: stream)
            guard let n = steps(seconds) else { return tooLong(seconds) }
            perSynapse[k] = UInt16(n)
        }
        if let first = perSynapse.first, perSynapse.allSatisfy({ $0 == first }) { return (first, []) }
        return (perSynapse.first ?? 1, perSynapse)
    }

    // MARK: - Helpers
}
