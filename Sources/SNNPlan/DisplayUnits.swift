// DisplayUnits: the unit a recorded buffer is shown in — the one neuroscientists read (mV, ms, nA, nS, pF,
// uA/cm^2, mS/cm^2), with the factor from SI; other dimensions are shown in SI, dimensionless values as "1".

import SNNSema

enum DisplayUnits {
    private static let table: [(Dimension, String, Double)] = [
        (.voltage, "mV", 1e3),
        (.time, "ms", 1e3),
        (.current, "nA", 1e9),
        (.conductance, "nS", 1e9),
        (.capacitance, "pF", 1e12),
        (.resistance, "Mohm", 1e-6),
        (.frequency, "Hz", 1),
        (.current / .area, "uA/cm^2", 1e2),
        (.conductance / .area, "mS/cm^2", 1e-1),
        (.capacitance / .area, "uF/cm^2", 1e2),
        (.voltage / .time, "mV/ms", 1),
    ]

    /// The unit and the factor from SI for a value of `dimension` (nil: unknown, shown as a plain number).
    static func unit(for dimension: Dimension?) -> (unit: String, scale: Double) {
        guard let dimension, !dimension.isDimensionless else { return ("1", 1) }
        if let entry = table.first(where: { $0.0 == dimension }) { return (entry.1, entry.2) }
        return (dimension.description, 1)
    }
}
