// SampleEncoder: turns one dataset sample into what its input group does while the sample is presented — a
// spike probability per step, a regular rate, one spike step, or a current per source — following EncoderPlan's
// kinds. It runs once per sample, before the presentation (allocating is fine here); SourceState.present then
// plays the result step by step without allocating.

import Foundation
import SNNPlan

/// One sample, encoded for its input group (one value per source).
enum EncodedSample: Equatable {
    /// Probability of a spike per step (poisson, bernoulli, rate-coded difference of Gaussians), in [0, 1].
    case probabilities([Double])
    /// rate·dt (spikes per step) of regular trains, ≥ 0.
    case regular([Double])
    /// The step of the source's one spike, counted from the start of the presentation; −1 = silent.
    case spikeSteps([Int32])
    /// Amperes into each target neuron.
    case current([Float])
}

enum SampleEncoder {
    /// Encodes `sample` (`plan.featureCount` features). `rateBoost` (Hz) raises the rate of a feature at value 1
    /// in the rate encoders — rate = x · (scale + rateBoost) + offset, and x · (maximumRate + rateBoost) for
    /// rate-coded DoG — as Diehl & Cook raise the input rate while the network stays silent.
    static func encode(_ plan: EncoderPlan, sample: UnsafeBufferPointer<Float>, dt: Double,
                       rateBoost: Double = 0) -> EncodedSample {
        precondition(sample.count == plan.featureCount,
                     "encoder of source \(plan.source): \(sample.count) features for \(plan.featureCount)")
        let scale = Double(plan.scale) + rateBoost, offset = Double(plan.offset)
        switch plan.kind {
        case .poisson, .bernoulli:
            return .probabilities(sample.map { probability(rate: Double($0) * scale + offset, dt: dt) })
        case .regular:
            return .regular(sample.map { Swift.max(Double($0) * scale + offset, 0) * dt })
        case .latency(let latestSteps):
            return .spikeSteps(sample.map { firstSpikeStep(strength: Double($0), latestSteps: latestSteps) })
        case .rankOrder(let latestSteps):
            return .spikeSteps(rankOrderSteps(sample, latestSteps: latestSteps))
        case .gaussianFields(let count, let width, let latestSteps, let low, let high, let minimumResponse):
            return .spikeSteps(fieldSteps(sample, count: count, width: width, latestSteps: latestSteps, low: low,
                                          high: high, minimumResponse: Double(minimumResponse)))
        case .differenceOfGaussians(let height, let width, let center, let surround, let latency, let maximumRate,
                                    let latestSteps):
            precondition(height * width == plan.featureCount,
                         "encoder of source \(plan.source): a \(height) × \(width) image has \(height * width) pixels")
            let responses = onOffResponses(sample.map(Double.init), height: height, width: width, center: center,
                                           surround: surround)
            if latency { return .spikeSteps(responses.map { firstSpikeStep(strength: $0, latestSteps: latestSteps) }) }
            return .probabilities(responses.map { probability(rate: $0 * (maximumRate + rateBoost), dt: dt) })
        case .current:
            return .current(sample.map { $0 * plan.scale + plan.offset })
        }
    }

    /// rate·dt clamped to [0, 1] (negative rates are silent).
    private static func probability(rate: Double, dt: Double) -> Double { Swift.min(Swift.max(rate * dt, 0), 1) }

    /// Time to first spike: round(latestSteps · (1 − s)) for a strength s in (0, 1] (above 1 counts as 1);
    /// −1 (silent) for s ≤ 0 or NaN.
    private static func firstSpikeStep(strength s: Double, latestSteps: Int) -> Int32 {
        guard s > 0 else { return -1 }
        return Int32((Double(latestSteps) * (1 - Swift.min(s, 1))).rounded())
    }

    /// The sources with x > 0 sorted by decreasing x (ties by index); rank k of n fires at
    /// round(k · latestSteps / (n − 1)), a lone one at step 0.
    private static func rankOrderSteps(_ x: UnsafeBufferPointer<Float>, latestSteps: Int) -> [Int32] {
        let order = x.indices.filter { x[$0] > 0 }.sorted { x[$0] > x[$1] || (x[$0] == x[$1] && $0 < $1) }
        var steps = [Int32](repeating: -1, count: x.count)
        let last = Double(Swift.max(order.count - 1, 1))
        for (rank, source) in order.enumerated() {
            steps[source] = Int32((Double(rank) * Double(latestSteps) / last).rounded())
        }
        return steps
    }

    /// Bohte's receptive fields: `count` per feature (source f·count + i), one spike each at the latency of its
    /// response, none below `minimumResponse`.
    private static func fieldSteps(_ x: UnsafeBufferPointer<Float>, count: Int, width: Double, latestSteps: Int,
                                   low: [Float], high: [Float], minimumResponse: Double) -> [Int32] {
        precondition(count > 2, "Gaussian receptive fields need more than 2 fields per feature, not \(count)")
        precondition(low.count == x.count && high.count == x.count,
                     "Gaussian receptive fields: \(low.count) and \(high.count) bounds for \(x.count) features")
        var steps = [Int32](repeating: -1, count: x.count * count)
        for f in x.indices {
            let lowest = Double(low[f]), spacing = (Double(high[f]) - lowest) / Double(count - 2)
            let sigma = spacing / width
            for i in 0..<count {
                // Bohte's centre for field i + 1: low + (2(i + 1) − 3)/2 · spacing.
                let centre = lowest + Double(2 * i - 1) / 2 * spacing
                let response = gaussian(Double(x[f]) - centre, sigma: sigma)
                if response >= minimumResponse {
                    steps[f * count + i] = firstSpikeStep(strength: response, latestSteps: latestSteps)
                }
            }
        }
        return steps
    }

    /// Relative responses below this are rounding noise (the centre and surround of a uniform patch cancel to
    /// about 1e-16), not contrast: they are dropped so that flat areas stay silent.
    private static let responseFloor = 1e-6

    /// Difference-of-Gaussians responses, two per pixel (on-centre 2p, off-centre 2p + 1), divided by the largest.
    /// Both kernels are normalised over a window of radius ceil(3 · surround), the image is padded with zeros.
    private static func onOffResponses(_ image: [Double], height: Int, width: Int, center: Double,
                                       surround: Double) -> [Double] {
        let radius = Int((3 * surround).rounded(.up))
        let narrow = blurred(image, height: height, width: width, sigma: center, radius: radius)
        let wide = blurred(image, height: height, width: width, sigma: surround, radius: radius)
        let response = zip(narrow, wide).map { $0 - $1 }
        let largest = response.reduce(0) { Swift.max($0, abs($1)) }
        guard largest > 0 else { return [Double](repeating: 0, count: 2 * image.count) }
        var onOff = [Double](repeating: 0, count: 2 * image.count)
        for (p, r) in response.enumerated() {
            let relative = r / largest
            if relative > responseFloor { onOff[2 * p] = relative }
            if -relative > responseFloor { onOff[2 * p + 1] = -relative }
        }
        return onOff
    }

    /// The image convolved with a normalised 2-D Gaussian, as two 1-D passes (the normalised 2-D kernel over the
    /// square window is the product of the normalised 1-D ones), zeros outside the image.
    private static func blurred(_ image: [Double], height: Int, width: Int, sigma: Double, radius: Int) -> [Double] {
        let weights = (-radius...radius).map { gaussian(Double($0), sigma: sigma) }
        let total = weights.reduce(0, +)
        let kernel = weights.map { $0 / total }
        func pass(_ input: [Double], along pitch: Int, length: Int) -> [Double] {
            var output = [Double](repeating: 0, count: input.count)
            for p in input.indices {
                let position = pitch == 1 ? p % width : p / width
                var sum = 0.0
                for k in Swift.max(-radius, -position)...Swift.min(radius, length - 1 - position) {
                    sum += kernel[k + radius] * input[p + k * pitch]
                }
                output[p] = sum
            }
            return output
        }
        return pass(pass(image, along: 1, length: width), along: width, length: height)
    }

    /// exp(−d²/(2σ²)); for σ = 0 the limit, 1 at d = 0 and 0 elsewhere.
    private static func gaussian(_ d: Double, sigma: Double) -> Double {
        sigma > 0 ? exp(-d * d / (2 * sigma * sigma)) : (d == 0 ? 1 : 0)
    }
}
