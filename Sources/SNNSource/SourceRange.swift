// SourceRange: a compact half-open byte range inside one file; every AST node and diagnostic carries one.

public struct SourceRange: Hashable, Sendable {
    public let file: FileID
    public let start: UInt32
    public let end: UInt32

    public init(file: FileID, start: Int, end: Int) {
        self.file = file
        self.start = UInt32(truncatingIfNeeded: start)
        self.end = UInt32(truncatingIfNeeded: max(start, end))
    }

    public var startOffset: Int { Int(start) }
    public var endOffset: Int { Int(end) }
    public var length: Int { Int(end - start) }

    /// An empty range at this range's start (for "insert here" diagnostics).
    public var startPoint: SourceRange { SourceRange(file: file, start: startOffset, end: startOffset) }
    /// An empty range at this range's end.
    public var endPoint: SourceRange { SourceRange(file: file, start: endOffset, end: endOffset) }

    /// The smallest range covering both (both must be in the same file).
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(file: file, start: Int(min(start, other.start)), end: Int(max(end, other.end)))
    }
}
