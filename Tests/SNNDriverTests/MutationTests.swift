// Mutation testing: thousands of deterministically damaged copies of the examples (tokens deleted, duplicated,
// swapped or replaced, random bytes, truncation) plus hostile inputs (10,000-deep nesting, a 5 MB line) must
// each come back from `snnc check`'s pipeline with diagnostics or success — never a trap or a hang — and every
// diagnostic must point inside its file and render in all three formats.

import SNNDriver
import SNNSource
import SNNSyntax
import Testing

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
    static let junk: [[UInt8]] = ["{", "}", "(", ")", "[", "]", "->", ":", "=", "\"", "#[", "]#", "$", "\n", ";",
                                   "neuron", "on", "1e", "..", "dv/dt", "µ", "→"].map { Array($0.utf8) }
        + [[0xFF], [0xC3], [0xE2, 0x82]]

    /// One damaged copy of `bytes`, chosen by `rng`.
    static func mutate(_ bytes: [UInt8], tokens: [SourceRange], rng: inout SplitMix64) -> [UInt8] {
        guard !tokens.isEmpty else { return bytes }
        let a = tokens[Int.random(in: 0..<tokens.count, using: &rng)]
        let b = tokens[Int.random(in: 0..<tokens.count, using: &rng)]
        func slice(_ r: SourceRange) -> [UInt8] { Array(bytes[r.startOffset..<r.endOffset]) }
        var out = bytes
        switch Int.random(in: 0..<7, using: &rng) {
        case 0: out.removeSubrange(a.startOffset..<a.endOffset)                        // delete a token
        case 1: out.insert(contentsOf: slice(a), at: a.endOffset)                      // duplicate it
        case 2:                                                                        // swap two tokens
            let (first, second) = a.start <= b.start ? (a, b) : (b, a)
            guard first.end <= second.start else { return out }
            out.replaceSubrange(second.startOffset..<second.endOffset, with: slice(first))
            out.replaceSubrange(first.startOffset..<first.endOffset, with: slice(second))
        case 3: out.replaceSubrange(a.startOffset..<a.endOffset, with: slice(b))       // replace one by another
        case 4:                                                                        // random bytes
            let at = Int.random(in: 0...out.count, using: &rng)
            out.insert(contentsOf: (0..<Int.random(in: 1...4, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }, at: at)
        case 5: out.insert(contentsOf: junk[Int.random(in: 0..<junk.count, using: &rng)], at: a.startOffset)
        default: out.removeSubrange(Int.random(in: 0...out.count, using: &rng)..<out.count)  // truncate
        }
        return out
    }
}

/// Runs the check pipeline and the renderers; records an issue for any diagnostic outside its file.
@discardableResult
func checkSurvives(_ bytes: [UInt8], _ name: String) -> CheckResult {
    let result = CheckPipeline.check([CheckInput(path: name, bytes: bytes)])
    for d in result.diagnostics where d.range.endOffset > bytes.count {
        Issue.record("\(name): diagnostic \(d.code) past the end of the file: \(d.range)")
    }
    _ = GCCRenderer().render(result.diagnostics, sources: result.sources)
    _ = JSONRenderer().render(result.diagnostics, sources: result.sources)
    _ = HumanRenderer(colors: false).render(result.diagnostics, sources: result.sources)
    return result
}

@Suite struct MutationTests {
    static let mutationsPerExample = 500

    @Test func damagedExamplesNeverTrapOrHang() {
        let examples = RepositoryFiles.models(in: "Examples")
        #expect(examples.count >= 3)
        var rng = SplitMix64(state: 0x5EED)
        var total = 0, clean = 0
        for (name, bytes) in examples {
            let tokens = Lexer.lex(SourceFile(id: FileID(0), path: name, bytes: bytes)).tokens.map(\.range)
            for round in 0..<MutationTests.mutationsPerExample {
                var mutated = Mutator.mutate(bytes, tokens: tokens, rng: &rng)
                if round % 5 == 4 {                                   // some copies get a second mutation
                    mutated = Mutator.mutate(mutated, tokens: tokens.filter { $0.endOffset <= mutated.count }, rng: &rng)
                }
                if checkSurvives(mutated, "\(name)#\(round)").errorCount == 0 { clean += 1 }
                total += 1
            }
        }
        #expect(total >= 5_000)
        // Most mutations break the file; a mutation test in which nothing is ever reported tests nothing.
        #expect(clean < total / 2)
    }

    @Test(arguments: [
        ("parentheses", "const x = " + String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)),
        ("brackets", "const x = " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)),
        ("unclosed", "const x = " + String(repeating: "(", count: 10_000)),
        ("minus", "const x = " + String(repeating: "-", count: 10_000) + "1"),
        ("not", "const x = " + String(repeating: "not ", count: 10_000) + "a"),
        ("power", "const x = a" + String(repeating: "^a", count: 10_000)),
        ("calls", "const x = " + String(repeating: "f(", count: 10_000) + String(repeating: ")", count: 10_000)),
        ("blocks", "rule r {\n on pre " + String(repeating: "{ if a ", count: 10_000) + String(repeating: "}", count: 10_000) + "\n}"),
        ("else-if", "rule r {\n on pre { if a { } " + String(repeating: "else if a { } ", count: 10_000) + "}\n}"),
        ("comments", String(repeating: "#[ ", count: 10_000) + String(repeating: "]# ", count: 10_000)),
    ])
    func deepNestingIsRefusedCleanly(_ name: String, _ text: String) {
        checkSurvives(Array((text + "\nconst after = 1\n").utf8), name)
    }

    @Test func fiveMegabyteLines() {
        let fiveMB = 5 * 1024 * 1024
        let sum = "const x = " + String(repeating: "1 + ", count: fiveMB / 4) + "1"
        #expect(checkSurvives(Array(sum.utf8), "sum").diagnostics.map(\.code.rawValue) == ["E0110"])
        let junk = String(repeating: "$", count: fiveMB)
        #expect(checkSurvives(Array(junk.utf8), "junk").errorCount == 1)
        let string = "const s = \"" + String(repeating: "a", count: fiveMB)
        #expect(checkSurvives(Array(string.utf8), "string").errorCount == 1)
        let name = "const " + String(repeating: "n", count: fiveMB) + " = 1"
        #expect(checkSurvives(Array(name.utf8), "name").errorCount == 0)
    }

    @Test func randomBinaryFiles() {
        var rng = SplitMix64(state: 42)
        for round in 0..<50 {
            let bytes = (0..<Int.random(in: 0...4096, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            checkSurvives(bytes, "binary#\(round)")
        }
    }
}
