// LearningListing: the learning parts of a plan as text, for `snnc plan` — each learning connection's rule with
// how late its synapses see spikes (delays over one step), its per-synapse variables, traces and per-step decay
// factors, `normalize`, and its handlers' lane programs;
// then the experiment: sample sets, encoders and the steps in order.

extension ProgramListing {
    public static func listing(of learning: PlasticityPlan, projection: ProjectionPlan) -> String {
        var lines = ["learning \(projection.name): rule \(learning.rule)"]
        let delays = projection.delays.isEmpty ? [projection.uniformDelay] : projection.delays
        if let longest = delays.max(), longest > 1, let shortest = delays.min() {
            let lags = shortest == longest ? "\(longest - 1) steps" : "\(shortest - 1)–\(longest - 1) steps"
            lines.append("  spikes reach the synapses \(lags) after they are sent: `on pre` runs then, with the traces they were sent with")
        }
        for variable in learning.synapticVariables {
            let initial = variable.initial.count == 1 ? format(variable.initial[0]) : "\(variable.initial.count) values"
            let decay = variable.decayPerStep == 1 ? "" : ", decays × \(format(Float(variable.decayPerStep))) per step (lazily)"
            lines.append("  per synapse \(variable.name): starts at \(initial)\(decay)")
        }
        for (side, traces) in [("presynaptic", learning.preTraces), ("postsynaptic", learning.postTraces)] {
            for trace in traces {
                lines.append("  \(side) trace \(trace.name): starts at \(format(trace.initial)), decays × \(format(Float(trace.decayPerStep))) per step")
            }
        }
        if let total = learning.normalizeIncoming { lines.append("  incoming weights normalised to \(format(total)) before each sample") }
        let buffers = (learning.synapticVariables.map(\.name) + learning.preTraces.map(\.name) + learning.postTraces.map(\.name)
                       + ["r"]).map { BufferPlan(name: $0, kind: .state) }
        for (event, handler) in [("pre", learning.onPre), ("post", learning.onPost), ("reward(r)", learning.onReward)] {
            guard let handler else { continue }
            lines.append("on \(event), per synapse:")
            lines += body(handler.synapses, buffers: buffers)
            if !handler.neurons.isEmpty {
                lines.append("on \(event), per spiking neuron:")
                lines += body(handler.neurons, buffers: buffers)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func listing(of experiment: ExperimentPlan, plan: ExecutionPlan) -> String {
        var lines: [String] = []
        for set in experiment.sampleSets {
            lines.append("samples \(set.name): \(set.count) of shape \(set.featureShape), \(set.classCount) classes")
        }
        for encoder in experiment.encoders {
            lines.append("encoder of \(plan.sources[encoder.source].name): \(encoder.kind.name), \(encoder.sourceCount) sources")
        }
        func population(_ p: Int) -> String { plan.populations[p].name }
        func readout(_ r: ReadoutPlan) -> String {
            switch r {
            case .argmaxCount(let p): return "argmax(spike_count(\(population(p))))"
            case .vote(let p): return "vote(spike_count(\(population(p))))"
            case .argmaxMembrane(let p): return "argmax(membrane(\(population(p))))"
            }
        }
        func timing(_ p: PresentationPlan) -> String {
            let samples = p.samples.map { "\($0) samples" } ?? "all samples"
            return "\(experiment.sampleSets[p.sampleSet].name), \(p.epochs) epoch(s) of \(samples), present \(p.presentSteps) steps, rest \(p.restSteps) steps"
        }
        func frozen(_ buffers: [FrozenBuffer]) -> String {
            buffers.map { ", freeze \(plan.populations[$0.population].buffers[$0.buffer].name) of \(population($0.population))" }
                .joined()
        }
        for step in experiment.steps {
            switch step {
            case .simulate(let steps): lines.append("simulate \(steps) steps")
            case .train(let t):
                var line = "train on \(timing(t.presentation))"
                if let predict = t.predict { line += ", predict \(readout(predict))" }
                if let reward = t.reward { line += ", reward " + (reward.isPerNeuron ? "per postsynaptic neuron" : "per sample") }
                if let boost = t.boost {
                    line += ", boost by \(boost.amount) Hz while spike_count(\(population(boost.population))) < \(boost.minimumSpikes)"
                }
                lines.append(line + frozen(t.frozen))
            case .trainGradient(let g):
                lines.append("train by surrogate gradients on \(timing(g.presentation))")
                lines += g.listing(names: g.projections.map { plan.projections[$0].name })
            case .assignLabels(let l):
                guard let pass = l.pass else {
                    lines.append("assign labels of \(population(l.population)) from the last training epoch")
                    continue
                }
                lines.append("assign labels of \(population(l.population)) from \(timing(pass.presentation)), learning off"
                             + frozen(pass.frozen))
            case .evaluate(let e):
                lines.append("evaluate on \(timing(e.presentation)), predict \(readout(e.predict))" + frozen(e.frozen))
            case .save(let t): lines.append("save weights of \(t.projections.map { plan.projections[$0].name }.joined(separator: ", ")) to \(t.path)")
            case .load(let t): lines.append("load weights of \(t.projections.map { plan.projections[$0].name }.joined(separator: ", ")) from \(t.path)")
            }
        }
        return lines.map { $0 + "\n" }.joined()
    }
}

extension EncoderPlan.Kind {
    /// The encoder's name as written in a model.
    public var name: String {
        switch self {
        case .poisson: return "poisson"
        case .bernoulli: return "bernoulli"
        case .regular: return "regular"
        case .latency: return "latency"
        case .rankOrder: return "rank_order"
        case .gaussianFields: return "gaussian_fields"
        case .differenceOfGaussians: return "dog"
        case .current: return "current"
        }
    }
}
