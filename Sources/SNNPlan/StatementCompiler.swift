// StatementCompiler: lowers a block of statements (a reset) into straight-line code. Assignments run in order,
// each seeing the values the ones before it gave (`v = c` then `u += v` reads the new v); `if … {…} else {…}`
// computes both branches and merges every variable either branch assigns with `select`. The caller stores the
// final values.

import SNNSource
import SNNSyntax

struct StatementCompiler {
    let compiler: ExpressionCompiler

    /// Compiles the statements; afterwards the compiler's bindings hold the new values. Returns the names
    /// assigned, in the order first assigned.
    func compile(_ statements: [Statement]) throws -> [String] {
        var assigned: [String] = []
        try compile(statements, into: &assigned)
        return assigned
    }

    private func compile(_ statements: [Statement], into assigned: inout [String]) throws {
        for statement in statements {
            switch statement.kind {
            case .assignment(let target, let op, let value):
                guard case .name(let name) = target.kind, let current = compiler.currentValue(of: name),
                      compiler.mutableNames.contains(name) else {
                    throw compiler.failure("only the model's state variables can be assigned here", at: target.range)
                }
                let amount = try compiler.compile(value)
                let updated: PlanValue
                switch op {
                case .assign: updated = amount
                case .add: updated = compiler.builder.add(current, amount)
                case .subtract: updated = compiler.builder.sub(current, amount)
                case .multiply: updated = compiler.builder.mul(current, amount)
                case .divide: updated = compiler.builder.div(current, amount)
                }
                compiler.assign(name, updated)
                if !assigned.contains(name) { assigned.append(name) }
            case .conditional(let condition, let then, let otherwise):
                let test = try compiler.compile(condition)
                let before = snapshot()
                var thenAssigned: [String] = []
                try compile(then, into: &thenAssigned)
                let afterThen = snapshot()
                restore(before)
                var elseAssigned: [String] = []
                try compile(otherwise ?? [], into: &elseAssigned)
                let afterElse = snapshot()
                for name in thenAssigned + elseAssigned.filter({ !thenAssigned.contains($0) }) {
                    let merged = compiler.builder.emit(.select, [test, afterThen[name]!, afterElse[name]!])
                    compiler.assign(name, merged)
                    if !assigned.contains(name) { assigned.append(name) }
                }
            }
        }
    }

    private func snapshot() -> [String: PlanValue] {
        var values: [String: PlanValue] = [:]
        for name in compiler.mutableNames { values[name] = compiler.currentValue(of: name) }
        return values
    }

    private func restore(_ values: [String: PlanValue]) {
        for (name, value) in values where compiler.currentValue(of: name) != value { compiler.assign(name, value) }
    }

    /// The variables a block assigns with `=` anywhere (inside `if` too): a reset holds them while refractory.
    static func setVariables(_ statements: [Statement]) -> Set<String> {
        var names: Set<String> = []
        for statement in statements {
            switch statement.kind {
            case .assignment(let target, let op, _):
                if op == .assign, case .name(let name) = target.kind { names.insert(name) }
            case .conditional(_, let then, let otherwise):
                names.formUnion(setVariables(then))
                names.formUnion(setVariables(otherwise ?? []))
            }
        }
        return names
    }
}
