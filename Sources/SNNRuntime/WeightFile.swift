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
        var out = ByteWriter()
        out.bytes(magic)
        out.u32(version)
        out.u64(modelHash)
        out.u32(UInt32(projections.count))
        for p in projections {
            out.text(p.name)
            out.u64(UInt64(p.variables.first?.values.count ?? 0))
            out.text("SI")
            out.u32(UInt32(p.variables.count))
            for variable in p.variables {
                out.text(variable.name)
                for value in variable.values { out.u32(value.bitPattern) }
            }
        }
        return out.data
    }

    public static func write(_ projections: [SavedProjection], modelHash: UInt64, to path: String) throws {
        try encode(projections, modelHash: modelHash).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    public struct FormatError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The projections of a file made for the model with `modelHash`.
    public static func decode(_ data: Data, modelHash: UInt64, path: String) throws -> [SavedProjection] {
        var input = ByteReader(data)
        func fail(_ message: String) -> FormatError { FormatError(description: "'\(path)': \(message)") }
        do {
            guard Array(try input.take(4)) == magic else { throw fail("not a snnc weight file (it does not start with \"SNNW\")") }
            let fileVersion = try input.u32()
            guard fileVersion == version else { throw fail("weight file version \(fileVersion); this snnc reads version \(version)") }
            guard try input.u64() == modelHash else {
                throw fail("it was saved from a different model (its connections or learning rules differ from this file's)")
            }
            var projections: [SavedProjection] = []
            for _ in 0..<Int(try input.u32()) {
                let name = try input.text()
                let count = Int(try input.u64())
                guard count <= data.count else { throw fail("'\(name)' claims \(count) synapses, more than the file holds") }
                _ = try input.text()
                var variables: [(String, [Float])] = []
                for _ in 0..<Int(try input.u32()) {
                    let variable = try input.text()
                    let raw = try input.take(count * 4)
                    var values = [Float](repeating: 0, count: count)
                    raw.withUnsafeBytes { buffer in
                        for k in 0..<count {
                            values[k] = Float(bitPattern: UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: 4 * k, as: UInt32.self)))
                        }
                    }
                    variables.append((variable, values))
                }
                projections.append(SavedProjection(name: name, variables: variables))
            }
            return projections
        } catch is ByteReader.Truncated {
            throw fail("the file ends early (at byte \(input.offset)); it is truncated")
        } catch is ByteReader.NotText {
            throw fail("a name is not UTF-8 text")
        }
    }

    public static func read(path: String, modelHash: UInt64) throws -> [SavedProjection] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FormatError(description: "'\(path)' cannot be read")
        }
        return try decode(data, modelHash: modelHash, path: path)
    }
}
