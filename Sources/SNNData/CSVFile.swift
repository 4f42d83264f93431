// CSVFile: a whole CSV file (plain or gzip) read as numeric feature columns plus an optional label column
// chosen by name or index. Labels that are all non-negative integers are class indices as written; any other
// labels (Iris species) become classes numbered in order of first appearance, their names kept.
// An empty or garbled cell is an error naming its row (the line in the file) and column.

/// Chooses a column: by header name, by 0-based index, or the last one.
public enum CSVColumn: Equatable, Sendable {
    case named(String)
    case index(Int)
    case last
}

public struct CSVFile: Equatable, Sendable {
    /// The header row's names; nil when the file has none.
    public let columnNames: [String]?
    /// The 0-based columns of the file that hold the features, in order, and the label column's.
    public let featureColumns: [Int]
    public let labelColumn: Int?
    public let rowCount: Int
    /// The feature values, row by row: `rowCount` x `featureColumns.count`.
    public let features: [Double]
    /// One class index per row; empty without a label column.
    public let labels: [Int]
    /// The class names when the labels were text, index i naming class i; nil for integer labels.
    public let classNames: [String]?

    public var featureCount: Int { featureColumns.count }
    public var featureNames: [String]? { columnNames.map { names in featureColumns.map { names[$0] } } }
    public var labelName: String? { labelColumn.flatMap { column in columnNames?[column] } }
    /// The number of classes: named ones, or the largest integer label + 1.
    public var classCount: Int { classNames?.count ?? labels.max().map { $0 + 1 } ?? 0 }

    /// The features of one row (0-based).
    public func features(ofRow row: Int) -> ArraySlice<Double> {
        features[row * featureCount..<(row + 1) * featureCount]
    }

    /// One feature over all rows (`feature` counts features, not file columns).
    public func featureValues(_ feature: Int) -> [Double] {
        stride(from: feature, to: features.count, by: featureCount).map { features[$0] }
    }

    /// Parses complete CSV content; every other column than the label must be numeric.
    public init(parsing bytes: [UInt8], hasHeader: Bool, label: CSVColumn?) throws(DataError) {
        var reader = CSVRecordReader(bytes)
        guard let first = try reader.next() else { throw .csvEmpty }
        let columnCount = first.cells.count
        let columnNames = hasHeader ? first.cells.map { String(trimmingSpaces($0)) } : nil
        let labelColumn = try label.map { column throws(DataError) in
            try Self.resolve(column, columnNames: columnNames, columnCount: columnCount)
        }
        let featureColumns = (0..<columnCount).filter { $0 != labelColumn }

        var features: [Double] = []
        var labelTexts: [Substring] = []
        var rowCount = 0
        var pending = hasHeader ? try reader.next() : first
        while let record = pending {
            guard record.cells.count == columnCount else {
                throw .csvWrongCellCount(row: record.line, expected: columnCount, found: record.cells.count)
            }
            for column in featureColumns {
                features.append(try Self.number(record, column, columnNames))
            }
            if let labelColumn {
                let text = trimmingSpaces(record.cells[labelColumn])
                guard !text.isEmpty else {
                    throw .csvMissingValue(row: record.line, column: labelColumn + 1, name: columnNames?[labelColumn])
                }
                labelTexts.append(text)
            }
            rowCount += 1
            pending = try reader.next()
        }

        self.columnNames = columnNames
        self.featureColumns = featureColumns
        self.labelColumn = labelColumn
        self.rowCount = rowCount
        self.features = features
        (self.labels, self.classNames) = Self.classes(labelTexts)
    }

    /// Reads a CSV file, plain or gzip-compressed.
    public static func read(path: String, hasHeader: Bool, label: CSVColumn?) throws(DataError) -> CSVFile {
        let bytes = try DataFileReader.read(path: path)
        return try DataFileReader.inFile(path) { () throws(DataError) in
            try CSVFile(parsing: bytes, hasHeader: hasHeader, label: label)
        }
    }

    private static func resolve(_ column: CSVColumn, columnNames: [String]?, columnCount: Int) throws(DataError) -> Int {
        switch column {
        case .named(let name):
            guard let columnNames else { throw .csvColumnNameWithoutHeader(name: name) }
            guard let index = columnNames.firstIndex(of: name) else {
                throw .csvUnknownColumn(name: name, available: columnNames)
            }
            return index
        case .index(let index):
            guard (0..<columnCount).contains(index) else {
                throw .csvColumnOutOfRange(index: index, columnCount: columnCount)
            }
            return index
        case .last:
            return columnCount - 1
        }
    }

    private static func number(_ record: CSVRecord, _ column: Int, _ columnNames: [String]?) throws(DataError) -> Double {
        let text = trimmingSpaces(record.cells[column])
        guard !text.isEmpty else {
            throw .csvMissingValue(row: record.line, column: column + 1, name: columnNames?[column])
        }
        guard let value = Double(text), value.isFinite else {
            throw .csvNotANumber(row: record.line, column: column + 1, name: columnNames?[column], text: String(text))
        }
        return value
    }

    /// Integer labels as they are when all are non-negative; otherwise classes in order of first appearance.
    private static func classes(_ texts: [Substring]) -> (labels: [Int], names: [String]?) {
        let integers = texts.compactMap { Int($0) }
        if integers.count == texts.count && integers.allSatisfy({ $0 >= 0 }) { return (integers, nil) }
        var names: [String] = []
        var indexOfName: [Substring: Int] = [:]
        let labels = texts.map { text in
            if let index = indexOfName[text] { return index }
            indexOfName[text] = names.count
            names.append(String(text))
            return names.count - 1
        }
        return (labels, names)
    }
}
