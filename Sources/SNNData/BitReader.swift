// BitReader: the least-significant-bit-first bit stream of deflate, read from a byte buffer through a 64-bit
// bit buffer that is refilled eight bytes at a time. Peeking past the end of the input yields zero bits;
// consuming past it throws `truncatedDeflate`.

struct BitReader {
    private let input: UnsafeBufferPointer<UInt8>
    /// The next input byte not yet loaded into `buffer`.
    private var position: Int
    /// Loaded bits, next bit lowest. Bits above `bitCount` are zero or the true bits of the following bytes.
    private var buffer: UInt64 = 0
    private(set) var bitCount = 0

    init(_ input: UnsafeBufferPointer<UInt8>, from start: Int) {
        self.input = input
        self.position = start
    }

    /// The offset of the byte holding the next unread bit (for error messages and the end of the stream).
    var byteOffset: Int { position - (bitCount + 7) / 8 }

    /// Loads input so that at least 56 bits are buffered, or all that is left.
    @inline(__always)
    mutating func refill() {
        if position + 8 <= input.count {
            let word = UnsafeRawPointer(input.baseAddress.unsafelyUnwrapped + position).loadUnaligned(as: UInt64.self)
            buffer |= UInt64(littleEndian: word) << UInt64(bitCount)
            position += (63 - bitCount) >> 3
            bitCount |= 56
        } else {
            while bitCount <= 56 && position < input.count {
                buffer |= UInt64(input[position]) << UInt64(bitCount)
                position += 1
                bitCount += 8
            }
        }
    }

    /// The next `count` (at most 56) bits without consuming them; call `refill` first.
    @inline(__always)
    func peek(_ count: Int) -> UInt64 {
        buffer & ((1 << UInt64(count)) - 1)
    }

    @inline(__always)
    mutating func consume(_ count: Int) throws(DataError) {
        guard count <= bitCount else { throw .truncatedDeflate(offset: input.count) }
        buffer >>= UInt64(count)
        bitCount -= count
    }

    /// Reads `count` (at most 32) bits as a number, first bit lowest.
    @inline(__always)
    mutating func read(_ count: Int) throws(DataError) -> Int {
        if bitCount < count { refill() }
        let value = Int(truncatingIfNeeded: peek(count))
        try consume(count)
        return value
    }

    /// Drops the bits up to the next byte boundary and returns the whole bytes still buffered to the input,
    /// so that `position` is the next unread byte.
    mutating func alignToByte() {
        position -= bitCount / 8
        buffer = 0
        bitCount = 0
    }

    /// Takes the next `count` whole bytes after `alignToByte`.
    mutating func takeAlignedBytes(_ count: Int) throws(DataError) -> UnsafeBufferPointer<UInt8> {
        guard count <= input.count - position else { throw .truncatedDeflate(offset: input.count) }
        let bytes = UnsafeBufferPointer(rebasing: input[position..<position + count])
        position += count
        return bytes
    }
}
