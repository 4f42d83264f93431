// Completion, signature help, the document outline and formatting through the protocol.

import Foundation
import Testing
import SNNFormat
import SNNLanguageServer

@Suite struct EditingTests {
    /// The labels offered at the end of `text` (which is opened as the whole document).
    func labels(completing text: String) -> [String] {
        let client = TestClient()
        client.open(text)
        _ = client.diagnostics()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let result = client.at("textDocument/completion", line: lines.count - 1,
                               character: lines.last.map { $0.utf16.count } ?? 0)
        return result["items"].array?.compactMap { $0["label"].string } ?? []
    }

    @Test func completionOfModelParametersInsideTheArgumentList() {
        let labels = labels(completing: "population exc = lif(")
        #expect(labels.contains("tau_m") && labels.contains("v_th") && !labels.contains("population"))
        let rest = self.labels(completing: "population exc = lif(tau_m = 10 ms, ")
        #expect(!rest.contains("tau_m") && rest.contains("v_rest"))
    }

    @Test func completionOfUnitsPatternsRulesModelsAndEncoders() {
        let units = labels(completing: "const tau = 20 ")
        #expect(units.contains("ms") && units.contains("mV") && units.contains("Hz"))
        #expect(labels(completing: "const tau = 20 m").contains("ms"))
        let patterns = labels(completing: "population a = lif[1]\nconnect a -> a: ")
        #expect(patterns.contains("random") && patterns.contains("all_to_all") && !patterns.contains("lif"))
        let rules = labels(completing: "population a = lif[1]\nconnect a -> a: all_to_all learn ")
        #expect(rules.contains("stdp") && rules.contains("bp_stdp") && !rules.contains("lif"))
        let models = labels(completing: "population a = ")
        #expect(models.contains("lif") && models.contains("adex") && !models.contains("stdp"))
        #expect(labels(completing: "input noise = ").contains("poisson"))
        #expect(labels(completing: "input noise = poisson(").contains("rate"))
        #expect(labels(completing: "population a = lif[1]\nconnect a -> a: random(").contains("p"))
        #expect(labels(completing: "neuron n {\n  state v = 0 mV\n  method = ").contains("exact"))
    }

    @Test func completionOfKeywordsAndNamesInScope() {
        let top = labels(completing: "const rate = 5 Hz\npopulation cells = lif[2]\n")
        #expect(top.contains("neuron") && top.contains("simulate") && top.contains("rate") && top.contains("cells"))
        let body = labels(completing: "neuron n {\n  param tau = 20 ms\n  state v = 0 mV\n  dv/dt = -v / ")
        #expect(body.contains("tau") && body.contains("v") && body.contains("exp"))
        let synapse = labels(completing: "population a = lif[1]\nconnect a -> a: all_to_all on spike { ")
        #expect(synapse.contains("w") && synapse.contains("v_rest"))
    }

    @Test func signatureHelpForBuiltinsAndModels() throws {
        let client = TestClient()
        let text = "population a = lif[1]\nconnect a -> a: random(p = 0.1)\ninput n = regular(rate = 5 Hz, phase = 1 ms)\n"
        client.open(text)
        _ = client.diagnostics()
        let random = client.at("textDocument/signatureHelp", line: 1, character: 23)
        let signature = try #require(random["signatures"].array?.first)
        #expect(signature["label"] == "random(p)" && signature["parameters"].array?.first?["label"] == [7, 8])
        #expect(random["activeParameter"] == 0)
        let regular = client.at("textDocument/signatureHelp", line: 2, character: 40)
        #expect(regular["signatures"].array?.first?["label"] == "regular(rate, phase?)")
        #expect(regular["activeParameter"] == 1)
        let model = client.at("textDocument/signatureHelp", line: 0, character: 17)
        #expect(model.isNull)                                               // `lif[1]` has no argument list
        client.change([["range": range(0, 18, 0, 18), "text": "(tau_m = 1 ms, "]], version: 2)
        let lif = client.at("textDocument/signatureHelp", line: 0, character: 33)
        #expect(lif["signatures"].array?.first?["label"].string?.hasPrefix("lif(tau_m, ") == true)
    }

    @Test func documentSymbolsOutlineTheModel() throws {
        let client = TestClient()
        client.open(NavigationTests.model)
        let symbols = try #require(client.request("textDocument/documentSymbol",
                                                  ["textDocument": ["uri": .string(TestClient.uri)]])["result"].array)
        #expect(symbols.map { $0["name"].string ?? "" } == ["tau", "cell", "exc", "b", "exc -> b", "simulate 100 ms"])
        #expect(symbols[1]["kind"] == 5 && symbols[1]["children"].array?.first?["name"] == "v")
        #expect(symbols[2]["detail"] == "lif(tau_m = 10 ms)[10]" && symbols[4]["detail"] == "random")
    }

    @Test func formattingIsWhatSNNFormatGives() throws {
        let client = TestClient()
        let text = "population   exc=lif[10]\nsimulate 1 s\n"
        client.open(text)
        let reply = client.request("textDocument/formatting", ["textDocument": ["uri": .string(TestClient.uri)],
                                                               "options": ["tabSize": 2, "insertSpaces": true]])
        let edits = try #require(reply["result"].array)
        guard case .formatted(let expected) = Formatter.format(text, fileName: "model.snn") else {
            Issue.record("SNNFormat failed on a valid file")
            return
        }
        if expected == text {
            #expect(edits.isEmpty)
        } else {
            #expect(edits.count == 1 && edits[0]["newText"].string == expected && edits[0]["range"] == range(0, 0, 2, 0))
        }
        client.change([["text": "population exc = lif(\n"]], version: 2)
        let broken = client.request("textDocument/formatting", ["textDocument": ["uri": .string(TestClient.uri)],
                                                                "options": ["tabSize": 2, "insertSpaces": true]])
        if case .syntaxErrors = Formatter.format("population exc = lif(\n", fileName: "model.snn") {
            #expect(broken["error"]["code"].int == -32803)
        }
    }
}
