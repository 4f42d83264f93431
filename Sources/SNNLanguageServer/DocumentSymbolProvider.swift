// DocumentSymbolProvider: the outline of a model — neuron models and rules with their variables, populations,
// inputs, connections, datasets, splits, constants and the experiment's statements, in file order.

import SNNSource
import SNNSyntax

struct DocumentSymbolProvider {
    let analysis: DocumentAnalysis

    /// The protocol's SymbolKind numbers used here.
    private enum Kind: Int {
        case module = 2, `class` = 5, property = 7, field = 8, interface = 11, variable = 13, constant = 14
        case array = 18, object = 19, event = 24, `operator` = 25
    }

    func symbols() -> JSONValue {
        .array(analysis.parsed.syntax.items.map(symbol))
    }

    private func symbol(_ item: Item) -> JSONValue {
        switch item.kind {
        case .neuron(let n):
            return entry(n.name.name, "neuron model", .class, item.range, n.name.range, children: members(n.members))
        case .rule(let r):
            return entry(r.name.name, "rule", .interface, item.range, r.name.range, children: members(r.members))
        case .population(let p):
            return entry(p.name.name, text(p.model.range), .object, item.range, p.name.range)
        case .input(let i):
            return entry(i.name.name, text(i.encoder.range), .event, item.range, i.name.range)
        case .connect(let c):
            let name = c.sources.map(\.name.name).joined(separator: ", ") + " -> " + c.targets.map(\.name.name).joined(separator: ", ")
            return entry(name, c.pattern.name.name, .operator, item.range, c.range.startPoint)
        case .dataset(let d):
            return entry(d.name.name, d.source.name.name, .array, item.range, d.name.range)
        case .split(let s):
            return entry("split " + s.dataset.name, s.parts.map(\.name.name).joined(separator: ", "), .array, item.range,
                         s.dataset.range)
        case .constant(let c):
            return entry(c.name.name, text(c.value.range), .constant, item.range, c.name.range)
        default:
            return entry(text(item.range), "experiment", .event, item.range, item.range.startPoint)
        }
    }

    private func members(_ members: [Member]) -> [JSONValue] {
        members.compactMap { member in
            switch member.kind {
            case .variable(let v):
                return entry(v.name.name, v.role.rawValue, v.role == .param ? .property : .field, member.range, v.name.range)
            case .alias(let name, _):
                return entry(name.name, "let", .variable, member.range, name.range)
            default:
                return nil
            }
        }
    }

    private func entry(_ name: String, _ detail: String, _ kind: Kind, _ range: SourceRange, _ selection: SourceRange,
                       children: [JSONValue] = []) -> JSONValue {
        let file = analysis.file
        var result: [String: JSONValue] = [
            "name": .string(name.isEmpty ? "(unnamed)" : name), "detail": .string(detail), "kind": JSONValue(kind.rawValue),
            "range": file.lspRange(range), "selectionRange": file.lspRange(selection),
        ]
        if !children.isEmpty { result["children"] = .array(children) }
        return .object(result)
    }

    /// The first line of a range's text, shortened to 60 characters.
    private func text(_ range: SourceRange) -> String {
        let line = analysis.file.text(in: range.startOffset..<range.endOffset).split(separator: "\n").first ?? ""
        return line.count > 60 ? line.prefix(59) + "…" : String(line)
    }
}
