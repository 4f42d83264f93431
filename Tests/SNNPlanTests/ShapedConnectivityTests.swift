// Convolution and pooling as synapses: every synapse joins an input to an output whose window covers it, the
// counts match the checker's expected synapses, padding clips windows at the edges, and pooling stays in its
// channel.

import Testing
@testable import SNNPlan

@Suite struct ShapedConnectivityTests {
    /// All (input, output) pairs by brute force over outputs and kernel positions.
    func reference(_ w: ShapedWindow) -> Set<[Int]> {
        var pairs = Set<[Int]>()
        let (ci, h, wd) = (w.input[0], w.input[1], w.input[2]), (co, oh, ow) = (w.output[0], w.output[1], w.output[2])
        for o in 0..<co {
            for i in 0..<oh {
                for j in 0..<ow {
                    for c in (w.pooling ? [o] : Array(0..<ci)) {
                        for ky in 0..<w.kernel.0 {
                            for kx in 0..<w.kernel.1 {
                                let y = i * w.stride.0 + ky - w.padding.0, x = j * w.stride.1 + kx - w.padding.1
                                guard y >= 0, y < h, x >= 0, x < wd else { continue }
                                pairs.insert([(c * h + y) * wd + x, (o * oh + i) * ow + j])
                            }
                        }
                    }
                }
            }
        }
        return pairs
    }

    func pairs(_ table: SynapseTable) -> Set<[Int]> {
        var result = Set<[Int]>()
        for row in 0..<table.rows {
            let targets = Array(table.row(row))
            #expect(targets == targets.sorted(), "row \(row) is not increasing")
            for t in targets { result.insert([row, Int(t)]) }
        }
        return result
    }

    @Test(arguments: [
        ShapedWindow(pooling: false, kernel: (3, 3), stride: (1, 1), padding: (0, 0), input: [1, 6, 6], output: [4, 4, 4]),
        ShapedWindow(pooling: false, kernel: (3, 3), stride: (2, 2), padding: (1, 1), input: [2, 7, 7], output: [3, 4, 4]),
        ShapedWindow(pooling: false, kernel: (5, 3), stride: (1, 2), padding: (2, 1), input: [3, 8, 9], output: [2, 8, 5]),
        ShapedWindow(pooling: true, kernel: (2, 2), stride: (2, 2), padding: (0, 0), input: [3, 8, 8], output: [3, 4, 4]),
    ])
    func synapsesAreExactlyTheWindows(_ window: ShapedWindow) {
        let table = window.table()
        #expect(table.rows == window.input.reduce(1, *))
        #expect(pairs(table) == reference(window))
        #expect(table.synapseCount == window.synapseCount)
        #expect(table.synapseCount == pairs(table).count, "a pair appears twice")
    }

    @Test func aConvolutionBetweenShapedPopulationsPlans() throws {
        let plan = try #require(PlanningFixture("""
            input image = poisson(rate = 20 Hz)[1, 8, 8]
            population features = lif[4, 6, 6]
            population pooled = lif[4, 3, 3]
            connect image -> features: conv(kernel = 3, channels = 4), weight = uniform(0, 1) on spike { v += w * 1 mV }
            connect features -> pooled: pool(size = 2) on spike { v += 2 mV }
            simulate 10 ms
            """).plan(realNeurons: true))
        #expect(plan.projections.map(\.synapseCount) == [1 * 4 * 6 * 6 * 9, 4 * 3 * 3 * 4])
    }
}
