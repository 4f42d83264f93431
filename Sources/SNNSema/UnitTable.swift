// UnitTable: the unit names a model may write after a number or a `:` — SI units and the ones neuroscience uses,
// each with SI prefixes — resolved to a dimension and a scale factor to SI (`mV` → voltage × 1e-3).

import SNNSyntax

public struct PhysicalUnit: Sendable, Equatable {
    public var dimension: Dimension
    /// What one of this unit is in SI base units.
    public var scale: Double
    public init(_ dimension: Dimension, _ scale: Double = 1) {
        self.dimension = dimension
        self.scale = scale
    }
    public static let one = PhysicalUnit(.none)
}

public enum UnitTable {
    /// Units that take a prefix. `ohm` and `Ω` are one unit; `M` is molar (mol/L), `l`/`L` a litre.
    static let units: [String: PhysicalUnit] = [
        "s": PhysicalUnit(.time), "Hz": PhysicalUnit(.frequency), "V": PhysicalUnit(.voltage),
        "A": PhysicalUnit(.current), "S": PhysicalUnit(.conductance), "F": PhysicalUnit(.capacitance),
        "ohm": PhysicalUnit(.resistance), "Ω": PhysicalUnit(.resistance), "C": PhysicalUnit(.charge),
        "m": PhysicalUnit(.length), "g": PhysicalUnit(.mass, 1e-3), "mol": PhysicalUnit(.amount),
        "M": PhysicalUnit(.concentration, 1e3), "l": PhysicalUnit(Dimension(m: 3), 1e-3),
        "L": PhysicalUnit(Dimension(m: 3), 1e-3), "K": PhysicalUnit(Dimension(K: 1)),
        "cd": PhysicalUnit(Dimension(cd: 1)),
    ]

    /// Units that take no prefix.
    static let plainUnits: [String: PhysicalUnit] = [
        "min": PhysicalUnit(.time, 60), "h": PhysicalUnit(.time, 3600), "%": PhysicalUnit(.none, 0.01),
        "1": .one,
    ]

    static let prefixes: [String: Double] = [
        "f": 1e-15, "p": 1e-12, "n": 1e-9, "u": 1e-6, "µ": 1e-6, "μ": 1e-6, "m": 1e-3, "c": 1e-2, "d": 1e-1,
        "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12,
    ]

    /// Every spelling — each unit alone and with each prefix — built once. An exact unit wins over a prefixed
    /// reading of the same letters (`m` is metre, `M` molar, `cd` candela).
    private static let spellings: [String: PhysicalUnit] = {
        var table: [String: PhysicalUnit] = [:]
        for (unit, value) in units {
            for (prefix, factor) in prefixes {
                table[prefix + unit] = PhysicalUnit(value.dimension, value.scale * factor)
            }
        }
        table.merge(units) { _, exact in exact }
        table.merge(plainUnits) { _, exact in exact }
        return table
    }()

    /// The unit a name stands for, or nil.
    public static func lookup(_ name: String) -> PhysicalUnit? { spellings[name] }

    /// Every spelling a user may mean, for "did you mean" suggestions (the Greek µ spellings left out).
    static var allSpellings: [String] {
        spellings.keys.filter { !$0.hasPrefix("µ") && !$0.hasPrefix("μ") }
    }
}
