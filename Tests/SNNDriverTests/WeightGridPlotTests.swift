// `snnc run --plot`: the learned receptive fields of a model that trains (one image per target neuron, in the
// source's 2-D shape, equal gray levels merged into runs), and the spike raster for a plain simulation.

import Foundation
@testable import SNNDriver
import SNNPlan
import SNNSema
import Testing

@Suite struct WeightGridPlotTests {
    /// Plans `text` as `Examples/NAME.snn` (so `iris.csv` resolves beside it).
    static func planned(_ text: String) throws -> (plan: ExecutionPlan, model: CheckedModel) {
        var errors = ""
        let io = CLIIO(readFile: { _ in Array(text.utf8) }, readStandardInput: { [] }, writeOutput: { _ in },
                       writeError: { errors += $0 }, environment: [:], outputIsTerminal: false)
        let result = try RunCommand.planModel(path: RepositoryFiles.url("Examples/plot_model.snn").path, dataFolder: nil, io: io)
        let (plan, model, _) = try #require(result, "\(errors)")
        return (plan, model)
    }

    @Test func fieldsTakeTheSourceShapeAndMergeRunsOfOneLevel() throws {
        let (plan, model) = try Self.planned("""
            input img = poisson(rate = 10 Hz)[3, 4]
            input flat = poisson(rate = 10 Hz)[5]
            population out = lif[2]
            connect flat -> out: all_to_all, weight = 0.5 on spike { v += w * 1 mV }
              learn stdp(w_max = 1)
            connect img -> out: all_to_all, weight = 0.5 on spike { v += w * 1 mV }
              learn stdp(w_max = 1)
            simulate 10 ms
            """)
        // img -> out (projection 1) has a 2-D source, so it is drawn although flat -> out comes first. Synapses
        // are row by row (source), then target: neuron 0's field is 1 in row 0 and 0 elsewhere, neuron 1's all 0.5.
        var weights = [Float](repeating: 0, count: 24)
        for source in 0..<12 {
            weights[source * 2] = source < 4 ? 1 : 0
            weights[source * 2 + 1] = 0.5
        }
        let grid = try #require(WeightGridPlot(plan: plan, model: model, learned: [0: Array(repeating: 1, count: 10), 1: weights]))
        #expect(grid.imageRows == 3 && grid.imageColumns == 4)
        #expect(grid.fields[0] == [1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0])
        let svg = grid.svg()
        #expect(svg.contains("receptive fields of img -> out (2 neurons, 3 × 4 each)"))
        #expect(svg.components(separatedBy: "<g transform").count - 1 == 2)
        // Neuron 0: one white run of 4 in row 0; neuron 1: three gray runs (level 8 of 15) in one path.
        #expect(svg.contains("<path fill=\"rgb(255,255,255)\" d=\"M0 0h4v1h-4z\"/>"))
        #expect(svg.contains("<path fill=\"rgb(136,136,136)\" d=\"M0 0h4v1h-4zM0 1h4v1h-4zM0 2h4v1h-4z\"/>"))

        let flat = try #require(WeightGridPlot(plan: plan, model: model, learned: [0: Array(repeating: 1, count: 10)]))
        #expect(flat.imageRows == 1 && flat.imageColumns == 5)
        #expect(WeightGridPlot(plan: plan, model: model, learned: [:]) == nil)
    }

    @Test func plotDrawsFieldsForTrainingAndARasterForSimulations() throws {
        let folder = try ExperimentTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = RepositoryFiles.url("Examples/plot_model.snn").path
        let training = ExperimentTests.iris + """
            train on iris.train, epochs = 1, samples = 10 {
              present 40 ms, rest 10 ms
              reward +1 when argmax(spike_count(out)) == label else -1
            }
            """
        let fields = folder.appendingPathComponent("fields.svg").path
        let trained = runCLI(["run", path, "--threads", "1", "--checkpoint-every", "0", "--out", folder.path, "--plot", fields],
                             files: [path: training])
        #expect(trained.status == 0, "\(trained.err)")
        let svg = try String(contentsOfFile: fields, encoding: .utf8)
        #expect(svg.contains("receptive fields of fields -> out (3 neurons"))
        #expect(svg.components(separatedBy: "<g transform").count - 1 == 3)

        let raster = folder.appendingPathComponent("raster.svg").path
        let simulated = runCLI(["run", path, "--out", folder.path, "--plot", raster], files: [path: """
            input s = poisson(rate = 100 Hz)[4]
            population p = lif[2]
            connect s -> p: all_to_all, weight = 0.5 on spike { v += w * 1 mV }
              learn stdp(w_max = 1)
            record spikes of s
            simulate 20 ms
            """])
        #expect(simulated.status == 0, "\(simulated.err)")
        #expect(try String(contentsOfFile: raster, encoding: .utf8).contains("spike raster"))
    }
}
