// Diagnostics through the protocol: published on open, change and save (debounced), the checker's and the
// parser's, with notes as related information and fix-its as quick fixes; full and incremental sync; UTF-16
// columns after non-ASCII text; a 1 MB document.

import Foundation
import Testing
import SNNLanguageServer

@Suite struct DiagnosticsTests {
    static let redefinition = """
        neuron cell {
          param tau = 20 ms
          state v = 0 mV
          dv/dt = -v / tau
          spike when v > 10 mV
          reset v = 0 mV
        }
        population a = lif(tau_m = 10 ms)[10]
        population a = cell[3]
        simulate 100 ms

        """

    @Test func checkerDiagnosticsWithRelatedInformation() throws {
        let client = TestClient()
        client.open(Self.redefinition)
        let diagnostics = try #require(client.diagnostics())
        #expect(diagnostics.count == 1)
        let diagnostic = diagnostics[0]
        #expect(diagnostic["code"] == "E0201" && diagnostic["severity"] == 1 && diagnostic["source"] == "snnc")
        #expect(diagnostic["range"] == range(8, 11, 8, 12))
        #expect(diagnostic["message"].string?.contains("already declared as a population") == true)
        let related = try #require(diagnostic["relatedInformation"].array?.first)
        #expect(related["message"] == "first declared here")
        #expect(related["location"]["uri"].string == TestClient.uri)
        #expect(related["location"]["range"] == range(7, 11, 7, 12))
    }

    @Test func syntaxErrorWithAQuickFix() throws {
        let client = TestClient()
        client.open("population exc = lif(tau_m = 10 ms[100]\nsimulate 1 s\n")
        let diagnostic = try #require(client.diagnostics()?.first)
        #expect(diagnostic["code"] == "E0102" && diagnostic["range"] == range(0, 39, 0, 39))
        #expect(diagnostic["relatedInformation"].array?.first?["location"]["range"] == range(0, 20, 0, 21))
        let actions = try #require(client.request("textDocument/codeAction", [
            "textDocument": ["uri": .string(TestClient.uri)], "range": range(0, 30, 0, 39),
            "context": ["diagnostics": [diagnostic]],
        ])["result"].array)
        let action = try #require(actions.first)
        #expect(action["kind"] == "quickfix" && action["title"] == "Insert `)`")
        let edit = action["edit"]["changes"][TestClient.uri].array?.first
        #expect(edit?["range"] == range(0, 39, 0, 39) && edit?["newText"] == ")")
        let elsewhere = client.request("textDocument/codeAction", [
            "textDocument": ["uri": .string(TestClient.uri)], "range": range(1, 0, 1, 3), "context": ["diagnostics": []],
        ])["result"].array
        #expect(elsewhere?.isEmpty == true)
    }

    @Test func incrementalAndFullChangesRepublish() throws {
        let client = TestClient()
        client.open("population exc = lif[10]\nsimulate 1 s\n")
        #expect(client.diagnostics()?.isEmpty == true)
        client.change([["range": range(0, 17, 0, 20), "text": "lfi"]], version: 2)      // lif → lfi
        let broken = try #require(client.diagnostics(version: 2)?.first)
        #expect(broken["range"] == range(0, 17, 0, 20) && broken["message"].string?.contains("lfi") == true)
        client.change([["text": "population exc = lif[10]\nsimulate 1 s\n"]], version: 3)  // full text
        #expect(client.diagnostics(version: 3)?.isEmpty == true)
        client.notify("textDocument/didSave", ["textDocument": ["uri": .string(TestClient.uri)]])
        #expect(client.diagnostics()?.isEmpty == true)
        client.notify("textDocument/didClose", ["textDocument": ["uri": .string(TestClient.uri)]])
        #expect(client.diagnostics()?.isEmpty == true)
        #expect(client.at("textDocument/hover", line: 0, character: 18).isNull)       // closed: nothing known
    }

    @Test func changesAreDebounced() throws {
        let client = TestClient(debounceMilliseconds: 60)
        client.open("population exc = lif[10]\nsimulate 1 s\n")
        #expect(client.diagnostics()?.isEmpty == true)                                 // open: at once
        for version in 2...20 {                                                       // typing "x" 19 times
            client.change([["range": range(1, 12, 1, 12), "text": "x"]], version: version)
        }
        let published = try #require(client.diagnostics(version: 20))
        #expect(published.count == 1)
        #expect(client.nothing(for: 0.3) { $0["method"] == "textDocument/publishDiagnostics" })
    }

    @Test func utf16ColumnsAfterNonASCIIText() throws {
        let client = TestClient()
        // `Ω` is one UTF-16 unit (2 UTF-8 bytes), the emoji two units (4 bytes).
        let text = "const R = 1 Ω # 🧠 resistance\nconst x = 1 mV; const y = x + 🧠\n"
        client.open(text)
        let diagnostic = try #require(client.diagnostics()?.first)
        #expect(diagnostic["range"]["start"] == position(1, 30))
        client.change([["range": range(1, 30, 1, 32), "text": "R"]], version: 2)        // replace the emoji
        let next = try #require(client.diagnostics(version: 2)?.first)
        #expect(next["message"].string?.contains("cannot add") == true)
        #expect(next["range"]["start"]["line"] == 1)
        let hover = client.at("textDocument/hover", line: 1, character: 30)
        #expect(hover["range"] == range(1, 30, 1, 31))
        #expect(hover["contents"]["value"].string?.contains("constant") == true)
    }

    @Test func aOneMegabyteDocument() throws {
        var lines = ["neuron cell {", "  param tau = 20 ms", "  state v = 0 mV", "  dv/dt = -v / tau",
                     "  spike when v > 10 mV", "  reset v = 0 mV", "}"]
        var index = 0
        while lines.reduce(0, { $0 + $1.utf8.count + 1 }) < 1_000_000 {
            lines.append("## Population \(index), a long comment to fill the document: Ω µ τ ✓.")
            lines.append("population p\(index) = cell(tau = \(index % 50 + 1) ms)[10]")
            index += 1
        }
        lines.append("simulate 10 ms")
        let client = TestClient()
        let started = Date()
        client.open(lines.joined(separator: "\n") + "\n")
        let diagnostics = try #require(client.diagnostics(timeout: 60))
        #expect(diagnostics.isEmpty)
        let last = lines.count - 2
        let column = try #require(lines[last].range(of: "(tau")).upperBound.utf16Offset(in: lines[last]) - 1
        let hover = client.at("textDocument/hover", line: last, character: column)
        #expect(hover["contents"]["value"].string?.contains("parameter") == true)
        client.change([["range": range(last, 0, last, 0), "text": "# "]], version: 2)
        #expect(client.diagnostics(version: 2, timeout: 60) != nil)
        #expect(Date().timeIntervalSince(started) < 60)
    }
}
