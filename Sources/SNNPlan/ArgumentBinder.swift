// ArgumentBinder: the arguments of a built-in call (a pattern, an encoder, a function, a statement's options)
// by parameter name — named ones by their label, positional ones to the next unbound parameter, as the
// checker's ArgumentMatcher binds them. The checker has reported every mismatch; surplus arguments are dropped.

import SNNSyntax

enum ArgumentBinder {
    static func bind(_ arguments: [Argument]?, to parameters: [String]) -> [String: Argument] {
        var bound: [String: Argument] = [:]
        var next = 0
        for argument in arguments ?? [] {
            if let label = argument.label {
                if bound[label.name] == nil { bound[label.name] = argument }
                continue
            }
            while next < parameters.count, bound[parameters[next]] != nil { next += 1 }
            guard next < parameters.count else { continue }
            bound[parameters[next]] = argument
        }
        return bound
    }

    /// The parameters of the built-ins the planner reads, in positional order (as in SNNSema's tables).
    static let parameters: [String: [String]] = [
        "random": ["p"], "fixed_in_degree": ["k"], "fixed_out_degree": ["k"],
        "poisson": ["rate"], "bernoulli": ["rate"], "regular": ["rate", "phase"],
        "pulse_packet": ["time", "jitter"], "spike_file": ["path"], "current": ["value"],
        "simulate": ["dt", "seed"], "record": ["interval"],
        "uniform": ["low", "high"], "normal": ["mean", "sd"], "lognormal": ["median", "sigma"],
        "min": ["a", "b"], "max": ["a", "b"], "clip": ["x", "low", "high"],
        "bp_stdp": ["lr", "window"],
    ]

    static func bind(_ call: CallSyntax) -> [String: Argument] {
        bind(call.arguments, to: parameters[call.name.name] ?? [])
    }

    /// The labelled arguments' expressions by label (the first of a repeated label).
    static func labelled(_ arguments: [Argument]?) -> [String: Expr] {
        var result: [String: Expr] = [:]
        for argument in arguments ?? [] {
            if let label = argument.label, result[label.name] == nil { result[label.name] = argument.value }
        }
        return result
    }

    /// The labelled arguments of population `name`'s declaration (`lif(tau_m = 10 ms)`).
    static func populationArguments(_ name: String, in file: SourceFileSyntax) -> [String: Expr] {
        for item in file.items {
            if case .population(let p) = item.kind, p.name.name == name { return labelled(p.model.call.arguments) }
        }
        return [:]
    }
}
