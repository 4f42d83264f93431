// DocumentAnalysis: one version of a document run through the same stages as `snnc check` — lexer, parser and,
// when there are no syntax errors, the checker with the prelude — with the finalised diagnostics, the tokens and
// the symbol index that hover, definition, references, rename and completion read. The Analyzer parses the
// prelude once; each analysis gets a fresh SourceManager whose first files are the prelude, so ranges into the
// prelude stay valid across analyses and nothing accumulates from one edit to the next.

import SNNSema
import SNNSource
import SNNSyntax

public final class DocumentAnalysis: @unchecked Sendable {
    public let version: Int
    public let sources: SourceManager
    public let file: SourceFile
    public let parsed: ParsedFile
    public let tokens: [Token]
    /// The checked model; nil when the file has syntax errors (the checker does not run then).
    public let checked: CheckedModel?
    public let diagnostics: [Diagnostic]
    public let index: SymbolIndex

    init(version: Int, sources: SourceManager, file: SourceFile, parsed: ParsedFile, tokens: [Token],
         checked: CheckedModel?, diagnostics: [Diagnostic], index: SymbolIndex) {
        self.version = version
        self.sources = sources
        self.file = file
        self.parsed = parsed
        self.tokens = tokens
        self.checked = checked
        self.diagnostics = diagnostics
        self.index = index
    }

    /// The index of the token covering `offset`; a name just before or after the position wins over
    /// punctuation touching it (a cursor right after `exc` in `exc:` is on `exc`).
    public func tokenIndex(at offset: Int) -> Int? {
        var low = 0, high = tokens.count
        while low < high {                                     // the first token that ends at or after offset
            let mid = (low + high) / 2
            if tokens[mid].range.endOffset < offset { low = mid + 1 } else { high = mid }
        }
        let candidates = [low, low + 1].filter { $0 < tokens.count && tokens[$0].range.startOffset <= offset }
        return candidates.first { Self.isName(tokens[$0]) || tokens[$0].kind == .unit } ?? candidates.first
    }

    /// The index of the last token that ends at or before `offset` (not the empty line end the lexer adds at the
    /// end of the file).
    public func tokenIndex(before offset: Int) -> Int? {
        var low = 0, high = tokens.count - 1, found: Int?
        while low <= high {
            let mid = (low + high) / 2
            if tokens[mid].range.endOffset <= offset { found = mid; low = mid + 1 } else { high = mid - 1 }
        }
        while let index = found, tokens[index].range.length == 0, tokens[index].kind == .newline || tokens[index].kind == .endOfFile {
            found = index > 0 ? index - 1 : nil
        }
        return found
    }

    static func isName(_ token: Token) -> Bool { token.kind == .identifier || token.kind == .derivative }
}

public final class Analyzer: @unchecked Sendable {
    /// The dataset inspector for a document's path (nil for a document that is no file).
    public typealias InspectorFactory = @Sendable (String?) -> DatasetInspector

    let preludeSyntax: [SourceFileSyntax]
    /// The prelude's files as every analysis numbers them (FileIDs 0..<count).
    public let preludeFiles: [SourceFile]
    let preludeIndex: PreludeIndex
    let inspectorFor: InspectorFactory

    public init(inspectorFor: @escaping InspectorFactory = { _ in NoDatasetInspector() }) {
        let sources = SourceManager()
        preludeSyntax = PreludeLibrary.load(into: sources)
        preludeFiles = sources.files
        preludeIndex = PreludeIndex(files: preludeSyntax, sources: sources)
        self.inspectorFor = inspectorFor
    }

    public func analyze(_ document: TextDocument) -> DocumentAnalysis {
        let sources = SourceManager()
        for file in Prelude.files { sources.add(path: file.path, text: file.source) }
        let path = DocumentURI.path(of: document.uri)
        let file = sources.add(path: path ?? document.uri, bytes: document.bytes)
        let parsed = Parser.parse(file)
        var engine = DiagnosticEngine()
        engine.emit(contentsOf: parsed.diagnostics)
        var checked: CheckedModel?
        if !parsed.diagnostics.contains(where: { $0.severity == .error }) {
            let model = SemanticChecker.check(parsed.syntax, prelude: preludeSyntax, sources: sources,
                                              inspector: inspectorFor(path))
            engine.emit(contentsOf: model.diagnostics)
            checked = model
        }
        let index = SymbolIndex(file: parsed.syntax, sources: sources, prelude: preludeIndex)
        return DocumentAnalysis(version: document.version, sources: sources, file: file, parsed: parsed,
                                tokens: Lexer.lex(file).tokens, checked: checked,
                                diagnostics: engine.finalized(using: sources), index: index)
    }
}
