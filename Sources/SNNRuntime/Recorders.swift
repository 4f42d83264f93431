// Recorders: what the plan asks to record. Spike recorders append (step, neuron) pairs from the spike lists of
// the step (worker 0, after the barrier, in neuron order). Trace recorders are sampled by every worker for its
// own neurons at the end of its part of the step, and merged into samples × neurons rows at the end. Weight
// recorders copy the projection's table once.

import SNNPlan

final class SpikeRecorder {
    let group: Int
    /// Selected neurons; nil records all.
    let selected: [Bool]?
    var steps: [Int32] = []
    var neurons: [Int32] = []

    init(group: Int, groupSize: Int, neurons: [Int]) {
        self.group = group
        if neurons.isEmpty {
            selected = nil
        } else {
            var mask = [Bool](repeating: false, count: groupSize)
            for n in neurons where n >= 0 && n < groupSize { mask[n] = true }
            selected = mask
        }
    }

    func record(step: Int, spikes: UnsafePointer<Int32>, count: Int) {
        for k in 0..<count {
            let n = spikes[k]
            if let selected, !selected[Int(n)] { continue }
            steps.append(Int32(step))
            neurons.append(n)
        }
    }
}

struct TraceRecorder {
    let recorder: Int
    let population: Int
    let buffer: Int
    let neurons: [Int]
    let interval: Int

    init(recorder: Int, population: Int, buffer: Int, neurons: [Int], interval: Int, size: Int) {
        self.recorder = recorder
        self.population = population
        self.buffer = buffer
        self.neurons = neurons.isEmpty ? Array(0..<size) : neurons
        self.interval = Swift.max(interval, 1)
    }

    /// The columns (neurons) a worker samples: those in its range.
    func columns(in range: Range<Int>) -> [(column: Int, neuron: Int)] {
        neurons.enumerated().filter { range.contains($0.element) }.map { (column: $0.offset, neuron: $0.element) }
    }

    /// Samples × neurons values from every worker's samples, for the `completedSteps` run.
    func merge(_ contexts: [WorkerContext], index: Int, completedSteps: Int) -> Recording {
        let rows = (completedSteps + interval - 1) / interval
        var values = [Float](repeating: 0, count: rows * neurons.count)
        for context in contexts {
            let columns = context.traceColumns[index], samples = context.traceSamples[index]
            guard !columns.isEmpty else { continue }
            for row in 0..<rows {
                for (k, column) in columns.enumerated() {
                    values[row * neurons.count + column.column] = samples[row * columns.count + k]
                }
            }
        }
        return .trace(steps: (0..<rows).map { Int32($0 * interval) }, neurons: neurons, values: values)
    }
}

enum WeightRecording {
    static func record(_ plan: ProjectionPlan) -> Recording {
        var sources = [Int32](repeating: 0, count: plan.synapseCount)
        for row in 0..<(plan.rowStart.count - 1) {
            for s in Int(plan.rowStart[row])..<Int(plan.rowStart[row + 1]) { sources[s] = Int32(row) }
        }
        return .weights(sources: sources, targets: plan.targets, values: plan.weights)
    }
}
