// WeightFile: the `.snnw` format of `save weights` / `load weights`, little-endian throughout:
//   "SNNW" · version u32 (1) · model hash u64 · projection count u32, then per projection:
//   name (u32 byte count + UTF-8) · synapse count u64 · unit (u32 + UTF-8; "SI": values in SI units, as the plan
//   holds them) · variable count u32 · per variable: name (u32 + UTF-8) and synapse-count f32 values in the
//   plan's synapse order (`w` first, then a rule's other per-synapse variables).
// Files are written atomically (a temporary file renamed into place). Reading checks the magic, the version,
// the model hash and every projection's name and size, and says which one differs.

import Foundation

public struct SavedProjection: Sendable, Equatable {
    public var name: String
    public var variables: [(name: String, values: [Float])]

    public static func == (a: SavedProjection, b: SavedProjection) -> Bool {
        a.name == b.name && a.variables.map(\.name) == b.variables.map(\.name)
            && a.variables.map(\.values) == b.variables.map(\.values)
    }
}

public enum WeightFile {
    static let magic: [UInt8] = Array("SNNW".utf8)
    static let version: UInt32 = 1

    public static func encode(_ projections: [SavedProjection], modelHash: UInt64) -> Data {
        var data = Data(magic)
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
        func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
        func text(_ s: String) { u32(UInt32(s.utf8.count)); data.append(contentsOf: Array(s.utf8)) }
        u32(version)
        u64(modelHash)
        u32(UInt32(projections.count))
        for p in projections {
            text(p.name)
            u64(UInt64(p.variables.first?.values.count ?? 0))
            text("SI")
            u32(UInt32(p.variables.count))
            for variable in p.variables {
                text(variable.name)
                for value in variable.values { u32(value.bitPattern) }
            }
        }
        return data
    }

    public static func write(_ projections: [SavedProjection], modelHash: UInt64, to path: String) throws {
        try encode(projections, modelHash: modelHash).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    public struct FormatError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The projections of a file made for the model with `modelHash`.
    public static func decode(_ data: Data, modelHash: UInt64, path: String) throws -> [SavedProjection] {
        let bytes = [UInt8](data)
        var offset = 0
        func fail(_ message: String) -> FormatError { FormatError(description: "'\(path)': \(message)") }
        func take(_ n: Int) throws -> ArraySlice<UInt8> {
            guard n >= 0, offset + n <= bytes.count else { throw fail("the file ends early (at byte \(offset)); it is truncated") }
            defer { offset += n }
            return bytes[offset..<(offset + n)]
        }
        func u32() throws -> UInt32 { try take(4).reversed().reduce(0) { $0 << 8 | UInt32($1) } }
        func u64() throws -> UInt64 { try take(8).reversed().reduce(0) { $0 << 8 | UInt64($1) } }
        func text() throws -> String {
            let n = Int(try u32())
            guard let s = String(bytes: try take(n), encoding: .utf8) else { throw fail("a name is not UTF-8 text") }
            return s
        }
        guard Array(try take(4)) == magic else { throw fail("not a snnc weight file (it does not start with \"SNNW\")") }
        let fileVersion = try u32()
        guard fileVersion == version else { throw fail("weight file version \(fileVersion); this snnc reads version \(version)") }
        let hash = try u64()
        guard hash == modelHash else {
            throw fail("it was saved from a different model (its connections or learning rules differ from this file's)")
        }
        var projections: [SavedProjection] = []
        for _ in 0..<Int(try u32()) {
            let name = try text()
            let count = Int(try u64())
            guard count <= bytes.count else { throw fail("'\(name)' claims \(count) synapses, more than the file holds") }
            _ = try text()
            var variables: [(String, [Float])] = []
            for _ in 0..<Int(try u32()) {
                let variable = try text()
                let raw = try take(count * 4)
                var values = [Float](repeating: 0, count: count)
                raw.withUnsafeBytes { buffer in
                    for k in 0..<count { values[k] = Float(bitPattern: UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: 4 * k, as: UInt32.self))) }
                }
                variables.append((variable, values))
            }
            projections.append(SavedProjection(name: name, variables: variables))
        }
        return projections
    }

    public static func read(path: String, modelHash: UInt64) throws -> [SavedProjection] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FormatError(description: "'\(path)' cannot be read")
        }
        return try decode(data, modelHash: modelHash, path: path)
    }
}
