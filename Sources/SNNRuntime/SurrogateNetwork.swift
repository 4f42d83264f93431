// SurrogateNetwork: the forward pass of a GradientPlan's layers over one sample, keeping what the backward pass
// needs (each layer's input, membrane and spikes at every step), and the backward pass through time: the
// loss's gradient flows back through the readout, through every spike by the surrogate derivative, through the
// leak (β) and the reset (−θ), and into each layer's weights. With `relaxed`, spikes are the
// surrogate's antiderivative instead of the step function, so that the backward pass is the exact gradient of
// the forward pass (the finite-difference checks run this way).

import Foundation
import SNNPlan

struct SurrogateTrace {
    /// Steps × inputs of the first layer (the other layers' inputs are the spikes of the layer before).
    var input: [Float]
    /// Per layer: steps × outputs membranes and spikes.
    var membranes: [[Float]]
    var spikes: [[Float]]

    /// Calls `body` with layer `l`'s input at step `t`.
    func withInput<R>(of l: Int, at t: Int, inputs: Int, _ body: (UnsafePointer<Float>) -> R) -> R {
        (l == 0 ? input : spikes[l - 1]).withUnsafeBufferPointer { body($0.baseAddress! + t * inputs) }
    }
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
        var trace = SurrogateTrace(input: [Float](repeating: 0, count: steps * layers[0].inputs),
                                   membranes: layers.map { [Float](repeating: 0, count: steps * $0.outputs) },
                                   spikes: layers.map { [Float](repeating: 0, count: steps * $0.outputs) })
        let work = SurrogateWork(layers)
        for t in 0..<steps {
            trace.input.withUnsafeMutableBufferPointer { all in
                input(t, UnsafeMutableBufferPointer(rebasing: all[(t * layers[0].inputs)..<((t + 1) * layers[0].inputs)]))
            }
            for (l, layer) in layers.enumerated() {
                let m = layer.outputs
                trace.withInput(of: l, at: t, inputs: layer.inputs) { x in
                    work.gatherActive(x, count: layer.inputs)
                    layer.current(x, active: work.activeInputs, into: work.current.baseAddress!, scratch: work.scratch.baseAddress!)
                }
                trace.membranes[l].withUnsafeMutableBufferPointer { membranes in
                    trace.spikes[l].withUnsafeMutableBufferPointer { spikes in
                        for j in 0..<m {
                            let previous = t > 0 ? membranes[(t - 1) * m + j] : 0
                            let reset = layer.spiking && t > 0 ? layer.threshold * spikes[(t - 1) * m + j] : 0
                            let u = layer.beta * previous + work.current[j] - reset
                            membranes[t * m + j] = u
                            spikes[t * m + j] = layer.spiking ? spike(u, layer.threshold) : 0
                        }
                    }
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
        let work = SurrogateWork(layers)
        // dL/dU of each layer at the step after the current one (for the leak and the reset).
        var nextMembrane = layers.map { [Float](repeating: 0, count: $0.outputs) }
        // dL/dS of the layer being visited: from the loss for the last layer, else the layer above's input gradient.
        var spikeGradient = [Float](repeating: 0, count: layers.map { max($0.inputs, $0.outputs) }.max()!)
        for t in stride(from: steps - 1, through: 0, by: -1) {
            for j in 0..<layers[last].outputs { spikeGradient[j] = loss != .crossEntropyMembrane ? scoreGradient[j] : 0 }
            for l in stride(from: last, through: 0, by: -1) {
                let layer = layers[l]
                let m = layer.outputs
                let readsMembrane = l == last && loss == .crossEntropyMembrane
                nextMembrane[l].withUnsafeMutableBufferPointer { next in
                    trace.membranes[l].withUnsafeBufferPointer { membranes in
                        let u = membranes.baseAddress! + t * m
                        for j in 0..<m {
                            var g = layer.beta * next[j]
                            if readsMembrane { g += scoreGradient[j] / Float(steps) }
                            if layer.spiking {
                                // The spike feeds the next layer (spikeGradient) and the reset of the next step.
                                let s = spikeGradient[j] - layer.threshold * next[j]
                                g += s * surrogate.derivative(u[j] - layer.threshold)
                            }
                            next[j] = g
                        }
                    }
                }
                // The first layer's input gradient is not needed.
                trace.withInput(of: l, at: t, inputs: layer.inputs) { x in
                    work.gatherActive(x, count: layer.inputs)
                    nextMembrane[l].withUnsafeBufferPointer { g in
                        gradients.weights[l].withUnsafeMutableBufferPointer { dw in
                            spikeGradient.withUnsafeMutableBufferPointer { dx in
                                layer.backward(x, active: work.activeInputs, currentGradient: g.baseAddress!,
                                               weightGradient: dw.baseAddress ?? UnsafeMutablePointer(bitPattern: 8)!,
                                               inputGradient: l > 0 ? dx.baseAddress! : nil, scratch: work.scratch.baseAddress!)
                            }
                        }
                    }
                }
            }
        }
        return value
    }
}

/// A forward or backward pass's working memory, allocated once per sample: the nonzero inputs of a layer's
/// step, the current into its neurons and a convolution's scratch.
final class SurrogateWork {
    private let active: UnsafeMutableBufferPointer<Int32>
    private var activeCount = 0
    let current: UnsafeMutableBufferPointer<Float>
    let scratch: UnsafeMutableBufferPointer<Float>

    init(_ layers: [GradientLayer]) {
        active = .allocate(capacity: layers.map(\.inputs).max()!)
        current = .allocate(capacity: layers.map(\.outputs).max()!)
        current.initialize(repeating: 0)
        scratch = .allocate(capacity: max(1, layers.map(\.scratchCount).max()!))
        scratch.initialize(repeating: 0)
    }

    deinit {
        active.deallocate()
        current.deallocate()
        scratch.deallocate()
    }

    /// The indices of the nonzero inputs last gathered.
    var activeInputs: UnsafeBufferPointer<Int32> {
        UnsafeBufferPointer(start: active.baseAddress, count: activeCount)
    }

    func gatherActive(_ x: UnsafePointer<Float>, count: Int) {
        var found = 0
        for k in 0..<count where x[k] != 0 {
            active[found] = Int32(k)
            found += 1
        }
        activeCount = found
    }
}
