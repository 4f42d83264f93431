// AlignedBuffer: a zero-filled, 64-byte-aligned block of plain values (floats, indices, pointers) that frees
// itself. State buffers, rings, synapse tables and scratch registers all live in these, so kernels take one raw
// pointer before their loop and SIMD loads and stores are aligned. Allocations are whole cache lines, so two
// buffers written by different threads never share one. Sizes of neuron buffers are padded with `paddedCount`
// to whole 16-lane blocks, so a kernel never needs a scalar tail.

/// `n` rounded up to a multiple of 16 (one 64-byte cache line of Float32).
@inline(__always)
func paddedCount(_ n: Int) -> Int { (n + 15) & ~15 }

final class AlignedBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Element>
    let count: Int

    /// `count` elements, every byte zero.
    init(count: Int) {
        let capacity = Swift.max(count, 1)
        let bytes = (capacity * MemoryLayout<Element>.stride + 63) & ~63
        let raw = UnsafeMutableRawPointer.allocate(byteCount: bytes,
                                                   alignment: Swift.max(64, MemoryLayout<Element>.alignment))
        raw.initializeMemory(as: UInt8.self, repeating: 0, count: bytes)
        pointer = raw.bindMemory(to: Element.self, capacity: capacity)
        self.count = count
    }

    /// A copy of `values`, then `count - values.count` zeros.
    convenience init(_ values: [Element], count: Int? = nil) {
        self.init(count: count ?? values.count)
        values.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { pointer.update(from: base, count: Swift.min(source.count, self.count)) }
        }
    }

    deinit { UnsafeMutableRawPointer(pointer).deallocate() }

    subscript(index: Int) -> Element {
        get { pointer[index] }
        set { pointer[index] = newValue }
    }

    var array: [Element] { Array(UnsafeBufferPointer(start: pointer, count: count)) }
}
