// DelayRing: the synaptic input waiting to arrive at one buffer of a population — `slots` rows of the
// population's padded size. A spike at step s with a delay of d steps adds to row (s + d) mod slots; at the
// start of step s row s mod slots is added into the buffer and cleared. Delays are 1 ... slots - 1, so a row is
// never written in the step that delivers it. Each worker delivers and fills only its own neurons' columns.
// Direct input: when every delay into the population is one step, the "ring" is the buffer's own row (one slot):
// propagation after step s adds straight into the values step s + 1 reads, as Brian's `on_pre` does, and there
// is nothing to deliver or clear. Input to a frozen buffer (`freeze`, see PopulationState) is dropped: not
// propagated, and rows already filled are cleared without being added.

final class DelayRing: @unchecked Sendable {
    let buffer: Int
    let slots: Int
    let padded: Int
    /// Row r starts at cells + r · padded.
    let cells: UnsafeMutablePointer<Float>
    /// The rows, owned; nil for direct input.
    let storage: AlignedBuffer<Float>?
    /// Set while the buffer is frozen (read by propagation through a pointer: no reference counting there).
    let discardFlag = AlignedBuffer<Bool>(count: 1)

    /// A ring deep enough for `maxDelay`, or direct input into `row` (the buffer's row) when that is 1.
    init(buffer: Int, maxDelay: Int, padded: Int, row: UnsafeMutablePointer<Float>) {
        self.buffer = buffer
        self.padded = padded
        if maxDelay <= 1 {
            slots = 1
            storage = nil
            cells = row
        } else {
            slots = maxDelay + 1
            let rows = AlignedBuffer<Float>(count: slots * padded)
            storage = rows
            cells = rows.pointer
        }
        discardFlag[0] = false
    }

    var discards: Bool {
        get { discardFlag[0] }
        set { discardFlag[0] = newValue }
    }

    @inline(__always)
    func row(_ slot: Int) -> UnsafeMutablePointer<Float> { cells + slot * padded }

    /// buffer[i] += row[i] (unless the buffer is frozen); row[i] = 0 for neurons first ..< first + 8·vectors (first a
    /// multiple of 8). Nothing for direct input.
    @inline(__always)
    func deliver(step: Int, into buffer: UnsafeMutablePointer<Float>, first: Int, vectors: Int) {
        guard storage != nil else { return }
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

    /// Drops the input on its way (the buffer of direct input is reset with the population instead).
    func clear() {
        storage?.pointer.update(repeating: 0, count: storage!.count)
    }
}
