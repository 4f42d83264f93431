// RepositorySources: the `.snn` text the formatter's property tests run on — the examples, the prelude (read
// from SNNSema's Swift sources, where it is kept as raw string literals) and the `snn` blocks of
// docs/language.md — plus a small deterministic mutation generator in the manner of SNNDriverTests.

import Foundation

enum RepositorySources {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    private static func text(_ path: String) -> String {
        (try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    private static func files(in folder: String, suffix: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
        return names.filter { $0.hasSuffix(suffix) }.sorted().map { folder + "/" + $0 }
    }

    /// Every `Examples/*.snn` as (name, text).
    static let examples: [(name: String, text: String)] = files(in: "Examples", suffix: ".snn").map { ($0, text($0)) }

    /// Every prelude file: the `#"""` … `"""#` literals of `Sources/SNNSema/Prelude/*.swift`, indentation removed.
    static let prelude: [(name: String, text: String)] = files(in: "Sources/SNNSema/Prelude", suffix: ".swift").flatMap { path in
        text(path).components(separatedBy: "#\"\"\"\n").dropFirst().enumerated().map { index, literal in
            let body = literal.components(separatedBy: "\"\"\"#").first ?? ""
            let lines = body.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            let indentation = lines.last { !$0.allSatisfy(\.isWhitespace) }.map { _ in
                lines.filter { !$0.allSatisfy(\.isWhitespace) }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
            } ?? 0
            return ("\(path)#\(index)", lines.map { String($0.dropFirst(indentation)) }.joined(separator: "\n") + "\n")
        }
    }

    /// The ```snn blocks of docs/language.md, each a complete fragment.
    static let documentation: [(name: String, text: String)] = text("docs/language.md")
        .components(separatedBy: "```snn\n").dropFirst().enumerated().map { index, block in
            ("docs/language.md#\(index)", block.components(separatedBy: "```").first ?? "")
        }
}

/// SplitMix64: a small deterministic generator, so that every run tries the same mutations.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum Mutator {
    static let inserts = ["\n", " ", "  ", ";", "\n\n\n", "# note\n", "## doc\n", "#[ c ]#", "-", "(", ")", "{", "}", ","]

    /// One changed copy of `text`: a token range deleted, duplicated or swapped, or a fragment inserted before
    /// one — the kind of change after which the file often still parses, in a new layout.
    static func mutate(_ text: [UInt8], tokens: [Range<Int>], rng: inout SplitMix64) -> [UInt8] {
        guard !tokens.isEmpty else { return text }
        let a = tokens[Int.random(in: 0..<tokens.count, using: &rng)]
        let b = tokens[Int.random(in: 0..<tokens.count, using: &rng)]
        var out = text
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: out.removeSubrange(a)
        case 1: out.insert(contentsOf: text[a], at: a.upperBound)
        case 2:
            let (first, second) = a.lowerBound <= b.lowerBound ? (a, b) : (b, a)
            guard first.upperBound <= second.lowerBound else { return out }
            out.replaceSubrange(second, with: text[first])
            out.replaceSubrange(first, with: text[second])
        default:
            out.insert(contentsOf: Array(inserts[Int.random(in: 0..<inserts.count, using: &rng)].utf8), at: a.lowerBound)
        }
        return out
    }
}
