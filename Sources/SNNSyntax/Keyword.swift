// Keywords of the .snn language: reserved words (never names) and contextual words (names except in the
// grammar positions that give them meaning). Grammar/snn.ebnf lists both; a test keeps them in step.

public enum Keyword: String, CaseIterable, Sendable {
    case model, neuron, rule, extends, param, state, `let`, const
    case population, input, connect, learn, normalize, dataset, split
    case train, evaluate, simulate, record, save, load, assign
    case on, with, of, to, from, by, when, `while`, `if`, `else`
    case and, or, not, `true`, `false`

    /// The keyword spelt `word`, by one hash lookup (the synthesized `init(rawValue:)` compares every case).
    public static func named(_ word: String) -> Keyword? { byName[word] }
    private static let byName = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })

    /// Keywords that begin an item at the top level of a file; the parser resynchronises on them.
    public var startsItem: Bool {
        switch self {
        case .model, .neuron, .rule, .population, .input, .connect, .dataset, .split, .const,
             .train, .evaluate, .simulate, .record, .save, .load, .assign:
            return true
        default:
            return false
        }
    }
}

public enum ContextualKeyword: String, CaseIterable, Sendable {
    case spike, reset, refractory, method, synaptic, pre, post, incoming, outgoing
    case present, rest, reward, boost, rate, labels
}
