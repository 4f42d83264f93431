// bench/scatter_add.swift — the machine's scatter-add limit, for comparison with snnc's synaptic events/s.
// The same work as snnc's propagation of the 40,000-neuron CUBA network (bench/cuba_40k.snn), without the
// simulator: CSR rows of 80 ascending random targets (Int32) with Float weights, 40,000 rows (3.2 M synapses,
// 25.6 MB, streamed from memory as in snnc), ~23 spiking rows per step in ascending order, each synapse adding
// weight × scale into a 40,000-float target row (160 KB, L2-resident). A second run uses 1,000 rows (the
// synapses then stay in cache too): the upper bound. Prints updates per second for one thread (best of 5).
//   swiftc -Ounchecked -target-cpu native bench/scatter_add.swift -o .build/scatter_add && .build/scatter_add

import Foundation

struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func measure(rows: Int, targets count: Int, degree: Int, spikesPerStep: Int, steps: Int) -> Double {
    var rng = Generator(state: 1)
    let synapses = rows * degree
    let targets = UnsafeMutablePointer<Int32>.allocate(capacity: synapses)
    let weights = UnsafeMutablePointer<Float>.allocate(capacity: synapses)
    let rowStart = UnsafeMutablePointer<Int32>.allocate(capacity: rows + 1)
    for r in 0..<rows {
        rowStart[r] = Int32(r * degree)
        let row = (0..<degree).map { _ in Int32(rng.next() % UInt64(count)) }.sorted()
        for (k, t) in row.enumerated() {
            targets[r * degree + k] = t
            weights[r * degree + k] = Float(rng.next() % 1000) * 1e-6
        }
    }
    rowStart[rows] = Int32(synapses)
    let ring = UnsafeMutablePointer<Float>.allocate(capacity: count)
    ring.initialize(repeating: 0, count: count)
    // Spike lists, ascending, drawn before timing.
    let spikes = UnsafeMutablePointer<Int32>.allocate(capacity: steps * spikesPerStep)
    for s in 0..<steps {
        let list = (0..<spikesPerStep).map { _ in Int32(rng.next() % UInt64(rows)) }.sorted()
        for (k, n) in list.enumerated() { spikes[s * spikesPerStep + k] = n }
    }
    var best = Double.infinity
    for _ in 0..<5 {
        let start = DispatchTime.now().uptimeNanoseconds
        for s in 0..<steps {
            let list = spikes + s * spikesPerStep
            let scale: Float = 1.5
            for k in 0..<spikesPerStep {
                let row = Int(list[k])
                for i in Int(rowStart[row])..<Int(rowStart[row + 1]) { ring[Int(targets[i])] += weights[i] * scale }
            }
        }
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9)
    }
    let checksum = (0..<count).reduce(Float(0)) { $0 + ring[$1] }
    precondition(checksum.isFinite)
    return Double(steps * spikesPerStep * degree) / best
}

let streamed = measure(rows: 40_000, targets: 40_000, degree: 80, spikesPerStep: 23, steps: 10_000)
let cached = measure(rows: 1_000, targets: 40_000, degree: 80, spikesPerStep: 23, steps: 10_000)
print(String(format: "scatter-add, 40,000 L2-resident targets, 1 thread: %.2f G updates/s (3.2 M synapses, streamed); "
             + "%.2f G updates/s (80 k synapses, cached)", streamed / 1e9, cached / 1e9))
