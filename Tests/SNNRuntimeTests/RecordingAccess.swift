// Small accessors for recordings in tests.

import SNNRuntime

extension Recording {
    var spikeSteps: [Int32] {
        if case .spikes(let steps, _) = self { return steps }
        return []
    }

    var spikeNeurons: [Int32] {
        if case .spikes(_, let neurons) = self { return neurons }
        return []
    }

    /// The trace's values, samples × neurons.
    var traceValues: [Float] {
        if case .trace(_, _, let values) = self { return values }
        return []
    }

    var traceSteps: [Int32] {
        if case .trace(let steps, _, _) = self { return steps }
        return []
    }

    /// The spike steps of one neuron.
    func spikes(of neuron: Int) -> [Int] {
        guard case .spikes(let steps, let neurons) = self else { return [] }
        return zip(steps, neurons).filter { Int($0.1) == neuron }.map { Int($0.0) }
    }
}
