// ServerHandlers: the `textDocument/...` methods — document sync (full and incremental), debounced publication
// of diagnostics, and the requests, each answered from the document's cached analysis (one per document,
// replaced when the text changes, so memory stays flat however long the session).

import Foundation
import SNNFormat
import SNNSource

extension LanguageServer {
    func notification(_ method: String, _ params: JSONValue) {
        let uri = params["textDocument"]["uri"].string ?? ""
        switch method {
        case "textDocument/didOpen":
            guard let text = params["textDocument"]["text"].string else { return }
            documents[uri] = OpenDocument(text: TextDocument(uri: uri, version: params["textDocument"]["version"].int ?? 0, text: text))
            publishDiagnostics(uri)
        case "textDocument/didChange":
            guard var document = documents[uri], let changes = params["contentChanges"].array else { return }
            let version = params["textDocument"]["version"].int ?? document.text.version + 1
            for change in changes { _ = document.text.apply(change, version: version) }
            document.revision += 1
            documents[uri] = document
            scheduleDiagnostics(uri, revision: document.revision)
        case "textDocument/didSave":
            documents[uri]?.analysis = nil                 // data files beside the model may have changed
            publishDiagnostics(uri)
        case "textDocument/didClose":
            documents[uri] = nil
            notify("textDocument/publishDiagnostics", ["uri": .string(uri), "diagnostics": []])
        default:
            break                                          // `initialized`, `$/cancelRequest`, … need nothing
        }
    }

    func request(_ method: String, _ params: JSONValue) -> Result<JSONValue, ServerError> {
        let uri = params["textDocument"]["uri"].string ?? ""
        guard let analysis = analysis(of: uri) else {
            return method.hasPrefix("textDocument/") ? .success(.null)
                : .failure(ServerError(.methodNotFound, "snnc lsp does not handle '\(method)'"))
        }
        let locator = Locator(analysis: analysis, uri: uri, prelude: prelude)
        let offset = LSPPosition(params["position"]).flatMap { analysis.file.offset(of: $0) }
        switch method {
        case "textDocument/hover":
            return .success(offset.map { HoverProvider(analysis: analysis).hover(at: $0) } ?? .null)
        case "textDocument/definition":
            return .success(offset.map { NavigationProvider(locator: locator).definition(at: $0) } ?? .null)
        case "textDocument/references":
            let includeDeclaration = params["context"]["includeDeclaration"].bool ?? true
            return .success(offset.map {
                NavigationProvider(locator: locator).references(at: $0, includeDeclaration: includeDeclaration)
            } ?? .null)
        case "textDocument/rename":
            guard let offset, let newName = params["newName"].string else {
                return .failure(ServerError(.invalidParams, "rename needs a position in the document and a new name"))
            }
            return NavigationProvider(locator: locator).rename(at: offset, to: newName)
        case "textDocument/completion":
            return .success(offset.map { CompletionProvider(analysis: analysis).completions(at: $0) } ?? .null)
        case "textDocument/signatureHelp":
            return .success(offset.map { SignatureHelpProvider(analysis: analysis).signatureHelp(at: $0) } ?? .null)
        case "textDocument/documentSymbol":
            return .success(DocumentSymbolProvider(analysis: analysis).symbols())
        case "textDocument/codeAction":
            let file = analysis.file
            let lower = LSPPosition(params["range"]["start"]).flatMap { file.offset(of: $0, clamping: true) } ?? 0
            let upper = LSPPosition(params["range"]["end"]).flatMap { file.offset(of: $0, clamping: true) } ?? lower
            return .success(.array(DiagnosticsProvider(locator: locator).codeActions(lower: lower, upper: upper)))
        case "textDocument/formatting":
            return format(analysis)
        default:
            return .failure(ServerError(.methodNotFound, "snnc lsp does not handle '\(method)'"))
        }
    }

    /// The whole document replaced by its canonical layout (no edit when it is already formatted).
    private func format(_ analysis: DocumentAnalysis) -> Result<JSONValue, ServerError> {
        let text = String(decoding: analysis.file.bytes, as: UTF8.self)
        switch Formatter.format(text, fileName: analysis.file.path) {
        case .formatted(let formatted):
            guard formatted != text else { return .success([]) }
            return .success([["range": analysis.file.lspRange(analysis.file.wholeRange), "newText": .string(formatted)]])
        case .syntaxErrors(let errors):
            let first = errors.first.map { ": line \(analysis.file.lspPosition(of: $0.range.startOffset).line + 1): \($0.message)" } ?? ""
            return .failure(ServerError(.requestFailed, "the file has syntax errors and is left as it is\(first)"))
        }
    }

    /// The document's analysis for its current text, computed when the text changed since the last one.
    func analysis(of uri: String) -> DocumentAnalysis? {
        guard let document = documents[uri] else { return nil }
        if let cached = document.analysis, cached.revision == document.revision { return cached.value }
        let analysis = analyzer.analyze(document.text)
        documents[uri]?.analysis = (document.revision, analysis)
        return analysis
    }

    private func scheduleDiagnostics(_ uri: String, revision: Int) {
        guard options.debounceMilliseconds > 0 else { return publishDiagnostics(uri) }
        queue.asyncAfter(deadline: .now() + .milliseconds(options.debounceMilliseconds)) { [self] in
            guard state == .running, documents[uri]?.revision == revision else { return }   // a newer change will publish
            publishDiagnostics(uri)
        }
    }

    private func publishDiagnostics(_ uri: String) {
        guard let analysis = analysis(of: uri) else { return }
        let diagnostics = prelude.contains(uri) ? []
            : DiagnosticsProvider(locator: Locator(analysis: analysis, uri: uri, prelude: prelude)).diagnostics()
        var params: [String: JSONValue] = ["uri": .string(uri), "diagnostics": .array(diagnostics)]
        if let version = documents[uri]?.text.version { params["version"] = JSONValue(version) }
        notify("textDocument/publishDiagnostics", .object(params))
    }
}
