// Convolution and pooling in surrogate-gradient training: a convolution's shared-weight geometry joins exactly
// the synapses the simulation's conv table holds, its forward current equals the dense matrix it stands for,
// and BPTT through convolution, sum pooling and max pooling matches finite differences.

import Foundation
@testable import SNNPlan
import Testing
@testable import SNNRuntime

@Suite struct ConvolutionGradientTests {
    /// [2, 5, 5] → conv (3x2 kernel, stride (2, 1), padding (1, 0), 3 channels) → [3, 3, 4].
    static let conv = ShapedWindow(pooling: false, kernel: (3, 2), stride: (2, 1), padding: (1, 0),
                                   input: [2, 5, 5], output: [3, 3, 4])

    static func weights(_ count: Int, seed: UInt64, scale: Double) -> [Float] {
        var rng = SplitMix(seed: seed)
        return (0..<count).map { _ in Float((rng.unit() * 2 - 1) * scale) }
    }

    @Test func theKernelJoinsExactlyTheSynapsesOfTheConvTable() {
        let table = Self.conv.table()
        var joined = Set<[Int]>()
        for source in 0..<50 {
            for target in 0..<36 where Self.conv.kernelIndex(source: source, target: target) != nil {
                joined.insert([source, target])
            }
        }
        var listed = Set<[Int]>()
        for source in 0..<50 { for target in table.row(source) { listed.insert([source, Int(target)]) } }
        #expect(joined == listed)
        #expect(listed.count == table.synapseCount)
    }

    @Test func theConvolutionCurrentEqualsItsDenseMatrix() {
        let kernel = Self.weights(2 * 6 * 3, seed: 4, scale: 1)
        let layer = GradientLayer(.conv(Self.conv), inputs: 50, outputs: 36, weights: kernel, beta: 0.9, threshold: 1,
                                  spiking: true)
        var dense = [Float](repeating: 0, count: 36 * 50)
        for s in 0..<50 { for t in 0..<36 { if let k = layer.weightIndex(source: s, target: t) { dense[t * 50 + s] = kernel[k] } } }
        let denseLayer = GradientLayer(inputs: 50, outputs: 36, weights: dense, beta: 0.9, threshold: 1, spiking: true)
        let x = Self.weights(50, seed: 9, scale: 1).map { $0 > 0.2 ? $0 : 0 }
        func current(_ layer: GradientLayer) -> [Float] {
            let work = SurrogateWork([layer])
            x.withUnsafeBufferPointer { input in
                work.gatherActive(input.baseAddress!, count: 50)
                layer.current(input.baseAddress!, active: work.activeInputs, into: work.current.baseAddress!,
                              scratch: work.scratch.baseAddress!)
            }
            return Array(work.current.prefix(36))
        }
        let (a, b) = (current(layer), current(denseLayer))
        for j in 0..<36 { #expect(abs(a[j] - b[j]) <= 1e-5, "output \(j): conv \(a[j]), dense \(b[j])") }
    }

    @Test(arguments: [false, true], [Surrogate.fastSigmoid(slope: 2), .arctan(slope: 2), .triangle(slope: 0.8)])
    func backwardThroughConvolutionAndPoolingMatchesFiniteDifferences(maxPooling: Bool, surrogate: Surrogate) {
        var pool = ShapedWindow(pooling: true, kernel: (1, 2), stride: (1, 2), padding: (0, 0), input: [3, 3, 4], output: [3, 3, 2])
        pool.maxPooling = maxPooling
        let layers = [
            GradientLayer(.conv(Self.conv), inputs: 50, outputs: 36, weights: Self.weights(36, seed: 5, scale: 0.6), beta: 0.8,
                          threshold: 0.5, spiking: true),
            GradientLayer(.pool(pool, weight: 0.7), inputs: 36, outputs: 18, weights: [], beta: 0.7, threshold: 0.4, spiking: true),
            GradientLayer(inputs: 18, outputs: 3, weights: Self.weights(54, seed: 6, scale: 0.8), beta: 0.9, threshold: 1,
                          spiking: false),
        ]
        var net = SurrogateNetwork(layers: layers, steps: 5, surrogate: surrogate, loss: .crossEntropyMembrane)
        net.relaxed = true
        let input = (0..<5).map { t in Self.weights(50, seed: 20 + UInt64(t), scale: 1).map { abs($0) } }
        // A small step: within a larger one, max pooling switches between inputs of nearly equal value.
        SurrogateGradientTests.expectBackwardMatchesFiniteDifferences(net, input: input, context: "\(maxPooling ? "max" : "sum") pooling, \(surrogate)",
                                                                      step: 2e-4)
    }
}
