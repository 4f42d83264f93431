// WorkerContext: what one worker thread owns — its range of every group, its scratch (block registers,
// refractory flags, the gathered copies a reset works on), its spike lists, and its reports (divergence,
// synaptic events, trace samples). Spike lists and their counts are double-buffered by the parity of the step:
// workers read each other's lists of step s while a faster worker already writes its lists of step s + 1.

import SNNPlan

/// A NaN or infinity found in a buffer; ordered by population, then neuron, then buffer.
struct DivergenceRecord: Equatable {
    var population: Int
    var neuron: Int
    var buffer: Int
    var value: Float

    func precedes(_ other: DivergenceRecord) -> Bool {
        (population, neuron, buffer) < (other.population, other.neuron, other.buffer)
    }
}

final class WorkerContext: @unchecked Sendable {
    /// Neurons of a block. Each instruction is dispatched once per block, so small blocks pay the dispatch more
    /// often, large ones spill registers out of L1 (2048 neurons: 8 KiB per register, L2 for big programs).
    /// Measured on CUBA (4,000 neurons): 256 → ~25% slower than 1024; once fold fusion left CUBA's update
    /// without registers, 2048 → 6% fewer instructions than 1024 and about 7% faster, COBA unchanged (2026-12-02).
    static let blockSize = 2048

    let index: Int
    /// Per group (populations, then sources): the neurons this worker owns.
    let ranges: [Range<Int>]
    let registers: AlignedBuffer<Float>
    let refractoryFlags: AlignedBuffer<Float>
    /// Whether a fused threshold's condition held anywhere in the block (see SpikeTest).
    let anyFired = AlignedBuffer<Bool>(count: 1)
    let gatherValues: AlignedBuffer<Float>
    let gatherBuffers: AlignedBuffer<UnsafeMutablePointer<Float>>
    let gatherTables: AlignedBuffer<UnsafeMutablePointer<Float>>
    let gatherNeurons: AlignedBuffer<Int32>
    /// Spike lists by group × 2 + parity, and their lengths.
    let spikeLists: AlignedBuffer<UnsafeMutablePointer<Int32>>
    let spikeCounts: AlignedBuffer<Int>
    private let spikeStorage: [AlignedBuffer<Int32>]
    /// The first divergence this worker found in a step, by parity of the step (raw storage: other workers
    /// read one parity while this one writes the other).
    let divergence: AlignedBuffer<DivergenceRecord?>
    var synapticEvents = 0
    /// Per trace recorder: the (column, neuron) pairs this worker samples, and its samples, row by row.
    var traceColumns: [[(column: Int, neuron: Int)]] = []
    var traceSamples: [[Float]] = []

    init(index: Int, workers: Int, groupSizes: [Int], registerCount: Int, bufferCount: Int, tableCount: Int) {
        self.index = index
        ranges = groupSizes.map { Partition.range(count: $0, worker: index, workers: workers) }
        let block = Self.blockSize
        registers = AlignedBuffer(count: Swift.max(registerCount, 1) * block)
        refractoryFlags = AlignedBuffer(count: block)
        gatherValues = AlignedBuffer(count: (bufferCount + tableCount + 1) * block)
        gatherBuffers = AlignedBuffer(count: Swift.max(bufferCount, 1))
        for b in 0..<Swift.max(bufferCount, 1) { gatherBuffers[b] = gatherValues.pointer + b * block }
        gatherTables = AlignedBuffer(count: Swift.max(tableCount, 1))
        for t in 0..<Swift.max(tableCount, 1) { gatherTables[t] = gatherValues.pointer + (bufferCount + t) * block }
        gatherNeurons = AlignedBuffer(count: block)
        divergence = AlignedBuffer(count: 2)
        divergence[0] = nil
        divergence[1] = nil
        var storage: [AlignedBuffer<Int32>] = []
        spikeLists = AlignedBuffer(count: groupSizes.count * 2)
        spikeCounts = AlignedBuffer(count: groupSizes.count * 2)
        for g in groupSizes.indices {
            for parity in 0..<2 {
                let list = AlignedBuffer<Int32>(count: ranges[g].count)
                spikeLists[g * 2 + parity] = list.pointer
                storage.append(list)
            }
        }
        spikeStorage = storage
    }

    @inline(__always)
    func spikeList(group: Int, parity: Int) -> UnsafeMutablePointer<Int32> { spikeLists.pointer[group &* 2 &+ parity] }

    @inline(__always)
    func spikeCount(group: Int, parity: Int) -> Int { spikeCounts.pointer[group &* 2 &+ parity] }

    func note(_ record: DivergenceRecord, parity: Int) {
        if let existing = divergence[parity], !record.precedes(existing) { return }
        divergence[parity] = record
    }
}
