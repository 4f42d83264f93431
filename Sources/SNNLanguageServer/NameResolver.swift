// NameResolver: what the name under a token means, by the language's scoping rules — a label inside a call names
// a parameter of the called model or built-in; inside a neuron model or rule its variables (and the handler's
// event arguments) come before the file's names; inside `on spike` the target's variables and the weight `w`;
// in `record v of exc` the population's variables; elsewhere the file's constants, populations, inputs and
// datasets, then models, then built-ins. It works from the tokens and the syntax tree, so it answers while
// the file has errors too.

import SNNSema
import SNNSource
import SNNSyntax

public enum Resolution: Sendable {
    case symbol(Symbol)
    case builtin(BuiltinSignature)
    case builtinParameter(BuiltinSignature, BuiltinSignature.Parameter)
    case unit(String)
    /// The synaptic weight `w` inside `on spike`.
    case weight
}

/// The call an argument list belongs to: `lif(` … the cursor.
public struct CallContext: Sendable {
    public let callee: String
    /// Which argument the position is in (0-based).
    public let argumentIndex: Int
    /// The labels already written (`tau_m` in `lif(tau_m = 10 ms, `).
    public let labels: [String]
    /// The label of the argument the position is in, if it has one so far.
    public let currentLabel: String?
}

public struct NameResolver {
    let analysis: DocumentAnalysis
    var index: SymbolIndex { analysis.index }
    var tokens: [Token] { analysis.tokens }

    public init(_ analysis: DocumentAnalysis) { self.analysis = analysis }

    /// The name a token spells (a derivative `dv/dt` spells `v`) and the range of just that name.
    public func name(at tokenIndex: Int) -> (String, SourceRange)? {
        let token = tokens[tokenIndex]
        switch token.kind {
        case .identifier: return (token.text, token.range)
        case .derivative:
            let start = token.range.startOffset + 1
            return (token.text, SourceRange(file: token.range.file, start: start, end: start + token.text.utf8.count))
        default: return nil
        }
    }

    public func resolve(tokenAt tokenIndex: Int) -> Resolution? {
        let token = tokens[tokenIndex]
        if token.kind == .unit { return .unit(token.text) }
        guard let (name, _) = name(at: tokenIndex) else { return nil }
        let offset = token.range.startOffset
        if token.kind == .identifier, tokenIndex + 1 < tokens.count, tokens[tokenIndex + 1].kind == .equals,
           let call = enclosingCall(before: tokenIndex) {
            return parameter(name, of: call.callee)
        }
        if let item = index.item(at: offset), let local = resolveLocal(name, offset: offset, in: item) {
            return local
        }
        if let global = index.globals[name] { return .symbol(global) }
        if let model = index.model(name) { return .symbol(model.symbol) }
        if let builtin = BuiltinCatalog.all[name] { return .builtin(builtin) }
        return nil
    }

    /// A label inside `callee(…)`: a variable of a model, or a built-in's parameter.
    func parameter(_ name: String, of callee: String) -> Resolution? {
        if index.model(callee) != nil { return index.variable(name, of: callee).map(Resolution.symbol) }
        guard let builtin = BuiltinCatalog.all[callee], let parameter = builtin.parameters.first(where: { $0.name == name })
        else { return nil }
        return .builtinParameter(builtin, parameter)
    }

    /// Names that only mean something inside one item: a model's variables, `w` and the target's variables in
    /// `on spike`, the recorded variables of `record`.
    private func resolveLocal(_ name: String, offset: Int, in item: Item) -> Resolution? {
        switch item.kind {
        case .neuron(let n): return modelLocal(name, model: n.name.name, offset: offset)
        case .rule(let r): return modelLocal(name, model: r.name.name, offset: offset)
        case .connect(let c):
            for clause in c.clauses {
                guard case .onSpike = clause.kind, contains(clause.range, offset) else { continue }
                if name == "w" { return .weight }
                guard let target = c.targets.first, let model = index.groupModels[target.name.name] else { return nil }
                return index.variable(name, of: model).map(Resolution.symbol)
            }
        case .record(let r):
            guard r.variables.contains(where: { contains($0.range, offset) }), let target = r.targets.first,
                  let model = index.groupModels[target.source.name.name] else { return nil }
            return index.variable(name, of: model).map(Resolution.symbol)
        default: break
        }
        return nil
    }

    private func modelLocal(_ name: String, model: String, offset: Int) -> Resolution? {
        guard let entry = index.documentModels[model] ?? index.model(model) else { return nil }
        for handler in entry.handlers where contains(handler.range, offset) {
            if let parameter = handler.parameters.first(where: { $0.name == name }) {
                return .symbol(Symbol(name: name, kind: .eventArgument, nameRange: parameter.range, range: handler.range,
                                      doc: nil, owner: model, isPrelude: entry.symbol.isPrelude))
            }
        }
        return index.variable(name, of: model).map(Resolution.symbol)
    }

    private func contains(_ range: SourceRange, _ offset: Int) -> Bool {
        range.startOffset <= offset && offset <= range.endOffset
    }

    /// The call whose argument list holds the position just before token `tokenIndex` (or at the end of the
    /// tokens), found by walking back over balanced brackets; nil outside any call or inside `[ ]` or a block.
    public func enclosingCall(before tokenIndex: Int) -> CallContext? {
        var depth = 0, argumentIndex = 0, labels: [String] = [], currentLabel: String?
        var index = tokenIndex - 1
        let limit = max(0, tokenIndex - 4_000)
        while index >= limit {
            let token = tokens[index]
            switch token.kind {
            case .rightParen, .rightBracket: depth += 1
            case .leftBracket:
                if depth == 0 { return nil }
                depth -= 1
            case .leftParen:
                if depth == 0 {
                    guard index > 0, tokens[index - 1].kind == .identifier else { return nil }
                    return CallContext(callee: tokens[index - 1].text, argumentIndex: argumentIndex, labels: labels,
                                       currentLabel: currentLabel)
                }
                depth -= 1
            case .leftBrace, .rightBrace: return nil
            case .comma where depth == 0: argumentIndex += 1
            case .equals where depth == 0 && index > 0 && tokens[index - 1].kind == .identifier:
                labels.append(tokens[index - 1].text)
                if argumentIndex == 0 { currentLabel = tokens[index - 1].text }
            case .keyword(let keyword) where depth == 0 && keyword.startsItem: return nil
            default: break
            }
            index -= 1
        }
        return nil
    }
}
