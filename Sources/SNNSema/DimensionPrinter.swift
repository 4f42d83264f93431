// DimensionPrinter: the canonical name of a dimension in messages — a named SI unit, possibly raised to a power,
// times powers of seconds and metres (V, V/s, V^2, 1/V, A/m^2, V/(s*m^2), W); base units only when nothing
// shorter fits (kg*m^2/(s^3*A^2)).

enum DimensionPrinter {
    private static let named: [(String, Dimension)] = [
        ("V", .voltage), ("A", .current), ("S", .conductance), ("F", .capacitance), ("ohm", .resistance),
        ("C", .charge), ("W", Dimension(s: -3, m: 2, kg: 1)), ("J", Dimension(s: -2, m: 2, kg: 1)),
        ("mol", .amount), ("M", .concentration), ("kg", .mass), ("K", Dimension(K: 1)), ("cd", Dimension(cd: 1)),
    ]

    static func name(of dimension: Dimension) -> String {
        if dimension.isDimensionless { return "1" }
        if dimension == .frequency { return "Hz" }
        var best: (text: String, cost: Int)?
        for (symbol, unit) in [("", Dimension.none)] + named {
            for power in symbol.isEmpty ? [0] : [1, -1, 2, -2, 3] {
                guard let raised = unit.raised(toHalves: 2 * power) else { continue }
                let rest = dimension / raised
                guard rest.halfExponents.enumerated().allSatisfy({ $0.offset <= 1 || $0.element == 0 }) else { continue }
                let cost = abs(power) + rest.halfExponents.prefix(2).map { abs(Int($0)) }.reduce(0, +)
                if best == nil || cost < best!.cost {
                    best = (compose([(symbol, Int8(power * 2)), ("s", rest.halfExponents[0]), ("m", rest.halfExponents[1])]), cost)
                }
            }
        }
        return best?.text ?? compose(zip(Dimension.baseSymbols, dimension.halfExponents).map { ($0, $1) })
    }

    /// `num/den` from symbols with exponents in halves; zero exponents are left out.
    private static func compose(_ factors: [(String, Int8)]) -> String {
        let used = factors.filter { !$0.0.isEmpty && $0.1 != 0 }
        let numerator = used.filter { $0.1 > 0 }.map { power($0.0, $0.1) }
        let denominator = used.filter { $0.1 < 0 }.map { power($0.0, -$0.1) }
        let top = numerator.isEmpty ? "1" : numerator.joined(separator: "*")
        if denominator.isEmpty { return top }
        let bottom = denominator.count == 1 ? denominator[0] : "(" + denominator.joined(separator: "*") + ")"
        return top + "/" + bottom
    }

    /// `s`, `s^2`, `s^0.5`, from an exponent counted in halves.
    private static func power(_ symbol: String, _ halves: Int8) -> String {
        if halves == 2 { return symbol }
        if halves % 2 == 0 { return "\(symbol)^\(halves / 2)" }
        return "\(symbol)^\(Double(halves) / 2)"
    }
}
