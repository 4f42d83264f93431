// UnitResolver: turns a written unit (`mV/ms`, `mS/cm^2`, `ms^-1`) into its dimension and scale, and reports
// unknown unit names with the most useful hint: a name in scope written after a number (`2 tau` is 2 in the unit
// "tau"; write `2 * tau`), a unit spelt the Brian or SI way (`msecond`, `volt`), a missing `^` (`cm2`), or
// the closest unit by spelling.

import SNNSource
import SNNSyntax

public enum UnitResolver {
    /// The unit, or nil if a factor is unknown (nothing is reported).
    public static func resolve(_ unit: UnitExpr) -> PhysicalUnit? {
        var result: PhysicalUnit? = .one
        for factor in unit.factors {
            guard let u = UnitTable.lookup(factor.name.name) else { return nil }
            result = result.flatMap { multiply($0, by: u, factor.exponent) }
        }
        return result
    }

    /// The unit, reporting each unknown factor once. `scope` tells names from misspelt units.
    static func resolve(_ unit: UnitExpr, reportingTo sink: DiagnosticSink, scope: Scope? = nil) -> PhysicalUnit? {
        var result: PhysicalUnit? = .one
        var known = true
        for factor in unit.factors {
            if let u = UnitTable.lookup(factor.name.name) {
                result = result.flatMap { multiply($0, by: u, factor.exponent) }
                continue
            }
            known = false
            let name = factor.name.name
            sink.report(.unknownUnit, "unknown unit '\(name)'", at: factor.name.range,
                        help: hint(for: name, in: unit, sink: sink, scope: scope)
                            ?? "units are SI units with prefixes, such as ms, mV, nA, nS, pF, Hz, Mohm, uF/cm^2")
        }
        return known ? result : nil
    }

    /// `product` times `unit` raised to `exponent`; nil when the dimension's exponents would overflow.
    private static func multiply(_ product: PhysicalUnit, by unit: PhysicalUnit, _ exponent: Int) -> PhysicalUnit? {
        guard let d = unit.dimension.raised(toHalves: 2 * exponent) else { return nil }
        return PhysicalUnit(product.dimension * d, product.scale * power(unit.scale, exponent))
    }

    private static func hint(for name: String, in unit: UnitExpr, sink: DiagnosticSink, scope: Scope?) -> String? {
        if let scope, scope.lookup(name) != nil {
            if unit.factors.count == 1 {
                return "'\(name)' is a name here, but a name right after a number is read as a unit: write `… * \(name)`"
            }
            return "a unit is written without spaces, so `\(unit.text)` is read as one unit; put spaces around `*` or `/` before '\(name)'"
        }
        if let spelled = LongUnitNames.symbol(for: name) { return "write '\(spelled)'" }
        if let digit = name.firstIndex(where: \.isNumber), UnitTable.lookup(String(name[..<digit])) != nil {
            return "write the power with '^': '\(name[..<digit])^\(name[digit...])'"
        }
        return closest(to: name).map { "did you mean '\($0)'?" }
    }

    /// The unit closest in spelling: same letters up to case first (fewest case changes), then by edit
    /// distance, ties broken alphabetically so that the hint is the same on every run.
    private static func closest(to name: String) -> String? {
        let candidates = UnitTable.allSpellings.sorted()
        let sameLetters = candidates.filter { $0.lowercased() == name.lowercased() }
        if let best = sameLetters.min(by: { Spelling.distance($0, name) < Spelling.distance($1, name) }) { return best }
        return Spelling.closest(to: name, in: candidates)
    }

    private static func power(_ scale: Double, _ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(exponent) { result *= scale }
        return exponent < 0 ? 1 / result : result
    }
}

/// Unit names spelt out, as Brian 2 and textbooks write them (`msecond`, `mvolt`, `hertz`, `nsiemens`, `msec`),
/// mapped to the symbols snnc uses.
enum LongUnitNames {
    private static let names: [String: String] = [
        "second": "s", "seconds": "s", "sec": "s", "secs": "s", "volt": "V", "volts": "V", "amp": "A", "amps": "A",
        "ampere": "A", "amperes": "A", "siemens": "S", "farad": "F", "farads": "F", "hertz": "Hz", "hz": "Hz",
        "ohms": "ohm", "mole": "mol", "moles": "mol", "metre": "m", "meter": "m", "metres": "m", "meters": "m",
        "molar": "M", "liter": "l", "litre": "l", "gram": "g", "grams": "g", "kelvin": "K",
    ]
    private static let prefixes: [String: String] = [
        "": "", "m": "m", "milli": "m", "u": "u", "micro": "u", "n": "n", "nano": "n", "p": "p", "pico": "p",
        "f": "f", "femto": "f", "k": "k", "kilo": "k", "M": "M", "mega": "M", "G": "G", "giga": "G", "c": "c", "centi": "c",
    ]

    static func symbol(for name: String) -> String? {
        for (prefix, symbolPrefix) in prefixes where name.hasPrefix(prefix) {
            if let unit = names[String(name.dropFirst(prefix.count))] { return symbolPrefix + unit }
        }
        return nil
    }
}
