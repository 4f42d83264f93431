// NameCollector: the names an expression, statement or member refers to — for unused-parameter warnings and
// for checking what a parameter's default depends on.

import SNNSyntax

enum NameCollector {
    static func names(in expr: Expr) -> [String] {
        var result: [String] = []
        forEachName(in: expr) { result.append($0) }
        return result
    }

    /// Calls `body` with each name the member refers to, in source order.
    static func forEachName(in member: Member, _ body: (String) -> Void) {
        switch member.kind {
        case .variable(let v):
            if let initial = v.initial { forEachName(in: initial, body) }
            if let equation = v.equation { forEachName(in: equation.rhs, body) }
        case .alias(_, let value): forEachName(in: value, body)
        case .equation(let equation): forEachName(in: equation.rhs, body)
        case .threshold(let e), .refractory(let e): forEachName(in: e, body)
        case .reset(let statements): forEachName(in: statements, body)
        case .handler(let handler): forEachName(in: handler.body, body)
        case .method: break
        }
    }

    private static func forEachName(in statements: [Statement], _ body: (String) -> Void) {
        for statement in statements {
            switch statement.kind {
            case .assignment(let target, _, let value):
                forEachName(in: target, body)
                forEachName(in: value, body)
            case .conditional(let condition, let then, let otherwise):
                forEachName(in: condition, body)
                forEachName(in: then, body)
                if let otherwise { forEachName(in: otherwise, body) }
            }
        }
    }

    /// Calls `body` with each name the expression refers to, in source order.
    static func forEachName(in expr: Expr, _ body: (String) -> Void) {
        switch expr.kind {
        case .name(let name): body(name)
        case .unary(_, let e): forEachName(in: e, body)
        case .binary(_, let a, let b), .range(let a, let b):
            forEachName(in: a, body)
            forEachName(in: b, body)
        case .call(let callee, let arguments):
            forEachName(in: callee, body)
            for argument in arguments { forEachName(in: argument.value, body) }
        case .member(let base, _): forEachName(in: base, body)
        case .index(let base, let indices):
            forEachName(in: base, body)
            for i in indices { forEachName(in: i, body) }
        case .list(let elements):
            for e in elements { forEachName(in: e, body) }
        case .number, .quantity, .string, .boolean, .missing: break
        }
    }
}
