// A learning rule whose weight becomes infinite or NaN stops the run with E0801 at the rule's declaration, naming
// the connection, the variable and the synapse — not the neuron state the bad weight spoils next — during a plain
// simulation and during training; E0801's right example runs clean.

import Foundation
import Testing
@testable import SNNDriver

@Suite struct RuleDivergenceTests {
    static let growth = """
        rule grow {
          synaptic w = 1
          on pre { w = w * 1e30 }
        }
        input s = poisson(rate = 200 Hz)[5]
        population p = lif[2]
        connect s -> p: all_to_all on spike { v += w * 1 mV }
          learn grow

        """

    @Test func aSimulationNamesTheRuleWhoseWeightDiverged() throws {
        let folder = try ExperimentTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("grow.snn").path
        let result = runCLI(["run", path, "--threads", "2", "--out", folder.path], files: [path: Self.growth + "simulate 100 ms\n"])
        #expect(result.status == 1)
        #expect(result.err.contains("error[E0801]: 'w' of rule 'grow' on s -> p became +infinity at the synapse from source "),
                "\(result.err)")
        #expect(result.err.contains("grow.snn:1:6"), "\(result.err)")
        #expect(!result.err.contains("E0800"), "the neuron state is not blamed: \(result.err)")
    }

    @Test func theRightExampleOfE0801RunsClean() throws {
        let explanation = RunCode.ruleDivergence.explanation
        let folder = try ExperimentTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let wrong = folder.appendingPathComponent("wrong.snn").path, right = folder.appendingPathComponent("right.snn").path
        #expect(runCLI(["run", wrong, "--out", folder.path], files: [wrong: explanation.wrong]).err.contains("E0801"))
        let clean = runCLI(["run", right, "--out", folder.path], files: [right: explanation.right])
        #expect(clean.status == 0, "\(clean.err)")
    }
}
