// HandlerScope: the names inside one handler of a rule — its event arguments (`r` in `on reward(r)`) first,
// then the rule's variables and the file's constants (its ModelScope).

import SNNSource

struct HandlerScope: Scope {
    let model: ModelScope
    let arguments: [String: SourceRange]

    func lookup(_ name: String) -> NameBinding? {
        if let range = arguments[name] {
            return NameBinding(kind: .eventArgument, value: .number, declaration: range)
        }
        return model.lookup(name)
    }

    var visibleNames: [String] { model.variableNames + Array(arguments.keys) + model.globals.visibleNames }

    func constant(_ name: String) -> ConstantValue? { model.constant(name) }
}
