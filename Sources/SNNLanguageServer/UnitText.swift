// UnitText: a unit as the lexer hands it over (`mV`, `mV/ms`, `mS/cm^2`) resolved to its dimension and scale
// through SNNSema's UnitTable, and numbers printed briefly — for hover over units.

import Foundation
import SNNSema

enum UnitText {
    /// The unit a spelling stands for: factors joined by `*` or `/`, each with an optional `^n`.
    static func resolve(_ spelling: String) -> PhysicalUnit? {
        if let unit = UnitTable.lookup(spelling) { return unit }
        var result = PhysicalUnit.one, sign = 1, factor = ""
        func apply() -> Bool {
            let parts = factor.split(separator: "^", maxSplits: 1).map(String.init)
            guard let name = parts.first, let unit = UnitTable.lookup(name) else { return false }
            let exponent = sign * (parts.count > 1 ? Int(parts[1]) ?? 1 : 1)
            guard let raised = unit.dimension.raised(toHalves: 2 * exponent) else { return false }
            result = PhysicalUnit(result.dimension * raised, result.scale * pow(unit.scale, Double(exponent)))
            factor = ""
            return true
        }
        for character in spelling where !character.isWhitespace {
            if character == "*" || character == "/" {
                guard apply() else { return nil }
                sign = character == "/" ? -1 : 1
            } else {
                factor.append(character)
            }
        }
        return apply() ? result : nil
    }

    /// `0.001`, `1e-12`, `60`.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e6 { return String(Int(value)) }
        if abs(value) >= 1e-3, abs(value) < 1e6 { return String(value) }
        return String(format: "%g", value)
    }
}
