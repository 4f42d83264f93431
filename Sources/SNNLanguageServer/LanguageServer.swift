// LanguageServer: `snnc lsp` — the JSON-RPC loop and the server's lifecycle. The calling thread reads framed
// messages; one serial queue handles them in order and owns every document, so handlers need no locks. Requests
// before `initialize` get -32002, after `shutdown` -32600, unknown methods -32601 (unknown notifications are
// ignored), malformed JSON -32700; `exit` ends the loop with 0 after `shutdown`, 1 otherwise (as does the end of
// the input). Diagnostics are published on open and save at once, and after a change once edits pause.

import Foundation
import SNNSema

public final class LanguageServer: @unchecked Sendable {
    public struct Options: Sendable {
        /// How long edits must pause before diagnostics are published (0: after every change).
        public var debounceMilliseconds: Int
        public init(debounceMilliseconds: Int = 75) { self.debounceMilliseconds = debounceMilliseconds }
    }

    enum State { case uninitialized, running, shutDown }

    struct OpenDocument {
        var text: TextDocument
        /// Counts changes; an analysis or a scheduled publication belongs to one revision.
        var revision = 0
        var analysis: (revision: Int, value: DocumentAnalysis)?
    }

    public static let name = "snnc"
    let writer: MessageWriter
    let analyzer: Analyzer
    let options: Options
    let prelude = PreludeDocuments()
    let queue = DispatchQueue(label: "snnc.lsp")
    var state = State.uninitialized
    var documents: [String: OpenDocument] = [:]
    let version: String

    public init(writer: MessageWriter, version: String, options: Options = Options(),
                inspectorFor: @escaping Analyzer.InspectorFactory = { _ in NoDatasetInspector() }) {
        self.writer = writer
        self.version = version
        self.options = options
        self.analyzer = Analyzer(inspectorFor: inspectorFor)
    }

    /// Serves until `exit` or the end of the input; returns the process's exit status.
    public func run(reader: MessageReader) -> Int32 {
        while let body = reader.next() {
            guard let message = JSONValue.parse(body) else {
                writer.send(Self.response(id: .null, error: ServerError(.parseError, "the message is not valid JSON")))
                continue
            }
            if message["method"].string == "exit" { break }
            queue.async { self.handle(message) }
        }
        return queue.sync { state == .shutDown ? 0 : 1 }
    }

    func handle(_ message: JSONValue) {
        let id = message["id"]
        guard case .object = message, let method = message["method"].string else {
            if case .object = message, !message["result"].isNull || !message["error"].isNull { return }  // a reply to us
            writer.send(Self.response(id: id, error: ServerError(.invalidRequest, "a request needs a method")))
            return
        }
        let isRequest = !id.isNull
        let outcome: Result<JSONValue, ServerError>
        switch (state, method) {
        case (.uninitialized, "initialize"):
            state = .running
            outcome = .success(capabilities)
        case (.uninitialized, _):
            outcome = .failure(ServerError(.serverNotInitialized, "the server is not initialized yet"))
        case (.shutDown, _):
            outcome = .failure(ServerError(.invalidRequest, "the server is shut down"))
        case (.running, "initialize"):
            outcome = .failure(ServerError(.invalidRequest, "the server is already initialized"))
        case (.running, "shutdown"):
            state = .shutDown
            documents.removeAll()
            outcome = .success(.null)
        default:
            guard isRequest else { return notification(method, message["params"]) }
            outcome = request(method, message["params"])
        }
        if isRequest {
            switch outcome {
            case .success(let result): writer.send(["jsonrpc": "2.0", "id": id, "result": result])
            case .failure(let error): writer.send(Self.response(id: id, error: error))
            }
        }
    }

    static func response(id: JSONValue, error: ServerError) -> JSONValue {
        ["jsonrpc": "2.0", "id": id, "error": error.json]
    }

    func notify(_ method: String, _ params: JSONValue) {
        writer.send(["jsonrpc": "2.0", "method": .string(method), "params": params])
    }

    private var capabilities: JSONValue {
        [
            "capabilities": [
                "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
                "hoverProvider": true,
                "definitionProvider": true,
                "referencesProvider": true,
                "renameProvider": true,
                "documentSymbolProvider": true,
                "documentFormattingProvider": true,
                "completionProvider": ["triggerCharacters": ["(", ",", ":", ">"]],
                "signatureHelpProvider": ["triggerCharacters": ["(", ","]],
                "codeActionProvider": ["codeActionKinds": ["quickfix"]],
            ],
            "serverInfo": ["name": .string(Self.name), "version": .string(version)],
        ]
    }
}
