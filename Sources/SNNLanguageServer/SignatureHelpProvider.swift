// SignatureHelpProvider: the signature of the call the cursor is in — a built-in (pattern, encoder, reader, rule,
// function) or a neuron model or rule with the names it lets a population or `learn` clause set — with the
// argument being written highlighted (by its label, else by its position).

import SNNSema

struct SignatureHelpProvider {
    let analysis: DocumentAnalysis

    func signatureHelp(at offset: Int) -> JSONValue {
        let next = analysis.tokenIndex(before: offset).map { $0 + 1 } ?? 0
        guard let call = NameResolver(analysis).enclosingCall(before: next) else { return .null }
        let names: [String], documentation: String
        if let builtin = BuiltinCatalog.all[call.callee] {
            names = builtin.parameters.map { $0.isRequired ? $0.name : $0.name + "?" }
            documentation = builtin.summary
        } else if let model = analysis.index.model(call.callee) {
            names = analysis.index.variables(of: call.callee).filter { $0.kind != .variable(.alias) }.map(\.name)
            documentation = model.symbol.doc ?? model.symbol.noun
        } else {
            return .null
        }
        var label = call.callee + "("
        var parameters: [JSONValue] = []
        for (position, name) in names.enumerated() {
            if position > 0 { label += ", " }
            let start = label.utf16.count
            label += name
            parameters.append(["label": [JSONValue(start), JSONValue(label.utf16.count)]])
        }
        label += ")"
        let bare = names.map { $0.hasSuffix("?") ? String($0.dropLast()) : $0 }
        let active = call.currentLabel.flatMap { bare.firstIndex(of: $0) } ?? call.argumentIndex
        return ["signatures": [["label": .string(label), "documentation": .string(documentation),
                                "parameters": .array(parameters)]],
                "activeSignature": 0, "activeParameter": JSONValue(min(active, max(0, names.count - 1)))]
    }
}
