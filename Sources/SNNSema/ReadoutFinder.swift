// ReadoutFinder: the `vote(…)` calls inside an experiment expression and the population each one reads
// (`vote(spike_count(exc))` reads `exc`), so that voting can be checked against the labels assigned so far.

import SNNSyntax

enum ReadoutFinder {
    static func votes(in expr: Expr) -> [Expr] {
        var found: [Expr] = []
        collect(expr, into: &found)
        return found
    }

    /// The population a `vote(spike_count(P))` reads; nil for any other shape.
    static func population(readBy vote: Expr) -> String? {
        guard case .call(_, let arguments) = vote.kind, let inner = arguments.first?.value,
              case .call(_, let readoutArguments) = inner.kind, let target = readoutArguments.first?.value,
              case .name(let name) = target.kind else { return nil }
        return name
    }

    private static func collect(_ expr: Expr, into found: inout [Expr]) {
        switch expr.kind {
        case .call(let callee, let arguments):
            if case .name("vote") = callee.kind { found.append(expr) }
            for argument in arguments { collect(argument.value, into: &found) }
        case .unary(_, let e), .member(let e, _): collect(e, into: &found)
        case .binary(_, let a, let b), .range(let a, let b):
            collect(a, into: &found)
            collect(b, into: &found)
        case .index(let base, let indices):
            collect(base, into: &found)
            for i in indices { collect(i, into: &found) }
        case .list(let elements):
            for e in elements { collect(e, into: &found) }
        case .number, .quantity, .string, .boolean, .name, .missing: break
        }
    }
}
