// DiagnosticEngine: collects diagnostics from every stage, then orders them, keeps one error per line,
// and caps the total so that a broken file yields a short, readable report.

public struct DiagnosticEngine {
    public private(set) var diagnostics: [Diagnostic] = []
    /// At most this many errors are reported; the rest are counted in a final note.
    public var errorLimit: Int

    public init(errorLimit: Int = 100) { self.errorLimit = errorLimit }

    public mutating func emit(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    public mutating func emit<S: Sequence>(contentsOf list: S) where S.Element == Diagnostic {
        diagnostics.append(contentsOf: list)
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Keeps the first error found on each line (later ones on that line are almost always its consequences,
    /// and the lexer, which reports root causes, runs first), orders everything by file and position, and past
    /// `errorLimit` errors adds a single note saying how many were left out.
    public func finalized(using sources: SourceManager) -> [Diagnostic] {
        var linesWithError = Set<LineKey>()
        let kept = diagnostics.enumerated().filter { entry in
            guard entry.element.severity == .error else { return true }
            let range = entry.element.range
            return linesWithError.insert(LineKey(file: range.file,
                                                 line: sources.file(range.file).lineIndex(of: range.startOffset))).inserted
        }
        let ordered = kept.sorted { a, b in
            let (x, y) = (a.element.range, b.element.range)
            if x.file != y.file { return x.file < y.file }
            if x.start != y.start { return x.start < y.start }
            return a.offset < b.offset                     // stable: emission order breaks ties
        }.map(\.element)

        var result: [Diagnostic] = []
        var errors = 0, dropped = 0
        for diagnostic in ordered {
            if diagnostic.severity == .error {
                if errors == errorLimit { dropped += 1; continue }
                errors += 1
            }
            result.append(diagnostic)
        }
        if dropped > 0, let last = result.last(where: { $0.severity == .error }) {
            result.append(Diagnostic(.note, DiagnosticCode("N0001"),
                                     "\(dropped) more error\(dropped == 1 ? "" : "s") not shown (limit \(errorLimit))",
                                     at: last.range))
        }
        return result
    }

    private struct LineKey: Hashable {
        let file: FileID
        let line: Int
    }
}
