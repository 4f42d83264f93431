// RecorderCompiler: `record` statements → RecorderPlans. `record spikes, v of exc[0..9], inh with interval =
// 1 ms` gives, per target group, a spike recorder (`exc_spikes`; all neurons, or the slice's) and a trace
// recorder per variable (`exc_v`; the slice's neurons or all, every interval rounded to whole steps, by default
// every step). `record weights of a -> b` records the weights of each projection from a to b (`a_b_weights`).
// Names are unique: a second recorder with one name gets `_2`, `_3`, … A `let` value is not kept by the
// runtime (PlanCode.unsupportedRecording); a rule's variables of a connection belong to learning and are not
// recorded by `snnc run`.

import SNNSema
import SNNSource
import SNNSyntax

struct RecorderCompiler {
    let model: CheckedModel
    let constants: FileConstants
    let groups: GroupTable
    let populations: [PopulationPlan?]
    /// The plan's projections with the names of the endpoints they join.
    let projections: [(sourceName: String, targetName: String)]
    let schedule: Schedule
    private(set) var names: Set<String> = []

    init(model: CheckedModel, constants: FileConstants, groups: GroupTable, populations: [PopulationPlan?],
         projections: [(sourceName: String, targetName: String)], schedule: Schedule) {
        self.model = model
        self.constants = constants
        self.groups = groups
        self.populations = populations
        self.projections = projections
        self.schedule = schedule
    }

    mutating func compile(_ statement: RecordStmt) -> (recorders: [RecorderPlan], diagnostics: [Diagnostic]) {
        var recorders: [RecorderPlan] = []
        var diagnostics: [Diagnostic] = []
        let values = ValueCompiler(constants: constants)
        var interval = 1
        if let argument = ArgumentBinder.bind(statement.options, to: ArgumentBinder.parameters["record"]!)["interval"],
           let seconds = try? values.compile(argument.value).constantValue, seconds > 0 {
            interval = max(1, Int((seconds / schedule.dt).rounded()))
        }
        for target in statement.targets {
            if let destination = target.destination {
                guard statement.variables.contains(where: { $0.name == "weights" }) else { continue }
                for (index, projection) in projections.enumerated()
                where projection.sourceName == target.source.name.name && projection.targetName == destination.name.name {
                    recorders.append(RecorderPlan(name: unique("\(projection.sourceName)_\(projection.targetName)_weights"),
                                                  kind: .weights(projection: index)))
                }
                continue
            }
            guard let group = groups[target.source.name.name], let shape = group.shape,
                  let selection = try? NeuronSelection.resolve(target.source.slice, shape: shape, values: values) else { continue }
            let groupName = target.source.name.name
            for variable in statement.variables {
                if variable.name == "spikes" {
                    recorders.append(RecorderPlan(name: unique("\(groupName)_spikes"),
                                                  kind: .spikes(group.reference, neurons: selection.isAll ? [] : selection.indices)))
                    continue
                }
                guard case .population(let index) = group.reference, let population = populations[index] else { continue }
                guard let buffer = population.buffer(named: variable.name) else {
                    let isLet = model.models[group.info.modelName]?.variable(variable.name)?.kind == .alias
                    diagnostics.append(.plan(.unsupportedRecording,
                                             isLet ? "'\(variable.name)' of '\(groupName)' is a `let` value, computed during the update and not kept; it cannot be recorded yet"
                                                 : "'\(variable.name)' of '\(groupName)' is not kept by the runtime; it cannot be recorded yet",
                                             at: variable.range, help: "record the state variables it is computed from"))
                    continue
                }
                recorders.append(RecorderPlan(name: unique("\(groupName)_\(variable.name)"),
                                              kind: .trace(population: index, buffer: buffer, neurons: selection.indices,
                                                           intervalSteps: interval)))
            }
        }
        return (recorders, diagnostics)
    }

    private mutating func unique(_ name: String) -> String {
        var candidate = name
        var n = 2
        while names.contains(candidate) {
            candidate = "\(name)_\(n)"
            n += 1
        }
        names.insert(candidate)
        return candidate
    }
}
