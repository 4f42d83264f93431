// FormatChanges: how much formatting changes a file, line by line — the summary `snnc fmt --check` prints
// ("3 lines change; first at line 12"). The count comes from a shortest line diff (Myers' algorithm) of the
// region between the common first and last lines; past a bound on the edit distance, the whole region counts.

public struct FormatChanges: Equatable, Sendable {
    /// Lines that change: the original's lines removed or rewritten, or the lines added, whichever is more.
    public var changedLines: Int
    /// The first line (1-based, in the original) that differs.
    public var firstLine: Int

    /// The changes from `original` to `formatted`; nil when the two are the same.
    public init?(from original: String, to formatted: String) {
        guard original != formatted else { return nil }
        var old = original.split(separator: "\n", omittingEmptySubsequences: false)[...]
        var new = formatted.split(separator: "\n", omittingEmptySubsequences: false)[...]
        var prefix = 0
        while let a = old.first, let b = new.first, a == b {
            old.removeFirst()
            new.removeFirst()
            prefix += 1
        }
        while let a = old.last, let b = new.last, a == b {
            old.removeLast()
            new.removeLast()
        }
        let common = FormatChanges.commonLines(Array(old), Array(new))
        changedLines = max(old.count - common, new.count - common)
        firstLine = prefix + 1
    }

    /// The most edits searched for; a region further apart than this is counted as changed throughout.
    static let editLimit = 1_000

    /// The length of a longest common subsequence of `a` and `b`, from the length of a shortest edit script.
    private static func commonLines(_ a: [Substring], _ b: [Substring]) -> Int {
        let (n, m) = (a.count, b.count)
        let limit = min(n + m, editLimit)
        let offset = limit + 1
        var furthest = [Int](repeating: 0, count: 2 * limit + 3)
        for edits in 0...limit {
            for diagonal in stride(from: -edits, through: edits, by: 2) {
                var x = diagonal == -edits || (diagonal != edits && furthest[offset + diagonal - 1] < furthest[offset + diagonal + 1])
                    ? furthest[offset + diagonal + 1] : furthest[offset + diagonal - 1] + 1
                var y = x - diagonal
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                furthest[offset + diagonal] = x
                if x >= n, y >= m { return (n + m - edits) / 2 }
            }
        }
        return 0
    }
}
