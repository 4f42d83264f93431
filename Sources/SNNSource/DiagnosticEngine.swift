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

    /// Sorted by file and position; a second error on a line already holding one is dropped (it is almost
    /// always a consequence of the first); past `errorLimit` errors a single note says how many were left out.
    public func finalized(using sources: SourceManager) -> [Diagnostic] {
        let ordered = diagnostics.enumerated().sorted { a, b in
            let (x, y) = (a.element.range, b.element.range)
            if x.file != y.file { return x.file < y.file }
            if x.start != y.start { return x.start < y.start }
            return a.offset < b.offset                     // stable: emission order breaks ties
        }.map(\.element)

        var result: [Diagnostic] = []
        var linesWithError = Set<LineKey>()
        var errors = 0, dropped = 0
        for diagnostic in ordered {
            guard diagnostic.severity == .error else { result.append(diagnostic); continue }
            let file = sources.file(diagnostic.range.file)
            let key = LineKey(file: diagnostic.range.file, line: file.lineIndex(of: diagnostic.range.startOffset))
            if linesWithError.contains(key) { continue }
            linesWithError.insert(key)
            if errors == errorLimit { dropped += 1; continue }
            errors += 1
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
