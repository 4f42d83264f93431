// AST: names, expressions, units, arguments and calls — the pieces every declaration is built from.
// Every node carries the SourceRange it was parsed from; `missing` stands in for what could not be parsed.

import SNNSource

public struct Identifier: Sendable, Equatable {
    public var name: String
    public var range: SourceRange
    public init(_ name: String, _ range: SourceRange) {
        self.name = name
        self.range = range
    }
}

public struct Expr: Sendable {
    /// Leaves and lists are stored inline; the cases that hold an `Expr` (and the large `quantity`) are boxed.
    public enum Kind: Sendable {
        /// A plain number; `text` keeps the digits as written (without `_`).
        case number(value: Double, text: String)
        /// A number with a unit: `20 ms`, `2 mV/ms`, `80%`.
        indirect case quantity(value: Double, text: String, unit: UnitExpr)
        case string(String)
        case boolean(Bool)
        case name(String)
        indirect case unary(UnaryOperator, Expr)
        indirect case binary(BinaryOperator, Expr, Expr)
        indirect case call(callee: Expr, arguments: [Argument])
        indirect case member(Expr, Identifier)
        indirect case index(Expr, [Expr])
        case list([Expr])
        indirect case range(Expr, Expr)
        /// Placeholder for an expression that could not be parsed (a diagnostic was reported).
        case missing
    }
    public var kind: Kind
    public var range: SourceRange
    public init(_ kind: Kind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

public enum UnaryOperator: String, Sendable {
    case negate = "-", plus = "+", not = "not"
}

public enum BinaryOperator: String, Sendable {
    case or, and
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"

    public var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: return true
        default: return false
        }
    }
}

/// A unit such as `mV/ms` or `mS/cm^2`: factors with integer exponents (division makes them negative).
public struct UnitExpr: Sendable {
    public struct Factor: Sendable {
        public var name: Identifier
        public var exponent: Int
    }
    public var factors: [Factor]
    /// The unit as written.
    public var text: String
    public var range: SourceRange
}

/// `name = value` or a positional `value` inside an argument list.
public struct Argument: Sendable {
    public var label: Identifier?
    public var value: Expr
    public var range: SourceRange
    public init(label: Identifier?, value: Expr, range: SourceRange) {
        self.label = label
        self.value = value
        self.range = range
    }
}

/// A named thing with optional arguments: `all_to_all`, `random(p = 0.02)`, `rstdp(tau_e = 25 ms)`.
public struct CallSyntax: Sendable {
    public var name: Identifier
    /// `nil` when written without parentheses.
    public var arguments: [Argument]?
    public var range: SourceRange
    public init(name: Identifier, arguments: [Argument]?, range: SourceRange) {
        self.name = name
        self.arguments = arguments
        self.range = range
    }
}
