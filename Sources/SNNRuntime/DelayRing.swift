// DelayRing: the synaptic input waiting to arrive at one buffer of a population — `slots` rows of the
// population's padded size. A spike at step s with a delay of d steps adds to row (s + d) mod slots; at the
// start of step s row s mod slots is added into the buffer and cleared. Delays are 1 ... slots - 1, so a row is
// never written in the step that delivers it. Each worker delivers and fills only its own neurons' columns.
// The ring of a frozen buffer (`freeze`, see PopulationState) clears its rows without adding them.

final class DelayRing: @unchecked Sendable {
    let buffer: Int
    let slots: Int
    let padded: Int
    let storage: AlignedBuffer<Float>
    /// Set while the buffer is frozen: input arriving then is dropped.
    var discards = false

    init(buffer: Int, maxDelay: Int, padded: Int) {
        self.buffer = buffer
        slots = maxDelay + 1
        self.padded = padded
        storage = AlignedBuffer(count: slots * padded)
    }

    @inline(__always)
    func row(_ slot: Int) -> UnsafeMutablePointer<Float> { storage.pointer + slot * padded }

    /// buffer[i] += row[i] (unless the buffer is frozen); row[i] = 0 for neurons first ..< first + 8·vectors (first a
    /// multiple of 8).
    @inline(__always)
    func deliver(step: Int, into buffer: UnsafeMutablePointer<Float>, first: Int, vectors: Int) {
        let r = UnsafeMutableRawPointer(row(step % slots) + first).assumingMemoryBound(to: Vector.self)
        let b = UnsafeMutableRawPointer(buffer + first).assumingMemoryBound(to: Vector.self)
        if discards {
            for i in 0..<vectors { r[i] = .zero }
            return
        }
        for i in 0..<vectors {
            b[i] += r[i]
            r[i] = .zero
        }
    }
}
