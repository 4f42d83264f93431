// SourceState: one group of spike sources at run time. Poisson and Bernoulli sources spike in a step with
// probability rate·dt, drawn from CounterRNG keyed (seed, the group's stream, step, source index) — so a source's
// train does not depend on which worker draws it. Regular sources spike every 1/rate seconds from their phase;
// spike-time sources once, at their step; spike lists at theirs. Each worker emits the spikes of its own range of sources.
// An input with a dataset encoder is re-aimed per sample: `present` plays an EncodedSample from a given step on,
// `silence` stops it for the rest between samples. A `current` input emits no spikes: it holds one current per
// source, which CurrentDrive turns into its targets' parameters.

import SNNPlan

final class SourceState: @unchecked Sendable {
    enum Kind {
        /// Probability of a spike per step, per source, and the sources whose probability is not 0, ascending
        /// (most of an image's pixels are 0: a step visits only the others).
        case random(AlignedBuffer<Double>, active: [Int32])
        /// rate·dt per source (spikes per step) and the first step.
        case regular(AlignedBuffer<Double>, phase: Int)
        /// (step, source) pairs sorted by step, then source (spike times and spike lists).
        case times(steps: [Int], sources: [Int32])
        /// Current generators: one current in A per source (no spikes).
        case current(AlignedBuffer<Float>)
    }

    let index: Int
    let name: String
    let size: Int
    /// What the group emits; changed only between steps (`present`, `silence`), while no worker emits.
    private(set) var kind: Kind
    let stream: UInt32
    let spikeCounts: AlignedBuffer<Int32>

    init(index: Int, plan: SourcePlan, dt: Double) {
        self.index = index
        name = plan.name
        size = plan.size
        stream = ExecutionPlan.sourceStream(group: index)
        spikeCounts = AlignedBuffer(count: paddedCount(plan.size))
        func perSource(_ rates: [Float], _ f: (Double) -> Double) -> AlignedBuffer<Double> {
            precondition(rates.count == plan.size || rates.count == 1,
                         "source '\(plan.name)': \(rates.count) rates for \(plan.size) sources")
            return AlignedBuffer((0..<plan.size).map { f(Double(rates[rates.count == 1 ? 0 : $0])) })
        }
        switch plan.kind {
        case .poisson(let rates), .bernoulli(let rates):
            kind = Self.random(perSource(rates) { $0 * dt })
        case .regular(let rates, let phaseSteps):
            kind = .regular(perSource(rates) { $0 * dt }, phase: phaseSteps)
        case .spikeTimes(let steps):
            kind = Self.oneSpikeEach(at: steps, plan.name, size: plan.size)
        case .current(let amperes):
            precondition(amperes.count == plan.size || amperes.count == 1,
                         "source '\(plan.name)': \(amperes.count) currents for \(plan.size) sources")
            kind = .current(AlignedBuffer((0..<plan.size).map { amperes[amperes.count == 1 ? 0 : $0] }))
        case .spikeList(let sources, let steps):
            precondition(sources.count == steps.count, "source '\(plan.name)': \(sources.count) sources for \(steps.count) times")
            precondition(sources.allSatisfy { $0 >= 0 && Int($0) < plan.size }, "source '\(plan.name)': source out of range")
            let order = steps.indices.filter { steps[$0] >= 0 }.sorted { (steps[$0], sources[$0]) < (steps[$1], sources[$1]) }
            // A source fires at most once per step: duplicates are dropped.
            let pairs = order.map { (Int(steps[$0]), sources[$0]) }
            let unique = pairs.enumerated().filter { $0.offset == 0 || pairs[$0.offset - 1] != $0.element }.map(\.element)
            kind = .times(steps: unique.map(\.0), sources: unique.map(\.1))
        }
    }

    /// One spike per source at `steps[i]` (none where it is negative), as (step, source) pairs in order.
    private static func oneSpikeEach(at steps: [Int], _ name: String, size: Int) -> Kind {
        precondition(steps.count == size, "source '\(name)': \(steps.count) times for \(size) sources")
        let order = steps.indices.filter { steps[$0] >= 0 }.sorted { (steps[$0], $0) < (steps[$1], $1) }
        return .times(steps: order.map { steps[$0] }, sources: order.map { Int32($0) })
    }

    /// Replaces what the group emits from `startStep` on with one encoded sample: spike probabilities become
    /// random draws (still keyed by the absolute step), regular rates trains whose first spike is at `startStep`,
    /// spike steps one spike per source at `startStep` + its offset. Call between steps only.
    func present(_ encoded: EncodedSample, startStep: Int) {
        func perSource(_ values: [Double]) -> AlignedBuffer<Double> {
            precondition(values.count == size, "source '\(name)': \(values.count) values for \(size) sources")
            return AlignedBuffer(values)
        }
        switch encoded {
        case .probabilities(let p):
            kind = Self.random(perSource(p))
        case .regular(let perStep):
            kind = .regular(perSource(perStep), phase: startStep)
        case .spikeSteps(let offsets):
            kind = Self.oneSpikeEach(at: offsets.map { $0 < 0 ? -1 : startStep + Int($0) }, name, size: size)
        case .current(let amperes):
            precondition(amperes.count == size, "source '\(name)': \(amperes.count) currents for \(size) sources")
            kind = .current(AlignedBuffer(amperes))
        }
    }

    private static func random(_ probability: AlignedBuffer<Double>) -> Kind {
        .random(probability, active: (0..<probability.count).filter { probability[$0] > 0 }.map { Int32($0) })
    }

    /// No spikes (or no current) from now on (the rest between samples), until the next `present`.
    func silence() {
        if case .current = kind {
            kind = .current(AlignedBuffer(count: size))
        } else {
            kind = .times(steps: [], sources: [])
        }
    }

    /// The sources' currents now, for a group of current generators; nil for spike sources.
    var currents: AlignedBuffer<Float>? {
        if case .current(let amperes) = kind { return amperes }
        return nil
    }

    /// Writes the spikes of sources in `range` at `step` to `list` (ascending) and returns how many.
    func emit(step: Int, range: Range<Int>, seed: UInt64, into list: UnsafeMutablePointer<Int32>) -> Int {
        let end = Swift.min(range.upperBound, size)
        guard range.lowerBound < end else { return 0 }
        var count = 0
        let counts = spikeCounts.pointer
        switch kind {
        case .random(let probability, let active):
            let p = probability.pointer
            let key = CounterRNG.key(seed: seed, stream: stream, counter: UInt64(step))
            active.withUnsafeBufferPointer { sources in
                var k = Self.lowerBound(of: range.lowerBound, in: sources)
                while k < sources.count && Int(sources[k]) < end {
                    let i = Int(sources[k])
                    if CounterRNG.unit(key: key, index: UInt64(i)) < p[i] {
                        list[count] = Int32(i)
                        count += 1
                        counts[i] += 1
                    }
                    k += 1
                }
            }
        case .regular(let perStep, let phase):
            guard step >= phase else { return 0 }
            let r = perStep.pointer
            for i in range.lowerBound..<end {
                // Spikes so far: floor((step - phase)·rate·dt) + 1; a spike whenever that count goes up.
                let x = r[i]
                guard x > 0 else { continue }
                let now = (Double(step - phase) * x + 1e-9).rounded(.down)
                let before = step == phase ? -1 : (Double(step - 1 - phase) * x + 1e-9).rounded(.down)
                if now > before {
                    list[count] = Int32(i)
                    count += 1
                    counts[i] += 1
                }
            }
        case .current:
            return 0
        case .times(let steps, let sources):
            // Binary search for this step's events, then keep those in range.
            var low = steps.withUnsafeBufferPointer { Self.lowerBound(of: step, in: $0) }
            while low < steps.count && steps[low] == step {
                let i = Int(sources[low])
                if range.contains(i) {
                    list[count] = Int32(i)
                    count += 1
                    counts[i] += 1
                }
                low += 1
            }
        }
        return count
    }

    /// The first position in `sorted` whose value is at least `value`.
    private static func lowerBound<T: BinaryInteger>(of value: Int, in sorted: UnsafeBufferPointer<T>) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if Int(sorted[mid]) < value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
