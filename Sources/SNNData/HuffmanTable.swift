// HuffmanTable: a canonical deflate Huffman code built from code lengths, decoded through a 10-bit lookup
// table (one load for every code of up to 10 bits) with a bit-by-bit canonical walk for the rare longer codes.
// The memory is allocated once and rebuilt for every block.

final class HuffmanTable {
    static let maxLength = 15
    private static let fastBits = 10
    private static let fastSize = 1 << fastBits

    /// Indexed by the next `fastBits` input bits: `symbol << 4 | length`, or 0 where the code is longer.
    private let fast: UnsafeMutablePointer<UInt16>
    /// How many codes have each length, 0...15.
    private let counts: UnsafeMutablePointer<Int>
    /// The symbols ordered by code length, then by value: the canonical order of their codes.
    private let symbols: UnsafeMutablePointer<UInt16>
    private let capacity: Int

    init(maxSymbols: Int) {
        capacity = maxSymbols
        fast = .allocate(capacity: Self.fastSize)
        counts = .allocate(capacity: Self.maxLength + 1)
        symbols = .allocate(capacity: maxSymbols)
    }

    deinit {
        fast.deallocate()
        counts.deallocate()
        symbols.deallocate()
    }

    /// Builds the code for `lengths` (0 = symbol unused). A code set that is over-subscribed, or incomplete
    /// other than the single one-bit code deflate allows, is rejected; `offset` places the error.
    func build(_ lengths: ArraySlice<UInt8>, offset: Int) throws(DataError) {
        precondition(lengths.count <= capacity)
        counts.initialize(repeating: 0, count: Self.maxLength + 1)
        for length in lengths { counts[Int(length)] += 1 }
        counts[0] = 0

        var left = 1
        var used = 0
        for length in 1...Self.maxLength {
            left = left << 1 - counts[length]
            used += counts[length]
            if left < 0 { throw .corruptDeflate(offset: offset, reason: "over-subscribed Huffman code lengths") }
        }
        if left > 0 && used > 0 && !(used == 1 && counts[1] == 1) {
            throw .corruptDeflate(offset: offset, reason: "incomplete Huffman code lengths")
        }

        var nextIndex = [Int](repeating: 0, count: Self.maxLength + 2)
        for length in 1...Self.maxLength { nextIndex[length + 1] = nextIndex[length] + counts[length] }
        var nextCode = [Int](repeating: 0, count: Self.maxLength + 1)
        var code = 0
        for length in 1...Self.maxLength {
            code = (code + counts[length - 1]) << 1
            nextCode[length] = code
        }

        fast.initialize(repeating: 0, count: Self.fastSize)
        for (symbol, length) in zip(0..., lengths) where length != 0 {
            let length = Int(length)
            symbols[nextIndex[length]] = UInt16(symbol)
            nextIndex[length] += 1
            let code = nextCode[length]
            nextCode[length] += 1
            guard length <= Self.fastBits else { continue }
            let entry = UInt16(symbol << 4 | length)
            var slot = Self.reversed(code, length)
            while slot < Self.fastSize {
                fast[slot] = entry
                slot += 1 << length
            }
        }
    }

    /// Decodes one symbol; the caller has refilled `reader` so that 15 bits are buffered where available.
    @inline(__always)
    func decode(_ reader: inout BitReader) throws(DataError) -> Int {
        let entry = fast[Int(truncatingIfNeeded: reader.peek(Self.fastBits))]
        if entry != 0 {
            try reader.consume(Int(entry & 15))
            return Int(entry >> 4)
        }
        return try decodeLong(&reader)
    }

    /// The canonical walk, one bit at a time: codes of each length are consecutive numbers.
    private func decodeLong(_ reader: inout BitReader) throws(DataError) -> Int {
        let bits = reader.peek(Self.maxLength)
        var code = 0
        var first = 0
        var index = 0
        for length in 1...Self.maxLength {
            code |= Int(truncatingIfNeeded: bits >> UInt64(length - 1)) & 1
            let count = counts[length]
            if code - first < count {
                try reader.consume(length)
                return Int(symbols[index + code - first])
            }
            index += count
            first = (first + count) << 1
            code <<= 1
        }
        throw .corruptDeflate(offset: reader.byteOffset, reason: "invalid Huffman code")
    }

    private static func reversed(_ code: Int, _ length: Int) -> Int {
        var code = code
        var result = 0
        for _ in 0..<length {
            result = result << 1 | code & 1
            code >>= 1
        }
        return result
    }
}
