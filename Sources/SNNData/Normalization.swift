// Normalization: rescaling features after loading — min-max to [0, 1] or z-scores with the population
// standard deviation (a constant column, or table, becomes 0) — per column of a row-major table, or over the
// whole table at once, as for images. Every pass runs row by row, in memory order, with one accumulator per
// column; whole-table statistics merge the columns' accumulators.

public enum Normalization: Equatable, Sendable {
    case none
    case minMax
    case zScore

    /// Normalises `values`, a table of `columns` values per row, per column or over all values.
    func apply(to values: inout [Float], columns: Int, perColumn: Bool) {
        guard self != .none, columns > 0, !values.isEmpty else { return }
        values.withUnsafeMutableBufferPointer { buffer in
            let table = Table(buffer: buffer, columns: columns, perColumn: perColumn)
            self == .minMax ? table.minMax() : table.zScore()
        }
    }
}

/// A row-major table of Floats, normalised in place.
private struct Table {
    let buffer: UnsafeMutableBufferPointer<Float>
    let columns: Int
    let perColumn: Bool

    private var rows: StrideTo<Int> { stride(from: 0, to: buffer.count, by: columns) }

    /// (x - min) / (max - min).
    func minMax() {
        let bounds = merged(accumulate((low: Float.infinity, high: -Float.infinity)) { bounds, value, _ in
            bounds = (min(bounds.low, value), max(bounds.high, value))
        }) { a, b in (min(a.low, b.low), max(a.high, b.high)) }
        let lows = bounds.map(\.low)
        let ranges = bounds.map { $0.high - $0.low }
        rescale { value, column in ranges[column] > 0 ? (value - lows[column]) / ranges[column] : 0 }
    }

    /// (x - mean) / standard deviation, accumulated in Double.
    func zScore() {
        let count = Double(perColumn ? buffer.count / columns : buffer.count)
        let means = merged(accumulate(0.0) { sum, value, _ in sum += Double(value) }, +).map { $0 / count }
        let squares = merged(accumulate(0.0) { sum, value, column in
            let deviation = Double(value) - means[column]
            sum += deviation * deviation
        }, +)
        let deviations = squares.map { ($0 / count).squareRoot() }
        rescale { value, column in
            deviations[column] > 0 ? Float((Double(value) - means[column]) / deviations[column]) : 0
        }
    }

    /// One accumulator per column, updated with every value of the column, row by row.
    private func accumulate<Accumulator>(_ initial: Accumulator,
                                         _ update: (inout Accumulator, Float, Int) -> Void) -> [Accumulator] {
        var accumulators = [Accumulator](repeating: initial, count: columns)
        accumulators.withUnsafeMutableBufferPointer { accumulators in
            for row in rows {
                for column in 0..<columns { update(&accumulators[column], buffer[row + column], column) }
            }
        }
        return accumulators
    }

    /// The accumulators as they are per column, or all combined into one for the whole table.
    private func merged<Accumulator>(_ accumulators: [Accumulator],
                                     _ combine: (Accumulator, Accumulator) -> Accumulator) -> [Accumulator] {
        guard !perColumn, let first = accumulators.first else { return accumulators }
        return Array(repeating: accumulators.dropFirst().reduce(first, combine), count: columns)
    }

    private func rescale(_ transform: (Float, Int) -> Float) {
        for row in rows {
            for column in 0..<columns { buffer[row + column] = transform(buffer[row + column], column) }
        }
    }
}
