// Protocol tests: the lifecycle (initialize, requests before it, shutdown and exit codes), unknown methods and
// notifications, malformed JSON, wrong Content-Length headers and out-of-range positions — never a crash or hang.

import Foundation
import Testing
import SNNLanguageServer

@Suite struct ProtocolTests {
    @Test func requestsBeforeInitializeAreRefusedAndExitWithoutShutdownIsOne() {
        let client = TestClient(initialize: false)
        let early = client.request("textDocument/hover", ["textDocument": ["uri": "file:///x.snn"], "position": position(0, 0)])
        #expect(early["error"]["code"].int == -32002)
        client.open("population a = lif[1]\n")                          // a notification before initialize is dropped
        #expect(client.nothing(for: 0.2) { $0["method"].string == "textDocument/publishDiagnostics" })
        let initialized = client.request("initialize", ["capabilities": [:]])
        let capabilities = initialized["result"]["capabilities"]
        #expect(capabilities["textDocumentSync"]["change"].int == 2)
        for provider in ["hoverProvider", "definitionProvider", "referencesProvider", "renameProvider",
                         "documentSymbolProvider", "documentFormattingProvider"] {
            #expect(capabilities[provider].bool == true, "\(provider)")
        }
        #expect(!capabilities["completionProvider"].isNull && !capabilities["signatureHelpProvider"].isNull)
        #expect(client.request("initialize", ["capabilities": [:]])["error"]["code"].int == -32600)
        #expect(client.finish() == 1)
    }

    @Test func shutdownThenExitIsZero() {
        let client = TestClient()
        let reply = client.request("shutdown", .null)
        #expect(reply["result"].isNull && reply["error"].isNull)
        #expect(client.request("textDocument/hover", [:])["error"]["code"].int == -32600)
        #expect(client.finish() == 0)
    }

    @Test func endOfInputWithoutExitIsOne() {
        let client = TestClient()
        #expect(client.finish(sendingExit: false) == 1)
    }

    @Test func unknownMethodsAndNotifications() {
        let client = TestClient()
        #expect(client.request("workspace/frobnicate", [:])["error"]["code"].int == -32601)
        client.notify("$/unknownNotification", [:])
        client.notify("$/cancelRequest", ["id": 99])
        #expect(client.nothing(for: 0.2) { _ in true })                 // notifications get no reply
        #expect(client.request("shutdown", .null)["error"].isNull)
    }

    @Test func malformedJSONGetsAParseErrorAndTheServerGoesOn() {
        let client = TestClient()
        for body in ["{\"jsonrpc\": \"2.0\", \"id\": 5, \"method\": ", "not json at all", "[1, 2"] {
            client.sendRaw(Data("Content-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8))
            let reply = client.waitFor { !$0["error"].isNull }
            #expect(reply?["error"]["code"].int == -32700)
            #expect(reply?["id"].isNull == true)
        }
        client.send(["jsonrpc": "2.0", "id": "text-id", "method": "frob"])       // string ids are echoed
        #expect(client.waitFor { $0["id"] == "text-id" }?["error"]["code"].int == -32601)
        client.send(["jsonrpc": "2.0", "id": 77])                                // no method
        #expect(client.waitFor { $0["id"] == 77 }?["error"]["code"].int == -32600)
        #expect(client.request("shutdown", .null)["error"].isNull)
    }

    @Test func contentLengthTooLongIsCutAtTheNextHeader() {
        let client = TestClient()
        let first = #"{"jsonrpc":"2.0","id":901,"method":"frob"}"#
        let second = #"{"jsonrpc":"2.0","id":902,"method":"frob"}"#
        client.sendRaw(Data("Content-Length: \(first.utf8.count + 40)\r\n\r\n\(first)".utf8))
        client.sendRaw(Data("Content-Length: \(second.utf8.count)\r\n\r\n\(second)".utf8))
        #expect(client.waitFor { $0["id"] == 901 }?["error"]["code"].int == -32601)
        #expect(client.waitFor { $0["id"] == 902 }?["error"]["code"].int == -32601)
    }

    @Test func contentLengthTooLongAtAPauseIsReadWhenTheBodyIsComplete() {
        let client = TestClient()
        let body = #"{"jsonrpc":"2.0","id":903,"method":"frob"}"#
        client.sendRaw(Data("Content-Length: \(body.utf8.count + 1000)\r\n\r\n\(body)".utf8))
        #expect(client.waitFor(timeout: 5) { $0["id"] == 903 }?["error"]["code"].int == -32601)
        #expect(client.request("shutdown", .null)["error"].isNull)
    }

    @Test func contentLengthTooShortGivesAParseErrorThenResynchronises() {
        let client = TestClient()
        let body = #"{"jsonrpc":"2.0","id":904,"method":"frob"}"#
        client.sendRaw(Data("Content-Length: \(body.utf8.count - 10)\r\n\r\n\(body)".utf8))
        #expect(client.waitFor { $0["error"]["code"].int == -32700 } != nil)
        #expect(client.request("frob", [:])["error"]["code"].int == -32601)
        client.sendRaw(Data("X-Custom: 1\r\n\r\n".utf8))                        // a header without a length
        #expect(client.request("shutdown", .null)["error"].isNull)
        #expect(client.finish() == 0)
    }

    @Test func outOfRangePositionsAndUnknownDocumentsGiveEmptyResults() {
        let client = TestClient()
        client.open("population a = lif[1]\nsimulate 1 s\n")
        _ = client.diagnostics()
        for method in ["textDocument/hover", "textDocument/definition", "textDocument/references",
                       "textDocument/completion", "textDocument/signatureHelp"] {
            #expect(client.at(method, line: 500, character: 3).isNull, "\(method)")
            #expect(client.at(method, line: -1, character: -7).isNull, "\(method)")
        }
        #expect(client.at("textDocument/hover", line: 0, character: 9_999).isNull)    // past the end of the line
        let missing = client.request("textDocument/hover", ["textDocument": ["uri": "file:///nowhere/gone.snn"],
                                                            "position": position(0, 0)])
        #expect(missing["result"].isNull && missing["error"].isNull)
        let badParams = client.request("textDocument/rename", ["textDocument": ["uri": .string(TestClient.uri)]])
        #expect(badParams["error"]["code"].int == -32602)
        #expect(client.request("shutdown", .null)["error"].isNull)
    }
}
