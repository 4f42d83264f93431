// CurrentDrives: what `current` inputs drive. A connection from a current input adds weight × current to
// parameters of its target neurons (the names its `on spike` block adds to); those parameters get per-neuron
// buffers even when their declared value is one constant, so the runtime can set them while the input is on.

import SNNSema
import SNNSyntax

enum CurrentDrives {
    /// Whether a connection comes from a current input (the checker allows no spiking source beside one).
    static func drivesParameters(_ decl: ConnectDecl, in model: CheckedModel) -> Bool {
        decl.sources.contains { model.population($0.name.name)?.isCurrentInput == true }
    }

    /// The parameters of population `population` that current inputs drive.
    static func drivenParameters(of population: String, in model: CheckedModel) -> Set<String> {
        var names: Set<String> = []
        for item in model.syntax.items {
            guard case .connect(let decl) = item.kind, drivesParameters(decl, in: model),
                  decl.targets.contains(where: { $0.name.name == population }) else { continue }
            for clause in decl.clauses {
                guard case .onSpike(let handler) = clause.kind else { continue }
                for statement in handler.body {
                    if case .assignment(let target, _, _) = statement.kind, case .name(let name) = target.kind {
                        names.insert(name)
                    }
                }
            }
        }
        return names
    }
}
