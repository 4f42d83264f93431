// DistinctSampler: k distinct indices out of 0..<n, uniformly among all k-subsets, returned in increasing order,
// for the fixed-degree patterns. Every draw is keyed by (seed, stream, the caller's counter — a row or a column —,
// the draw number), so a row's sample does not depend on any other row. Two methods: for k small against n,
// independent draws until k distinct values are held (the first k distinct values of an i.i.d. sequence form
// a uniform k-subset); for k above n/4, selection sampling (Knuth's algorithm S), one draw per candidate.

enum DistinctSampler {
    /// Appends the sorted sample to `output` (which keeps what it held before).
    static func sample(_ k: Int, from n: Int, seed: UInt64, stream: UInt32, counter: UInt64, into output: inout [Int32]) {
        precondition(k >= 0 && k <= n, "DistinctSampler: k must be in 0...n")
        guard k > 0 else { return }
        if k == n {
            for j in 0..<n { output.append(Int32(j)) }
        } else if k * 4 > n {
            selection(k, from: n, seed: seed, stream: stream, counter: counter, into: &output)
        } else {
            rejection(k, from: n, seed: seed, stream: stream, counter: counter, into: &output)
        }
    }

    private static func selection(_ k: Int, from n: Int, seed: UInt64, stream: UInt32, counter: UInt64,
                                  into output: inout [Int32]) {
        var needed = k
        for j in 0..<n where needed > 0 {
            let u = CounterRNG.unit(seed: seed, stream: stream, counter: counter, index: UInt64(j))
            if Double(n - j) * u < Double(needed) {
                output.append(Int32(j))
                needed -= 1
            }
        }
    }

    private static func rejection(_ k: Int, from n: Int, seed: UInt64, stream: UInt32, counter: UInt64,
                                  into output: inout [Int32]) {
        let start = output.count
        var drawn: UInt64 = 0
        var held = 0
        while held < k {
            for _ in held..<k {
                let bits = CounterRNG.bits(seed: seed, stream: stream, counter: counter, index: drawn)
                drawn += 1
                output.append(Int32(truncatingIfNeeded: bits.multipliedFullWidth(by: UInt64(n)).high))
            }
            // Sort the sample in place and drop duplicates.
            let write = output.withUnsafeMutableBufferPointer { buffer -> Int in
                var sample = UnsafeMutableBufferPointer(rebasing: buffer[start...])
                sample.sort()
                var write = 1
                for read in 1..<sample.count where sample[read] != sample[write - 1] {
                    sample[write] = sample[read]
                    write += 1
                }
                return start + write
            }
            output.removeLast(output.count - write)
            held = write - start
        }
    }
}
