// IDX elements as numbers: big-endian values decoded by type, as Float features (unsigned bytes scaled to
// [0, 1], since they are pixel intensities 0...255) or as integer labels.

extension IDXDataType {
    /// An integer element's value, from its big-endian bytes; nil for the floating-point types.
    func integer(_ raw: UInt64) -> Int? {
        switch self {
        case .unsignedByte: Int(raw)
        case .signedByte: Int(Int8(truncatingIfNeeded: raw))
        case .int16: Int(Int16(truncatingIfNeeded: raw))
        case .int32: Int(Int32(truncatingIfNeeded: raw))
        case .float32, .float64: nil
        }
    }

    /// An element's value as Float, from its big-endian bytes (unsigned bytes unscaled).
    func float(_ raw: UInt64) -> Float {
        switch self {
        case .float32: Float(bitPattern: UInt32(truncatingIfNeeded: raw))
        case .float64: Float(Double(bitPattern: raw))
        default: Float(integer(raw) ?? 0)
        }
    }
}

extension IDXFile {
    /// The first `count` elements as Float: unsigned bytes divided by 255, other types as stored.
    func floatValues(count: Int) -> [Float] {
        let dataType = header.dataType
        return payload.withUnsafeBufferPointer { bytes in
            [Float](unsafeUninitializedCapacity: count) { values, initialized in
                if dataType == .unsignedByte {
                    for index in 0..<count { values[index] = Float(bytes[index]) / 255 }
                } else {
                    for index in 0..<count { values[index] = dataType.float(element(index, in: bytes)) }
                }
                initialized = count
            }
        }
    }

    /// Every element as an integer; nil when the type is floating point.
    func integerValues() -> [Int]? {
        let dataType = header.dataType
        guard dataType.integer(0) != nil else { return nil }
        return payload.withUnsafeBufferPointer { bytes in
            (0..<header.elementCount).map { dataType.integer(element($0, in: bytes)) ?? 0 }
        }
    }

    /// The big-endian bytes of element `index`.
    private func element(_ index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let size = header.dataType.elementSize
        return bytes[index * size..<(index + 1) * size].reduce(0) { $0 << 8 | UInt64($1) }
    }
}
