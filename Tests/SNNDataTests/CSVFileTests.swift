// CSV: RFC 4180 quoting and line ends, header or none, label column by name, index or last, integer and text
// labels, error messages with row and column, header-only reads, and gzip-compressed files.

@testable import SNNData
import Testing

@Suite struct CSVFileTests {
    private func records(_ text: String) throws -> [CSVRecord] {
        var reader = CSVRecordReader(Array(text.utf8))
        var records: [CSVRecord] = []
        while let record = try reader.next() { records.append(record) }
        return records
    }

    @Test func quotedCells() throws {
        let parsed = try records("a,\"b,c\",\"say \"\"hi\"\"\"\n\"two\nlines\",,\"\"\r\nlast,\"x\" ,y")
        #expect(parsed.map(\.cells) == [["a", "b,c", "say \"hi\""], ["two\nlines", "", ""], ["last", "x", "y"]])
        #expect(parsed.map(\.line) == [1, 2, 4])
    }

    @Test func blankLinesAndByteOrderMarkAreSkipped() throws {
        let parsed = try records("\u{FEFF}x,y\n\n1,2\r\n\r\n3,4\n")
        #expect(parsed.map(\.cells) == [["x", "y"], ["1", "2"], ["3", "4"]])
        #expect(parsed.map(\.line) == [1, 3, 5])
        let oldMac = try records("1\r2\r")
        #expect(oldMac.map(\.cells) == [["1"], ["2"]])
        #expect(oldMac.map(\.line) == [1, 2])
    }

    @Test func quotingErrors() {
        #expect(throws: DataError.csvUnterminatedQuote(row: 2)) { try records("a\n\"open,\nstill open") }
        #expect(throws: DataError.csvCharacterAfterQuote(row: 1, column: 2)) { try records("a,\"b\"c\n") }
    }

    @Test func headerAndTextLabelsByName() throws {
        let text = "length,width,species\n1.5,0.2,setosa\n4.7,1.4,versicolor\n1.4,0.2,setosa\n6.0,2.5,virginica\n"
        let file = try CSVFile(parsing: Array(text.utf8), hasHeader: true, label: .named("species"))
        #expect(file.rowCount == 4)
        #expect(file.featureNames == ["length", "width"])
        #expect(file.labelName == "species")
        #expect(file.features == [1.5, 0.2, 4.7, 1.4, 1.4, 0.2, 6.0, 2.5])
        #expect(file.features(ofRow: 1) == [4.7, 1.4])
        #expect(file.featureValues(1) == [0.2, 1.4, 0.2, 2.5])
        #expect(file.labels == [0, 1, 0, 2])
        #expect(file.classNames == ["setosa", "versicolor", "virginica"])
        #expect(file.classCount == 3)
    }

    @Test func noHeaderAndIntegerLabelsByIndex() throws {
        let text = "7,0,1\n3,1,0\n9,2,1\n"
        let file = try CSVFile(parsing: Array(text.utf8), hasHeader: false, label: .index(0))
        #expect(file.columnNames == nil)
        #expect(file.featureColumns == [1, 2])
        #expect(file.labels == [7, 3, 9])
        #expect(file.classNames == nil)
        #expect(file.classCount == 10)
        #expect(file.features == [0, 1, 1, 0, 2, 1])
        let last = try CSVFile(parsing: Array(text.utf8), hasHeader: false, label: .last)
        #expect(last.labels == [1, 0, 1])
        #expect(last.labelColumn == 2)
    }

    @Test func noLabelColumnMakesEveryColumnAFeature() throws {
        let file = try CSVFile(parsing: Array("a,b\n1,2\n3,4\n".utf8), hasHeader: true, label: nil)
        #expect(file.featureCount == 2)
        #expect(file.labels.isEmpty)
        #expect(file.features == [1, 2, 3, 4])
    }

    @Test func negativeOrFractionalLabelsAreClassNames() throws {
        let file = try CSVFile(parsing: Array("0.5,1\n0.1,-1\n0.2,1\n".utf8), hasHeader: false, label: .last)
        #expect(file.labels == [0, 1, 0])
        #expect(file.classNames == ["1", "-1"])
    }

    @Test func spacesAroundNumbersAndQuotedNumbers() throws {
        let file = try CSVFile(parsing: Array(" 1.5 ,\"2e3\",x\n".utf8), hasHeader: false, label: .last)
        #expect(file.features == [1.5, 2000])
    }

    @Test func garbledCellNamesRowAndColumn() throws {
        let text = "sepal_length,sepal_width,species\n5.1,3.5,setosa\n4.9,three,setosa\n"
        let error = try #require(throws: DataError.self) {
            try CSVFile(parsing: Array(text.utf8), hasHeader: true, label: .named("species"))
        }
        #expect(error == .csvNotANumber(row: 3, column: 2, name: "sepal_width", text: "three"))
        #expect(error.description == "row 3, column 2 'sepal_width': 'three' is not a number")
    }

    @Test func missingAndNonFiniteValues() throws {
        let missing = try #require(throws: DataError.self) {
            try CSVFile(parsing: Array("1,2,0\n3,,1\n".utf8), hasHeader: false, label: .last)
        }
        #expect(missing.description == "row 2, column 2: missing value")
        #expect(throws: DataError.csvNotANumber(row: 1, column: 1, name: nil, text: "nan")) {
            try CSVFile(parsing: Array("nan,1\n".utf8), hasHeader: false, label: .last)
        }
        #expect(throws: DataError.csvMissingValue(row: 3, column: 2, name: "label")) {
            try CSVFile(parsing: Array("x,label\n1,a\n2, \n".utf8), hasHeader: true, label: .named("label"))
        }
    }

    @Test func rowsWithTheWrongCellCount() {
        #expect(throws: DataError.csvWrongCellCount(row: 4, expected: 3, found: 2)) {
            try CSVFile(parsing: Array("a,b,c\n1,2,3\n\n4,5\n".utf8), hasHeader: true, label: nil)
        }
        #expect(throws: DataError.csvWrongCellCount(row: 2, expected: 2, found: 3)) {
            try CSVFile(parsing: Array("1,2\n3,4,\n".utf8), hasHeader: false, label: nil)
        }
    }

    @Test func labelColumnErrors() {
        let text = Array("a,b\n1,2\n".utf8)
        #expect(throws: DataError.csvUnknownColumn(name: "c", available: ["a", "b"])) {
            try CSVFile(parsing: text, hasHeader: true, label: .named("c"))
        }
        #expect(throws: DataError.csvColumnOutOfRange(index: 2, columnCount: 2)) {
            try CSVFile(parsing: text, hasHeader: true, label: .index(2))
        }
        #expect(throws: DataError.csvColumnNameWithoutHeader(name: "a")) {
            try CSVFile(parsing: text, hasHeader: false, label: .named("a"))
        }
        #expect(throws: DataError.csvEmpty) { try CSVFile(parsing: Array("\n\n".utf8), hasHeader: true, label: nil) }
    }

    @Test func invalidUTF8IsReported() {
        #expect(throws: DataError.csvNotUTF8(row: 2)) {
            try CSVFile(parsing: Array("a,b\n".utf8) + [0xFF, 0x2C, 0x31, 0x0A], hasHeader: true, label: nil)
        }
    }

    @Test func headerOnly() throws {
        let named = try CSVHeader(parsing: Array("x, y ,label\n\n1,2,cat\n3,4,dog\n".utf8), hasHeader: true)
        #expect(named.columnNames == ["x", "y", "label"])
        #expect(named.columnCount == 3)
        #expect(named.firstRow == ["1", "2", "cat"])
        #expect(named.firstRowLine == 3)
        let unnamed = try CSVHeader(parsing: Array("1,2,3\n".utf8), hasHeader: false)
        #expect(unnamed.columnNames == nil)
        #expect(unnamed.columnCount == 3)
        #expect(unnamed.firstRow == ["1", "2", "3"])
        let headerOnly = try CSVHeader(parsing: Array("a,b".utf8), hasHeader: true)
        #expect(headerOnly.firstRow == nil)
        #expect(throws: DataError.csvWrongCellCount(row: 2, expected: 2, found: 1)) {
            try CSVHeader(parsing: Array("a,b\n1\n".utf8), hasHeader: true)
        }
    }

    @Test func headerOfALargeGzipFileReadsAPrefix() throws {
        // 200 KB of content: the header read starts with a 64 KiB prefix; a long first row forces a larger one.
        let longName = String(repeating: "n", count: 70_000)
        var text = "\(longName),label\n"
        for row in 0..<20_000 { text += "\(row % 97),\(row % 3)\n" }
        let content = Array(text.utf8)
        var writer = BitWriter()
        for start in stride(from: 0, to: content.count, by: 60_000) {
            let end = min(start + 60_000, content.count)
            DeflateEncoder.storedBlock(Array(content[start..<end]), final: end == content.count, into: &writer)
        }
        let compressed = gzipMember(deflated: writer.bytes, content: content, crc: CRC32.checksum(content))
        let file = try TemporaryFile(name: "table.csv", bytes: compressed)
        defer { file.remove() }
        let header = try CSVHeader.read(path: file.path, hasHeader: true)
        #expect(header.columnNames == [longName, "label"])
        #expect(header.firstRow == ["0", "0"])
        let table = try CSVFile.read(path: file.path, hasHeader: true, label: .named("label"))
        #expect(table.rowCount == 20_000)
        #expect(table.classCount == 3)
    }

    @Test func fileErrorsNameTheFile() throws {
        let file = try TemporaryFile(name: "bad.csv", bytes: Array("a,b\n1,x\n".utf8))
        defer { file.remove() }
        let error = try #require(throws: DataError.self) { try CSVFile.read(path: file.path, hasHeader: true, label: nil) }
        #expect(error.description == "\(file.path): row 2, column 2 'b': 'x' is not a number")
    }
}
