// GradientTrainer: trains a GradientPlan on a sample set by surrogate gradients — mini-batches cut into runs of
// samples that worker threads sum (the runs' sums added in order, so a run is the same for a seed whatever the
// thread count), Adam updates after each batch, samples shuffled per epoch from
// the seed; and evaluates (argmax of the readout). Bernoulli inputs are drawn from CounterRNG keyed by epoch,
// sample and step, so they do not depend on the batch split either.

import Dispatch
import Foundation
import SNNPlan

public struct GradientEpochReport: Sendable {
    public var meanLoss: Double
    public var trainingAccuracy: Double
    public var seconds: Double
}

public final class GradientTrainer: @unchecked Sendable {
    /// Random streams: Bernoulli inputs, and the per-epoch shuffle.
    static let inputStream = ExecutionPlan.firstRuntimeStream &+ 0x5000_0000
    static let shuffleStream = ExecutionPlan.firstRuntimeStream &+ 0x5000_0001

    public private(set) var plan: GradientPlan
    let workers: Int
    private var optimizer: GradientOptimizer

    public init(plan: GradientPlan, threads: Int) {
        self.plan = plan
        workers = max(1, threads)
        optimizer = GradientOptimizer(plan.layers, settings: plan.optimizer)
    }

    var network: SurrogateNetwork {
        SurrogateNetwork(layers: plan.layers, steps: plan.steps, surrogate: plan.surrogate, loss: plan.loss)
    }

    /// Writes sample `index`'s input at step `t` (epoch `epoch` keys the Bernoulli draws).
    func encode(_ set: SampleSet, _ index: Int, epoch: Int, t: Int, into x: UnsafeMutableBufferPointer<Float>) {
        let n = set.featureCount
        set.features.withUnsafeBufferPointer { all in
            let sample = all.baseAddress! + index * n
            switch plan.input {
            case .current(let perUnit):
                for k in 0..<n { x[k] = sample[k] * perUnit }
            case .bernoulli(let p):
                let key = CounterRNG.key(seed: plan.seed, stream: Self.inputStream,
                                         counter: UInt64(epoch) << 40 | UInt64(index) << 12 | UInt64(t))
                for k in 0..<n { x[k] = CounterRNG.unit(key: key, index: UInt64(k)) < Double(sample[k] * p) ? 1 : 0 }
            }
        }
    }

    /// One epoch over `set` (at most `samples`); returns its mean loss and accuracy.
    public func trainEpoch(_ set: SampleSet, epoch: Int, samples: Int? = nil) -> GradientEpochReport {
        let start = DispatchTime.now().uptimeNanoseconds
        let count = min(samples ?? set.count, set.count)
        var order = Array(0..<set.count)
        let shuffle = CounterRNG.key(seed: plan.seed, stream: Self.shuffleStream, counter: UInt64(epoch))
        for i in stride(from: order.count - 1, to: 0, by: -1) {
            let j = Int(CounterRNG.unit(key: shuffle, index: UInt64(i)) * Double(i + 1))
            order.swapAt(i, min(j, i))
        }
        var totalLoss = 0.0, correct = 0
        var first = 0
        let batches = (count + plan.batch - 1) / plan.batch
        while first < count {
            let batch = Array(order[first..<min(first + plan.batch, count)])
            let (gradients, loss, right) = batchGradients(set, batch, epoch: epoch)
            totalLoss += loss
            correct += right
            let rate = plan.schedule.factor(epoch: epoch, of: plan.epochs, batch: first / plan.batch, of: batches)
            optimizer.step(&plan.layers, gradients, scale: 1 / Float(batch.count), rate: rate)
            first += plan.batch
        }
        return GradientEpochReport(meanLoss: count > 0 ? totalLoss / Double(count) : 0,
                                   trainingAccuracy: count > 0 ? Double(correct) / Double(count) : 0,
                                   seconds: Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9)
    }

    /// The summed gradients of a batch, its summed loss and its correct predictions. The batch is cut into at
    /// most `chunks` runs of consecutive samples, each summed in order by whichever worker takes it, and the runs'
    /// sums are added in order: the result does not depend on the number of threads.
    static let chunks = 8

    private func batchGradients(_ set: SampleSet, _ batch: [Int], epoch: Int) -> (SurrogateGradients, Double, Int) {
        let net = network
        let parts = min(Self.chunks, batch.count)
        var results = [(SurrogateGradients, Double, Int)](repeating: (SurrogateGradients(plan.layers), 0, 0), count: parts)
        let threads = min(workers, parts)
        results.withUnsafeMutableBufferPointer { buffer in
            let out = SendableBox(buffer)
            DispatchQueue.concurrentPerform(iterations: threads) { w in
                for part in stride(from: w, to: parts, by: threads) {
                    var gradients = SurrogateGradients(net.layers)
                    var loss = 0.0, correct = 0
                    for k in (part * batch.count / parts)..<((part + 1) * batch.count / parts) {
                        let index = batch[k]
                        let trace = net.forward { t, x in self.encode(set, index, epoch: epoch, t: t, into: x) }
                        let label = Int(set.labels[index])
                        let scores = net.scores(trace)
                        if scores.indices.max(by: { scores[$0] < scores[$1] }) == label { correct += 1 }
                        loss += Double(net.backward(trace, label: label, into: &gradients))
                    }
                    out.value[part] = (gradients, loss, correct)
                }
            }
        }
        var total = results[0]
        for part in results.dropFirst() {
            total.0.add(part.0)
            total.1 += part.1
            total.2 += part.2
        }
        return total
    }

    /// The predicted class of every sample (argmax of the readout; ties: the lowest class).
    public func predict(_ set: SampleSet, samples: Int? = nil) -> [Int] {
        let count = min(samples ?? set.count, set.count)
        let net = network
        var predictions = [Int](repeating: 0, count: count)
        predictions.withUnsafeMutableBufferPointer { buffer in
            let out = SendableBox(buffer)
            DispatchQueue.concurrentPerform(iterations: min(workers, max(count, 1))) { w in
                for index in stride(from: w, to: count, by: workers) {
                    let trace = net.forward { t, x in self.encode(set, index, epoch: 1 << 20, t: t, into: x) }
                    let scores = net.scores(trace)
                    out.value[index] = scores.indices.max { scores[$0] < scores[$1] || (scores[$0] == scores[$1] && $0 > $1) } ?? 0
                }
            }
        }
        return predictions
    }
}
