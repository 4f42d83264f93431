// Dimension: a physical dimension as exponents of the 7 SI base units (s, m, kg, A, K, mol, cd). Exponents are
// kept in halves so that `sqrt` of any quantity has a dimension (noise amplitudes are in mV/sqrt(ms)).

public struct Dimension: Hashable, Sendable, CustomStringConvertible {
    /// Twice the exponent of each base unit, in the order of `Dimension.baseSymbols`.
    public private(set) var halfExponents: [Int8]

    public static let baseSymbols = ["s", "m", "kg", "A", "K", "mol", "cd"]

    public init(halfExponents: [Int8]) {
        precondition(halfExponents.count == 7)
        self.halfExponents = halfExponents
    }

    /// A dimension from whole exponents: `Dimension(s: -1)` is a frequency.
    public init(s: Int8 = 0, m: Int8 = 0, kg: Int8 = 0, A: Int8 = 0, K: Int8 = 0, mol: Int8 = 0, cd: Int8 = 0) {
        self.init(halfExponents: [s, m, kg, A, K, mol, cd].map { $0 * 2 })
    }

    public static let none = Dimension()
    public static let time = Dimension(s: 1)
    public static let frequency = Dimension(s: -1)
    public static let voltage = Dimension(s: -3, m: 2, kg: 1, A: -1)
    public static let current = Dimension(A: 1)
    public static let conductance = Dimension(s: 3, m: -2, kg: -1, A: 2)
    public static let capacitance = Dimension(s: 4, m: -2, kg: -1, A: 2)
    public static let resistance = Dimension(s: -3, m: 2, kg: 1, A: -2)
    public static let charge = Dimension(s: 1, A: 1)
    public static let length = Dimension(m: 1)
    public static let area = Dimension(m: 2)
    public static let mass = Dimension(kg: 1)
    public static let amount = Dimension(mol: 1)
    public static let concentration = Dimension(m: -3, mol: 1)

    public var isDimensionless: Bool { halfExponents.allSatisfy { $0 == 0 } }

    public static func * (a: Dimension, b: Dimension) -> Dimension {
        Dimension(halfExponents: zip(a.halfExponents, b.halfExponents).map { $0 &+ $1 })
    }

    public static func / (a: Dimension, b: Dimension) -> Dimension {
        Dimension(halfExponents: zip(a.halfExponents, b.halfExponents).map { $0 &- $1 })
    }

    /// The dimension raised to `numerator / 2` (so `power(halves: 1)` is the square root); nil when an exponent
    /// would not be a whole or half number, or would overflow.
    public func raised(toHalves numerator: Int) -> Dimension? {
        var result: [Int8] = []
        for e in halfExponents {
            let product = Int(e) * numerator
            guard product % 2 == 0, abs(product / 2) <= 60 else { return nil }
            result.append(Int8(product / 2))
        }
        return Dimension(halfExponents: result)
    }

    public var description: String { DimensionPrinter.name(of: self) }
}
