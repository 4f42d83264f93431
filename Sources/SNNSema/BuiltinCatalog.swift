// BuiltinCatalog: a public, read-only view of the checker's tables of built-ins — connection patterns, encoders,
// dataset readers, non-local rules, functions, integration methods and unit spellings — for editor tools
// (completion and signature help in `snnc lsp`).

public struct BuiltinSignature: Sendable {
    public enum Category: String, Sendable {
        case pattern = "connection pattern", encoder, reader = "dataset reader", rule = "built-in rule"
        case function
    }
    public struct Parameter: Sendable {
        public let name: String
        public let isRequired: Bool
        /// What the argument takes, in words: "in Hz", "a whole number > 0", "a string".
        public let takes: String
    }

    public let name: String
    public let category: Category
    public let parameters: [Parameter]
    public let summary: String

    /// `random(p)`, `poisson(rate, phase?)`.
    public var label: String {
        name + "(" + parameters.map { $0.isRequired ? $0.name : $0.name + "?" }.joined(separator: ", ") + ")"
    }
}

public enum BuiltinCatalog {
    public static let patterns = NetworkBuiltins.patterns.map { signature($0, .pattern) }
    public static let encoders = NetworkBuiltins.encoders.map { signature($0, .encoder) }
    public static let readers = NetworkBuiltins.readers.map { signature($0, .reader) }
    public static let rules = NetworkBuiltins.rules.map { signature($0, .rule) }
    public static let functions = BuiltinFunction.all.map { function in
        BuiltinSignature(name: function.name, category: .function,
                         parameters: function.parameters.enumerated().map {
                             .init(name: $0.element, isRequired: $0.offset < function.required, takes: "a value")
                         },
                         summary: function.summary)
    }
    /// Every built-in callee, by name (a name appears in one table only).
    public static let all: [String: BuiltinSignature] = Dictionary(
        (patterns + encoders + readers + rules + functions).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

    /// The values of `method = …` in a neuron model.
    public static var integrationMethods: [String] { ModelChecker.methods }

    /// Every unit spelling the checker accepts (without the Greek µ spellings), sorted.
    public static let unitSpellings: [String] = UnitTable.allSpellings.sorted()

    private static func signature(_ callee: BuiltinCallee, _ category: BuiltinSignature.Category) -> BuiltinSignature {
        BuiltinSignature(name: callee.name, category: category,
                         parameters: callee.parameters.map { .init(name: $0.name, isRequired: $0.isRequired, takes: words($0.kind)) },
                         summary: callee.summary)
    }

    private static func words(_ kind: ParameterKind) -> String {
        switch kind {
        case .quantity(let d): return d.phrase
        case .count: return "a whole number > 0"
        case .nonNegativeCount: return "a whole number ≥ 0"
        case .probability: return "a probability in [0, 1]"
        case .counts: return "one or several whole numbers"
        case .string: return "a string"
        case .flag: return "true or false"
        case .choice(let options): return "one of " + options.joined(separator: ", ")
        case .column: return "a column name or index"
        case .data: return "data from a dataset"
        }
    }
}
