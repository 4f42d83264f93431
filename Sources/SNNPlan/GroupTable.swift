// GroupTable: the checked model's groups by name — a population (neurons, by its index among the plan's
// populations) or an input (spike sources, by its index among the plan's sources) — with its shape, as the
// projection and recorder compilers resolve endpoints.

import SNNSema

struct GroupTable {
    struct Group {
        var reference: GroupRef
        var info: PopulationInfo
        var shape: [Int]? { info.shape }
        var size: Int? { info.size }
    }

    private(set) var groups: [String: Group] = [:]
    /// Neuron populations in plan order.
    private(set) var populations: [PopulationInfo] = []
    /// Inputs in plan order.
    private(set) var inputs: [PopulationInfo] = []

    init(_ model: CheckedModel) {
        for info in model.populations where groups[info.name.name] == nil {
            if info.isInput {
                groups[info.name.name] = Group(reference: .source(inputs.count), info: info)
                inputs.append(info)
            } else {
                groups[info.name.name] = Group(reference: .population(populations.count), info: info)
                populations.append(info)
            }
        }
    }

    subscript(_ name: String) -> Group? { groups[name] }
}
