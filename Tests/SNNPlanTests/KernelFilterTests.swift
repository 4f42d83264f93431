// `gabor(…)` and `dog(…)` weights on a convolution: every synapse holds its tap's filter value (orientation by
// output channel for Gabor, on- and off-centre for DoG, the peak at the amplitude), and the filters are refused
// on other patterns and with impossible widths.

import Foundation
import Testing
@testable import SNNPlan

@Suite struct KernelFilterTests {
    static func model(_ weight: String, pattern: String = "conv(kernel = 5, channels = 4)") -> String {
        """
        input image = poisson(rate = 20 Hz)[2, 7, 7]
        population maps = leaky[4, 3, 3]
        connect image -> maps: \(pattern), weight = \(weight) on spike { v += w }
        simulate 1 ms
        """
    }

    /// The weight of the synapse from input (c, y, x) to output (o, i, j).
    static func weight(_ plan: ExecutionPlan, c: Int, y: Int, x: Int, o: Int, i: Int, j: Int) -> Float? {
        let projection = plan.projections[0]
        let source = (c * 7 + y) * 7 + x, target = (o * 3 + i) * 3 + j
        for s in Int(projection.rowStart[source])..<Int(projection.rowStart[source + 1]) where projection.targets[s] == target {
            return projection.weights[s]
        }
        return nil
    }

    @Test func gaborWeightsFollowTheirTapAndOrientation() throws {
        let plan = try #require(planned(Self.model("gabor(0.5, wavelength = 4, sigma = 2)")))
        func gabor(_ x: Double, _ y: Double, _ theta: Double) -> Float {
            let u = x * cos(theta) + y * sin(theta), v = -x * sin(theta) + y * cos(theta)
            return Float(0.5 * exp(-(u * u + 0.25 * v * v) / 8) * cos(2 * .pi * u / 4))
        }
        // Output (o, 1, 1) sees input (c, 1 + ky, 1 + kx) through tap (ky, kx); the kernel's centre is (2, 2).
        for o in 0..<4 {
            for (ky, kx) in [(2, 2), (0, 4), (3, 1), (4, 0)] {
                for c in 0..<2 {
                    let w = try #require(Self.weight(plan, c: c, y: 1 + ky, x: 1 + kx, o: o, i: 1, j: 1))
                    let expected = gabor(Double(kx - 2), Double(ky - 2), Double(o) * .pi / 4)
                    #expect(abs(w - expected) < 1e-6, "o \(o) tap (\(ky), \(kx)): \(w) vs \(expected)")
                }
            }
        }
        // The same tap at another position holds the same weight: the kernel is shared.
        #expect(Self.weight(plan, c: 0, y: 0, x: 0, o: 3, i: 0, j: 0) == Self.weight(plan, c: 0, y: 2, x: 2, o: 3, i: 2, j: 2))
    }

    @Test func differenceOfGaussiansIsOnAndOffCentreWithItsPeakAtTheAmplitude() throws {
        let plan = try #require(planned(Self.model("dog(2, center = 1, surround = 2)")))
        let on = try #require(Self.weight(plan, c: 0, y: 3, x: 3, o: 0, i: 1, j: 1))
        let off = try #require(Self.weight(plan, c: 0, y: 3, x: 3, o: 1, i: 1, j: 1))
        let rim = try #require(Self.weight(plan, c: 0, y: 1, x: 3, o: 0, i: 1, j: 1))
        #expect(abs(on - 2) < 1e-6, "the centre is the peak")
        #expect(off == -on)
        #expect(rim < 0, "the surround is inhibitory in an on-centre kernel")
    }

    @Test func filtersBelongToConvolutionsAndNeedSensibleWidths() {
        let dense = PlanningFixture(Self.model("gabor(1, wavelength = 4, sigma = 2)", pattern: "all_to_all"))
        #expect(dense.planDiagnostics().contains { $0.message.contains("`gabor` and `dog` weights are the kernels of a `conv` connection") })
        let inverted = PlanningFixture(Self.model("dog(1, center = 3, surround = 2)"))
        #expect(inverted.planDiagnostics().contains { $0.message.contains("0 < center < surround") })
    }
}
