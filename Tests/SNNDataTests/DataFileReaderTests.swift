// DataFileReader: gzip is recognised by content, prefixes of plain and gzip files, and file errors.

import SNNData
import Testing

@Suite struct DataFileReaderTests {
    @Test func gunzipsByContentNotByName() throws {
        let compressed = try TemporaryFile(name: "notes.txt", bytes: Fixtures.bytes("dynamic.gz"))
        let plain = try TemporaryFile(name: "notes.gz", bytes: Fixtures.bytes("dynamic.txt"))
        defer { compressed.remove(); plain.remove() }
        #expect(try DataFileReader.read(path: compressed.path) == Fixtures.bytes("dynamic.txt"))
        #expect(try DataFileReader.read(path: plain.path) == Fixtures.bytes("dynamic.txt"))
        #expect(try DataFileReader.readRaw(path: compressed.path) == Fixtures.bytes("dynamic.gz"))
    }

    @Test func prefixes() throws {
        let compressed = try TemporaryFile(name: "a.gz", bytes: Fixtures.bytes("dynamic.gz"))
        let plain = try TemporaryFile(name: "a.txt", bytes: Fixtures.bytes("dynamic.txt"))
        defer { compressed.remove(); plain.remove() }
        let expected = Array(Fixtures.bytes("dynamic.txt").prefix(40))
        #expect(try DataFileReader.readPrefix(path: compressed.path, count: 40) == expected)
        #expect(try DataFileReader.readPrefix(path: plain.path, count: 40) == expected)
        #expect(try DataFileReader.readPrefix(path: plain.path, count: 1).count == 1)
        #expect(try DataFileReader.readPrefix(path: plain.path, count: 10_000_000) == Fixtures.bytes("dynamic.txt"))
    }

    @Test func missingFileAndDirectory() throws {
        #expect(throws: DataError.fileNotFound(path: "/no/such/file.csv")) {
            try DataFileReader.read(path: "/no/such/file.csv")
        }
        #expect(DataError.fileNotFound(path: "/no/such/file.csv").description == "/no/such/file.csv: no such file")
        let file = try TemporaryFile(name: "x", bytes: [])
        defer { file.remove() }
        let folder = String(file.path.dropLast(2))
        #expect(throws: DataError.unreadableFile(path: folder, reason: "it is a directory")) {
            try DataFileReader.read(path: folder)
        }
    }

    @Test func corruptGzipNamesTheFile() throws {
        var damaged = Fixtures.bytes("fixed.gz")
        damaged[damaged.count - 8] ^= 0xFF
        let file = try TemporaryFile(name: "damaged.gz", bytes: damaged)
        defer { file.remove() }
        let error = try #require(throws: DataError.self) { try DataFileReader.read(path: file.path) }
        #expect(error.description.hasPrefix("\(file.path): gzip CRC-32 mismatch at byte \(damaged.count - 8)"))
    }
}
