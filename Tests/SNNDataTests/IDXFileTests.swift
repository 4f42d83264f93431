// IDXFile: headers and whole files built byte by byte — good ones of every type, bad magic, unknown type,
// no dimensions, sizes that do not match the data, truncation, overflow — plain and gzip-compressed on disk.

@testable import SNNData
import Testing

@Suite struct IDXFileTests {
    /// An IDX file: 00 00, the type code, the dimension count, big-endian sizes, then `payload`.
    private func idx(type: UInt8 = 0x08, dimensions: [UInt32], payload: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = [0, 0, type, UInt8(dimensions.count)]
        for size in dimensions { bytes += [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: size >> $0) } }
        return bytes + payload
    }

    @Test func goodUnsignedByteFile() throws {
        let file = try IDXFile(parsing: idx(dimensions: [2, 2, 3], payload: Array(0..<12)))
        #expect(file.dimensions == [2, 2, 3])
        #expect(file.header.dataType == .unsignedByte)
        #expect(file.header.byteCount == 16)
        #expect(file.header.elementCount == 12)
        #expect(file.payload == Array(0..<12))
    }

    @Test func labelsFileHasOneDimension() throws {
        let file = try IDXFile(parsing: idx(dimensions: [5], payload: [3, 1, 4, 1, 5]))
        #expect(file.dimensions == [5])
        #expect(file.payload == [3, 1, 4, 1, 5])
    }

    @Test(arguments: [(UInt8(0x09), 1), (0x0B, 2), (0x0C, 4), (0x0D, 4), (0x0E, 8)])
    func otherTypesHaveTheirElementSizes(code: UInt8, size: Int) throws {
        let header = try IDXHeader(parsing: idx(type: code, dimensions: [3, 2], payload: []))
        #expect(header.dataType.elementSize == size)
        #expect(header.payloadByteCount == 6 * size)
        let file = try IDXFile(parsing: idx(type: code, dimensions: [3, 2], payload: [UInt8](repeating: 7, count: 6 * size)))
        #expect(file.payload.count == 6 * size)
    }

    @Test func headerReadsFromTheFirstBytesOnly() throws {
        let header = try IDXHeader(parsing: Array(idx(dimensions: [60_000, 28, 28], payload: []).prefix(16)))
        #expect(header.dimensions == [60_000, 28, 28])
        #expect(header.payloadByteCount == 47_040_000)
    }

    @Test func badMagic() {
        let text = Array("hello, world".utf8)
        #expect(throws: DataError.badIDXMagic(bytes: Array(text.prefix(4)))) { try IDXHeader(parsing: text) }
        let error = DataError.badIDXMagic(bytes: [0x1F, 0x8B, 0x08, 0x08])
        #expect(error.description.hasPrefix("not an IDX file: it starts with 1F 8B 08 08"))
    }

    @Test func unknownTypeAndNoDimensions() {
        #expect(throws: DataError.unsupportedIDXType(code: 0x07)) { try IDXHeader(parsing: idx(type: 0x07, dimensions: [1], payload: [0])) }
        #expect(throws: DataError.idxNoDimensions) { try IDXHeader(parsing: [0, 0, 8, 0]) }
    }

    @Test func sizesMustMatchTheData() throws {
        let short = idx(dimensions: [2, 3], payload: [1, 2, 3, 4, 5])
        #expect(throws: DataError.idxLengthMismatch(dimensions: [2, 3], elementSize: 1, expectedPayload: 6, actualPayload: 5)) {
            try IDXFile(parsing: short)
        }
        let long = idx(type: 0x0B, dimensions: [2], payload: [0, 1, 0, 2, 9])
        let error = try #require(throws: DataError.self) { try IDXFile(parsing: long) }
        #expect(error.description == "the IDX header declares 2 elements of 2 byte(s) = 4 bytes of data, but the file holds 5")
    }

    @Test func truncatedHeaders() {
        #expect(throws: DataError.idxTooShort(byteCount: 3, needed: 4)) { try IDXHeader(parsing: [0, 0, 8]) }
        let cut = Array(idx(dimensions: [10, 28, 28], payload: []).prefix(10))
        #expect(throws: DataError.idxTooShort(byteCount: 10, needed: 16)) { try IDXHeader(parsing: cut) }
    }

    @Test func overflowingDimensions() {
        let huge = idx(type: 0x0E, dimensions: [0xFFFF_FFFF, 0xFFFF_FFFF, 0xFFFF_FFFF], payload: [])
        #expect(throws: DataError.idxTooLarge(dimensions: [0xFFFF_FFFF, 0xFFFF_FFFF, 0xFFFF_FFFF])) {
            try IDXHeader(parsing: huge)
        }
    }

    @Test func readsPlainAndGzipFilesAlike() throws {
        let content = idx(dimensions: [4, 2], payload: Array(10..<18))
        var writer = BitWriter()
        DeflateEncoder.storedBlock(content, final: true, into: &writer)
        let compressed = gzipMember(deflated: writer.bytes, content: content, crc: CRC32.checksum(content))
        // The names say the opposite of the content: the content decides.
        let plain = try TemporaryFile(name: "images.gz", bytes: content)
        let gzip = try TemporaryFile(name: "images.idx", bytes: compressed)
        defer { plain.remove(); gzip.remove() }
        for path in [plain.path, gzip.path] {
            #expect(try IDXHeader.read(path: path).dimensions == [4, 2])
            #expect(try IDXFile.read(path: path).payload == Array(10..<18))
        }
    }

    @Test func fileErrorsNameTheFile() throws {
        let bad = try TemporaryFile(name: "labels.idx", bytes: idx(dimensions: [3], payload: [1, 2]))
        defer { bad.remove() }
        let error = try #require(throws: DataError.self) { try IDXFile.read(path: bad.path) }
        #expect(error == .inFile(path: bad.path, .idxLengthMismatch(dimensions: [3], elementSize: 1, expectedPayload: 3, actualPayload: 2)))
        #expect(error.description.hasPrefix(bad.path + ": the IDX header declares 3 elements"))
    }
}
