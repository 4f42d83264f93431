// Gzip: gzip files (RFC 1952) — member headers with their optional fields (FEXTRA, FNAME, FCOMMENT, FHCRC),
// the deflate data, and the CRC-32 and size trailer; several members are concatenated, trailing zero padding
// is ignored. A prefix can be decompressed without inflating the rest of the file.

public enum Gzip {
    /// Whether `bytes` start with the gzip magic 1F 8B (the content decides, not the file name).
    public static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// The whole decompressed content, every member checked against its CRC-32 and size.
    public static func decompress(_ bytes: [UInt8]) throws(DataError) -> [UInt8] {
        try decompress(bytes, limit: .max)
    }

    /// The first `count` decompressed bytes (fewer if the content is shorter). Only what is needed is
    /// inflated, so the trailer of a member cut short is not checked.
    public static func decompressPrefix(_ bytes: [UInt8], count: Int) throws(DataError) -> [UInt8] {
        try decompress(bytes, limit: max(count, 0))
    }

    private static func decompress(_ bytes: [UInt8], limit: Int) throws(DataError) -> [UInt8] {
        guard isGzip(bytes) else { throw .notGzip }
        return try bytes.withUnsafeBufferPointer { input throws(DataError) in
            var result: [UInt8] = []
            var memberStart = 0
            while true {
                let dataStart = try dataOffset(ofMemberAt: memberStart, in: input)
                let inflated = try Inflate.inflate(input, from: dataStart, limit: limit - result.count,
                                                   sizeHint: sizeHint(input, dataStart: dataStart))
                if result.isEmpty { result = inflated.bytes } else { result += inflated.bytes }
                guard let end = inflated.end else { return result }
                try checkTrailer(at: end, in: input, data: inflated.bytes)
                memberStart = end + 8
                if result.count >= limit { return result }
                guard try hasAnotherMember(at: memberStart, in: input) else { return result }
            }
        }
    }

    /// Skips a member header and returns where its deflate data starts.
    private static func dataOffset(ofMemberAt start: Int, in input: UnsafeBufferPointer<UInt8>) throws(DataError) -> Int {
        guard input.count - start >= 10 else { throw .truncatedGzip(offset: input.count) }
        guard input[start + 2] == 8 else {
            throw .badGzipHeader(reason: "compression method \(input[start + 2]) is not deflate (8)")
        }
        let flags = input[start + 3]
        guard flags & 0xE0 == 0 else { throw .badGzipHeader(reason: "reserved flag bits are set") }
        var offset = start + 10
        if flags & extraFlag != 0 {
            guard input.count - offset >= 2 else { throw .truncatedGzip(offset: input.count) }
            let extraLength = Int(input[offset]) | Int(input[offset + 1]) << 8
            offset += 2
            guard input.count - offset >= extraLength else { throw .truncatedGzip(offset: input.count) }
            offset += extraLength
        }
        if flags & nameFlag != 0 { offset = try endOfZeroTerminated(from: offset, in: input) }
        if flags & commentFlag != 0 { offset = try endOfZeroTerminated(from: offset, in: input) }
        if flags & headerCRCFlag != 0 {
            guard input.count - offset >= 2 else { throw .truncatedGzip(offset: input.count) }
            let stored = UInt32(input[offset]) | UInt32(input[offset + 1]) << 8
            let computed = CRC32.checksum(UnsafeBufferPointer(rebasing: input[start..<offset])) & 0xFFFF
            guard stored == computed else {
                throw .badGzipHeader(reason: "the header checksum does not match the header")
            }
            offset += 2
        }
        return offset
    }

    private static func endOfZeroTerminated(from start: Int, in input: UnsafeBufferPointer<UInt8>) throws(DataError) -> Int {
        var offset = start
        while offset < input.count {
            if input[offset] == 0 { return offset + 1 }
            offset += 1
        }
        throw .truncatedGzip(offset: input.count)
    }

    private static func checkTrailer(at offset: Int, in input: UnsafeBufferPointer<UInt8>,
                                     data: [UInt8]) throws(DataError) {
        guard input.count - offset >= 8 else { throw .truncatedGzip(offset: input.count) }
        let storedCRC = littleEndianWord(at: offset, in: input)
        let storedSize = littleEndianWord(at: offset + 4, in: input)
        let crc = CRC32.checksum(data)
        guard crc == storedCRC else {
            throw .gzipChecksumMismatch(offset: offset, stored: storedCRC, computed: crc)
        }
        let size = UInt32(truncatingIfNeeded: data.count)
        guard size == storedSize else {
            throw .gzipSizeMismatch(offset: offset + 4, stored: storedSize, computed: size)
        }
    }

    /// After a member: another one follows (1F 8B), or only zero padding is left; anything else is an error.
    private static func hasAnotherMember(at offset: Int, in input: UnsafeBufferPointer<UInt8>) throws(DataError) -> Bool {
        if input.count - offset >= 2 && input[offset] == 0x1F && input[offset + 1] == 0x8B { return true }
        guard input[offset...].allSatisfy({ $0 == 0 }) else { throw .trailingGarbage(offset: offset) }
        return false
    }

    /// The size the last member's trailer declares, to allocate the output once (exact for the usual
    /// single-member file). Bounded by what deflate can expand to (1032:1) and by 256 MiB, so that a corrupt
    /// trailer cannot cause a huge allocation; larger outputs grow as they are written.
    private static func sizeHint(_ input: UnsafeBufferPointer<UInt8>, dataStart: Int) -> Int {
        guard input.count - dataStart >= 8 else { return 0 }
        let declared = Int(littleEndianWord(at: input.count - 4, in: input))
        return min(declared, (input.count - dataStart) * 1032, 1 << 28)
    }

    private static func littleEndianWord(at offset: Int, in input: UnsafeBufferPointer<UInt8>) -> UInt32 {
        UInt32(input[offset]) | UInt32(input[offset + 1]) << 8 | UInt32(input[offset + 2]) << 16
            | UInt32(input[offset + 3]) << 24
    }

    private static let extraFlag: UInt8 = 0x04
    private static let nameFlag: UInt8 = 0x08
    private static let commentFlag: UInt8 = 0x10
    private static let headerCRCFlag: UInt8 = 0x02
}
