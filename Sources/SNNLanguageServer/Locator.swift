// Locator: protocol locations (URI and range) of source ranges — in the document itself, or in a prelude file,
// which is served as a read-only file of PreludeDocuments.

import SNNSource

struct Locator {
    let analysis: DocumentAnalysis
    let uri: String
    let prelude: PreludeDocuments

    func location(_ range: SourceRange) -> JSONValue? {
        guard let target = self.uri(of: range.file) else { return nil }
        return ["uri": .string(target), "range": analysis.sources.file(range.file).lspRange(range)]
    }

    func uri(of file: FileID) -> String? {
        if file == analysis.file.id { return uri }
        let index = Int(file.raw)
        return index < prelude.uris.count ? prelude.uris[index] : nil
    }

    /// A range in the document (ranges elsewhere become the document's start).
    func documentRange(_ range: SourceRange) -> JSONValue {
        range.file == analysis.file.id ? analysis.file.lspRange(range) : analysis.file.lspRange(analysis.file.emptyRange)
    }
}

extension SourceFile {
    var emptyRange: SourceRange { SourceRange(file: id, start: 0, end: 0) }
    var wholeRange: SourceRange { SourceRange(file: id, start: 0, end: bytes.count) }
}
