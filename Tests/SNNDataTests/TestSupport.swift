// Test support: the gzip fixtures, the shared real datasets (found through $SNNC_DATA), temporary files, a
// seeded random generator, and a bit writer that builds raw deflate streams by hand.

import Foundation
@testable import SNNData

enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func bytes(_ name: String) -> [UInt8] {
        (try? [UInt8](Data(contentsOf: directory.appendingPathComponent(name)))) ?? []
    }
}

/// The real datasets of `shared/data`, located by `$SNNC_DATA` (relative paths are tried against the working
/// directory, then the repository root); tests that need them are skipped when it is unset or incomplete.
enum SharedData {
    static let directory: URL? = {
        guard let setting = ProcessInfo.processInfo.environment["SNNC_DATA"], !setting.isEmpty else { return nil }
        if setting.hasPrefix("/") { return URL(fileURLWithPath: setting) }
        let repositoryRoot = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath), repositoryRoot]
            .map { $0.appendingPathComponent(setting).standardizedFileURL }
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }()

    static func path(_ file: String) -> String { directory?.appendingPathComponent(file).path ?? file }

    static func has(_ file: String) -> Bool {
        directory.map { FileManager.default.fileExists(atPath: $0.appendingPathComponent(file).path) } ?? false
    }
}

/// A file in a fresh temporary folder, removed by `remove()`.
struct TemporaryFile {
    let path: String

    init(name: String, bytes: [UInt8]) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("snndata-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path)
    }
}

/// A seeded generator, so that random tests repeat exactly: SNNData's own SplitMix64.
typealias SeededGenerator = SplitMix64

/// Writes deflate's bit stream: numbers first bit lowest, Huffman codes first bit highest.
struct BitWriter {
    private(set) var bytes: [UInt8] = []
    private var bitCount = 0

    mutating func write(_ value: Int, bits: Int) {
        for index in 0..<bits { writeBit(value >> index & 1) }
    }

    mutating func writeCode(_ code: Int, length: Int) {
        for index in stride(from: length - 1, through: 0, by: -1) { writeBit(code >> index & 1) }
    }

    mutating func alignToByte() { bitCount = (bitCount + 7) / 8 * 8 }

    mutating func writeBytes(_ values: [UInt8]) {
        alignToByte()
        bytes += values
        bitCount += 8 * values.count
    }

    private mutating func writeBit(_ bit: Int) {
        if bitCount % 8 == 0 && bitCount / 8 == bytes.count { bytes.append(0) }
        bytes[bitCount / 8] |= UInt8(bit) << UInt8(bitCount % 8)
        bitCount += 1
    }
}

/// What a deflate block holds: literal bytes and back-references.
enum DeflateToken {
    case literal(UInt8)
    case copy(length: Int, distance: Int)

    /// The bytes `tokens` stand for, expanded the obvious way.
    static func expand(_ tokens: [DeflateToken], after history: [UInt8] = []) -> [UInt8] {
        var output = history
        for token in tokens {
            switch token {
            case .literal(let byte): output.append(byte)
            case .copy(let length, let distance):
                for _ in 0..<length { output.append(output[output.count - distance]) }
            }
        }
        return Array(output[history.count...])
    }
}

/// Encodes blocks with deflate's fixed Huffman code (RFC 1951 3.2.6) and stored blocks.
enum DeflateEncoder {
    static func storedBlock(_ data: [UInt8], final: Bool, into writer: inout BitWriter) {
        writer.write(final ? 1 : 0, bits: 1)
        writer.write(0, bits: 2)
        writer.alignToByte()
        let length = data.count
        writer.writeBytes([UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8 & 0xFF)])
        writer.writeBytes(data)
    }

    static func fixedBlock(_ tokens: [DeflateToken], final: Bool, into writer: inout BitWriter) {
        writer.write(final ? 1 : 0, bits: 1)
        writer.write(1, bits: 2)
        for token in tokens {
            switch token {
            case .literal(let byte): literal(Int(byte), into: &writer)
            case .copy(let length, let distance):
                let lengthCode = lengthBases.lastIndex { $0 <= length }!
                literal(257 + lengthCode, into: &writer)
                writer.write(length - lengthBases[lengthCode], bits: lengthExtraBits[lengthCode])
                let distanceCode = distanceBases.lastIndex { $0 <= distance }!
                writer.writeCode(distanceCode, length: 5)
                writer.write(distance - distanceBases[distanceCode], bits: distanceExtraBits[distanceCode])
            }
        }
        literal(256, into: &writer)
    }

    /// A fixed-code symbol: 0-143 eight bits from 0x30, 144-255 nine from 0x190, 256-279 seven from 0,
    /// 280-287 eight from 0xC0.
    static func literal(_ symbol: Int, into writer: inout BitWriter) {
        switch symbol {
        case 0...143: writer.writeCode(0x30 + symbol, length: 8)
        case 144...255: writer.writeCode(0x190 + symbol - 144, length: 9)
        case 256...279: writer.writeCode(symbol - 256, length: 7)
        default: writer.writeCode(0xC0 + symbol - 280, length: 8)
        }
    }

    // Length 258 has its own code (285); 227 + 31 would also be 258 but is not what encoders write.
    static let lengthBases = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99,
                              115, 131, 163, 195, 227, 258]
    static let lengthExtraBits = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5,
                                  5, 0]
    static let distanceBases = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769,
                                1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtraBits = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11,
                                    11, 12, 12, 13, 13]
}

/// Wraps raw deflate data in a minimal gzip member (no optional fields) with the right trailer.
func gzipMember(deflated: [UInt8], content: [UInt8], crc: UInt32) -> [UInt8] {
    var member: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3] + deflated
    for word in [crc, UInt32(truncatingIfNeeded: content.count)] {
        member += (0..<4).map { UInt8(truncatingIfNeeded: word >> (8 * $0)) }
    }
    return member
}
