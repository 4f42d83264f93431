// ASTDumper: a readable, indented dump of any AST value (`snnc check --dump-ast`, golden parser tests).
// It walks nodes by reflection, so new node types need no code here. Ranges print as line:col-line:col,
// or are left out so that two parses of differently laid-out text can be compared.

import SNNSource

public struct ASTDumper {
    let file: SourceFile
    let includeRanges: Bool

    public init(file: SourceFile, includeRanges: Bool = true) {
        self.file = file
        self.includeRanges = includeRanges
    }

    public func dump(_ node: Any) -> String {
        var out = ""
        write(node, indent: 0, into: &out)
        return out
    }

    private func write(_ value: Any, indent: Int, into out: inout String) {
        let pad = String(repeating: "  ", count: indent)
        if let identifier = value as? Identifier {
            out += "\(identifier.name)\(at(identifier.range))\n"
            return
        }
        if let string = value as? String { out += "\"\(string)\"\n"; return }
        if value is Double || value is Int || value is Bool { out += "\(value)\n"; return }
        if let range = value as? SourceRange { out += "\(describe(range))\n"; return }

        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            if let child = mirror.children.first { write(child.value, indent: indent, into: &out) } else { out += "nil\n" }
        case .collection:
            if mirror.children.isEmpty { out += "[]\n"; return }
            out += "\n"
            for child in mirror.children {
                out += pad + "- "
                write(child.value, indent: indent + 1, into: &out)
            }
        case .enum:
            guard let payload = mirror.children.first else { out += "\(value)\n"; return }
            out += (payload.label ?? "") + "\n"
            let fields = Mirror(reflecting: payload.value)
            if fields.displayStyle == .tuple {
                for field in fields.children { writeField(field.label, field.value, indent: indent + 1, into: &out) }
            } else {
                out += pad + "  "
                write(payload.value, indent: indent + 1, into: &out)
            }
        default:
            let range = mirror.children.first { $0.label == "range" }?.value as? SourceRange
            out += "\(type(of: value))\(range.map(at) ?? "")\n"
            for child in mirror.children where child.label != "range" {
                writeField(child.label, child.value, indent: indent + 1, into: &out)
            }
        }
    }

    private func writeField(_ label: String?, _ value: Any, indent: Int, into out: inout String) {
        let pad = String(repeating: "  ", count: indent)
        // Tuple positions (".0", "1") carry no meaning; named fields print their name.
        let name = label.map { $0.hasPrefix(".") ? String($0.dropFirst()) : $0 }
        let isPosition = name.map { !$0.isEmpty && $0.allSatisfy(\.isNumber) } ?? true
        out += pad + (isPosition ? "- " : "\(name!): ")
        write(value, indent: indent, into: &out)
    }

    private func at(_ range: SourceRange) -> String { includeRanges ? " @" + describe(range) : "" }

    private func describe(_ range: SourceRange) -> String {
        let start = file.position(of: range.startOffset), end = file.position(of: range.endOffset)
        return "\(start.line):\(start.column)-\(end.line):\(end.column)"
    }
}
