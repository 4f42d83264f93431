// GradientListing: a GradientTrainPlan in words for `snnc plan` — the input coding, each layer (connection,
// trained weights, β and threshold), the loss, surrogate, optimiser and learning-rate schedule.

import Foundation

extension GradientTrainPlan {
    /// Indented lines under the experiment's `train by surrogate gradients` line; `names` gives the trained
    /// projections' names.
    func listing(names: [String]) -> [String] {
        let network = self.network
        var lines = ["  input: \(network.input.listing), \(network.steps) steps"]
        for (l, layer) in network.layers.enumerated() {
            let neuron = layer.spiking ? "leaky, β \(short(layer.beta)), threshold \(short(layer.threshold))"
                : "leaky readout, β \(short(layer.beta))"
            lines.append("  layer \(l + 1) \(names[l]): \(layer.connection.listing(inputs: layer.inputs, outputs: layer.outputs)); \(neuron)")
        }
        lines.append("  \(network.loss.listing); \(network.surrogate.listing); \(network.optimizer.listing)"
                     + "\(network.schedule.listing); batch \(network.batch)")
        return lines
    }
}

private func short(_ x: Float) -> String { String(format: "%.4g", Double(x)) }

private func pair(_ p: (Int, Int)) -> String { "\(p.0)x\(p.1)" }

extension GradientPlan.InputCoding {
    var listing: String {
        switch self {
        case .bernoulli(let p): return "Bernoulli spikes, probability feature × \(short(p)) per step"
        case .current(let p): return "current feature × \(short(p)) every step"
        }
    }
}

extension GradientLayer.Connection {
    func listing(inputs: Int, outputs: Int) -> String {
        switch self {
        case .dense: return "dense \(inputs) → \(outputs) (\(inputs * outputs) weights)"
        case .conv(let w):
            return "conv \(pair(w.kernel)), stride \(pair(w.stride)), padding \(pair(w.padding)), \(w.input) → \(w.output) "
                + "(\(w.output[0]) kernels of [\(w.input[0]), \(w.kernel.0), \(w.kernel.1)]: \(w.input[0] * w.kernelArea * w.output[0]) shared weights)"
        case .pool(let w, let weight):
            return "\(w.maxPooling ? "max" : "sum") pool \(pair(w.kernel)), stride \(pair(w.stride)), \(w.input) → \(w.output), "
                + "weight \(short(weight)) (not trained)"
        }
    }
}

extension GradientLoss {
    var listing: String {
        switch self {
        case .crossEntropyMembrane: return "cross-entropy of the mean membrane"
        case .crossEntropyCount: return "cross-entropy of the spike counts"
        case .countMSE(let correct, let incorrect): return "squared error of the spike counts (targets \(short(correct)) and \(short(incorrect)))"
        }
    }
}

extension Surrogate {
    var listing: String {
        switch self {
        case .fastSigmoid(let k): return "fast sigmoid surrogate, slope \(short(k))"
        case .arctan(let k): return "arctan surrogate, slope \(short(k))"
        case .triangle(let k): return "triangle surrogate, slope \(short(k))"
        }
    }
}

extension OptimizerSettings {
    var listing: String {
        switch self {
        case .adam(let a): return "Adam, lr \(short(a.learningRate))"
        case .sgd(let rate, let momentum): return "SGD, lr \(short(rate)), momentum \(short(momentum))"
        }
    }
}

extension LearningRateSchedule {
    var listing: String {
        switch self {
        case .constant: return ""
        case .cosine: return ", cosine schedule"
        case .exponential(let decay): return ", × \(short(decay)) per epoch"
        }
    }
}
