// NameCollector: the names an expression, statement or member refers to — for unused-parameter warnings and
// for checking what a parameter's default depends on.

import SNNSyntax

enum NameCollector {
    static func names(in expr: Expr) -> [String] {
        var result: [String] = []
        collect(expr, into: &result)
        return result
    }

    static func names(in member: Member) -> [String] {
        var result: [String] = []
        switch member.kind {
        case .variable(let v):
            if let initial = v.initial { collect(initial, into: &result) }
            if let equation = v.equation { collect(equation.rhs, into: &result) }
        case .alias(_, let value): collect(value, into: &result)
        case .equation(let equation): collect(equation.rhs, into: &result)
        case .threshold(let e), .refractory(let e): collect(e, into: &result)
        case .reset(let statements): collect(statements, into: &result)
        case .handler(let handler): collect(handler.body, into: &result)
        case .method: break
        }
        return result
    }

    static func names(in statements: [Statement]) -> [String] {
        var result: [String] = []
        collect(statements, into: &result)
        return result
    }

    private static func collect(_ statements: [Statement], into result: inout [String]) {
        for statement in statements {
            switch statement.kind {
            case .assignment(let target, _, let value):
                collect(target, into: &result)
                collect(value, into: &result)
            case .conditional(let condition, let then, let otherwise):
                collect(condition, into: &result)
                collect(then, into: &result)
                if let otherwise { collect(otherwise, into: &result) }
            }
        }
    }

    private static func collect(_ expr: Expr, into result: inout [String]) {
        switch expr.kind {
        case .name(let name): result.append(name)
        case .unary(_, let e): collect(e, into: &result)
        case .binary(_, let a, let b), .range(let a, let b):
            collect(a, into: &result)
            collect(b, into: &result)
        case .call(let callee, let arguments):
            collect(callee, into: &result)
            for argument in arguments { collect(argument.value, into: &result) }
        case .member(let base, _): collect(base, into: &result)
        case .index(let base, let indices):
            collect(base, into: &result)
            for i in indices { collect(i, into: &result) }
        case .list(let elements):
            for e in elements { collect(e, into: &result) }
        case .number, .quantity, .string, .boolean, .missing: break
        }
    }
}
