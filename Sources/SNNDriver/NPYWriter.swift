// NPYWriter: NumPy's `.npy` format (version 1.0) for Float32 and Int32 arrays of any shape, so that
// `numpy.load("exc_v.npy")` reads a recording directly: the magic, a header dict padded to 64 bytes, then the
// little-endian data in C order.

enum NPYWriter {
    static func data(float32 values: [Float], shape: [Int]) -> [UInt8] {
        var bytes = header(descr: "<f4", shape: shape)
        bytes.reserveCapacity(bytes.count + values.count * 4)
        for value in values { append(value.bitPattern, to: &bytes) }
        return bytes
    }

    static func data(int32 values: [Int32], shape: [Int]) -> [UInt8] {
        var bytes = header(descr: "<i4", shape: shape)
        bytes.reserveCapacity(bytes.count + values.count * 4)
        for value in values { append(UInt32(bitPattern: value), to: &bytes) }
        return bytes
    }

    private static func append(_ word: UInt32, to bytes: inout [UInt8]) {
        bytes.append(UInt8(word & 0xFF))
        bytes.append(UInt8((word >> 8) & 0xFF))
        bytes.append(UInt8((word >> 16) & 0xFF))
        bytes.append(UInt8(word >> 24))
    }

    private static func header(descr: String, shape: [Int]) -> [UInt8] {
        let dims = shape.count == 1 ? "\(shape[0])," : shape.map(String.init).joined(separator: ", ")
        var dict = "{'descr': '\(descr)', 'fortran_order': False, 'shape': (\(dims)), }"
        // magic (6) + version (2) + header length (2) + dict + newline, padded with spaces to a multiple of 64.
        let unpadded = 10 + dict.utf8.count + 1
        dict += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        let length = UInt16(dict.utf8.count)
        return [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(length & 0xFF), UInt8(length >> 8)] + Array(dict.utf8)
    }
}
