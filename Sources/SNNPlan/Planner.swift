// Planner: the entry point of SNNPlan — lowers a checked model into an ExecutionPlan, then runs the
// PlanVerifier. In order: the schedule (ScheduleCompiler: dt, steps, seed), the populations (the neuron
// compiler, one StreamAllocator for the whole plan), the inputs (SourceCompiler), the connections
// (ProjectionCompiler: ConnectivityBuilder, weights, delays, SynapticEffects), the recorders
// (RecorderCompiler). What the runtime cannot do yet is reported as a diagnostic, never a crash; every stage
// runs even after an error, so that one run reports all of them, and any error leaves the plan out.
//
// Learning: `learn` clauses become PlasticityPlans (RuleCompiler, applied in every run, `simulate` included);
// a file with `train`, `evaluate`, `assign labels`, `save` or `load` also gets an ExperimentPlan — its datasets
// read through SNNData (DatasetCompiler), its dataset inputs' encoders (EncoderCompiler, each a silent source
// the runtime fills sample by sample) and its steps (ExperimentCompiler).
// A model with checker errors is not planned (the outcome is empty: the driver shows the checker's errors).

import Foundation
import SNNSema
import SNNSource
import SNNSyntax

public struct PlanOutcome: Sendable {
    /// Nil when a diagnostic is an error or the plan failed verification.
    public var plan: ExecutionPlan?
    public var diagnostics: [Diagnostic]
    /// A bug of snnc found by the PlanVerifier (the plan is then nil); the driver prints
    /// "internal error: …, please report".
    public var internalError: String?

    public init(plan: ExecutionPlan?, diagnostics: [Diagnostic], internalError: String? = nil) {
        self.plan = plan
        self.diagnostics = diagnostics
        self.internalError = internalError
    }
}

public enum Planner {
    /// Compiles one population of a checked model for a time step, taking its draw sites' streams from the
    /// plan's allocator: `NeuronCompiler.compile(population:in:dt:streams:sources:)`, or a stand-in in tests.
    public typealias PopulationCompiler = (PopulationInfo, CheckedModel, Double, inout StreamAllocator, SourceManager)
        -> Result<PopulationPlan, PlanFailure>

    /// Turns a data path as written in the model (`spike_file("spikes.csv")`) into a file to read, or nil when
    /// not found. The driver passes its data search path; the default takes the path as it is.
    public typealias PathResolver = (String) -> String?

    /// The default resolver: the path itself, when a file is there.
    public static func pathAsWritten(_ path: String) -> String? {
        FileManager.default.fileExists(atPath: path) ? path : nil
    }

    public static func plan(_ model: CheckedModel, sources: SourceManager, resolvePath: PathResolver = pathAsWritten,
                            compilePopulation: PopulationCompiler = NeuronCompiler.compile(population:in:dt:streams:sources:))
        -> PlanOutcome {
        guard !model.diagnostics.contains(where: { $0.severity == .error }) else {
            return PlanOutcome(plan: nil, diagnostics: [])
        }
        var diagnostics: [Diagnostic] = []
        var internalErrors: [String] = []
        let constants = FileConstants(model)
        let groups = GroupTable(model)

        let (schedule, scheduleDiagnostics) = ScheduleCompiler.compile(model.syntax, constants: constants)
        diagnostics += scheduleDiagnostics
        let experimenting = hasExperiment(model.syntax)
        let loaded = experimenting ? DatasetCompiler.load(model.syntax, constants: constants, resolvePath: resolvePath)
            : LoadedDatasets()
        diagnostics += loaded.diagnostics

        var streams = StreamAllocator()
        var populations: [PopulationPlan?] = []
        for info in groups.populations {
            switch compilePopulation(info, model, schedule.dt, &streams, sources) {
            case .success(let plan): populations.append(plan)
            case .failure(let failure):
                populations.append(nil)
                diagnostics.append(failure.diagnostic)
            }
        }

        var sourcePlans: [SourcePlan?] = []
        var encoders: [EncoderPlan] = []
        let datasetNames = Set(model.datasets.map(\.name.name))
        for (group, info) in groups.inputs.enumerated() {
            guard let decl = inputDeclaration(info.name.name, in: model.syntax) else {
                sourcePlans.append(nil)
                continue
            }
            if experimenting, let name = EncoderCompiler.dataset(of: decl, datasets: datasetNames) {
                guard let dataset = loaded.sets[name] else {
                    sourcePlans.append(nil)    // the dataset's diagnostic says why
                    continue
                }
                do {
                    let encoder = try EncoderCompiler.compile(decl, source: group, dataset: dataset, datasetName: name,
                                                              dt: schedule.dt, constants: constants)
                    encoders.append(encoder)
                    let idle: SourcePlan.Kind = encoder.kind == .current ? .current(amperes: [0]) : .spikeList(sources: [], steps: [])
                    sourcePlans.append(SourcePlan(name: info.name.name, size: encoder.sourceCount, kind: idle))
                    if let size = info.size, size != encoder.sourceCount {
                        internalErrors.append("input '\(info.name.name)' has \(size) sources but its encoder drives \(encoder.sourceCount)")
                    }
                } catch let failure as PlanFailure {
                    sourcePlans.append(nil)
                    diagnostics.append(failure.diagnostic)
                } catch {
                    sourcePlans.append(nil)
                }
                continue
            }
            let compiled = SourceCompiler.compile(decl, size: info.size, group: group, schedule: schedule,
                                                  constants: constants, resolvePath: resolvePath)
            sourcePlans.append(compiled.plan)
            diagnostics += compiled.diagnostics
        }

        let projectionCompiler = ProjectionCompiler(model: model, constants: constants, groups: groups,
                                                    populations: populations, schedule: schedule)
        var projections: [ProjectionPlan] = []
        var plasticity: [PlasticityPlan] = []
        var supervisedLayers: [SupervisedCompiler.Layer] = []
        var endpoints: [(sourceName: String, targetName: String)] = []
        var nextIndex = 0
        for item in model.syntax.items {
            guard case .connect(let decl) = item.kind else { continue }
            let output = projectionCompiler.compile(decl, nextIndex: &nextIndex)
            for projection in output.projections {
                projections.append(projection.plan)
                endpoints.append((projection.sourceName, projection.targetName))
            }
            plasticity += output.plasticity
            supervisedLayers += output.supervised
            diagnostics += output.diagnostics
            internalErrors += output.internalErrors
        }

        let populationNames = groups.populations.map(\.name.name)
        let (supervised, supervisedDiagnostics) = SupervisedCompiler.assemble(supervisedLayers, populationNames: populationNames)
        diagnostics += supervisedDiagnostics
        var experiment: ExperimentPlan?
        if experimenting {
            let learners = plasticity.map(\.projection) + (supervised?.layers.map(\.projection) ?? [])
            let complete = populations.compactMap { $0 }
            let gradient = complete.count == populations.count
                ? GradientCompiler(model: model, groups: groups, constants: constants, dt: schedule.dt, seed: schedule.seed,
                                   populations: complete, projections: projections, encoders: encoders) : nil
            let compiler = ExperimentCompiler(gradient: gradient, groups: groups, constants: constants, dt: schedule.dt, datasets: loaded.sets,
                                              projections: endpoints, learningProjections: learners.sorted(),
                                              supervised: supervised, populationNames: populationNames,
                                              populationBuffers: populations.map { $0?.buffers },
                                              hasSupervisedLayers: SupervisedCompiler.isUsed(in: model))
            let output = compiler.compile(model.syntax)
            diagnostics += output.diagnostics
            experiment = ExperimentPlan(sampleSets: output.sampleSets, encoders: encoders, steps: output.steps,
                                        modelHash: modelHash(projections, plasticity, supervised))
        }

        var recorderCompiler = RecorderCompiler(model: model, constants: constants, groups: groups,
                                                populations: populations, projections: endpoints, schedule: schedule)
        var recorders: [RecorderPlan] = []
        for item in model.syntax.items {
            guard case .record(let statement) = item.kind else { continue }
            let output = recorderCompiler.compile(statement)
            recorders += output.recorders
            diagnostics += output.diagnostics
        }

        diagnostics = unique(diagnostics)
        let failed = diagnostics.contains { $0.severity == .error }
        guard !failed else { return PlanOutcome(plan: nil, diagnostics: diagnostics) }
        if let first = internalErrors.first { return PlanOutcome(plan: nil, diagnostics: diagnostics, internalError: first) }
        let completePopulations = populations.compactMap { $0 }
        let completeSources = sourcePlans.compactMap { $0 }
        guard completePopulations.count == populations.count, completeSources.count == sourcePlans.count else {
            return PlanOutcome(plan: nil, diagnostics: diagnostics,
                               internalError: "a population or input was left out of the plan without a diagnostic")
        }
        let plan = ExecutionPlan(dt: schedule.dt, steps: schedule.steps, seed: schedule.seed,
                                 populations: completePopulations, sources: completeSources,
                                 projections: projections, recorders: recorders, plasticity: plasticity,
                                 supervised: supervised, experiment: experiment)
        if case .failure(let error) = PlanVerifier.verify(plan) {
            return PlanOutcome(plan: nil, diagnostics: diagnostics, internalError: "the plan failed verification: \(error.message)")
        }
        return PlanOutcome(plan: plan, diagnostics: diagnostics)
    }

    private static func inputDeclaration(_ name: String, in file: SourceFileSyntax) -> InputDecl? {
        for item in file.items {
            if case .input(let decl) = item.kind, decl.name.name == name { return decl }
        }
        return nil
    }

    /// The diagnostics without repeats (one `on spike` block lowered for several targets reports once).
    private static func unique(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<String>()
        return diagnostics.filter { d in
            seen.insert("\(d.code.rawValue)|\(d.range.file.raw)|\(d.range.start)|\(d.range.end)|\(d.message)").inserted
        }
    }

    /// Whether the file trains, evaluates, assigns labels, or saves or loads weights.
    static func hasExperiment(_ file: SourceFileSyntax) -> Bool {
        file.items.contains { item in
            switch item.kind {
            case .train, .evaluate, .assignLabels, .save, .load: return true
            default: return false
            }
        }
    }

    /// FNV-1a over the projections' names and synapse counts and the rules that learn: the identity saved
    /// weights are checked against.
    static func modelHash(_ projections: [ProjectionPlan], _ plasticity: [PlasticityPlan],
                          _ supervised: SupervisedPlan? = nil) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ text: String) {
            for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        for p in projections { mix("\(p.name)|\(p.synapseCount);") }
        for l in plasticity { mix("\(l.projection):\(l.rule):\(l.synapticVariables.map(\.name));") }
        for l in supervised?.layers ?? [] { mix("\(l.projection):bp_stdp;") }
        return hash
    }
}
