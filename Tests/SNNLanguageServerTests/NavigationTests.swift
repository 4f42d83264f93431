// Hover, go to definition (into the prelude's read-only files), find references and rename through the protocol.

import Foundation
import Testing
import SNNLanguageServer

/// The UTF-16 column of the `occurrence`-th (0-based) `needle` on a line of `text`.
func column(of needle: String, line: Int, in text: String, occurrence: Int = 0) -> Int {
    let lineText = String(text.split(separator: "\n", omittingEmptySubsequences: false)[line])
    var searchStart = lineText.startIndex
    var found = lineText.startIndex
    for _ in 0...occurrence {
        found = lineText.range(of: needle, range: searchStart..<lineText.endIndex)!.lowerBound
        searchStart = lineText.index(after: found)
    }
    return found.utf16Offset(in: lineText)
}

@Suite struct NavigationTests {
    static let model = """
        model nav
        ## Membrane time constant of every cell.
        const tau = 20 ms
        neuron cell {
          ## The potential.
          state v = 0 mV
          dv/dt = -v / tau
          spike when v > 10 mV
          reset v = 0 mV
        }
        population exc = lif(tau_m = 10 ms)[10]
        population b = cell[5]
        connect exc -> b: random(p = 0.1) on spike { v += 1 mV }
        simulate 100 ms

        """

    func client() -> TestClient {
        let client = TestClient()
        client.open(Self.model)
        _ = client.diagnostics()
        return client
    }

    func hover(_ client: TestClient, _ needle: String, line: Int, occurrence: Int = 0) -> String {
        client.at("textDocument/hover", line: line, character: column(of: needle, line: line, in: Self.model,
                                                                      occurrence: occurrence) + 1)["contents"]["value"].string ?? ""
    }

    @Test func hoverShowsKindUnitDefaultAndDoc() {
        let client = client()
        let parameter = hover(client, "tau_m", line: 10)
        #expect(parameter.contains("param tau_m = 10 ms") && parameter.contains("parameter of neuron model `lif`"))
        #expect(parameter.contains("prelude") && parameter.contains("in s") && parameter.contains("Membrane time constant"))
        let model = hover(client, "lif", line: 10)
        #expect(model.contains("neuron lif") && model.contains("Leaky integrate-and-fire") && model.contains("- `tau_m = 10 ms`"))
        let state = hover(client, "v", line: 5)
        #expect(state.contains("state v = 0 mV") && state.contains("in V") && state.contains("The potential."))
        let constant = hover(client, "tau", line: 6)
        #expect(constant.contains("constant") && constant.contains("in s") && constant.contains("Membrane time constant of every cell."))
        let population = hover(client, "b", line: 11)
        #expect(population.contains("population") && population.contains("5 neurons"))
        #expect(hover(client, "random", line: 12).contains("connection pattern"))
        #expect(hover(client, "p =", line: 12).contains("probability"))
        #expect(hover(client, "ms", line: 10).contains("unit `ms` = 0.001 s"))
    }

    func definition(_ client: TestClient, _ needle: String, line: Int, occurrence: Int = 0) -> JSONValue {
        client.at("textDocument/definition", line: line,
                  character: column(of: needle, line: line, in: Self.model, occurrence: occurrence) + 1)
    }

    @Test func definitionInTheDocument() {
        let client = client()
        #expect(definition(client, "tau", line: 6)["range"] == range(2, 6, 2, 9))
        #expect(definition(client, "dv/dt", line: 6)["range"] == range(5, 8, 5, 9))       // dv/dt is about v
        #expect(definition(client, "v +=", line: 12)["range"] == range(5, 8, 5, 9))       // the target's v
        #expect(definition(client, "cell", line: 11)["range"] == range(3, 7, 3, 11))
        #expect(definition(client, "b", line: 12)["uri"].string == TestClient.uri)
        #expect(definition(client, "random", line: 12).isNull)                           // built in, no source
    }

    @Test func definitionInThePreludeIsAReadOnlyFile() throws {
        let client = client()
        let model = definition(client, "lif", line: 10)
        let uri = try #require(model["uri"].string)
        #expect(uri.hasPrefix("file://") && uri.hasSuffix("/lif.snn"))
        let path = try #require(URL(string: uri)?.path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let line = try #require(model["range"]["start"]["line"].int)
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false)[line].contains("neuron lif"))
        #expect(!FileManager.default.isWritableFile(atPath: path) || getuid() == 0)
        let parameter = definition(client, "tau_m", line: 10)
        let parameterLine = try #require(parameter["range"]["start"]["line"].int)
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false)[parameterLine].contains("param tau_m"))
    }

    @Test func referencesFollowScopes() throws {
        let client = client()
        let at = column(of: "v", line: 5, in: Self.model)
        let references = try #require(client.at("textDocument/references", line: 5, character: at,
                                                ["context": ["includeDeclaration": true]]).array)
        let ranges = references.map { $0["range"] }
        #expect(ranges == [range(5, 8, 5, 9), range(6, 3, 6, 4), range(6, 11, 6, 12), range(7, 13, 7, 14),
                           range(8, 8, 8, 9), range(12, 45, 12, 46)])
        let withoutDeclaration = client.at("textDocument/references", line: 5, character: at,
                                           ["context": ["includeDeclaration": false]]).array
        #expect(withoutDeclaration?.count == 5)
        let prelude = try #require(client.at("textDocument/references", line: 10,
                                             character: column(of: "lif", line: 10, in: Self.model),
                                             ["context": ["includeDeclaration": true]]).array)
        #expect(prelude.count == 2 && prelude[0]["uri"].string?.hasSuffix("lif.snn") == true)
    }

    @Test func renameEditsEveryReferenceAndRefusesPreludeNames() throws {
        let client = client()
        let renamed = client.at("textDocument/rename", line: 6, character: column(of: "tau", line: 6, in: Self.model),
                                ["newName": "tau_cell"])
        let edits = try #require(renamed["changes"][TestClient.uri].array)
        #expect(edits.map { $0["range"] } == [range(2, 6, 2, 9), range(6, 15, 6, 18)])
        #expect(edits.allSatisfy { $0["newText"] == "tau_cell" })
        let derivative = client.at("textDocument/rename", line: 6, character: 3, ["newName": "u"])
        #expect(derivative["changes"][TestClient.uri].array?.count == 6)
        let prelude = client.request("textDocument/rename", [
            "textDocument": ["uri": .string(TestClient.uri)], "newName": "my_lif",
            "position": position(10, column(of: "lif", line: 10, in: Self.model)),
        ])
        #expect(prelude["error"]["code"].int == -32803)
        #expect(prelude["error"]["message"].string?.contains("prelude") == true)
        let invalid = client.request("textDocument/rename", [
            "textDocument": ["uri": .string(TestClient.uri)], "newName": "2cell", "position": position(11, 16),
        ])
        #expect(invalid["error"]["code"].int == -32602)
    }
}
