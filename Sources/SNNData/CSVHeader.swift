// CSVHeader: what a checker needs from the start of a CSV file (plain or gzip) without reading all of it —
// the column names (or just the count when there is no header row) and the first data row.

public struct CSVHeader: Equatable, Sendable {
    /// The header row's names, spaces around them removed; nil when the file has no header row.
    public let columnNames: [String]?
    public let columnCount: Int
    /// The cells of the first data row, and the line it is on; nil when there is none.
    public let firstRow: [String]?
    public let firstRowLine: Int?

    /// Reads the header from complete CSV content.
    public init(parsing bytes: [UInt8], hasHeader: Bool) throws(DataError) {
        guard let header = try Self.parse(bytes, hasHeader: hasHeader, isWholeContent: true) else { throw .csvEmpty }
        self = header
    }

    private init(columnNames: [String]?, columnCount: Int, firstRow: CSVRecord?) {
        self.columnNames = columnNames
        self.columnCount = columnCount
        self.firstRow = firstRow?.cells
        self.firstRowLine = firstRow?.line
    }

    /// Reads the header of a CSV file, decompressing only as much as the first rows need.
    public static func read(path: String, hasHeader: Bool) throws(DataError) -> CSVHeader {
        var size = 64 * 1024
        while true {
            let bytes = try DataFileReader.readPrefix(path: path, count: size)
            let isWholeContent = bytes.count < size
            let header = try DataFileReader.inFile(path) { () throws(DataError) in
                try parse(bytes, hasHeader: hasHeader, isWholeContent: isWholeContent)
            }
            if let header { return header }
            if isWholeContent { throw .inFile(path: path, .csvEmpty) }
            size *= 4
        }
    }

    /// The header from `bytes`, or nil when they are empty or, being only a prefix of the file, too short to
    /// hold the rows needed.
    private static func parse(_ bytes: [UInt8], hasHeader: Bool, isWholeContent: Bool) throws(DataError) -> CSVHeader? {
        var reader = CSVRecordReader(isWholeContent ? bytes : wholeLines(of: bytes))
        var records: [CSVRecord] = []
        do {
            while records.count < (hasHeader ? 2 : 1), let record = try reader.next() { records.append(record) }
        } catch .csvUnterminatedQuote where !isWholeContent {
            return nil
        }
        guard let first = records.first else { return nil }
        if records.count < (hasHeader ? 2 : 1) && !isWholeContent { return nil }

        let columnCount = first.cells.count
        let dataRow = hasHeader ? records.dropFirst().first : first
        if let dataRow, dataRow.cells.count != columnCount {
            throw .csvWrongCellCount(row: dataRow.line, expected: columnCount, found: dataRow.cells.count)
        }
        return CSVHeader(columnNames: hasHeader ? first.cells.map { String(trimmingSpaces($0)) } : nil,
                         columnCount: columnCount, firstRow: dataRow)
    }

    /// A file prefix cut after its last line break, so that no row (or UTF-8 character) is cut in two.
    private static func wholeLines(of bytes: [UInt8]) -> [UInt8] {
        guard let last = bytes.lastIndex(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) else {
            return []
        }
        return Array(bytes[...last])
    }
}

/// `text` without the spaces and tabs around it.
func trimmingSpaces(_ text: String) -> Substring {
    let isSpace = { (character: Character) in character == " " || character == "\t" }
    guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) })
    else { return "" }
    return text[first...last]
}
