// PatternChecker: a connection pattern's arguments against the populations it joins — one_to_one and
// all_but_self need equal sizes, fixed degrees must be feasible, convolution and pooling windows must fit the
// source shape and give the target's — and the expected number of synapses for `--stats`.

import SNNSource
import SNNSyntax

struct PatternChecker {
    let sink: DiagnosticSink
    let expressions: ExpressionChecker

    /// The expected synapse count (nil when a size is unknown or the pattern is wrong).
    func check(_ pattern: CallSyntax, sources: [ResolvedEndpoint], targets: [ResolvedEndpoint], complete: Bool) -> Double? {
        guard let callee = NetworkBuiltins.pattern(pattern.name.name) else {
            sink.report(.unknownPattern, "no connection pattern named '\(pattern.name.name)'", at: pattern.name.range,
                        help: sink.suggestion(for: pattern.name.name, among: NetworkBuiltins.patterns.map(\.name))
                            ?? "the patterns are " + NetworkBuiltins.patterns.map(\.name).joined(separator: ", "))
            return nil
        }
        let arguments = BuiltinArgumentChecker(expressions: expressions).check(callee, noun: "pattern", call: pattern)
        guard complete else { return nil }
        var total = 0.0
        var known = true
        for source in sources {
            for target in targets {
                if let n = pair(callee.name, arguments, source, target, at: pattern) { total += n } else { known = false }
            }
        }
        return known ? total : nil
    }

    private func pair(_ pattern: String, _ arguments: [String: CheckedArgument], _ source: ResolvedEndpoint,
                      _ target: ResolvedEndpoint, at call: CallSyntax) -> Double? {
        guard let ns = source.size, let nt = target.size else { return nil }
        let s = Double(ns), t = Double(nt)
        switch pattern {
        case "all_to_all":
            return s * t
        case "one_to_one", "all_but_self":
            guard ns == nt else {
                sink.report(.sizeMismatch, "\(pattern) needs equal sizes, but '\(sink.text(source.range))' has \(ns) and '\(sink.text(target.range))' has \(nt)",
                            at: call.range, help: "slice the larger one, e.g. \(ns > nt ? source.name : target.name)[0..\(min(ns, nt) - 1)]")
                return nil
            }
            return pattern == "one_to_one" ? s : s * (s - 1)
        case "random":
            return arguments["p"]?.constant?.scalar.map { $0 * s * t }
        case "fixed_in_degree", "fixed_out_degree":
            guard let k = arguments["k"]?.constant?.integer else { return nil }
            let inward = pattern == "fixed_in_degree"
            let pool = inward ? ns : nt
            guard k <= pool else {
                sink.report(.degreeInfeasible,
                            "\(pattern)(k = \(k)) needs \(k) distinct \(inward ? "sources" : "targets") but '\(sink.text(inward ? source.range : target.range))' has only \(pool)",
                            at: arguments["k"]!.argument.range)
                return nil
            }
            return Double(k) * (inward ? t : s)
        case "conv", "pool":
            return ShapedPatternChecker(sink: sink).check(pattern, arguments, source: source, target: target, at: call)
        default:
            return nil
        }
    }
}
