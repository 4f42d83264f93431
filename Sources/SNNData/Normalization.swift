// Normalization: rescaling features after loading — min-max to [0, 1] or z-scores with the population
// standard deviation — over each column of a row-major table (a constant column becomes 0). Passing one
// column normalises over all values at once, as for images.

public enum Normalization: Equatable, Sendable {
    case none
    case minMax
    case zScore

    /// Normalises `values`, a table of `columns` values per row, column by column.
    func apply(to values: inout [Float], columns: Int) {
        let normalize: (UnsafeMutableBufferPointer<Float>, StrideTo<Int>) -> Void
        switch self {
        case .none: return
        case .minMax: normalize = Self.minMax
        case .zScore: normalize = Self.zScore
        }
        values.withUnsafeMutableBufferPointer { buffer in
            for column in 0..<columns { normalize(buffer, stride(from: column, to: buffer.count, by: columns)) }
        }
    }

    private static func minMax(_ buffer: UnsafeMutableBufferPointer<Float>, _ indices: StrideTo<Int>) {
        var low = Float.infinity
        var high = -Float.infinity
        for index in indices {
            low = buffer[index] < low ? buffer[index] : low
            high = buffer[index] > high ? buffer[index] : high
        }
        let range = high - low
        guard range > 0 else { return fill(buffer, indices, with: 0) }
        for index in indices { buffer[index] = (buffer[index] - low) / range }
    }

    private static func zScore(_ buffer: UnsafeMutableBufferPointer<Float>, _ indices: StrideTo<Int>) {
        var sum = 0.0
        var count = 0.0
        for index in indices {
            sum += Double(buffer[index])
            count += 1
        }
        guard count > 0 else { return }
        let mean = sum / count
        var squares = 0.0
        for index in indices {
            let deviation = Double(buffer[index]) - mean
            squares += deviation * deviation
        }
        let deviation = (squares / count).squareRoot()
        guard deviation > 0 else { return fill(buffer, indices, with: 0) }
        let scale = 1 / deviation
        for index in indices { buffer[index] = Float((Double(buffer[index]) - mean) * scale) }
    }

    private static func fill(_ buffer: UnsafeMutableBufferPointer<Float>, _ indices: StrideTo<Int>, with value: Float) {
        for index in indices { buffer[index] = value }
    }
}
