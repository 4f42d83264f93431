// TestClient: drives a LanguageServer through the real framing layer — requests are framed into a pipe the
// server reads, and its framed replies are read back with MessageReader on a second pipe — and waits (with a
// timeout) for responses and notifications.

import Foundation
import SNNLanguageServer

final class TestClient: @unchecked Sendable {
    private let input = Pipe()
    private let output = Pipe()
    private let lock = NSLock()
    private var messages: [JSONValue] = []
    private var exitCode: Int32?
    private var nextID = 1
    static let uri = "file:///tmp/snnc-lsp-tests/model.snn"

    init(debounceMilliseconds: Int = 0, initialize: Bool = true) {
        let writer = MessageWriter(fileDescriptor: output.fileHandleForWriting.fileDescriptor)
        let server = LanguageServer(writer: writer, version: "test",
                                    options: LanguageServer.Options(debounceMilliseconds: debounceMilliseconds))
        let serverInput = input.fileHandleForReading.fileDescriptor
        Thread.detachNewThread { [self] in
            let code = server.run(reader: MessageReader(fileDescriptor: serverInput, pauseMilliseconds: 50))
            lock.withLock { exitCode = code }
        }
        let replies = output.fileHandleForReading.fileDescriptor
        Thread.detachNewThread { [self] in
            let reader = MessageReader(fileDescriptor: replies)
            while let body = reader.next() {
                guard let message = JSONValue.parse(body) else { continue }
                lock.withLock { messages.append(message) }
            }
        }
        if initialize {
            _ = request("initialize", ["processId": .null, "rootUri": .null, "capabilities": [:]])
            notify("initialized", [:])
        }
    }

    func sendRaw(_ bytes: Data) { input.fileHandleForWriting.write(bytes) }

    func send(_ message: JSONValue) {
        let body = message.data
        sendRaw(Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
    }

    func notify(_ method: String, _ params: JSONValue) {
        send(["jsonrpc": "2.0", "method": .string(method), "params": params])
    }

    /// Sends a request and returns the whole response (with `result` or `error`).
    @discardableResult
    func request(_ method: String, _ params: JSONValue) -> JSONValue {
        let id = lock.withLock { () -> Int in nextID += 1; return nextID }
        send(["jsonrpc": "2.0", "id": JSONValue(id), "method": .string(method), "params": params])
        return waitFor { $0["id"] == JSONValue(id) } ?? .null
    }

    /// The first message (oldest first) that satisfies `predicate`, removed from the queue; nil after `timeout`.
    func waitFor(timeout: TimeInterval = 10, _ predicate: (JSONValue) -> Bool) -> JSONValue? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let found: JSONValue? = lock.withLock {
                guard let index = messages.firstIndex(where: predicate) else { return nil }
                return messages.remove(at: index)
            }
            if let found { return found }
            Thread.sleep(forTimeInterval: 0.002)
        }
        return nil
    }

    /// The next diagnostics published for `uri` (optionally for one document version).
    func diagnostics(uri: String = TestClient.uri, version: Int? = nil, timeout: TimeInterval = 10) -> [JSONValue]? {
        waitFor(timeout: timeout) {
            $0["method"].string == "textDocument/publishDiagnostics" && $0["params"]["uri"].string == uri
                && (version == nil || $0["params"]["version"].int == version)
        }?["params"]["diagnostics"].array
    }

    func open(_ text: String, uri: String = TestClient.uri, version: Int = 1) {
        notify("textDocument/didOpen", ["textDocument": ["uri": .string(uri), "languageId": "snn",
                                                          "version": JSONValue(version), "text": .string(text)]])
    }

    func change(_ changes: [JSONValue], version: Int, uri: String = TestClient.uri) {
        notify("textDocument/didChange", ["textDocument": ["uri": .string(uri), "version": JSONValue(version)],
                                          "contentChanges": .array(changes)])
    }

    /// A request at a position of the test document.
    func at(_ method: String, line: Int, character: Int, _ extra: [String: JSONValue] = [:]) -> JSONValue {
        var params: [String: JSONValue] = ["textDocument": ["uri": .string(TestClient.uri)],
                                           "position": ["line": JSONValue(line), "character": JSONValue(character)]]
        params.merge(extra) { _, new in new }
        return request(method, .object(params))["result"]
    }

    /// Closes the server's input (or sends `exit` first) and returns its exit status.
    func finish(sendingExit: Bool = true) -> Int32? {
        if sendingExit { notify("exit", .null) }
        input.fileHandleForWriting.closeFile()
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if let code = lock.withLock({ exitCode }) { return code }
            Thread.sleep(forTimeInterval: 0.005)
        }
        return nil
    }

    /// Whether no message satisfying `predicate` arrives within `interval`.
    func nothing(for interval: TimeInterval, _ predicate: (JSONValue) -> Bool) -> Bool {
        waitFor(timeout: interval, predicate) == nil
    }
}

/// A position in a test text given as a 0-based line and a column in UTF-16 units.
func position(_ line: Int, _ character: Int) -> JSONValue { ["line": JSONValue(line), "character": JSONValue(character)] }

func range(_ startLine: Int, _ startCharacter: Int, _ endLine: Int, _ endCharacter: Int) -> JSONValue {
    ["start": position(startLine, startCharacter), "end": position(endLine, endCharacter)]
}
