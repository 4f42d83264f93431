// FormatChanges: the line count and first line of `snnc fmt --check`'s summary, and the diff behind them
// against a plain longest-common-subsequence table on random line lists.

import SNNFormat
import Testing

@Suite struct FormatChangesTests {
    /// (changed lines, first line), or nil when nothing changes.
    private func summary(_ original: String, _ formatted: String) -> [Int]? {
        FormatChanges(from: original, to: formatted).map { [$0.changedLines, $0.firstLine] }
    }

    @Test func summaries() {
        #expect(summary("a\nb\n", "a\nb\n") == nil)
        #expect(summary("a\nb\nc\n", "a\nB\nc\n") == [1, 2])
        #expect(summary("a\n\n\nb\n", "a\n\nb\n") == [1, 3])
        #expect(summary("neuron n\n{\n}\n", "neuron n {\n}\n") == [2, 1])
        #expect(summary("a\nb", "a\nb\n") == [1, 3])
        #expect(summary("a\nb\nc\nd\n", "a\nB\nc\nD\n") == [2, 2])
    }

    @Test func changedLinesAgreeWithALongestCommonSubsequence() {
        var rng = SplitMix64(state: 7)
        for _ in 0..<300 {
            let old = (0..<Int.random(in: 0...12, using: &rng)).map { _ in String(Int.random(in: 0...3, using: &rng)) }
            let new = (0..<Int.random(in: 0...12, using: &rng)).map { _ in String(Int.random(in: 0...3, using: &rng)) }
            let (a, b) = (old.joined(separator: "\n"), new.joined(separator: "\n"))
            guard a != b else { continue }
            let common = longestCommonSubsequence(a.components(separatedBy: "\n"), b.components(separatedBy: "\n"))
            let lines = (a.components(separatedBy: "\n").count, b.components(separatedBy: "\n").count)
            #expect(FormatChanges(from: a, to: b)?.changedLines == max(lines.0 - common, lines.1 - common), "\(old) → \(new)")
        }
    }

    private func longestCommonSubsequence(_ a: [String], _ b: [String]) -> Int {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0..<a.count {
            for j in 0..<b.count {
                table[i + 1][j + 1] = a[i] == b[j] ? table[i][j] + 1 : max(table[i][j + 1], table[i + 1][j])
            }
        }
        return table[a.count][b.count]
    }
}
