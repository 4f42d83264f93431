// Inflate: a DEFLATE decoder (RFC 1951) — stored, fixed-Huffman and dynamic-Huffman blocks — over a byte
// buffer. It can stop once a given number of bytes is out, so that a file header is read without inflating
// the rest. Corrupt or truncated input throws a DataError giving the byte offset; it never traps.

public enum Inflate {
    /// Decodes a complete raw deflate stream (no zlib or gzip wrapper).
    public static func decompress(_ stream: [UInt8]) throws(DataError) -> [UInt8] {
        try stream.withUnsafeBufferPointer { input throws(DataError) in
            try inflate(input, from: 0, limit: .max, sizeHint: input.count * 4).bytes
        }
    }

    struct Result {
        var bytes: [UInt8]
        /// The offset of the first byte after the stream, or nil when decoding stopped at the limit.
        var end: Int?
    }

    /// Decodes the deflate stream that starts at `start`, stopping once `limit` bytes are out (the result then
    /// holds exactly `limit` bytes). `sizeHint` is the expected output size, to allocate once.
    static func inflate(_ input: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int,
                        sizeHint: Int) throws(DataError) -> Result {
        var decoder = Decoder(reader: BitReader(input, from: start), capacity: min(sizeHint, limit), limit: limit)
        let finished = try decoder.decodeBlocks()
        return Result(bytes: decoder.output.bytes(prefix: limit), end: finished ? decoder.endOffset() : nil)
    }
}

private struct Decoder: ~Copyable {
    var reader: BitReader
    var output: InflateOutput
    let limit: Int
    let literals = HuffmanTable(maxSymbols: 288)
    let distances = HuffmanTable(maxSymbols: 32)
    let codeLengths = HuffmanTable(maxSymbols: 19)

    init(reader: BitReader, capacity: Int, limit: Int) {
        self.reader = reader
        self.output = InflateOutput(capacity: capacity)
        self.limit = limit
    }

    /// Decodes blocks up to the final one (true) or until the limit is reached (false).
    mutating func decodeBlocks() throws(DataError) -> Bool {
        while true {
            let header = try reader.read(3)
            let blockEnded: Bool
            switch header >> 1 {
            case 0:
                try copyStoredBlock()
                blockEnded = true
            case 1:
                try buildFixedCodes()
                blockEnded = try decodeHuffmanBlock()
            case 2:
                try readDynamicCodes()
                blockEnded = try decodeHuffmanBlock()
            default:
                throw .corruptDeflate(offset: reader.byteOffset, reason: "invalid block type 3")
            }
            if !blockEnded { return false }
            if header & 1 == 1 { return true }
            if output.count >= limit { return false }
        }
    }

    mutating func endOffset() -> Int {
        reader.alignToByte()
        return reader.byteOffset
    }

    private mutating func copyStoredBlock() throws(DataError) {
        reader.alignToByte()
        let header = try reader.takeAlignedBytes(4)
        let length = Int(header[0]) | Int(header[1]) << 8
        let complement = Int(header[2]) | Int(header[3]) << 8
        guard length == complement ^ 0xFFFF else {
            throw .corruptDeflate(offset: reader.byteOffset - 4,
                                  reason: "stored block length \(length) does not match its complement")
        }
        output.append(try reader.takeAlignedBytes(length))
    }

    private func buildFixedCodes() throws(DataError) {
        try literals.build(fixedLiteralLengths[...], offset: reader.byteOffset)
        try distances.build(fixedDistanceLengths[...], offset: reader.byteOffset)
    }

    /// Reads the code-length code, then the literal/length and distance code lengths it encodes (RFC 1951 3.2.7).
    private mutating func readDynamicCodes() throws(DataError) {
        let headerOffset = reader.byteOffset
        let literalCount = try reader.read(5) + 257
        let distanceCount = try reader.read(5) + 1
        let codeLengthCount = try reader.read(4) + 4
        guard literalCount <= 286, distanceCount <= 30 else {
            throw .corruptDeflate(offset: headerOffset, reason: "too many length or distance symbols")
        }
        var codeLengthLengths = [UInt8](repeating: 0, count: 19)
        for index in 0..<codeLengthCount {
            codeLengthLengths[codeLengthOrder[index]] = UInt8(try reader.read(3))
        }
        try codeLengths.build(codeLengthLengths[...], offset: headerOffset)

        let total = literalCount + distanceCount
        var lengths = [UInt8](repeating: 0, count: total)
        var index = 0
        while index < total {
            reader.refill()
            let symbol = try codeLengths.decode(&reader)
            if symbol < 16 {
                lengths[index] = UInt8(symbol)
                index += 1
                continue
            }
            var repeated: UInt8 = 0
            let count: Int
            switch symbol {
            case 16:
                guard index > 0 else {
                    throw .corruptDeflate(offset: reader.byteOffset, reason: "repeated code length without a first one")
                }
                repeated = lengths[index - 1]
                count = 3 + (try reader.read(2))
            case 17: count = 3 + (try reader.read(3))
            default: count = 11 + (try reader.read(7))
            }
            guard count <= total - index else {
                throw .corruptDeflate(offset: reader.byteOffset, reason: "code lengths overflow the symbol count")
            }
            for offset in index..<index + count { lengths[offset] = repeated }
            index += count
        }
        guard lengths[256] != 0 else {
            throw .corruptDeflate(offset: reader.byteOffset, reason: "the block has no end-of-block code")
        }
        try literals.build(lengths[..<literalCount], offset: reader.byteOffset)
        try distances.build(lengths[literalCount...], offset: reader.byteOffset)
    }

    /// Decodes literals and back-references up to the end-of-block symbol (true) or the limit (false).
    private mutating func decodeHuffmanBlock() throws(DataError) -> Bool {
        while output.count < limit {
            reader.refill()
            let symbol = try literals.decode(&reader)
            if symbol < 256 {
                output.reserve(1)
                output.appendReserved(UInt8(truncatingIfNeeded: symbol))
                continue
            }
            if symbol == 256 { return true }
            let lengthCode = symbol - 257
            guard lengthCode < lengthBases.count else {
                throw .corruptDeflate(offset: reader.byteOffset, reason: "invalid length symbol \(symbol)")
            }
            let length = lengthBases[lengthCode] + (try reader.read(lengthExtraBits[lengthCode]))

            if reader.bitCount < HuffmanTable.maxLength { reader.refill() }
            let distanceCode = try distances.decode(&reader)
            guard distanceCode < distanceBases.count else {
                throw .corruptDeflate(offset: reader.byteOffset, reason: "invalid distance symbol \(distanceCode)")
            }
            let distance = distanceBases[distanceCode] + (try reader.read(distanceExtraBits[distanceCode]))
            guard distance <= output.count else {
                throw .corruptDeflate(offset: reader.byteOffset,
                                      reason: "distance \(distance) reaches before the start of the data")
            }
            output.appendCopy(distance: distance, length: length)
        }
        return false
    }
}

private let fixedLiteralLengths: [UInt8] =
    Array(repeating: 8, count: 144) + Array(repeating: 9, count: 112) + Array(repeating: 7, count: 24)
    + Array(repeating: 8, count: 8)
/// All 32 five-bit codes, so that the code is complete; symbols 30 and 31 are rejected when they appear.
private let fixedDistanceLengths = [UInt8](repeating: 5, count: 32)

private let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

private let lengthBases = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99,
                           115, 131, 163, 195, 227, 258]
private let lengthExtraBits = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5,
                               5, 0]
private let distanceBases = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769,
                             1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
private let distanceExtraBits = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11,
                                 12, 12, 13, 13]
