// HoverProvider: the Markdown shown over a name — its declaration as written, its kind and owner, its physical
// dimension (from the checker when it ran, else from the unit written in the declaration), its doc comment; for a
// neuron model or rule its parameters with their defaults; for a built-in its signature and summary; for a unit
// its value in SI units.

import Foundation
import SNNSema
import SNNSource
import SNNSyntax

struct HoverProvider {
    let analysis: DocumentAnalysis

    func hover(at offset: Int) -> JSONValue {
        guard let tokenIndex = analysis.tokenIndex(at: offset),
              let resolution = NameResolver(analysis).resolve(tokenAt: tokenIndex) else { return .null }
        let text: String
        switch resolution {
        case .symbol(let symbol): text = describe(symbol)
        case .builtin(let builtin): text = describe(builtin)
        case .builtinParameter(let builtin, let parameter):
            text = "`\(parameter.name)`: \(parameter.isRequired ? "required" : "optional") argument of "
                + "\(builtin.category.rawValue) `\(builtin.name)`, \(parameter.takes)"
        case .unit(let spelling):
            guard let unit = UnitText.resolve(spelling) else { return .null }
            text = "unit `\(spelling)` = \(UnitText.number(unit.scale)) \(unit.dimension.isDimensionless ? "" : "\(unit.dimension)")"
        case .weight:
            text = "`w`: the synaptic weight of the connection"
        }
        return ["contents": ["kind": "markdown", "value": .string(text)],
                "range": analysis.file.lspRange(analysis.tokens[tokenIndex].range)]
    }

    func describe(_ symbol: Symbol) -> String {
        var lines = ["```snn", firstLine(of: symbol.range), "```"]
        var summary = symbol.noun
        if let owner = symbol.owner, let model = analysis.index.model(owner) {
            summary += " of \(model.symbol.noun) `\(owner)`"
        }
        if symbol.isPrelude { summary += " (prelude: \(fileName(symbol.nameRange)))" }
        if let dimension = dimension(of: symbol) { summary += " · \(dimension.phrase)" }
        if let size = groupSize(symbol) { summary += " · \(size) neurons" }
        lines.append(summary)
        if let doc = symbol.doc, !doc.isEmpty { lines += ["", doc] }
        if symbol.kind == .neuron || symbol.kind == .rule {
            let parameters = analysis.index.variables(of: symbol.name).filter { $0.kind == .variable(.param) }
            if !parameters.isEmpty {
                lines += ["", "Parameters:"] + parameters.map { "- `\(declarationWithoutRole($0))`" }
            }
        }
        return lines.joined(separator: "\n")
    }

    private func describe(_ builtin: BuiltinSignature) -> String {
        var lines = ["```snn", builtin.label, "```", "built-in \(builtin.category.rawValue): \(builtin.summary)"]
        if builtin.category != .function, !builtin.parameters.isEmpty {
            lines += [""] + builtin.parameters.map { "- `\($0.name)` (\($0.isRequired ? "required" : "optional")): \($0.takes)" }
        }
        return lines.joined(separator: "\n")
    }

    /// The dimension the checker gave the symbol, or the one of its written unit.
    private func dimension(of symbol: Symbol) -> SNNSema.Dimension? {
        switch symbol.kind {
        case .variable:
            if let owner = symbol.owner, let info = analysis.checked?.models[owner]?.variable(symbol.name) {
                return info.value.type.dimension
            }
        case .constant:
            if let value = analysis.checked?.constants[symbol.name] { return value.dimension }
        default:
            return nil
        }
        return symbol.unit.flatMap(UnitResolver.resolve)?.dimension
    }

    private func groupSize(_ symbol: Symbol) -> Int? {
        guard symbol.kind == .population || symbol.kind == .input else { return nil }
        return analysis.checked?.population(symbol.name)?.size
    }

    func firstLine(of range: SourceRange) -> String {
        let text = analysis.sources.file(range.file).text(in: range.startOffset..<range.endOffset)
        return String(text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
            .trimmingCharacters(in: .whitespaces)
    }

    /// `tau_m = 20 ms` from `param tau_m = 20 ms`.
    func declarationWithoutRole(_ symbol: Symbol) -> String {
        let line = firstLine(of: symbol.range)
        guard let space = line.firstIndex(of: " ") else { return line }
        return String(line[line.index(after: space)...])
    }

    private func fileName(_ range: SourceRange) -> String {
        String(analysis.sources.file(range.file).path.split(separator: "/").last ?? "")
    }
}
