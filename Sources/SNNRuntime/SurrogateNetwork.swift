// SurrogateNetwork: the forward pass of a GradientPlan's layers over one sample, keeping what the backward pass
// needs (each layer's input, membrane and spikes at every step), and the backward pass through time: the
// loss's gradient flows back through the readout, through every spike by the surrogate derivative, through the
// leak (β) and the reset (−θ), and into each layer's weights. With `relaxed`, spikes are the
// surrogate's antiderivative instead of the step function, so that the backward pass is the exact gradient of
// the forward pass (the finite-difference checks run this way).

import Foundation
import SNNPlan

struct SurrogateTrace {
    /// Per layer: steps × inputs (the layer's input at each step), steps × outputs membranes and spikes.
    var inputs: [[Float]]
    var membranes: [[Float]]
    var spikes: [[Float]]
}

struct SurrogateGradients {
    var weights: [[Float]]

    init(_ layers: [GradientLayer]) {
        weights = layers.map { [Float](repeating: 0, count: $0.weights.count) }
    }

    mutating func add(_ other: SurrogateGradients) {
        for l in weights.indices {
            for k in weights[l].indices { weights[l][k] += other.weights[l][k] }
        }
    }
}

struct SurrogateNetwork {
    var layers: [GradientLayer]
    let steps: Int
    let surrogate: Surrogate
    let loss: GradientLoss
    var relaxed = false

    /// The spike for membrane `u` of a layer with threshold `theta`.
    @inline(__always)
    func spike(_ u: Float, _ theta: Float) -> Float {
        let x = u - theta
        guard relaxed else { return x > 0 ? 1 : 0 }
        switch surrogate {
        case .fastSigmoid(let k): return x / (1 + k * abs(x))
        case .arctan(let k): return atan(Float.pi / 2 * k * x) / Float.pi + 0.5
        case .triangle(let k):
            if x <= -1 / k { return 0 }
            if x >= 1 / k { return 1 }
            return 0.5 + k * x - (x < 0 ? -1 : 1) * k * k * x * x / 2
        }
    }

    /// Runs the sample; `input(t, into:)` writes step t's input of the first layer.
    func forward(_ input: (Int, UnsafeMutableBufferPointer<Float>) -> Void) -> SurrogateTrace {
        var trace = SurrogateTrace(inputs: layers.map { [Float](repeating: 0, count: steps * $0.inputs) },
                                   membranes: layers.map { [Float](repeating: 0, count: steps * $0.outputs) },
                                   spikes: layers.map { [Float](repeating: 0, count: steps * $0.outputs) })
        for t in 0..<steps {
            trace.inputs[0].withUnsafeMutableBufferPointer { all in
                input(t, UnsafeMutableBufferPointer(rebasing: all[(t * layers[0].inputs)..<((t + 1) * layers[0].inputs)]))
            }
            for (l, layer) in layers.enumerated() {
                if l > 0 {
                    let n = layer.inputs
                    for k in 0..<n { trace.inputs[l][t * n + k] = trace.spikes[l - 1][t * n + k] }
                }
                let m = layer.outputs, n = layer.inputs
                // Inputs are mostly spikes, mostly 0: only the nonzero ones are summed.
                let x = t * n
                let active = (0..<n).filter { trace.inputs[l][x + $0] != 0 }
                for j in 0..<m {
                    var current: Float = 0
                    let row = j * n
                    for k in active { current += layer.weights[row + k] * trace.inputs[l][x + k] }
                    let previous = t > 0 ? trace.membranes[l][(t - 1) * m + j] : 0
                    let reset = layer.spiking && t > 0 ? layer.threshold * trace.spikes[l][(t - 1) * m + j] : 0
                    let u = layer.beta * previous + current - reset
                    trace.membranes[l][t * m + j] = u
                    trace.spikes[l][t * m + j] = layer.spiking ? spike(u, layer.threshold) : 0
                }
            }
        }
        return trace
    }

    /// The readout of the last layer: mean membrane over time, or spike counts.
    func scores(_ trace: SurrogateTrace) -> [Float] {
        let last = layers.count - 1, m = layers[last].outputs
        var scores = [Float](repeating: 0, count: m)
        let source = loss == .crossEntropyMembrane ? trace.membranes[last] : trace.spikes[last]
        for t in 0..<steps { for j in 0..<m { scores[j] += source[t * m + j] } }
        if loss == .crossEntropyMembrane { for j in 0..<m { scores[j] /= Float(steps) } }
        return scores
    }

    /// The loss of the sample and its gradient with respect to the scores.
    func lossAndGradient(_ scores: [Float], label: Int) -> (Float, [Float]) {
        switch loss {
        case .crossEntropyMembrane, .crossEntropyCount:
            let top = scores.max() ?? 0
            let exps = scores.map { exp($0 - top) }
            let sum = exps.reduce(0, +)
            var gradient = exps.map { $0 / sum }
            let value = -log(max(gradient[label], 1e-30))
            gradient[label] -= 1
            return (value, gradient)
        case .countMSE(let correct, let incorrect):
            var value: Float = 0
            var gradient = [Float](repeating: 0, count: scores.count)
            for j in scores.indices {
                let d = scores[j] - (j == label ? correct : incorrect)
                value += d * d / Float(scores.count)
                gradient[j] = 2 * d / Float(scores.count)
            }
            return (value, gradient)
        }
    }

    /// Back-propagates the sample's loss through time into `gradients`; returns the loss.
    func backward(_ trace: SurrogateTrace, label: Int, into gradients: inout SurrogateGradients) -> Float {
        let (value, scoreGradient) = lossAndGradient(scores(trace), label: label)
        let last = layers.count - 1
        // dL/dU of each layer at the step after the current one (for the leak and the reset).
        var nextMembrane = layers.map { [Float](repeating: 0, count: $0.outputs) }
        for t in stride(from: steps - 1, through: 0, by: -1) {
            var spikeGradient = [Float](repeating: 0, count: layers[last].outputs)
            if loss != .crossEntropyMembrane { spikeGradient = scoreGradient }
            for l in stride(from: last, through: 0, by: -1) {
                let layer = layers[l]
                let m = layer.outputs, n = layer.inputs
                var membraneGradient = [Float](repeating: 0, count: m)
                for j in 0..<m {
                    var g = layer.beta * nextMembrane[l][j]
                    if l == last && loss == .crossEntropyMembrane { g += scoreGradient[j] / Float(steps) }
                    if layer.spiking {
                        // The spike feeds the next layer (spikeGradient) and the reset of the next step.
                        let s = spikeGradient[j] - layer.threshold * nextMembrane[l][j]
                        g += s * surrogate.derivative(trace.membranes[l][t * m + j] - layer.threshold)
                    }
                    membraneGradient[j] = g
                }
                // The first layer's input gradient is not needed; weight gradients only where the input was not 0.
                var inputGradient = [Float](repeating: 0, count: l > 0 ? n : 0)
                let x = t * n
                let active = (0..<n).filter { trace.inputs[l][x + $0] != 0 }
                for j in 0..<m {
                    let g = membraneGradient[j]
                    guard g != 0 else { continue }
                    let row = j * n
                    for k in active { gradients.weights[l][row + k] += g * trace.inputs[l][x + k] }
                    if l > 0 { for k in 0..<n { inputGradient[k] += g * layer.weights[row + k] } }
                }
                nextMembrane[l] = membraneGradient
                spikeGradient = inputGradient
            }
        }
        return value
    }
}
