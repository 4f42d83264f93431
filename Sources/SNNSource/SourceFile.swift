// SourceFile: one input text as bytes plus its line-start table; byte offsets map to line/column on demand.
// Columns count Unicode scalars (what a user sees); UTF-16 columns are also available for LSP-style output.

/// Identifies a file inside a `SourceManager`.
public struct FileID: Hashable, Sendable, Comparable {
    public let raw: UInt32
    public init(_ raw: UInt32) { self.raw = raw }
    public static func < (a: FileID, b: FileID) -> Bool { a.raw < b.raw }
}

/// A 1-based line and column (in Unicode scalars) plus the 0-based UTF-16 column and the byte offset.
public struct SourcePosition: Equatable, Sendable {
    public let line: Int
    public let column: Int
    public let utf16Column: Int
    public let offset: Int

    public init(line: Int, column: Int, utf16Column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.utf16Column = utf16Column
        self.offset = offset
    }
}

public final class SourceFile: Sendable {
    public let id: FileID
    /// The name shown in diagnostics (a path as the user gave it, or `<stdin>`).
    public let path: String
    public let bytes: [UInt8]
    /// Byte offset at which each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]

    public init(id: FileID, path: String, bytes: [UInt8]) {
        self.id = id
        self.path = path
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 32 + 1)
        bytes.withUnsafeBufferPointer { buffer in
            for index in 0..<buffer.count where buffer[index] == UInt8(ascii: "\n") {
                starts.append(index + 1)
            }
        }
        self.lineStarts = starts
    }

    public convenience init(id: FileID, path: String, text: String) {
        self.init(id: id, path: path, bytes: Array(text.utf8))
    }

    public var lineCount: Int { lineStarts.count }

    /// 0-based index of the line holding `offset` (offsets past the end belong to the last line).
    public func lineIndex(of offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    public func position(of offset: Int) -> SourcePosition {
        let clamped = max(0, min(offset, bytes.count))
        let line = lineIndex(of: clamped)
        var scalars = 0, utf16 = 0
        var index = lineStarts[line]
        while index < clamped {
            let byte = bytes[index]
            if byte & 0xC0 != 0x80 {               // not a continuation byte: a new scalar starts here
                scalars += 1
                utf16 += byte >= 0xF0 ? 2 : 1      // 4-byte sequences need a surrogate pair
            }
            index += 1
        }
        return SourcePosition(line: line + 1, column: scalars + 1, utf16Column: utf16, offset: clamped)
    }

    /// Byte range of a 0-based line, without its line terminator.
    public func lineByteRange(_ line: Int) -> Range<Int> {
        let start = lineStarts[line]
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return start..<max(start, end)
    }

    /// The text of a 0-based line (invalid UTF-8 is shown as U+FFFD).
    public func lineText(_ line: Int) -> String {
        String(decoding: bytes[lineByteRange(line)], as: UTF8.self)
    }

    /// The text covered by a byte range (invalid UTF-8 is shown as U+FFFD).
    public func text(in range: Range<Int>) -> String {
        let lower = max(0, min(range.lowerBound, bytes.count))
        let upper = max(lower, min(range.upperBound, bytes.count))
        return bytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[lower..<upper]), as: UTF8.self)
        }
    }
}
