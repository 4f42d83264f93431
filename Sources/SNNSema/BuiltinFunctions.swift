// BuiltinFunctions: the functions expressions may call, with the dimension rule each one follows — math
// (`exp` needs a plain number, `sqrt` halves exponents, `min`/`max`/`clip`/`abs` keep them), random draws,
// and the readouts of the experiment (`spike_count(exc)`, `argmax(…)`, `vote(…)`, and `one_hot(…)` for rewards).

enum FunctionRule: Sendable {
    /// A plain number in, a plain number out: `exp`, `log`, `sin`, …
    case dimensionless
    /// `sqrt`: the dimension's exponents are halved.
    case squareRoot
    /// All arguments share one dimension, which the result keeps: `abs`, `min`, `max`, `clip`.
    case sameDimension
    /// A random draw whose parameters share the dimension of the result: `uniform(low, high)`.
    case random
    /// Readouts of a population in the experiment.
    case spikeCount, membrane, argmax, vote
    /// `one_hot(i)` in a reward: 1 for postsynaptic neuron i, 0 for the others.
    case oneHot
    /// A convolution kernel's fixed filter (`gabor`, `dog`): the result has the first argument's (the
    /// amplitude's) dimension; the others are plain numbers (pixels, radians).
    case kernelFilter
}

struct BuiltinFunction: Sendable {
    let name: String
    let rule: FunctionRule
    /// Parameter names, in positional order.
    let parameters: [String]
    /// How many trailing parameters may be left out.
    let optionalCount: Int
    let summary: String

    var required: Int { parameters.count - optionalCount }

    static let all: [BuiltinFunction] = {
        var list: [BuiltinFunction] = []
        for name in ["exp", "log", "log10", "sin", "cos", "tan", "tanh", "sinh", "cosh", "floor", "ceil", "round"] {
            list.append(BuiltinFunction(name: name, rule: .dimensionless, parameters: ["x"], optionalCount: 0,
                                        summary: "\(name)(x) of a plain number"))
        }
        list += [
            BuiltinFunction(name: "sqrt", rule: .squareRoot, parameters: ["x"], optionalCount: 0,
                            summary: "square root; the unit's exponents are halved"),
            BuiltinFunction(name: "abs", rule: .sameDimension, parameters: ["x"], optionalCount: 0,
                            summary: "absolute value"),
            BuiltinFunction(name: "min", rule: .sameDimension, parameters: ["a", "b"], optionalCount: 0,
                            summary: "the smaller of two values of one dimension"),
            BuiltinFunction(name: "max", rule: .sameDimension, parameters: ["a", "b"], optionalCount: 0,
                            summary: "the larger of two values of one dimension"),
            BuiltinFunction(name: "clip", rule: .sameDimension, parameters: ["x", "low", "high"], optionalCount: 0,
                            summary: "x limited to [low, high]"),
            BuiltinFunction(name: "uniform", rule: .random, parameters: ["low", "high"], optionalCount: 0,
                            summary: "a uniform random draw from [low, high)"),
            BuiltinFunction(name: "normal", rule: .random, parameters: ["mean", "sd"], optionalCount: 0,
                            summary: "a normal (Gaussian) random draw"),
            BuiltinFunction(name: "lognormal", rule: .random, parameters: ["median", "sigma"], optionalCount: 0,
                            summary: "a log-normal random draw with the given median and shape sigma"),
            BuiltinFunction(name: "gabor", rule: .kernelFilter, parameters: ["amplitude", "wavelength", "sigma", "aspect", "phase"],
                            optionalCount: 2,
                            summary: "a `conv` kernel as Gabor filters, output channel o of C at orientation o·π/C (sizes in pixels; aspect 0.5, phase 0 by default)"),
            BuiltinFunction(name: "dog", rule: .kernelFilter, parameters: ["amplitude", "center", "surround"], optionalCount: 0,
                            summary: "a `conv` kernel as a difference of Gaussians (widths in pixels), on-centre in even output channels, off-centre in odd ones"),
            BuiltinFunction(name: "spike_count", rule: .spikeCount, parameters: ["population"], optionalCount: 0,
                            summary: "spikes of each neuron during the presentation"),
            BuiltinFunction(name: "membrane", rule: .membrane, parameters: ["population"], optionalCount: 0,
                            summary: "each neuron's membrane potential `v` averaged over the presentation (gradient-trained readouts)"),
            BuiltinFunction(name: "argmax", rule: .argmax, parameters: ["values"], optionalCount: 0,
                            summary: "the index of the largest value"),
            BuiltinFunction(name: "vote", rule: .vote, parameters: ["values"], optionalCount: 0,
                            summary: "the class whose labelled neurons respond most on average"),
            BuiltinFunction(name: "one_hot", rule: .oneHot, parameters: ["index"], optionalCount: 0,
                            summary: "in a reward: 1 for the postsynaptic neuron `index`, 0 for the others"),
        ]
        return list
    }()

    static func named(_ name: String) -> BuiltinFunction? { byName[name] }
    private static let byName = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })
}
