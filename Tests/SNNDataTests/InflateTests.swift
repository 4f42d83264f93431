// Inflate: hand-built raw deflate streams (stored and fixed-Huffman blocks, every length and distance code),
// random token streams round-tripped through the test encoder, long Huffman codes, prefixes, and errors.

@testable import SNNData
import Testing

@Suite struct InflateTests {
    @Test func storedBlocksAreCopied() throws {
        var writer = BitWriter()
        DeflateEncoder.storedBlock(Array("stored ".utf8), final: false, into: &writer)
        DeflateEncoder.storedBlock([], final: false, into: &writer)
        DeflateEncoder.storedBlock(Array("blocks".utf8), final: true, into: &writer)
        #expect(try Inflate.decompress(writer.bytes) == Array("stored blocks".utf8))
    }

    @Test func fixedBlockWithOverlappingCopy() throws {
        // "abc" then a copy of 9 bytes from 3 back repeats "abc" three times.
        var writer = BitWriter()
        let tokens: [DeflateToken] = [.literal(97), .literal(98), .literal(99), .copy(length: 9, distance: 3)]
        DeflateEncoder.fixedBlock(tokens, final: true, into: &writer)
        #expect(try Inflate.decompress(writer.bytes) == Array("abcabcabcabc".utf8))
    }

    @Test func everyLengthAndDistanceCode() throws {
        var history: [UInt8] = []
        var generator = SeededGenerator(seed: 1)
        for _ in 0..<33_000 { history.append(UInt8.random(in: 0...255, using: &generator)) }
        var tokens = history.map(DeflateToken.literal)
        for length in 3...258 { tokens.append(.copy(length: length, distance: 1 + length * 97 % 32_000)) }
        for distance in DeflateEncoder.distanceBases + [32_768] { tokens.append(.copy(length: 5, distance: distance)) }
        var writer = BitWriter()
        DeflateEncoder.fixedBlock(tokens, final: true, into: &writer)
        #expect(try Inflate.decompress(writer.bytes) == DeflateToken.expand(tokens))
    }

    @Test(arguments: 1...20)
    func randomTokenStreamsRoundTrip(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        var writer = BitWriter()
        var expected: [UInt8] = []
        let blockCount = Int.random(in: 1...4, using: &generator)
        for block in 0..<blockCount {
            let final = block == blockCount - 1
            if Bool.random(using: &generator) && block > 0 {
                let data = (0..<Int.random(in: 0...300, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
                DeflateEncoder.storedBlock(data, final: final, into: &writer)
                expected += data
                continue
            }
            var tokens: [DeflateToken] = []
            var produced = expected.count
            for _ in 0..<Int.random(in: 1...400, using: &generator) {
                if produced > 0 && Int.random(in: 0..<3, using: &generator) == 0 {
                    let length = Int.random(in: 3...258, using: &generator)
                    tokens.append(.copy(length: length, distance: Int.random(in: 1...min(produced, 32_768), using: &generator)))
                    produced += length
                } else {
                    tokens.append(.literal(UInt8.random(in: 0...255, using: &generator)))
                    produced += 1
                }
            }
            DeflateEncoder.fixedBlock(tokens, final: final, into: &writer)
            expected += DeflateToken.expand(tokens, after: expected)
        }
        #expect(try Inflate.decompress(writer.bytes) == expected)
    }

    @Test func longCodesUseTheCanonicalWalk() throws {
        // Lengths 1, 2, ..., 15, 15: a complete code whose last symbols need every bit of a 15-bit code.
        let lengths: [UInt8] = Array(1...15) + [15]
        let table = HuffmanTable(maxSymbols: 16)
        try table.build(lengths[...], offset: 0)
        let symbols = [15, 0, 14, 9, 1, 12, 10, 11, 13, 2]
        var writer = BitWriter()
        for symbol in symbols {
            // Canonical codes: symbol s < 15 has s ones then a zero (s + 1 bits); symbol 15 has fifteen ones.
            let length = symbol == 15 ? 15 : symbol + 1
            let code = symbol == 15 ? (1 << 15) - 1 : ((1 << symbol) - 1) << 1
            writer.writeCode(code, length: length)
        }
        let decoded = try writer.bytes.withUnsafeBufferPointer { input in
            var reader = BitReader(input, from: 0)
            return try symbols.map { _ in
                reader.refill()
                return try table.decode(&reader)
            }
        }
        #expect(decoded == symbols)
    }

    @Test func limitStopsEarlyWithExactlyThatManyBytes() throws {
        var writer = BitWriter()
        let tokens: [DeflateToken] = [.literal(120), .copy(length: 258, distance: 1), .copy(length: 258, distance: 1)]
        DeflateEncoder.fixedBlock(tokens, final: true, into: &writer)
        let result = try writer.bytes.withUnsafeBufferPointer { input in
            try Inflate.inflate(input, from: 0, limit: 100, sizeHint: 0)
        }
        #expect(result.bytes == [UInt8](repeating: 120, count: 100))
        #expect(result.end == nil)
    }

    @Test func endOffsetIsTheByteAfterTheFinalBlock() throws {
        var writer = BitWriter()
        DeflateEncoder.fixedBlock([.literal(1)], final: true, into: &writer)
        let streamLength = writer.bytes.count
        let result = try (writer.bytes + [0xAA, 0xBB]).withUnsafeBufferPointer { input in
            try Inflate.inflate(input, from: 0, limit: .max, sizeHint: 0)
        }
        #expect(result.bytes == [1])
        #expect(result.end == streamLength)
    }

    @Test func reservedBlockTypeIsAnError() {
        #expect(throws: DataError.corruptDeflate(offset: 0, reason: "invalid block type 3")) {
            try Inflate.decompress([0x07])
        }
    }

    @Test func storedLengthMustMatchItsComplement() {
        let stream: [UInt8] = [0x01, 0x05, 0x00, 0x00, 0x00, 1, 2, 3, 4, 5]
        #expect(throws: DataError.corruptDeflate(offset: 1, reason: "stored block length 5 does not match its complement")) {
            try Inflate.decompress(stream)
        }
    }

    @Test func distanceBeforeTheStartIsAnError() throws {
        var writer = BitWriter()
        DeflateEncoder.fixedBlock([.literal(65), .copy(length: 3, distance: 2)], final: true, into: &writer)
        let error = try #require(throws: DataError.self) { try Inflate.decompress(writer.bytes) }
        #expect(error.description.contains("distance 2 reaches before the start of the data"))
    }

    @Test func truncatedStreamsThrow() throws {
        var writer = BitWriter()
        DeflateEncoder.fixedBlock(Array("truncate me, please".utf8).map(DeflateToken.literal), final: true, into: &writer)
        for length in 0..<writer.bytes.count {
            #expect(throws: DataError.self) { try Inflate.decompress(Array(writer.bytes.prefix(length))) }
        }
        #expect(throws: DataError.truncatedDeflate(offset: 0)) { try Inflate.decompress([]) }
    }

    /// Random bytes, and random damage to a dynamic-Huffman stream, with no CRC to catch anything: the decoder
    /// must throw or return, never trap or hang.
    @Test func randomInputThrowsOrReturns() throws {
        var generator = SeededGenerator(seed: 1951)
        let compressed = Fixtures.bytes("dynamic.gz")
        try #require(compressed.count > 30)
        let stream = Array(compressed[10..<compressed.count - 8])
        for round in 0..<3000 {
            var input: [UInt8]
            if round % 2 == 0 {
                input = (0..<Int.random(in: 0...200, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            } else {
                input = stream
                for _ in 0..<Int.random(in: 1...3, using: &generator) {
                    input[Int.random(in: 0..<input.count, using: &generator)] ^= UInt8.random(in: 1...255, using: &generator)
                }
            }
            do {
                _ = try Inflate.decompress(input)
            } catch {
                #expect(!error.description.isEmpty)
            }
        }
    }

    @Test func overSubscribedCodeIsAnError() {
        let table = HuffmanTable(maxSymbols: 3)
        #expect(throws: DataError.corruptDeflate(offset: 7, reason: "over-subscribed Huffman code lengths")) {
            try table.build([1, 1, 1][...], offset: 7)
        }
        #expect(throws: DataError.corruptDeflate(offset: 7, reason: "incomplete Huffman code lengths")) {
            try table.build([2, 2, 0][...], offset: 7)
        }
        #expect(throws: Never.self) { try table.build([0, 1, 0][...], offset: 7) }
    }
}
