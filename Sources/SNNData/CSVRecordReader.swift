// CSVRecordReader: splits CSV text (RFC 4180) into records of cells: comma separators, LF, CRLF or CR line
// ends, quoted cells with "" for a quote and line breaks inside. Blank lines and a UTF-8 byte-order mark
// are skipped; each record remembers the 1-based line it starts on.

struct CSVRecord: Equatable {
    let line: Int
    let cells: [String]
}

struct CSVRecordReader {
    private let bytes: [UInt8]
    private var position = 0
    private var line = 1

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    /// The next record, or nil at the end of the input.
    mutating func next() throws(DataError) -> CSVRecord? {
        skipBlankLines()
        guard position < bytes.count else { return nil }
        let startLine = line
        var cells: [String] = []
        var cell: [UInt8] = []
        while true {
            cell.removeAll(keepingCapacity: true)
            if position < bytes.count && bytes[position] == quote {
                try readQuotedCell(into: &cell, startLine: startLine, column: cells.count + 1)
            } else {
                while position < bytes.count, !isSeparatorOrLineBreak(bytes[position]) {
                    cell.append(bytes[position])
                    position += 1
                }
            }
            guard let text = String(validating: cell, as: UTF8.self) else { throw .csvNotUTF8(row: startLine) }
            cells.append(text)
            if position < bytes.count && bytes[position] == comma {
                position += 1
                continue
            }
            consumeLineBreak()
            return CSVRecord(line: startLine, cells: cells)
        }
    }

    /// Reads `"..."` with `""` for a quote; spaces may follow the closing quote before the separator.
    private mutating func readQuotedCell(into cell: inout [UInt8], startLine: Int, column: Int) throws(DataError) {
        position += 1
        while true {
            guard position < bytes.count else { throw .csvUnterminatedQuote(row: startLine) }
            let byte = bytes[position]
            position += 1
            if byte == quote {
                guard position < bytes.count && bytes[position] == quote else { break }
                position += 1
            } else if byte == lineFeed || (byte == carriageReturn && bytes.at(position) != lineFeed) {
                line += 1
            }
            cell.append(byte)
        }
        while position < bytes.count && (bytes[position] == space || bytes[position] == tab) { position += 1 }
        guard position == bytes.count || isSeparatorOrLineBreak(bytes[position]) else {
            throw .csvCharacterAfterQuote(row: line, column: column)
        }
    }

    private mutating func skipBlankLines() {
        while position < bytes.count && (bytes[position] == lineFeed || bytes[position] == carriageReturn) {
            consumeLineBreak()
        }
    }

    /// Consumes LF, CRLF or CR, if there is one.
    private mutating func consumeLineBreak() {
        guard position < bytes.count else { return }
        if bytes[position] == carriageReturn && bytes.at(position + 1) == lineFeed { position += 1 }
        position += 1
        line += 1
    }

    private func isSeparatorOrLineBreak(_ byte: UInt8) -> Bool {
        byte == comma || byte == lineFeed || byte == carriageReturn
    }
}

private let comma = UInt8(ascii: ",")
private let quote = UInt8(ascii: "\"")
private let lineFeed = UInt8(ascii: "\n")
private let carriageReturn = UInt8(ascii: "\r")
private let space = UInt8(ascii: " ")
private let tab = UInt8(ascii: "\t")

private extension Array where Element == UInt8 {
    func at(_ index: Int) -> UInt8? { index < count ? self[index] : nil }
}
