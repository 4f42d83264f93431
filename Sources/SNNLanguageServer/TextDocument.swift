// TextDocument: an open document's text as UTF-8 bytes (a SourceFile, so lines are indexed once per edit), its
// version, and the conversions between byte offsets and the protocol's positions — 0-based lines and UTF-16
// code units — with edits applied in place for incremental sync.

import SNNSource

/// A protocol position: 0-based line, 0-based UTF-16 column.
public struct LSPPosition: Equatable, Sendable {
    public var line: Int
    public var character: Int
    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }
    public init?(_ json: JSONValue) {
        guard let line = json["line"].int, let character = json["character"].int else { return nil }
        self.init(line: line, character: character)
    }
    public var json: JSONValue { ["line": JSONValue(line), "character": JSONValue(character)] }
}

extension SourceFile {
    /// The protocol position of a byte offset.
    public func lspPosition(of offset: Int) -> LSPPosition {
        let position = position(of: offset)
        return LSPPosition(line: position.line - 1, character: position.utf16Column)
    }

    /// The protocol range of a byte range.
    public func lspRange(_ range: SourceRange) -> JSONValue {
        ["start": lspPosition(of: range.startOffset).json, "end": lspPosition(of: range.endOffset).json]
    }

    /// The byte offset of a protocol position; nil when the line does not exist. A column past the end of its
    /// line means the end of the line (as the protocol says); one inside a surrogate pair means its character.
    public func offset(of position: LSPPosition, clamping: Bool = false) -> Int? {
        guard position.line >= 0, position.character >= 0 else { return clamping ? 0 : nil }
        guard position.line < lineCount else { return clamping ? bytes.count : nil }
        let line = lineByteRange(position.line)
        var index = line.lowerBound, units = 0
        while index < line.upperBound {
            let byte = bytes[index]
            let width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            let unitsHere = width == 4 ? 2 : 1
            if units + unitsHere > position.character { break }
            units += unitsHere
            index = min(line.upperBound, index + width)
        }
        return index
    }
}

public struct TextDocument: Sendable {
    public let uri: String
    public private(set) var version: Int
    public private(set) var file: SourceFile

    public init(uri: String, version: Int, text: String) {
        self.uri = uri
        self.version = version
        self.file = SourceFile(id: FileID(0), path: uri, text: text)
    }

    public var bytes: [UInt8] { file.bytes }

    /// Applies one `contentChanges` entry: with a range, an incremental edit; without, the whole new text.
    /// Returns false (and changes nothing) when the change has no text.
    public mutating func apply(_ change: JSONValue, version: Int) -> Bool {
        guard let text = change["text"].string else { return false }
        self.version = version
        guard case .object = change["range"], let start = LSPPosition(change["range"]["start"]),
              let end = LSPPosition(change["range"]["end"]) else {
            file = SourceFile(id: FileID(0), path: uri, text: text)
            return true
        }
        let lower = file.offset(of: start, clamping: true)!
        let upper = max(lower, file.offset(of: end, clamping: true)!)
        var bytes = file.bytes
        bytes.replaceSubrange(lower..<upper, with: Array(text.utf8))
        file = SourceFile(id: FileID(0), path: uri, bytes: bytes)
        return true
    }
}
