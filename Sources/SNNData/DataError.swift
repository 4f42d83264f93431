// DataError: every way reading a dataset can fail (files, gzip, deflate, IDX, CSV, loading, splitting), each
// with a one-line human message. Rows and columns in CSV errors are 1-based, as a user counts them in an editor.

public indirect enum DataError: Error, Equatable, Sendable, CustomStringConvertible {
    // Files
    case fileNotFound(path: String)
    case unreadableFile(path: String, reason: String)
    /// Any other error, with the file it happened in.
    case inFile(path: String, DataError)

    // gzip (RFC 1952)
    case notGzip
    case badGzipHeader(reason: String)
    case truncatedGzip(offset: Int)
    case gzipChecksumMismatch(offset: Int, stored: UInt32, computed: UInt32)
    case gzipSizeMismatch(offset: Int, stored: UInt32, computed: UInt32)
    case trailingGarbage(offset: Int)

    // deflate (RFC 1951); offsets count bytes of the compressed input
    case corruptDeflate(offset: Int, reason: String)
    case truncatedDeflate(offset: Int)

    // IDX
    case idxTooShort(byteCount: Int, needed: Int)
    case badIDXMagic(bytes: [UInt8])
    case unsupportedIDXType(code: UInt8)
    case idxNoDimensions
    case idxTooLarge(dimensions: [Int])
    case idxLengthMismatch(dimensions: [Int], elementSize: Int, expectedPayload: Int, actualPayload: Int)

    // CSV
    case csvEmpty
    case csvUnterminatedQuote(row: Int)
    case csvCharacterAfterQuote(row: Int, column: Int)
    case csvWrongCellCount(row: Int, expected: Int, found: Int)
    case csvMissingValue(row: Int, column: Int, name: String?)
    case csvNotANumber(row: Int, column: Int, name: String?, text: String)
    case csvUnknownColumn(name: String, available: [String])
    case csvColumnOutOfRange(index: Int, columnCount: Int)
    case csvColumnNameWithoutHeader(name: String)
    case csvNotUTF8(row: Int)

    // Datasets
    case idxCountMismatch(images: String, imageCount: Int, labels: String, labelCount: Int)

    // CIFAR-10 binary
    case cifarLength(byteCount: Int)
    case cifarLabel(record: Int, value: UInt8)
    case idxLabelsNotOneDimensional(dimensions: [Int])
    case idxLabelsNotIntegers(code: UInt8)
    case negativeLabel(item: Int, value: Int)
    case tooManyClasses(largestLabel: Int, limit: Int)
    case sampleCountNotPositive(Int)

    // Splits
    case splitDuplicatePart(part: String)
    case splitBadAmount(part: String, reason: String)
    case splitFractionsOverWhole(total: Double)
    case splitTooLarge(requested: Int, available: Int)
    case splitEmptyPart(part: String, available: Int)
    case splitStratifyWithoutLabels

    public var description: String {
        switch self {
        case .fileNotFound(let path):
            return "\(path): no such file"
        case .unreadableFile(let path, let reason):
            return "\(path): cannot read the file: \(reason)"
        case .inFile(let path, let error):
            return "\(path): \(error)"

        case .notGzip:
            return "not a gzip file (it does not start with the bytes 1F 8B)"
        case .badGzipHeader(let reason):
            return "bad gzip header: \(reason)"
        case .truncatedGzip(let offset):
            return "the gzip data ends too early (at byte \(offset)); the file is truncated"
        case .gzipChecksumMismatch(let offset, let stored, let computed):
            return "gzip CRC-32 mismatch at byte \(offset): the file says \(hex(stored)), "
                + "the data gives \(hex(computed)); the file is corrupt"
        case .gzipSizeMismatch(let offset, let stored, let computed):
            return "gzip size mismatch at byte \(offset): the file says \(stored) bytes (mod 2^32), "
                + "the data has \(computed); the file is corrupt"
        case .trailingGarbage(let offset):
            return "unexpected bytes after the gzip data at byte \(offset) (not another gzip member)"

        case .corruptDeflate(let offset, let reason):
            return "corrupt deflate stream at byte \(offset): \(reason)"
        case .truncatedDeflate(let offset):
            return "the deflate stream ends too early (at byte \(offset)); the file is truncated"

        case .idxTooShort(let byteCount, let needed):
            return "not an IDX file: it has \(byteCount) bytes, but its header needs \(needed)"
        case .badIDXMagic(let bytes):
            return "not an IDX file: it starts with \(bytes.map(hex).joined(separator: " ")), "
                + "but an IDX file starts with 00 00, a type code and a dimension count"
        case .unsupportedIDXType(let code):
            return "unknown IDX data type \(hex(code)) (known: 08 u8, 09 i8, 0B i16, 0C i32, 0D f32, 0E f64)"
        case .idxNoDimensions:
            return "the IDX header declares 0 dimensions"
        case .idxTooLarge(let dimensions):
            return "the IDX dimensions \(shape(dimensions)) describe more data than can be addressed"
        case .idxLengthMismatch(let dimensions, let elementSize, let expected, let actual):
            return "the IDX header declares \(shape(dimensions)) elements of \(elementSize) byte(s) = \(expected) "
                + "bytes of data, but the file holds \(actual)"

        case .csvEmpty:
            return "the CSV file has no rows"
        case .csvUnterminatedQuote(let row):
            return "row \(row): a quoted cell is never closed"
        case .csvCharacterAfterQuote(let row, let column):
            return "row \(row), column \(column): unexpected character after a closing quote "
                + "(write \"\" for a quote inside a quoted cell)"
        case .csvWrongCellCount(let row, let expected, let found):
            return "row \(row): expected \(expected) cells, found \(found)"
        case .csvMissingValue(let row, let column, let name):
            return "row \(row), column \(columnLabel(column, name)): missing value"
        case .csvNotANumber(let row, let column, let name, let text):
            return "row \(row), column \(columnLabel(column, name)): '\(text)' is not a number"
        case .csvUnknownColumn(let name, let available):
            return "no column named '\(name)' (columns: \(available.joined(separator: ", ")))"
        case .csvColumnOutOfRange(let index, let columnCount):
            return "column index \(index) is out of range: the file has \(columnCount) columns "
                + "(0-based indices 0..<\(columnCount))"
        case .csvColumnNameWithoutHeader(let name):
            return "column '\(name)' is chosen by name, but the file has no header row"
        case .csvNotUTF8(let row):
            return "row \(row): the text is not valid UTF-8"

        case .cifarLength(let byteCount):
            return "\(byteCount) bytes is not a whole number of CIFAR-10 records (1 label byte + 3,072 pixel bytes each); "
                + "the file is truncated or not in the CIFAR-10 binary format"
        case .cifarLabel(let record, let value):
            return "record \(record + 1) has the label \(value); CIFAR-10 labels are 0 to 9"
        case .idxCountMismatch(let images, let imageCount, let labels, let labelCount):
            return "\(images) holds \(imageCount) images but \(labels) holds \(labelCount) labels; "
                + "there must be one label per image"
        case .idxLabelsNotOneDimensional(let dimensions):
            return "a labels file has one dimension (one label per item), but this one is \(shape(dimensions))"
        case .idxLabelsNotIntegers(let code):
            return "labels must be integers, but the IDX data type is \(hex(code)) (floating point)"
        case .negativeLabel(let item, let value):
            return "item \(item) (counting from 0): the label \(value) is negative (labels are class numbers 0, 1, 2, ...)"
        case .tooManyClasses(let largestLabel, let limit):
            return "the largest label is \(largestLabel), but at most \(limit) classes (labels 0..<\(limit)) are supported"
        case .sampleCountNotPositive(let count):
            return "samples = \(count): keep at least 1 sample"

        case .splitDuplicatePart(let part):
            return "the split names the part '\(part)' twice"
        case .splitBadAmount(let part, let reason):
            return "split part '\(part)': \(reason)"
        case .splitFractionsOverWhole(let total):
            return "the split's fractions add up to \(percent(total)), more than 100%"
        case .splitTooLarge(let requested, let available):
            return "the split's parts need \(requested) samples, but the dataset has \(available)"
        case .splitEmptyPart(let part, let available):
            return "split part '\(part)' would be empty (the dataset has \(available) samples)"
        case .splitStratifyWithoutLabels:
            return "a stratified split needs labels, but the dataset has none"
        }
    }
}

private func hex(_ value: UInt8) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return digits.count == 1 ? "0" + digits : digits
}

private func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
}

private func shape(_ dimensions: [Int]) -> String {
    dimensions.map(String.init).joined(separator: " x ")
}

private func percent(_ fraction: Double) -> String {
    let value = (fraction * 10_000).rounded() / 100
    return (value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)) + "%"
}

private func columnLabel(_ column: Int, _ name: String?) -> String {
    name.map { "\(column) '\($0)'" } ?? "\(column)"
}
