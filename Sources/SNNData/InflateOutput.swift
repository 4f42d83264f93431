// InflateOutput: the growing byte buffer the deflate decoder writes into — literals, copies of earlier output
// (the LZ77 back-references) and stored runs — handed over as an array at the end.

struct InflateOutput: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 1024)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if extra > capacity - count { grow(to: count + extra) }
    }

    private mutating func grow(to needed: Int) {
        var newCapacity = capacity
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.moveInitialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Appends one byte; the caller has reserved room.
    @inline(__always)
    mutating func appendReserved(_ byte: UInt8) {
        base[count] = byte
        count += 1
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        reserve(bytes.count)
        if let source = bytes.baseAddress { (base + count).update(from: source, count: bytes.count) }
        count += bytes.count
    }

    /// Appends `length` bytes copied from `distance` bytes back (1 ≤ distance ≤ count); the copy may overlap
    /// what it writes, which repeats the last `distance` bytes.
    @inline(__always)
    mutating func appendCopy(distance: Int, length: Int) {
        reserve(length)
        let target = base + count
        let source = target - distance
        if distance == 1 {
            target.update(repeating: source.pointee, count: length)
        } else if distance >= length {
            target.update(from: source, count: length)
        } else {
            for index in 0..<length { target[index] = source[index] }
        }
        count += length
    }

    /// The first `length` bytes written (at most `count`).
    func bytes(prefix length: Int) -> [UInt8] {
        Array(UnsafeBufferPointer(start: base, count: min(length, count)))
    }
}
