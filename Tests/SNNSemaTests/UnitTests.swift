// Units and dimensions: unit names with prefixes resolve to the right dimension and scale, dimensions combine
// and print canonically, and square roots halve exponents.

@testable import SNNSema
import Testing

@Suite struct UnitTests {
    @Test func prefixedUnitsHaveTheirScale() throws {
        let cases: [(String, Dimension, Double)] = [
            ("ms", .time, 1e-3), ("mV", .voltage, 1e-3), ("nA", .current, 1e-9), ("nS", .conductance, 1e-9),
            ("pF", .capacitance, 1e-12), ("Mohm", .resistance, 1e6), ("MΩ", .resistance, 1e6), ("kHz", .frequency, 1e3),
            ("uF", .capacitance, 1e-6), ("µS", .conductance, 1e-6), ("cm", .length, 1e-2), ("mM", .concentration, 1),
            ("M", .concentration, 1e3), ("m", .length, 1), ("%", .none, 0.01), ("s", .time, 1), ("GHz", .frequency, 1e9),
        ]
        for (name, dimension, scale) in cases {
            let unit = try #require(UnitTable.lookup(name), "\(name)")
            #expect(unit.dimension == dimension, "\(name)")
            #expect(abs(unit.scale / scale - 1) < 1e-12, "\(name): \(unit.scale)")
        }
    }

    @Test func unknownNamesAreNotUnits() {
        for name in ["mv", "msec", "volt", "xs", "Hzz", "tau"] { #expect(UnitTable.lookup(name) == nil, "\(name)") }
    }

    @Test func dimensionsCombine() {
        #expect(Dimension.voltage / .current == .resistance)
        #expect(Dimension.current / .voltage == .conductance)
        #expect(Dimension.conductance * .voltage == .current)
        #expect(Dimension.capacitance * .voltage / .time == .current)
        #expect(Dimension.resistance * .capacitance == .time)
        #expect(Dimension.time * .frequency == .none)
    }

    @Test func squareRootsHalveExponents() throws {
        let root = try #require(Dimension.time.raised(toHalves: 1))
        #expect(root * root == .time)
        #expect((Dimension.voltage / root).description == "V/s^0.5")
        #expect(root.description == "s^0.5")
        #expect(Dimension.voltage.raised(toHalves: 3) != nil)
    }

    @Test func dimensionsPrintCanonically() {
        #expect(Dimension.none.description == "1")
        #expect(Dimension.voltage.description == "V")
        #expect((Dimension.voltage / .time).description == "V/s")
        #expect(Dimension.frequency.description == "Hz")
        #expect((Dimension.current / .area).description == "A/m^2")
        #expect((Dimension.capacitance / .area).description == "F/m^2")
        #expect((Dimension.voltage * .voltage).description == "V^2")
        #expect((Dimension.none / .voltage).description == "1/V")
        #expect((Dimension.voltage / .time / .area).description == "V/(s*m^2)")
        #expect(Dimension(s: -3, m: 2, kg: 1).description == "W")
        #expect((Dimension.frequency / .voltage).description == "1/(V*s)")
        #expect(Dimension(s: 1, kg: 1).description == "kg*s")
        #expect(Dimension.time.description == "s")
        #expect((Dimension.time * .time).description == "s^2")
    }
}
