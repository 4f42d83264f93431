// Dimension: a physical dimension as exponents of the 7 SI base units (s, m, kg, A, K, mol, cd). Exponents are
// kept in halves so that `sqrt` of any quantity has a dimension (noise amplitudes are in mV/sqrt(ms)).

public struct Dimension: Hashable, Sendable, CustomStringConvertible {
    /// Twice the exponent of each base unit in lanes 0–6, in the order of `Dimension.baseSymbols`; lane 7 is 0.
    /// Kept inline (no array), so that the arithmetic of types allocates nothing.
    private let halves: SIMD8<Int8>

    public static let baseSymbols = ["s", "m", "kg", "A", "K", "mol", "cd"]

    /// Twice the exponent of each base unit, in the order of `Dimension.baseSymbols`.
    public var halfExponents: [Int8] { (0..<7).map { halves[$0] } }

    public init(halfExponents: [Int8]) {
        precondition(halfExponents.count == 7)
        var halves = SIMD8<Int8>()
        for (lane, value) in halfExponents.enumerated() { halves[lane] = value }
        self.halves = halves
    }

    private init(halves: SIMD8<Int8>) { self.halves = halves }

    /// A dimension from whole exponents: `Dimension(s: -1)` is a frequency.
    public init(s: Int8 = 0, m: Int8 = 0, kg: Int8 = 0, A: Int8 = 0, K: Int8 = 0, mol: Int8 = 0, cd: Int8 = 0) {
        self.init(halves: SIMD8(s * 2, m * 2, kg * 2, A * 2, K * 2, mol * 2, cd * 2, 0))
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

    public var isDimensionless: Bool { halves == SIMD8() }

    public static func * (a: Dimension, b: Dimension) -> Dimension { Dimension(halves: a.halves &+ b.halves) }

    public static func / (a: Dimension, b: Dimension) -> Dimension { Dimension(halves: a.halves &- b.halves) }

    /// The dimension raised to `numerator / 2` (so `power(halves: 1)` is the square root); nil when an exponent
    /// would not be a whole or half number, or would overflow.
    public func raised(toHalves numerator: Int) -> Dimension? {
        var result = SIMD8<Int8>()
        for lane in 0..<7 {
            let product = Int(halves[lane]) * numerator
            guard product % 2 == 0, abs(product / 2) <= 60 else { return nil }
            result[lane] = Int8(product / 2)
        }
        return Dimension(halves: result)
    }

    public var description: String { DimensionPrinter.name(of: self) }
}
