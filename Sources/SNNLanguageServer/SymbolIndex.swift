// SymbolIndex: the names a document declares, read from its syntax tree — neuron models and rules with their
// variables (the prelude's included, built once in PreludeIndex), constants, populations, inputs and datasets —
// so that hover, definition, references, rename and completion work even while the checker cannot run.

import SNNSema
import SNNSource
import SNNSyntax

public struct Symbol: Sendable {
    public enum Kind: Sendable, Equatable {
        case neuron, rule, variable(BindingKind), constant, population, input, dataset, eventArgument
    }
    public let name: String
    public let kind: Kind
    /// The name where it is declared.
    public let nameRange: SourceRange
    /// The whole declaration.
    public let range: SourceRange
    public let doc: String?
    /// The neuron model or rule a variable belongs to.
    public let owner: String?
    public let isPrelude: Bool
    /// The unit written in the declaration (`state v: mV`, `param tau = 20 ms`), for hover without the checker.
    public var unit: UnitExpr? = nil

    /// Two symbols are the same declaration when their names start at the same place.
    public func isSame(as other: Symbol) -> Bool {
        nameRange.file == other.nameRange.file && nameRange.start == other.nameRange.start
    }

    public var noun: String {
        switch kind {
        case .neuron: return "neuron model"
        case .rule: return "rule"
        case .variable(let binding): return binding.noun
        case .constant: return "constant"
        case .population: return "population"
        case .input: return "input"
        case .dataset: return "dataset"
        case .eventArgument: return "event argument"
        }
    }
}

/// A neuron model or rule: its own variables and what it extends.
public struct ModelEntry: Sendable {
    public let symbol: Symbol
    public let base: String?
    public let variables: [Symbol]
    public let handlers: [EventHandler]
}

/// The prelude's models, indexed once per server.
struct PreludeIndex: Sendable {
    let models: [String: ModelEntry]

    init(files: [SourceFileSyntax], sources: SourceManager) {
        var models: [String: ModelEntry] = [:]
        for file in files {
            for item in file.items {
                if let entry = SymbolIndex.modelEntry(item, isPrelude: true), models[entry.symbol.name] == nil {
                    models[entry.symbol.name] = entry
                }
            }
        }
        self.models = models
    }
}

public struct SymbolIndex: Sendable {
    let prelude: PreludeIndex
    /// The document's own models (a model may replace a prelude model of the same name).
    public private(set) var documentModels: [String: ModelEntry] = [:]
    public private(set) var globals: [String: Symbol] = [:]
    /// The neuron model of each population, the encoder of each input.
    public private(set) var groupModels: [String: String] = [:]
    public let items: [Item]

    init(file: SourceFileSyntax, sources: SourceManager, prelude: PreludeIndex) {
        self.prelude = prelude
        self.items = file.items
        for item in file.items {
            if let entry = Self.modelEntry(item, isPrelude: false) {
                if documentModels[entry.symbol.name] == nil { documentModels[entry.symbol.name] = entry }
                continue
            }
            switch item.kind {
            case .constant(let c): declare(c.name, .constant, item, unit: Self.writtenUnit(c.value))
            case .population(let p):
                declare(p.name, .population, item)
                if groupModels[p.name.name] == nil { groupModels[p.name.name] = p.model.call.name.name }
            case .input(let i):
                declare(i.name, .input, item)
                if groupModels[i.name.name] == nil { groupModels[i.name.name] = i.encoder.call.name.name }
            case .dataset(let d): declare(d.name, .dataset, item)
            default: break
            }
        }
    }

    private mutating func declare(_ name: Identifier, _ kind: Symbol.Kind, _ item: Item, unit: UnitExpr? = nil) {
        guard !name.name.isEmpty, globals[name.name] == nil else { return }
        globals[name.name] = Symbol(name: name.name, kind: kind, nameRange: name.range, range: item.range, doc: item.doc,
                                    owner: nil, isPrelude: false, unit: unit)
    }

    /// The unit of a value written as a number with a unit (`20 ms`, `-65 mV`).
    static func writtenUnit(_ value: Expr?) -> UnitExpr? {
        switch value?.kind {
        case .quantity(_, _, let unit): return unit
        case .unary(_, let operand): return writtenUnit(operand)
        default: return nil
        }
    }

    /// The model in force under that name: the document's, else the prelude's.
    public func model(_ name: String) -> ModelEntry? { documentModels[name] ?? prelude.models[name] }

    /// Every model name in force, the document's first.
    public var modelNames: [String] {
        documentModels.keys.sorted() + prelude.models.keys.filter { documentModels[$0] == nil }.sorted()
    }

    /// A model's variables with `extends` applied (a prelude model extends the prelude's models), in declaration
    /// order, the farthest base's first; a redeclared variable replaces the inherited one.
    public func variables(of name: String) -> [Symbol] {
        var chain: [ModelEntry] = []
        var next = model(name)
        while let entry = next, !chain.contains(where: { $0.symbol.isSame(as: entry.symbol) }), chain.count < 32 {
            chain.insert(entry, at: 0)
            guard let base = entry.base else { break }
            next = entry.symbol.isPrelude ? prelude.models[base] : model(base)
        }
        var result: [Symbol] = []
        for entry in chain {
            for variable in entry.variables {
                if let index = result.firstIndex(where: { $0.name == variable.name }) { result[index] = variable }
                else { result.append(variable) }
            }
        }
        return result
    }

    public func variable(_ name: String, of model: String) -> Symbol? {
        variables(of: model).last { $0.name == name }
    }

    /// The top-level item being written at `offset`: the last one that starts before it (an item cut short by a
    /// syntax error still holds the text up to the next item).
    public func item(at offset: Int) -> Item? {
        var low = 0, high = items.count
        while low < high {
            let mid = (low + high) / 2
            if items[mid].range.startOffset <= offset { low = mid + 1 } else { high = mid }
        }
        return low > 0 ? items[low - 1] : nil
    }

    static func modelEntry(_ item: Item, isPrelude: Bool) -> ModelEntry? {
        let name: Identifier, base: Identifier?, members: [Member], kind: Symbol.Kind
        switch item.kind {
        case .neuron(let n): (name, base, members, kind) = (n.name, n.base, n.members, .neuron)
        case .rule(let r): (name, base, members, kind) = (r.name, r.base, r.members, .rule)
        default: return nil
        }
        guard !name.name.isEmpty else { return nil }
        let symbol = Symbol(name: name.name, kind: kind, nameRange: name.range, range: item.range, doc: item.doc,
                            owner: nil, isPrelude: isPrelude)
        var variables: [Symbol] = [], handlers: [EventHandler] = []
        for member in members {
            switch member.kind {
            case .variable(let v):
                variables.append(Symbol(name: v.name.name, kind: .variable(BindingKind(v.role)), nameRange: v.name.range,
                                        range: member.range, doc: member.doc, owner: name.name, isPrelude: isPrelude,
                                        unit: v.unit ?? writtenUnit(v.initial)))
            case .alias(let alias, let value):
                variables.append(Symbol(name: alias.name, kind: .variable(.alias), nameRange: alias.range,
                                        range: member.range, doc: member.doc, owner: name.name, isPrelude: isPrelude,
                                        unit: writtenUnit(value)))
            case .handler(let handler): handlers.append(handler)
            default: break
            }
        }
        return ModelEntry(symbol: symbol, base: base?.name, variables: variables, handlers: handlers)
    }
}
