// SynapseScope: the names inside a connection's `on spike { … }` block — the synapse's weight `w` (even when the
// target model has a variable `w`, such as AdEx's adaptation current), the target neuron model's variables (its
// states are what a spike changes), then the file's constants.

import SNNSource

struct SynapseScope: Scope {
    let target: ModelInfo
    let weight: TypedValue
    let globals: GlobalScope

    func lookup(_ name: String) -> NameBinding? {
        if name == "w" { return NameBinding(kind: .weight, value: weight, declaration: nil) }
        if let variable = target.variable(name) {
            return NameBinding(kind: variable.kind, value: variable.value, declaration: variable.declaration)
        }
        return globals.lookup(name)
    }

    var visibleNames: [String] { ["w"] + target.variables.map(\.name) + globals.visibleNames }
    func constant(_ name: String) -> ConstantValue? {
        name != "w" && target.variable(name) == nil ? globals.constant(name) : nil
    }
}
