// SemanticChecker: the checker's entry point. In fixed phases it collects the declarations of the prelude and
// the model file, types the constants, reads the datasets' shapes, checks the neuron models and rules, the
// network, the experiment and its timing, and returns a CheckedModel with every diagnostic.

import SNNSource
import SNNSyntax

public enum SemanticChecker {
    /// Checks one model file. `prelude` holds the parsed prelude files (see `PreludeLibrary`).
    public static func check(_ file: SourceFileSyntax, prelude: [SourceFileSyntax], sources: SourceManager,
                             inspector: DatasetInspector = NoDatasetInspector()) -> CheckedModel {
        let sink = DiagnosticSink(sources: sources)
        let globals = GlobalScope(sink: sink)
        let preludeDeclarations = collectModels(in: prelude, isPrelude: true, into: [:], sink: sink)
        let declarations = collectModels(in: [file], isPrelude: false, into: preludeDeclarations, sink: sink)
        let models = ModelChecker(sink: sink, globals: globals, declarations: declarations,
                                  preludeDeclarations: preludeDeclarations)

        var populationDecls: [PopulationDecl] = [], inputDecls: [InputDecl] = [], connectDecls: [ConnectDecl] = []
        var datasetDecls: [DatasetDecl] = [], splitDecls: [SplitDecl] = [], experiment: [Item] = []
        for item in file.items {
            switch item.kind {
            case .population(let p):
                populationDecls.append(p)
                globals.declare(p.name, kind: .entity(.population), value: TypedValue(.entity(.population), shape: nil))
            case .input(let i):
                inputDecls.append(i)
                globals.declare(i.name, kind: .entity(.input), value: TypedValue(.entity(.input), shape: nil))
            case .dataset(let d):
                datasetDecls.append(d)
                globals.declare(d.name, kind: .entity(.dataset), value: TypedValue(.entity(.dataset)))
            case .constant(let c):
                globals.declare(c.name, kind: .constant, constant: c.value)
            case .connect(let c): connectDecls.append(c)
            case .split(let s): splitDecls.append(s)
            case .neuron, .rule: break
            default: experiment.append(item)
            }
        }

        let datasetChecker = DatasetChecker(sink: sink, globals: globals, inspector: inspector)
        var datasets = datasetDecls.map { datasetChecker.check($0) }
        for split in splitDecls { datasetChecker.check(split, datasets: &datasets) }
        globals.checkConstants()
        for item in file.items {
            switch item.kind {
            case .neuron(let n): _ = models.info(n.name.name)
            case .rule(let r): _ = models.info(r.name.name)
            default: break
            }
        }

        let populationChecker = PopulationChecker(sink: sink, globals: globals, models: models)
        var populations: [PopulationInfo] = []
        for decl in populationDecls { populations.append(populationChecker.checkPopulation(decl)) }
        for decl in inputDecls { populations.append(populationChecker.checkInput(decl)) }
        var byName: [String: PopulationInfo] = [:]
        for p in populations where byName[p.name.name] == nil {
            byName[p.name.name] = p
            globals.setValue(TypedValue(.entity(p.isInput ? .input : .population), shape: p.shape), of: p.name.name)
        }

        let connectionChecker = ConnectionChecker(sink: sink, globals: globals, models: models, populations: byName)
        var delays: [DelayUse] = []
        let connections = connectDecls.map { connectionChecker.check($0, delays: &delays) }

        let experimentChecker = ExperimentChecker(sink: sink, globals: globals, models: models, populations: byName,
                                                  connections: connections)
        for item in experiment { experimentChecker.check(item) }
        var timeSteps = experimentChecker.timeSteps
        if timeSteps.isEmpty, !populations.isEmpty {
            timeSteps = [TimeStepUse(seconds: ExperimentChecker.defaultTimeStep, range: file.range.startPoint, isDefault: true)]
        }
        TimingChecker(sink: sink, globals: globals, models: models)
            .check(timeSteps: timeSteps, delays: delays, populations: populationDecls)

        var constants: [String: ConstantValue] = [:]
        for item in file.items {
            if case .constant(let c) = item.kind, let value = globals.constant(c.name.name) { constants[c.name.name] = value }
        }
        return CheckedModel(syntax: file, constants: constants, models: models.infos, populations: populations,
                            connections: connections,
                            datasets: datasets, diagnostics: sink.diagnostics)
    }

    /// The neuron models and rules of `files` added to `existing`: a file's model may replace a prelude model of
    /// the same name; two with one name among `files` are reported.
    static func collectModels(in files: [SourceFileSyntax], isPrelude: Bool, into existing: [String: ModelDeclaration],
                              sink: DiagnosticSink) -> [String: ModelDeclaration] {
        var result = existing
        for file in files {
            for item in file.items {
                let declaration: ModelDeclaration
                switch item.kind {
                case .neuron(let n):
                    declaration = ModelDeclaration(name: n.name, kind: .neuron, base: n.base, members: n.members,
                                                   doc: item.doc, isPrelude: isPrelude)
                case .rule(let r):
                    declaration = ModelDeclaration(name: r.name, kind: .rule, base: r.base, members: r.members,
                                                   doc: item.doc, isPrelude: isPrelude)
                default:
                    continue
                }
                if let first = result[declaration.name.name], first.isPrelude == isPrelude {
                    sink.report(.redefinition, "'\(declaration.name.name)' is already declared as a \(first.kind.rawValue)",
                                at: declaration.name.range, notes: [DiagnosticNote("first declared here", at: first.name.range)],
                                help: "rename one of them")
                    continue
                }
                result[declaration.name.name] = declaration
            }
        }
        return result
    }
}
