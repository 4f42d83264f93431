// CompletionProvider: what may be written at the cursor, from the tokens before it — units after a number, a
// model's parameters or a built-in's arguments inside its argument list (`lif(`), connection patterns after the
// `:` of `connect`, rules after `learn`, neuron models, encoders and readers after `population x =`, `input x =`
// and `dataset x =`, integration methods after `method =`, populations after `->` and `of`; elsewhere keywords,
// the names in scope (a model's variables inside it, the target's inside `on spike`), models and functions.

import SNNSema
import SNNSource
import SNNSyntax

struct CompletionProvider {
    let analysis: DocumentAnalysis

    /// The protocol's CompletionItemKind numbers used here.
    enum Kind: Int {
        case function = 3, field = 5, variable = 6, `class` = 7, interface = 8, property = 10, unit = 11, value = 12
        case keyword = 14, constant = 21, event = 23
    }

    func completions(at offset: Int) -> JSONValue {
        .object(["isIncomplete": false, "items": .array(items(at: offset))])
    }

    func items(at offset: Int) -> [JSONValue] {
        let tokens = analysis.tokens
        var next = analysis.tokenIndex(before: offset).map { $0 + 1 } ?? 0
        if next > 0, tokens[next - 1].range.endOffset == offset, isWord(tokens[next - 1]) { next -= 1 }  // a partial word
        let previous = next > 0 ? tokens[next - 1] : nil
        if next < tokens.count, tokens[next].kind == .unit, tokens[next].range.endOffset == offset { return units() }
        if previous?.kind == .number { return units() }
        let resolver = NameResolver(analysis)
        if previous?.kind == .leftParen || previous?.kind == .comma, let call = resolver.enclosingCall(before: next) {
            let arguments = arguments(of: call)
            if !arguments.isEmpty { return arguments }
        }
        let lineKeyword = firstKeyword(before: next)
        switch previous?.kind {
        case .colon? where lineKeyword == .connect:
            return BuiltinCatalog.patterns.map(builtin)
        case .keyword(.learn)?:
            return analysis.index.modelNames.compactMap { name in
                analysis.index.model(name).flatMap { $0.symbol.kind == .rule ? symbolItem($0.symbol) : nil }
            } + BuiltinCatalog.rules.map(builtin)
        case .arrow?, .keyword(.of)?:
            return analysis.index.globals.values.filter { $0.kind == .population || $0.kind == .input }.map(symbolItem)
        case .equals?:
            if next >= 2, tokens[next - 2].text == "method" {
                return BuiltinCatalog.integrationMethods.map { item($0, .value, "integration method") }
            }
            switch lineKeyword {
            case .population?:
                return analysis.index.modelNames.compactMap { name in
                    analysis.index.model(name).flatMap { $0.symbol.kind == .neuron ? symbolItem($0.symbol) : nil }
                }
            case .input?: return BuiltinCatalog.encoders.map(builtin)
            case .dataset?: return BuiltinCatalog.readers.map(builtin)
            default: break
            }
        default: break
        }
        return namesInScope(at: offset) + keywords()
    }

    /// The parameters of the called model (the names a population or `learn` clause may set) or built-in.
    private func arguments(of call: CallContext) -> [JSONValue] {
        if analysis.index.model(call.callee) != nil {
            return analysis.index.variables(of: call.callee)
                .filter { $0.kind != .variable(.alias) && !call.labels.contains($0.name) }
                .map { symbolItem($0, insert: $0.name + " = ") }
        }
        guard let builtin = BuiltinCatalog.all[call.callee], builtin.category != .function else { return [] }
        return builtin.parameters.filter { !call.labels.contains($0.name) }.map {
            item($0.name, .property, "\($0.isRequired ? "required" : "optional"): \($0.takes)", insert: $0.name + " = ")
        }
    }

    private func namesInScope(at offset: Int) -> [JSONValue] {
        var result: [JSONValue] = []
        var local: [Symbol] = []
        if let enclosing = analysis.index.item(at: offset) {
            switch enclosing.kind {
            case .neuron(let n): local = analysis.index.variables(of: n.name.name)
            case .rule(let r): local = analysis.index.variables(of: r.name.name)
            case .connect(let c):
                if insideSpikeHandler(at: offset), let target = c.targets.first,
                   let model = analysis.index.groupModels[target.name.name] {
                    local = analysis.index.variables(of: model)
                    result.append(item("w", .variable, "the synaptic weight"))
                }
            default: break
            }
        }
        result += local.map { symbolItem($0) }
        result += analysis.index.globals.values.sorted { $0.name < $1.name }.map { symbolItem($0) }
        result += analysis.index.modelNames.compactMap { analysis.index.model($0).map { symbolItem($0.symbol) } }
        result += BuiltinCatalog.functions.map(builtin)
        return result
    }

    private func keywords() -> [JSONValue] {
        Keyword.allCases.map { item($0.rawValue, .keyword, "keyword") }
            + ContextualKeyword.allCases.map { item($0.rawValue, .keyword, "keyword") }
    }

    /// Unit spellings, the common ones of neuroscience first.
    private func units() -> [JSONValue] {
        let common = ["mV", "ms", "Hz", "nS", "pA", "nA", "pF", "uF", "mS", "s", "V", "Mohm", "kHz", "uS", "um", "cm", "%"]
        return BuiltinCatalog.unitSpellings.map { spelling in
            let rank = common.firstIndex(of: spelling).map { 10 + $0 } ?? 99
            return .object(["label": .string(spelling), "kind": JSONValue(Kind.unit.rawValue), "sortText": .string("\(rank)\(spelling)"),
                            "detail": .string(UnitText.resolve(spelling).map { "\($0.dimension)" } ?? "unit")])
        }
    }

    private func builtin(_ signature: BuiltinSignature) -> JSONValue {
        let kind: Kind = signature.category == .function ? .function : signature.category == .encoder ? .event : .class
        return item(signature.name, kind, signature.label + " — " + signature.summary)
    }

    private func symbolItem(_ symbol: Symbol) -> JSONValue { symbolItem(symbol, insert: nil) }

    private func symbolItem(_ symbol: Symbol, insert: String?) -> JSONValue {
        let kind: Kind
        switch symbol.kind {
        case .neuron: kind = .class
        case .rule: kind = .interface
        case .variable(.param): kind = .property
        case .variable: kind = .field
        case .constant: kind = .constant
        case .population, .input, .dataset: kind = .variable
        case .eventArgument: kind = .variable
        }
        var detail = symbol.noun
        if let owner = symbol.owner { detail += " of \(owner)" }
        if let unit = symbol.unit { detail += " (\(unit.text))" }
        var entry: [String: JSONValue] = ["label": .string(symbol.name), "kind": JSONValue(kind.rawValue), "detail": .string(detail)]
        if let doc = symbol.doc { entry["documentation"] = .string(doc) }
        if let insert { entry["insertText"] = .string(insert) }
        return .object(entry)
    }

    private func item(_ label: String, _ kind: Kind, _ detail: String, insert: String? = nil) -> JSONValue {
        var entry: [String: JSONValue] = ["label": .string(label), "kind": JSONValue(kind.rawValue), "detail": .string(detail)]
        if let insert { entry["insertText"] = .string(insert) }
        return .object(entry)
    }

    private func isWord(_ token: Token) -> Bool {
        switch token.kind {
        case .identifier, .unit, .keyword: return true
        default: return false
        }
    }

    /// Whether the position is inside the block of `on spike { … }` (found from the tokens: the block may be open).
    private func insideSpikeHandler(at offset: Int) -> Bool {
        let tokens = analysis.tokens
        var index = analysis.tokenIndex(before: offset) ?? -1, depth = 0
        while index >= 2 {
            switch tokens[index].kind {
            case .rightBrace: depth += 1
            case .leftBrace:
                if depth == 0 { return tokens[index - 1].text == "spike" && tokens[index - 2].kind == .keyword(.on) }
                depth -= 1
            default: break
            }
            index -= 1
        }
        return false
    }

    /// The keyword that starts the line of token `index` (the item being written), if the line starts with one.
    private func firstKeyword(before index: Int) -> Keyword? {
        let tokens = analysis.tokens
        let end = min(index, tokens.count)
        var cursor = end - 1
        while cursor >= 0, tokens[cursor].kind != .newline { cursor -= 1 }
        guard cursor + 1 < end, case .keyword(let keyword) = tokens[cursor + 1].kind else { return nil }
        return keyword
    }
}
