// IDXFile: the IDX format of MNIST — 00 00, a type code, a dimension count N, N big-endian u32 sizes, then the
// elements in row-major order. The header alone can be read from the start of a file (plain or gzip) for
// checking; a full read also checks that the sizes account for every byte of data.

public enum IDXDataType: UInt8, Sendable, CaseIterable {
    case unsignedByte = 0x08
    case signedByte = 0x09
    case int16 = 0x0B
    case int32 = 0x0C
    case float32 = 0x0D
    case float64 = 0x0E

    /// Bytes per element.
    public var elementSize: Int {
        switch self {
        case .unsignedByte, .signedByte: 1
        case .int16: 2
        case .int32, .float32: 4
        case .float64: 8
        }
    }
}

public struct IDXHeader: Equatable, Sendable {
    public let dataType: IDXDataType
    /// The sizes, outermost first (for MNIST images: count, rows, columns).
    public let dimensions: [Int]
    /// Dimensions multiplied, and the data bytes they need; both checked not to overflow.
    public let elementCount: Int
    public let payloadByteCount: Int

    /// The largest header: 255 dimensions.
    public static let maximumByteCount = 4 + 4 * 255

    /// Bytes taken by the header, where the data starts.
    public var byteCount: Int { 4 + 4 * dimensions.count }

    /// Reads the header at the start of `bytes` (decompressed IDX content; any data may follow or be missing).
    public init(parsing bytes: [UInt8]) throws(DataError) {
        guard bytes.count >= 4 else { throw .idxTooShort(byteCount: bytes.count, needed: 4) }
        guard bytes[0] == 0, bytes[1] == 0 else { throw .badIDXMagic(bytes: Array(bytes[0..<4])) }
        guard let dataType = IDXDataType(rawValue: bytes[2]) else { throw .unsupportedIDXType(code: bytes[2]) }
        let dimensionCount = Int(bytes[3])
        guard dimensionCount > 0 else { throw .idxNoDimensions }
        let headerSize = 4 + 4 * dimensionCount
        guard bytes.count >= headerSize else { throw .idxTooShort(byteCount: bytes.count, needed: headerSize) }

        let dimensions = (0..<dimensionCount).map { index in
            bytes[4 + 4 * index..<8 + 4 * index].reduce(0) { $0 << 8 | Int($1) }
        }
        var elementCount = 1
        for size in dimensions {
            let (product, overflow) = elementCount.multipliedReportingOverflow(by: size)
            guard !overflow else { throw .idxTooLarge(dimensions: dimensions) }
            elementCount = product
        }
        let (payloadByteCount, overflow) = elementCount.multipliedReportingOverflow(by: dataType.elementSize)
        guard !overflow, payloadByteCount <= Int.max - headerSize else { throw .idxTooLarge(dimensions: dimensions) }

        self.dataType = dataType
        self.dimensions = dimensions
        self.elementCount = elementCount
        self.payloadByteCount = payloadByteCount
    }

    /// The header of an IDX file, plain or gzip-compressed, inflating only its first bytes.
    public static func read(path: String) throws(DataError) -> IDXHeader {
        let prefix = try DataFileReader.readPrefix(path: path, count: maximumByteCount)
        return try DataFileReader.inFile(path) { () throws(DataError) in try IDXHeader(parsing: prefix) }
    }
}

public struct IDXFile: Equatable, Sendable {
    public let header: IDXHeader
    /// The elements as stored: one byte each for `unsignedByte`, big-endian values for the other types.
    public let payload: [UInt8]

    public var dimensions: [Int] { header.dimensions }

    /// Parses complete IDX content; the data must have exactly the size the header declares.
    public init(parsing bytes: [UInt8]) throws(DataError) {
        let header = try IDXHeader(parsing: bytes)
        let actual = bytes.count - header.byteCount
        guard actual == header.payloadByteCount else {
            throw .idxLengthMismatch(dimensions: header.dimensions, elementSize: header.dataType.elementSize,
                                     expectedPayload: header.payloadByteCount, actualPayload: actual)
        }
        self.header = header
        self.payload = Array(bytes[header.byteCount...])
    }

    /// Reads a whole IDX file, plain or gzip-compressed.
    public static func read(path: String) throws(DataError) -> IDXFile {
        let bytes = try DataFileReader.read(path: path)
        return try DataFileReader.inFile(path) { () throws(DataError) in try IDXFile(parsing: bytes) }
    }
}
