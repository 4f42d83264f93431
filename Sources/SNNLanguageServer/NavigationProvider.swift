// NavigationProvider: go to definition, find references and rename. A reference is every token that spells the
// name and resolves to the same declaration; definitions in the prelude open its read-only file, and prelude
// names cannot be renamed.

import SNNSource
import SNNSyntax

struct NavigationProvider {
    let locator: Locator
    var analysis: DocumentAnalysis { locator.analysis }

    func definition(at offset: Int) -> JSONValue {
        guard let symbol = symbol(at: offset) else { return .null }
        return locator.location(symbol.nameRange) ?? .null
    }

    func references(at offset: Int, includeDeclaration: Bool) -> JSONValue {
        guard let symbol = symbol(at: offset) else { return .null }
        var ranges = occurrences(of: symbol)
        if !includeDeclaration { ranges.removeAll { $0 == symbol.nameRange } }
        else if symbol.nameRange.file != analysis.file.id { ranges.insert(symbol.nameRange, at: 0) }
        return .array(ranges.compactMap(locator.location))
    }

    func rename(at offset: Int, to newName: String) -> Result<JSONValue, ServerError> {
        guard let symbol = symbol(at: offset) else {
            return .failure(ServerError(.requestFailed, "there is no name of this model here to rename"))
        }
        if symbol.isPrelude || symbol.nameRange.file != analysis.file.id {
            return .failure(ServerError(.requestFailed,
                                        "'\(symbol.name)' is declared in the prelude (built in to snnc) and cannot be renamed"))
        }
        guard Self.isName(newName) else {
            return .failure(ServerError(.invalidParams, "'\(newName)' is not a valid name"))
        }
        let edits: [JSONValue] = occurrences(of: symbol).map {
            ["range": analysis.file.lspRange($0), "newText": .string(newName)]
        }
        return .success(["changes": .object([locator.uri: .array(edits)])])
    }

    func symbol(at offset: Int) -> Symbol? {
        guard let index = analysis.tokenIndex(at: offset),
              case .symbol(let symbol)? = NameResolver(analysis).resolve(tokenAt: index) else { return nil }
        return symbol
    }

    /// The ranges in the document of every name that resolves to `symbol`, in order.
    func occurrences(of symbol: Symbol) -> [SourceRange] {
        let resolver = NameResolver(analysis)
        var ranges: [SourceRange] = []
        for index in analysis.tokens.indices {
            guard let (name, range) = resolver.name(at: index), name == symbol.name,
                  case .symbol(let found)? = resolver.resolve(tokenAt: index), found.isSame(as: symbol) else { continue }
            ranges.append(range)
        }
        return ranges
    }

    /// A name of the language: a letter or `_`, then letters, digits and `_`, and no reserved keyword.
    static func isName(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter || first == "_", Keyword.named(text) == nil else { return false }
        return text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }
}
