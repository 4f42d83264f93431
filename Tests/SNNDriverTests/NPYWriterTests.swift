// NPYWriter: the files follow NumPy's format 1.0 — magic, version, a header padded so the data starts on a
// 64-byte boundary, the shape and dtype as written, then little-endian data.

@testable import SNNDriver
import Testing

@Suite struct NPYWriterTests {
    func header(_ bytes: [UInt8]) -> (String, Int) {
        let length = Int(bytes[8]) | Int(bytes[9]) << 8
        return (String(decoding: bytes[10..<(10 + length)], as: UTF8.self), 10 + length)
    }

    @Test func float32MatrixHeaderAndData() {
        let bytes = NPYWriter.data(float32: [1, -2.5, 3, 4, 5, 6], shape: [2, 3])
        #expect(Array(bytes[0..<8]) == [0x93] + Array("NUMPY".utf8) + [1, 0])
        let (text, start) = header(bytes)
        #expect(start % 64 == 0)
        #expect(text.hasPrefix("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }"))
        #expect(text.hasSuffix("\n"))
        #expect(bytes.count == start + 24)
        let second = UInt32(bytes[start + 4]) | UInt32(bytes[start + 5]) << 8 | UInt32(bytes[start + 6]) << 16
            | UInt32(bytes[start + 7]) << 24
        #expect(Float(bitPattern: second) == -2.5)
    }

    @Test func oneDimensionalShapeHasATrailingComma() {
        let bytes = NPYWriter.data(int32: [7, -1], shape: [2])
        let (text, start) = header(bytes)
        #expect(text.contains("'descr': '<i4'") && text.contains("'shape': (2,)"))
        #expect(Array(bytes[(start + 4)...]) == [0xFF, 0xFF, 0xFF, 0xFF])
    }
}
