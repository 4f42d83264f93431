// ValueType: what an expression denotes — a quantity of some dimension, a true/false condition, a string, or a
// declared thing used by name (a population as the argument of `spike_count`). `invalid` marks an expression
// already reported as wrong: it is compatible with everything, so one mistake yields one diagnostic.

public enum EntityKind: String, Sendable {
    case population, input, dataset, datasetPart = "dataset part", neuronModel = "neuron model", rule
    case connection
}

public enum ValueType: Equatable, Sendable, CustomStringConvertible {
    case quantity(Dimension)
    case condition
    case string
    case entity(EntityKind)
    case invalid

    public static let number = ValueType.quantity(.none)

    public var dimension: Dimension? {
        if case .quantity(let d) = self { return d }
        return nil
    }

    public var isInvalid: Bool { self == .invalid }

    public var description: String {
        switch self {
        case .quantity(let d): return d.phrase
        case .condition: return "a condition"
        case .string: return "a string"
        case .entity(let kind): return withArticle(kind.rawValue)
        case .invalid: return "invalid"
        }
    }
}

extension Dimension {
    /// "in V/s", or "a plain number" for no dimension: what follows "is" in a message.
    public var phrase: String { isDimensionless ? "a plain number" : "in \(self)" }
}

/// "a population", "an input": a noun with its indefinite article, for messages.
func withArticle(_ noun: String) -> String {
    guard let first = noun.first else { return noun }
    return ("aeiou".contains(first) ? "an " : "a ") + noun
}

/// A type with the shape of the value: `[]` for a single value, `[28, 28]` for an image, nil when unknown.
public struct TypedValue: Equatable, Sendable {
    public var type: ValueType
    public var shape: [Int]?

    public init(_ type: ValueType, shape: [Int]? = []) {
        self.type = type
        self.shape = shape
    }

    public static let invalid = TypedValue(.invalid, shape: nil)
    public static let number = TypedValue(.number)
    public static func quantity(_ d: Dimension) -> TypedValue { TypedValue(.quantity(d)) }

    /// The number of elements, when the shape is known.
    public var count: Int? { shape.map { $0.reduce(1, *) } }
}
