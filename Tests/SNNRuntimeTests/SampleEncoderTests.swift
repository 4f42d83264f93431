// Dataset encoders: each kind of EncoderPlan against hand-computed values (latencies, ranks, receptive fields,
// difference-of-Gaussians responses, currents, the rate boost), and the encoded samples played by
// SourceState.present: Poisson counts with the mean and dispersion of Poisson counts, the documented keyed draws,
// exact regular trains and one spike per source at the presentation's start plus its offset.

import SNNPlan
@testable import SNNRuntime
import Testing

@Suite struct SampleEncoderTests {
    private func encode(_ plan: EncoderPlan, _ sample: [Float], dt: Double = 1e-4, boost: Double = 0) -> EncodedSample {
        sample.withUnsafeBufferPointer { SampleEncoder.encode(plan, sample: $0, dt: dt, rateBoost: boost) }
    }

    private func spikeSteps(_ encoded: EncodedSample) -> [Int32] {
        guard case .spikeSteps(let steps) = encoded else { Issue.record("not spike steps: \(encoded)"); return [] }
        return steps
    }

    private func probabilities(_ encoded: EncodedSample) -> [Double] {
        guard case .probabilities(let p) = encoded else { Issue.record("not probabilities: \(encoded)"); return [] }
        return p
    }

    /// An input group of `size` sources that starts silent, as an encoder's group does.
    private func group(size: Int) -> SourceState {
        SourceState(index: 0, plan: SourcePlan(name: "in", size: size, kind: .spikeTimes(steps: .init(repeating: -1, count: size))),
                    dt: 1e-4)
    }

    /// The (step, source) spikes the group emits over `steps`, all sources in one range.
    private func emitted(_ state: SourceState, steps: Range<Int>, seed: UInt64 = 1) -> [[Int]] {
        let list = UnsafeMutablePointer<Int32>.allocate(capacity: state.size)
        defer { list.deallocate() }
        return steps.flatMap { step in
            (0..<state.emit(step: step, range: 0..<state.size, seed: seed, into: list)).map { [step, Int(list[$0])] }
        }
    }

    @Test func poissonCountsHaveTheRateAndTheDispersionOfPoissonCounts() {
        // 1000 sources at 50 Hz for 1 s at dt = 0.1 ms: 50 spikes expected per source.
        let plan = EncoderPlan(source: 0, kind: .poisson, featureCount: 1000, scale: 50)
        let state = group(size: 1000)
        state.present(encode(plan, [Float](repeating: 1, count: 1000)), startStep: 0)
        #expect(emitted(state, steps: 0..<10_000, seed: 5).count > 0)
        let counts = state.spikeCounts.array.prefix(1000).map(Double.init)
        let mean = counts.reduce(0, +) / 1000
        #expect(abs(mean / 50 - 1) < 0.03)
        // Index of dispersion Σ(c − c̄)²/c̄ is χ² with 999 degrees of freedom for Poisson counts (binomial ones
        // here: expected 999 · (1 − 0.005)); 4 standard deviations are ±179. A regular train would give 0.
        let dispersion = counts.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / mean
        #expect(abs(dispersion - 994) < 179)
    }

    @Test func bernoulliProbabilitiesAreClampedAndDrawnAsDocumented() {
        // 3,000 Hz · x at dt = 0.1 ms: p = 0.3 · x; 20 kHz clamps to 1; a negative rate is 0.
        let plan = EncoderPlan(source: 0, kind: .bernoulli, featureCount: 4, scale: 3000)
        let p = probabilities(encode(plan, [1, 0.5, 0, 7]))
        #expect(zip(p, [0.3, 0.15, 0, 1]).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(probabilities(encode(EncoderPlan(source: 0, kind: .bernoulli, featureCount: 1, scale: 10, offset: -20), [1])) == [0])
        // Played from step 300 on: exactly the keyed draws of the absolute step; source 3 fires every step.
        let state = group(size: 4)
        state.present(.probabilities(p), startStep: 300)
        let spikes = emitted(state, steps: 300..<400, seed: 21)
        var expected: [[Int]] = []
        for step in 300..<400 {
            for i in 0..<4 where CounterRNG.unit(seed: 21, stream: ExecutionPlan.sourceStream(group: 0),
                                                 counter: UInt64(step), index: UInt64(i)) < p[i] {
                expected.append([step, i])
            }
        }
        #expect(spikes == expected)
        #expect(spikes.filter { $0[1] == 3 }.count == 100)
        #expect(!spikes.contains { $0[1] == 2 })
    }

    @Test func regularTrainsStartAtThePresentationAndCountExactly() {
        // 250 Hz and 100 Hz (x · 250 Hz) at dt = 0.1 ms from step 37: periods of 40 and 100 steps; x = 0 minus
        // an offset is a negative rate, silent.
        let plan = EncoderPlan(source: 0, kind: .regular, featureCount: 3, scale: 250)
        let encoded = encode(plan, [1, 0.4, 0])
        guard case .regular(let perStep) = encoded else { Issue.record("not regular: \(encoded)"); return }
        #expect(zip(perStep, [0.025, 0.01, 0]).allSatisfy { abs($0 - $1) < 1e-9 })
        let state = group(size: 3)
        state.present(encoded, startStep: 37)
        let spikes = emitted(state, steps: 0..<1037)
        #expect(spikes.filter { $0[1] == 0 }.map { $0[0] } == Array(stride(from: 37, to: 1037, by: 40)))
        #expect(spikes.filter { $0[1] == 1 }.map { $0[0] } == Array(stride(from: 37, to: 1037, by: 100)))
        #expect(spikes.allSatisfy { $0[1] != 2 })
        #expect(encode(EncoderPlan(source: 0, kind: .regular, featureCount: 1, scale: 10, offset: -20), [1]) == .regular([0]))
    }

    @Test func brighterFeaturesFireEarlierAndZerosStaySilent() {
        let plan = EncoderPlan(source: 0, kind: .latency(latestSteps: 100), featureCount: 6)
        let steps = spikeSteps(encode(plan, [0.9, 0.2, 0, 0.5, 1, -0.3]))
        #expect(steps == [10, 80, -1, 50, 0, -1])
        // Played from step 200: one spike each at 200 + offset, in order of decreasing intensity.
        let state = group(size: 6)
        state.present(.spikeSteps(steps), startStep: 200)
        #expect(emitted(state, steps: 0..<400) == [[200, 4], [210, 0], [250, 3], [280, 1]])
    }

    @Test func rankOrderSpreadsTheFiringSourcesOverTheWindow() {
        let plan = EncoderPlan(source: 0, kind: .rankOrder(latestSteps: 40), featureCount: 6)
        // Ranks 0–4 among the five non-zero values (the tie 0.9 broken by index) at k · 40/4 steps.
        #expect(spikeSteps(encode(plan, [0.3, 0, 0.9, 0.6, 0.9, 0.1])) == [30, -1, 0, 20, 10, 40])
        #expect(spikeSteps(encode(EncoderPlan(source: 0, kind: .rankOrder(latestSteps: 40), featureCount: 3), [0, 0.5, 0]))
                == [-1, 0, -1])
    }

    @Test func gaussianFieldsPeakAtTheirCentres() {
        // 7 fields over [0, 1] and over [4, 8], β = 1.5: spacing (high − low)/5, centres low + (2i − 1)/2 · spacing,
        // σ = spacing/1.5. A neighbour one spacing away responds exp(−1.125) = 0.325: step round(20 · 0.675) = 14;
        // two spacings away exp(−4.5) = 0.011 < 0.1: silent.
        let kind = EncoderPlan.Kind.gaussianFields(count: 7, width: 1.5, latestSteps: 20, low: [0, 4], high: [1, 8],
                                                   minimumResponse: 0.1)
        let plan = EncoderPlan(source: 0, kind: kind, featureCount: 2)
        #expect(plan.sourceCount == 14)
        #expect(spikeSteps(encode(plan, [0.5, 4.4])) == [-1, -1, 14, 0, 14, -1, -1, 14, 0, 14, -1, -1, -1, -1])
        for i in 0..<7 {
            let centre = Float(-0.1 + 0.2 * Double(i))
            let steps = spikeSteps(encode(plan, [centre, 4]))
            #expect(steps[i] == 0)
            #expect(steps[0..<7].enumerated().allSatisfy { $0.offset == i || $0.element != 0 })
            #expect(steps[0..<7].enumerated().allSatisfy { abs($0.offset - i) <= 1 || $0.element == -1 })
        }
    }

    /// A 9 × 9 image, black but for a dot at (4, 4); centre σ 1, surround σ 2.
    private func dotPlan(latency: Bool) -> (EncoderPlan, [Float]) {
        var image = [Float](repeating: 0, count: 81)
        image[40] = 0.6
        let kind = EncoderPlan.Kind.differenceOfGaussians(height: 9, width: 9, center: 1, surround: 2, latency: latency,
                                                          maximumRate: 100, latestSteps: 30)
        return (EncoderPlan(source: 0, kind: kind, featureCount: 81), image)
    }

    @Test func differenceOfGaussiansFindsABrightDot() {
        let (plan, image) = dotPlan(latency: true)
        let steps = spikeSteps(encode(plan, image))
        #expect(steps.count == 162)
        // On-centre: the dot first (the largest response, normalised to 1), its 4 neighbours at 0.514 (step 15),
        // the diagonal ones at 0.231 (step 23), nothing else (numbers from a direct 2-D convolution).
        var on = [Int32](repeating: -1, count: 81)
        for (pixel, step) in [(30, 23), (31, 15), (32, 23), (39, 15), (40, 0), (41, 15), (48, 23), (49, 15), (50, 23)] {
            on[pixel] = Int32(step)
        }
        #expect(stride(from: 0, to: 162, by: 2).map { steps[$0] } == on)
        // Off-centre: silent on the dot's 3 × 3 block, firing late all around it (the surround's weak negative
        // responses, at most 0.099 of the dot's), earliest on the ring at distance 2 to 3.
        let off = stride(from: 1, to: 162, by: 2).map { steps[$0] }
        for pixel in 0..<81 {
            let inBlock = abs(pixel / 9 - 4) <= 1 && abs(pixel % 9 - 4) <= 1
            #expect(inBlock ? off[pixel] == -1 : (27...30).contains(off[pixel]), "pixel \(pixel)")
        }
        #expect(off[20] == 27 && off[13] == 27 && off[4] == 29)
    }

    @Test func rateCodedDifferenceOfGaussiansScalesToTheMaximumRate() {
        let (plan, image) = dotPlan(latency: false)
        // 100 Hz (plus a 32 Hz boost) at dt = 1 ms: the dot's on-centre source 0.132 per step, a neighbour 0.514 of it.
        let p = probabilities(encode(plan, image, dt: 1e-3, boost: 32))
        #expect(abs(p[80] - 0.132) < 1e-9)
        #expect(abs(p[82] / p[80] - 0.514) < 0.001)
        #expect(p[81] == 0 && p[83] == 0 && p[0] == 0 && p[1] > 0)
    }

    @Test func uniformAreasStaySilent() {
        // A white 20 × 20 image: the zero padding makes contrast at the border (on-centre just inside it), none
        // farther in than the kernels' radius 6, where centre and surround cancel up to rounding.
        let kind = EncoderPlan.Kind.differenceOfGaussians(height: 20, width: 20, center: 1, surround: 2, latency: true,
                                                          maximumRate: 100, latestSteps: 30)
        let steps = spikeSteps(encode(EncoderPlan(source: 0, kind: kind, featureCount: 400), .init(repeating: 1, count: 400)))
        for y in 6..<14 {
            for x in 6..<14 { #expect(steps[2 * (20 * y + x)] == -1 && steps[2 * (20 * y + x) + 1] == -1) }
        }
        #expect(steps[0] >= 0 && steps[1] == -1)
        #expect(spikeSteps(encode(EncoderPlan(source: 0, kind: kind, featureCount: 400), .init(repeating: 0, count: 400)))
                == .init(repeating: -1, count: 800))
    }

    @Test func rateBoostRaisesTheRateOfAFeatureAtOne() {
        // 50 Hz · x − 4 Hz, boosted by 32 Hz: 78 Hz at x = 1, 37 Hz at x = 0.5, the offset alone at x = 0 (clamped).
        let plan = EncoderPlan(source: 0, kind: .poisson, featureCount: 3, scale: 50, offset: -4)
        let p = probabilities(encode(plan, [1, 0.5, 0], dt: 1e-3, boost: 32))
        #expect(zip(p, [0.078, 0.037, 0]).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(zip(probabilities(encode(plan, [1, 0.5, 0], dt: 1e-3)), [0.046, 0.021, 0]).allSatisfy { abs($0 - $1) < 1e-12 })
        // The temporal codes ignore it.
        #expect(encode(EncoderPlan(source: 0, kind: .latency(latestSteps: 10), featureCount: 1), [0.5], boost: 32)
                == .spikeSteps([5]))
    }

    @Test func currentsAreScaledFeatures() {
        let plan = EncoderPlan(source: 0, kind: .current, featureCount: 3, scale: 2e-9, offset: -1e-10)
        guard case .current(let amperes) = encode(plan, [0, 0.5, 1], boost: 32) else { Issue.record("not a current"); return }
        #expect(zip(amperes, [-1e-10, 9e-10, 1.9e-9] as [Float]).allSatisfy { abs($0 - $1) < 1e-15 })
    }

    @Test func aNewSampleReplacesTheLastAndSilenceStopsIt() {
        let state = group(size: 3)
        state.present(.spikeSteps([0, 5, -1]), startStep: 10)
        #expect(emitted(state, steps: 0..<12) == [[10, 0]])
        // Source 1's spike at 15 belonged to the first sample: gone.
        state.present(.spikeSteps([2, -1, 2]), startStep: 12)
        #expect(emitted(state, steps: 12..<20) == [[14, 0], [14, 2]])
        state.present(.regular([1, 0, 0]), startStep: 20)
        #expect(emitted(state, steps: 20..<23) == [[20, 0], [21, 0], [22, 0]])
        state.silence()
        #expect(emitted(state, steps: 23..<100).isEmpty)
        #expect(state.spikeCounts.array.prefix(3) == [5, 0, 1])
    }
}
