// LittleEndianBytes: the writer and reader of snnc's binary files (weights, checkpoints) — fixed-size
// little-endian integers and length-prefixed UTF-8 text appended to Data, and read back with bounds checks that
// report a truncated file instead of trapping.

import Foundation

struct ByteWriter {
    var data = Data()

    mutating func bytes(_ values: [UInt8]) { data.append(contentsOf: values) }
    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }

    /// A u32 byte count, then the UTF-8 bytes.
    mutating func text(_ s: String) {
        u32(UInt32(s.utf8.count))
        data.append(contentsOf: Array(s.utf8))
    }
}

struct ByteReader {
    struct Truncated: Error {}
    struct NotText: Error {}

    let bytes: [UInt8]
    private(set) var offset = 0

    init(_ data: Data) { bytes = [UInt8](data) }

    mutating func take(_ n: Int) throws -> ArraySlice<UInt8> {
        guard n >= 0, offset + n <= bytes.count else { throw Truncated() }
        defer { offset += n }
        return bytes[offset..<(offset + n)]
    }

    mutating func u32() throws -> UInt32 { try take(4).reversed().reduce(0) { $0 << 8 | UInt32($1) } }
    mutating func u64() throws -> UInt64 { try take(8).reversed().reduce(0) { $0 << 8 | UInt64($1) } }

    mutating func text() throws -> String {
        let n = Int(try u32())
        guard let s = String(bytes: try take(n), encoding: .utf8) else { throw NotText() }
        return s
    }
}
