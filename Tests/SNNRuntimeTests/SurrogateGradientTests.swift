// Finite-difference checks of the surrogate-gradient backward pass: with spikes relaxed to the surrogate's
// antiderivative, the gradient BPTT computes for every weight equals the central difference of the
// loss, for each surrogate, each loss and both a spiking and a non-spiking last layer.

import Foundation
import SNNPlan
import Testing
@testable import SNNRuntime

@Suite struct SurrogateGradientTests {
    static func network(surrogate: Surrogate, loss: GradientLoss) -> SurrogateNetwork {
        var rng = SplitMix(seed: 3)
        func weights(_ count: Int) -> [Float] { (0..<count).map { _ in Float(rng.unit() * 1.6 - 0.8) } }
        let readoutSpikes = loss != .crossEntropyMembrane
        let layers = [
            GradientLayer(inputs: 3, outputs: 4, weights: weights(12), beta: 0.8, threshold: 0.5, spiking: true),
            GradientLayer(inputs: 4, outputs: 3, weights: weights(12), beta: 0.9, threshold: 0.6,
                          spiking: readoutSpikes),
        ]
        var net = SurrogateNetwork(layers: layers, steps: 6, surrogate: surrogate, loss: loss)
        net.relaxed = true
        return net
    }

    static let input: [[Float]] = [[0.9, 0.1, 0.5], [0.2, 0.8, 0.3], [0.7, 0.7, 0.0], [0.1, 0.4, 0.9], [0.6, 0.2, 0.6], [0.3, 0.9, 0.2]]

    @Test(arguments: [Surrogate.fastSigmoid(slope: 2), .arctan(slope: 2), .triangle(slope: 0.8)],
          [GradientLoss.crossEntropyMembrane, .crossEntropyCount, .countMSE(correct: 4, incorrect: 0)])
    func backwardMatchesFiniteDifferences(surrogate: Surrogate, loss: GradientLoss) {
        Self.expectBackwardMatchesFiniteDifferences(Self.network(surrogate: surrogate, loss: loss), input: Self.input,
                                                    context: "\(surrogate) \(loss)")
    }

    /// Every weight's gradient from BPTT against the central difference of the loss for `input` (steps × inputs).
    static func expectBackwardMatchesFiniteDifferences(_ net: SurrogateNetwork, input: [[Float]], context: String,
                                                       step h: Float = 1e-2) {
        func loss(_ net: SurrogateNetwork) -> Float {
            let trace = net.forward { t, x in for k in x.indices { x[k] = input[t][k] } }
            return net.lossAndGradient(net.scores(trace), label: 1).0
        }
        var gradients = SurrogateGradients(net.layers)
        let trace = net.forward { t, x in for k in x.indices { x[k] = input[t][k] } }
        _ = net.backward(trace, label: 1, into: &gradients)
        for l in net.layers.indices {
            for k in net.layers[l].weights.indices {
                var plus = net, minus = net
                plus.layers[l].weights[k] += h
                minus.layers[l].weights[k] -= h
                let numeric = (loss(plus) - loss(minus)) / (2 * h)
                let analytic = gradients.weights[l][k]
                #expect(abs(numeric - analytic) <= 2e-3 + 2e-2 * abs(numeric),
                        "\(context) layer \(l) weight \(k): finite difference \(numeric), backward \(analytic)")
            }
        }
    }
}

/// Training by surrogate gradients on three separable clusters: the loss falls, the accuracy rises far above
/// chance, and the result is the same for one and two threads.
@Suite struct GradientTrainerTests {
    static func clusters(_ count: Int, seed: UInt64) -> SampleSet {
        var rng = SplitMix(seed: seed)
        let centres: [[Float]] = [[0.9, 0.1, 0.2, 0.1], [0.1, 0.9, 0.1, 0.3], [0.2, 0.2, 0.9, 0.8]]
        var features: [Float] = [], labels: [Int32] = []
        for i in 0..<count {
            let c = i % 3
            for k in 0..<4 { features.append(centres[c][k] + Float(rng.unit() - 0.5) * 0.3) }
            labels.append(Int32(c))
        }
        return SampleSet(name: "clusters", featureShape: [4], features: features, labels: labels, classNames: ["a", "b", "c"])
    }

    static func plan(input: GradientPlan.InputCoding) -> GradientPlan {
        var rng = SplitMix(seed: 11)
        func weights(_ n: Int, _ scale: Double) -> [Float] { (0..<n).map { _ in Float((rng.unit() * 2 - 1) * scale) } }
        return GradientPlan(layers: [
            GradientLayer(inputs: 4, outputs: 16, weights: weights(64, 0.8), beta: 0.9, threshold: 1, spiking: true),
            GradientLayer(inputs: 16, outputs: 3, weights: weights(48, 0.4), beta: 0.9, threshold: 1, spiking: false),
        ], steps: 10, input: input, surrogate: .fastSigmoid(slope: 10), loss: .crossEntropyMembrane,
           optimizer: .adam(AdamSettings(learningRate: 0.01)), batch: 8, seed: 5)
    }

    @Test(arguments: [GradientPlan.InputCoding.current(perUnit: 1), .bernoulli(probabilityPerUnit: 0.8)])
    func theLossFallsAndTheAccuracyRises(input: GradientPlan.InputCoding) {
        let train = Self.clusters(90, seed: 1), test = Self.clusters(30, seed: 2)
        let trainer = GradientTrainer(plan: Self.plan(input: input), threads: 2)
        let first = trainer.trainEpoch(train, epoch: 0)
        var last = first
        for epoch in 1..<15 { last = trainer.trainEpoch(train, epoch: epoch) }
        #expect(last.meanLoss < first.meanLoss * 0.5, "loss \(first.meanLoss) → \(last.meanLoss)")
        let predictions = trainer.predict(test)
        let correct = zip(predictions, test.labels).filter { $0 == Int($1) }.count
        #expect(Double(correct) / 30 >= 0.9, "test accuracy \(correct) / 30")
    }

    @Test func oneAndTwoThreadsTrainTheSameWeights() {
        let train = Self.clusters(40, seed: 1)
        let one = GradientTrainer(plan: Self.plan(input: .bernoulli(probabilityPerUnit: 0.8)), threads: 1)
        let two = GradientTrainer(plan: Self.plan(input: .bernoulli(probabilityPerUnit: 0.8)), threads: 2)
        for epoch in 0..<2 {
            _ = one.trainEpoch(train, epoch: epoch)
            _ = two.trainEpoch(train, epoch: epoch)
        }
        #expect(one.plan.layers.map(\.weights) == two.plan.layers.map(\.weights))
    }

    @Test func learningRateSchedulesGiveTheirFactors() {
        let cosine = LearningRateSchedule.cosine
        #expect(cosine.factor(epoch: 0, of: 2, batch: 0, of: 10) == 1)
        #expect(abs(cosine.factor(epoch: 1, of: 2, batch: 0, of: 10) - 0.5) < 1e-6)
        #expect(abs(cosine.factor(epoch: 1, of: 2, batch: 5, of: 10) - Float(0.5 * (1 + cos(Double.pi * 0.75)))) < 1e-6)
        let exponential = LearningRateSchedule.exponential(decay: 0.5)
        #expect(exponential.factor(epoch: 0, of: 3, batch: 7, of: 10) == 1)
        #expect(exponential.factor(epoch: 2, of: 3, batch: 0, of: 10) == 0.25)
        #expect(LearningRateSchedule.constant.factor(epoch: 2, of: 3, batch: 1, of: 10) == 1)
    }

    @Test func aScheduleChangesTheTrainingAndZeroLearningRateFreezesIt() {
        let train = Self.clusters(40, seed: 1)
        var frozen = Self.plan(input: .current(perUnit: 1))
        frozen.schedule = .exponential(decay: 1e-30)
        frozen.epochs = 2
        let before = frozen.layers.map(\.weights)
        let trainer = GradientTrainer(plan: frozen, threads: 1)
        _ = trainer.trainEpoch(train, epoch: 0)
        let afterFirst = trainer.plan.layers.map(\.weights)
        _ = trainer.trainEpoch(train, epoch: 1)
        #expect(afterFirst != before, "the first epoch (factor 1) trains")
        #expect(trainer.plan.layers.map(\.weights) == afterFirst, "a factor of 1e-30 leaves the weights as they were")
    }
}
