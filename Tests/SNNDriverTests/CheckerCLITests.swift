// The checker through the command line: `--stats` sizes a model, `--data DIR` finds dataset files (whose
// shapes are then checked), `snnc prelude` prints the built-in models, and `snnc explain` knows checker codes.

import Foundation
import SNNDriver
import Testing

@Suite struct CheckerCLITests {
    let cuba = "model m\nneuron n {\n  param tau = 20 ms\n  state v = 0 mV\n  dv/dt = -v / tau\n  spike when v > 1 mV\n}\n"
        + "population exc = n[3200]\npopulation inh = n[800]\n"
        + "connect exc -> exc, inh: random(p = 0.02) on spike { v += 1 mV }\n"

    @Test func statsGiveNeuronsSynapsesAndMemory() {
        let result = runCLI(["check", "--stats", "m.snn"], files: ["m.snn": cuba])
        #expect(result.status == 0)
        #expect(result.out.contains("exc -> exc, inh  random    256,000"), "\(result.out)")
        #expect(result.out.contains("total: 4,000 neurons, 256,000 synapses (expected); memory: state 31.3 KiB, synapse tables 2.4 MiB"),
                "\(result.out)")
        #expect(runCLI(["check", "--stats", "--format", "json", "m.snn"], files: ["m.snn": cuba]).status == 2)
    }

    @Test func aUnitMistakeIsReportedWithBothUnits() {
        let bad = cuba.replacingOccurrences(of: "dv/dt = -v / tau", with: "dv/dt = -v / tau + 1 nA")
        let result = runCLI(["check", "--format", "gcc", "m.snn"], files: ["m.snn": bad])
        #expect(result.status == 1)
        #expect(result.out == "m.snn:5:11: error: cannot add a value in V/s and a value in A [E0301]\n")
    }

    @Test(.enabled(if: RepositoryFiles.sharedData != nil, "needs the shared data (set SNNC_DATA)"))
    func datasetsAreFoundThroughTheDataFolder() throws {
        let data = try #require(RepositoryFiles.sharedData)
        let model = "model d\ndataset mnist = idx(\"mnist/t10k-images-idx3-ubyte.gz\")\n"
            + "input pixels = poisson(rate = mnist.image * 63.75 Hz)[10, 10]\n"
        let files = ["/nonexistent/d.snn": model]
        let withoutData = runCLI(["check", "--format", "gcc", "/nonexistent/d.snn"], files: files, environment: [:])
        #expect(withoutData.out.contains("warning: dataset file 'mnist/t10k-images-idx3-ubyte.gz' is not found"))
        let withData = runCLI(["check", "--format", "gcc", "--data", data, "/nonexistent/d.snn"], files: files)
        #expect(withData.status == 1)
        #expect(withData.out.contains("error: the input is declared with shape [10, 10] but its data has shape [28, 28] [E0508]"),
                "\(withData.out)")
        let fromEnvironment = runCLI(["check", "--format", "gcc", "/nonexistent/d.snn"], files: files,
                                     environment: ["SNNC_DATA": data])
        #expect(fromEnvironment.out == withData.out)
    }

    @Test func preludeListsAndPrintsModels() {
        let list = runCLI(["prelude", "--list"])
        #expect(list.status == 0)
        #expect(list.out.contains("lif ") && list.out.contains("hodgkin_huxley") && list.out.contains("rstdp"))
        let lif = runCLI(["prelude", "lif"])
        #expect(lif.out.contains("neuron lif {") && lif.out.contains("## "))
        #expect(!lif.out.contains("neuron lif_exp"))
        let typo = runCLI(["prelude", "lif_ex"])
        #expect(typo.status == 2 && typo.err.contains("did you mean 'lif_exp'?"))
    }

    @Test func explainKnowsCheckerCodes() {
        let result = runCLI(["explain", "E0301"])
        #expect(result.status == 0)
        #expect(result.out.contains("E0301"))
    }
}
