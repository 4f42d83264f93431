// NetworkBuiltins: the built-in connection patterns, input encoders, dataset readers and non-local learning
// rules, each with its parameters — name, what kind of value it takes, whether it is required — and a summary
// for `snnc explain`, the docs and editor completion.

/// What an argument of a built-in takes.
enum ParameterKind: Sendable, Equatable {
    /// An expression of this dimension.
    case quantity(Dimension)
    /// A constant whole number > 0.
    case count
    /// A constant whole number ≥ 0.
    case nonNegativeCount
    /// A constant probability in [0, 1].
    case probability
    /// One or several whole numbers: `kernel = 5` or `kernel = [5, 3]`.
    case counts
    case string
    case flag
    /// A bare word from a list: `normalize = minmax`.
    case choice([String])
    /// A column of a CSV file: a bare name or a column index.
    case column
    /// Data from a dataset (`mnist.image`), dimensionless, whose shape gives the input's shape.
    case data
}

struct ParameterSpec: Sendable {
    let name: String
    let kind: ParameterKind
    let isRequired: Bool

    init(_ name: String, _ kind: ParameterKind, required: Bool = false) {
        self.name = name
        self.kind = kind
        self.isRequired = required
    }
}

struct BuiltinCallee: Sendable {
    let name: String
    let parameters: [ParameterSpec]
    let summary: String

    func parameter(_ name: String) -> ParameterSpec? { parameters.first { $0.name == name } }
}

enum NetworkBuiltins {
    static let patterns: [BuiltinCallee] = [
        BuiltinCallee(name: "all_to_all", parameters: [], summary: "every source to every target"),
        BuiltinCallee(name: "one_to_one", parameters: [], summary: "source i to target i; equal sizes"),
        BuiltinCallee(name: "all_but_self", parameters: [], summary: "every source to every target except its own index"),
        BuiltinCallee(name: "random", parameters: [ParameterSpec("p", .probability, required: true)],
                      summary: "each pair connected independently with probability p"),
        BuiltinCallee(name: "fixed_in_degree", parameters: [ParameterSpec("k", .count, required: true)],
                      summary: "each target gets k sources drawn without replacement"),
        BuiltinCallee(name: "fixed_out_degree", parameters: [ParameterSpec("k", .count, required: true)],
                      summary: "each source reaches k targets drawn without replacement"),
        BuiltinCallee(name: "conv", parameters: [
            ParameterSpec("kernel", .counts, required: true), ParameterSpec("stride", .counts),
            ParameterSpec("padding", .counts), ParameterSpec("channels", .count),
        ], summary: "a convolution between shaped populations [C, H, W] with shared weights"),
        BuiltinCallee(name: "pool", parameters: [
            ParameterSpec("size", .counts, required: true), ParameterSpec("stride", .counts),
            ParameterSpec("kind", .choice(["max", "average"])),
        ], summary: "max or average pooling between shaped populations [C, H, W]"),
    ]

    static let encoders: [BuiltinCallee] = [
        BuiltinCallee(name: "poisson", parameters: [ParameterSpec("rate", .quantity(.frequency), required: true)],
                      summary: "Poisson spike trains with the given rate (per source, or from data)"),
        BuiltinCallee(name: "bernoulli", parameters: [ParameterSpec("rate", .quantity(.frequency), required: true)],
                      summary: "at most one spike per step with probability rate × dt"),
        BuiltinCallee(name: "regular", parameters: [
            ParameterSpec("rate", .quantity(.frequency), required: true), ParameterSpec("phase", .quantity(.time)),
        ], summary: "regular spike trains"),
        BuiltinCallee(name: "latency", parameters: [
            ParameterSpec("value", .data, required: true), ParameterSpec("latest", .quantity(.time)),
        ], summary: "one spike per source, earlier for larger values (time-to-first-spike)"),
        BuiltinCallee(name: "rank_order", parameters: [
            ParameterSpec("value", .data, required: true), ParameterSpec("latest", .quantity(.time)),
        ], summary: "one spike per source, in the order of the values"),
        BuiltinCallee(name: "gaussian_fields", parameters: [
            ParameterSpec("value", .data, required: true), ParameterSpec("count", .count, required: true),
            ParameterSpec("width", .quantity(.none)), ParameterSpec("latest", .quantity(.time)),
        ], summary: "each value encoded by `count` Gaussian receptive fields (population coding)"),
        BuiltinCallee(name: "dog", parameters: [
            ParameterSpec("image", .data, required: true), ParameterSpec("center", .quantity(.none)),
            ParameterSpec("surround", .quantity(.none)), ParameterSpec("coding", .choice(["latency", "rate"])),
            ParameterSpec("rate", .quantity(.frequency)), ParameterSpec("latest", .quantity(.time)),
        ], summary: "difference-of-Gaussians on/off-centre filtering of an image, then latency or rate coding"),
        BuiltinCallee(name: "current", parameters: [ParameterSpec("value", .quantity(.current), required: true)],
                      summary: "a direct current injected into the targets"),
        BuiltinCallee(name: "spike_file", parameters: [ParameterSpec("path", .string, required: true)],
                      summary: "spike times read from a file (CSV: source, time)"),
        BuiltinCallee(name: "pulse_packet", parameters: [
            ParameterSpec("time", .quantity(.time), required: true), ParameterSpec("jitter", .quantity(.time)),
        ], summary: "one spike per source around `time`, spread by `jitter`"),
    ]

    static let readers: [BuiltinCallee] = [
        BuiltinCallee(name: "csv", parameters: [
            ParameterSpec("path", .string, required: true), ParameterSpec("label", .column),
            ParameterSpec("header", .flag), ParameterSpec("normalize", .choice(["none", "minmax", "zscore"])),
            ParameterSpec("samples", .count), ParameterSpec("image", .counts),
        ], summary: "a CSV file: numeric feature columns and a label column; `image = [H, W]` or `[C, H, W]` gives the features that shape as `.image`"),
        BuiltinCallee(name: "idx", parameters: [
            ParameterSpec("path", .string, required: true), ParameterSpec("labels", .string),
            ParameterSpec("normalize", .choice(["none", "minmax", "zscore"])), ParameterSpec("samples", .count),
        ], summary: "IDX files (MNIST's format), plain or gzip-compressed"),
        BuiltinCallee(name: "cifar10", parameters: [
            ParameterSpec("path", .string, required: true),
            ParameterSpec("normalize", .choice(["none", "minmax", "zscore"])), ParameterSpec("samples", .count),
        ], summary: "a CIFAR-10 binary batch file: 32x32 colour images [3, 32, 32] and 10 classes"),
    ]

    /// `train … with gradient(…)`: surrogate-gradient training through time.
    static let gradient = BuiltinCallee(name: "gradient", parameters: [
        ParameterSpec("loss", .choice(["cross_entropy", "mse"])), ParameterSpec("readout", .choice(["membrane", "count"])),
        ParameterSpec("optimizer", .choice(["adam", "sgd"])), ParameterSpec("lr", .quantity(.none)),
        ParameterSpec("momentum", .quantity(.none)),
        ParameterSpec("surrogate", .choice(["fast_sigmoid", "arctan", "triangle"])), ParameterSpec("slope", .quantity(.none)),
        ParameterSpec("correct", .quantity(.none)), ParameterSpec("incorrect", .quantity(.none)),
        ParameterSpec("input", .choice(["current", "spikes"])),
        ParameterSpec("schedule", .choice(["constant", "cosine", "exponential"])), ParameterSpec("decay", .quantity(.none)),
    ], summary: "surrogate-gradient training (BPTT): loss, readout, optimizer, learning rate and its schedule, surrogate and its slope, input as spikes or current")

    /// Learning rules that need more than local signals, built into the runtime.
    static let rules: [BuiltinCallee] = [
        BuiltinCallee(name: "bp_stdp", parameters: [
            ParameterSpec("lr", .quantity(.none)), ParameterSpec("window", .quantity(.time)),
        ], summary: "BP-STDP (Tavanaei & Maida 2019): supervised, errors sent back through the weights"),
    ]

    static func pattern(_ name: String) -> BuiltinCallee? { named(name, in: patterns) }
    static func encoder(_ name: String) -> BuiltinCallee? { named(name, in: encoders) }
    static func reader(_ name: String) -> BuiltinCallee? { named(name, in: readers) }
    static func rule(_ name: String) -> BuiltinCallee? { named(name, in: rules) }

    /// The callee of that name, found without copying the ones before it.
    private static func named(_ name: String, in callees: [BuiltinCallee]) -> BuiltinCallee? {
        callees.firstIndex { $0.name == name }.map { callees[$0] }
    }
}
