// Gzip: the fixtures written by Python's gzip/zlib (stored, fixed, dynamic, multi-member, header fields),
// CRC-32, prefixes, header and trailer errors, truncation at every length, and random corruptions.

@testable import SNNData
import Testing

@Suite struct GzipTests {
    @Test(arguments: ["stored", "fixed", "dynamic", "multimember", "fname", "allflags"])
    func fixtureMatchesItsPlainText(_ name: String) throws {
        let compressed = Fixtures.bytes(name + ".gz")
        let expected = Fixtures.bytes(name + ".txt")
        try #require(!compressed.isEmpty && !expected.isEmpty)
        #expect(try Gzip.decompress(compressed) == expected)
    }

    @Test func longCodesAndFarDistances() throws {
        let compressed = Fixtures.bytes("skewed.gz")
        try #require(!compressed.isEmpty)
        let content = try Gzip.decompress(compressed)
        #expect(content.count == 42_300)
        #expect(CRC32.checksum(content) == 0xCE70_2908)
        #expect(content.reduce(0) { $0 + Int($1) } == 3_145_208)
        #expect(content[31_800..<32_300] == content[50..<550])
    }

    @Test func crc32CheckValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([]) == 0)
        // Every length 0...20 (the 8-byte steps and the byte tail) agrees with the byte-by-byte definition.
        let bytes = (0..<20).map { UInt8($0 * 37 & 0xFF) }
        for length in 0...bytes.count {
            #expect(CRC32.checksum(Array(bytes.prefix(length))) == bitwiseCRC(bytes.prefix(length)))
        }
    }

    @Test func prefixInflatesOnlyWhatIsAsked() throws {
        let compressed = Fixtures.bytes("dynamic.gz")
        let expected = Fixtures.bytes("dynamic.txt")
        #expect(try Gzip.decompressPrefix(compressed, count: 16) == Array(expected.prefix(16)))
        #expect(try Gzip.decompressPrefix(compressed, count: 0) == [])
        #expect(try Gzip.decompressPrefix(compressed, count: 1_000_000) == expected)
        // The prefix ends inside the second member.
        let multi = Fixtures.bytes("multimember.gz")
        #expect(try Gzip.decompressPrefix(multi, count: 19) == Array("first member\nsecond".utf8))
    }

    @Test func prefixDoesNotReadTheCorruptTrailer() throws {
        var compressed = Fixtures.bytes("dynamic.gz")
        compressed[compressed.count - 6] ^= 0xFF
        #expect(try Gzip.decompressPrefix(compressed, count: 100).count == 100)
        #expect(throws: DataError.self) { try Gzip.decompress(compressed) }
    }

    @Test func contentDecidesNotTheName() {
        #expect(Gzip.isGzip(Fixtures.bytes("fixed.gz")))
        #expect(!Gzip.isGzip(Fixtures.bytes("fixed.txt")))
        #expect(throws: DataError.notGzip) { try Gzip.decompress(Fixtures.bytes("fixed.txt")) }
    }

    @Test func headerErrors() {
        var badMethod = Fixtures.bytes("fixed.gz")
        badMethod[2] = 7
        #expect(throws: DataError.badGzipHeader(reason: "compression method 7 is not deflate (8)")) {
            try Gzip.decompress(badMethod)
        }
        var reservedFlag = Fixtures.bytes("fixed.gz")
        reservedFlag[3] |= 0x80
        #expect(throws: DataError.badGzipHeader(reason: "reserved flag bits are set")) {
            try Gzip.decompress(reservedFlag)
        }
        var headerCRC = Fixtures.bytes("allflags.gz")
        headerCRC[4] ^= 1  // the modification time, covered by the header CRC
        #expect(throws: DataError.badGzipHeader(reason: "the header checksum does not match the header")) {
            try Gzip.decompress(headerCRC)
        }
    }

    @Test func trailerErrors() throws {
        let good = Fixtures.bytes("fixed.gz")
        var crc = good
        crc[crc.count - 8] ^= 0x01
        let crcError = try #require(throws: DataError.self) { try Gzip.decompress(crc) }
        guard case .gzipChecksumMismatch(let offset, _, _) = crcError else {
            Issue.record("expected a CRC mismatch, got \(crcError)")
            return
        }
        #expect(offset == good.count - 8)
        #expect(crcError.description.hasPrefix("gzip CRC-32 mismatch at byte \(good.count - 8)"))

        var size = good
        size[size.count - 1] = 0x40
        let sizeError = try #require(throws: DataError.self) { try Gzip.decompress(size) }
        #expect(sizeError.description.contains("gzip size mismatch"))
    }

    @Test func trailingZerosAreIgnoredAndOtherBytesAreNot() throws {
        let good = Fixtures.bytes("fixed.gz")
        #expect(try Gzip.decompress(good + [0, 0, 0, 0]) == Fixtures.bytes("fixed.txt"))
        #expect(throws: DataError.trailingGarbage(offset: good.count)) { try Gzip.decompress(good + [0x1F, 0x00]) }
    }

    @Test func everyTruncationThrows() {
        for name in ["fixed.gz", "allflags.gz", "stored.gz", "multimember.gz"] {
            let good = Fixtures.bytes(name)
            // A cut between two members leaves a valid file: skip that length.
            for length in 2..<good.count where !good[length...].starts(with: [0x1F, 0x8B]) {
                #expect(throws: DataError.self, "\(name) cut to \(length) bytes") {
                    try Gzip.decompress(Array(good.prefix(length)))
                }
            }
        }
    }

    @Test func truncationMessageSaysSo() throws {
        let good = Fixtures.bytes("dynamic.gz")
        let error = try #require(throws: DataError.self) { try Gzip.decompress(Array(good.prefix(700))) }
        #expect(error.description.contains("truncated") || error.description.contains("corrupt deflate stream at byte"))
    }

    /// Random damage (flipped, replaced, inserted and deleted bytes, cut ends) must throw or return; never trap
    /// or hang. The results that do come back are checked by the CRC, so they equal the original.
    @Test func randomCorruptionsThrowOrReturn() {
        var generator = SeededGenerator(seed: 1952)
        for name in ["dynamic.gz", "fixed.gz", "stored.gz", "skewed.gz"] {
            let good = Fixtures.bytes(name)
            let original = try? Gzip.decompress(good)
            for _ in 0..<(name == "skewed.gz" ? 150 : 600) {
                var damaged = good
                for _ in 0..<Int.random(in: 1...4, using: &generator) where !damaged.isEmpty {
                    let index = Int.random(in: 0..<damaged.count, using: &generator)
                    switch Int.random(in: 0..<5, using: &generator) {
                    case 0: damaged[index] ^= UInt8(1) << UInt8.random(in: 0...7, using: &generator)
                    case 1: damaged[index] = UInt8.random(in: 0...255, using: &generator)
                    case 2: damaged.insert(UInt8.random(in: 0...255, using: &generator), at: index)
                    case 3: damaged.remove(at: index)
                    default: damaged = Array(damaged.prefix(max(index, 1)))
                    }
                }
                do {
                    let content = try Gzip.decompress(damaged)
                    #expect(content == original, "\(name): damaged copy decoded to other content and passed the CRC")
                } catch {
                    #expect(!error.description.isEmpty)
                }
            }
        }
    }

    private func bitwiseCRC(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? crc >> 1 ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
