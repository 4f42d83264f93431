// ProgramListing: a readable disassembly of programs and populations, for `snnc plan` and golden tests. One line
// per instruction (`r3 = mul v, 0.9950125`), buffers by name, tables as `t0`, constants in SI as the Float the
// runtime reads, draws with their stream (`r0 = normal 0, 1 [stream 4]`), then one line per store
// (`store v, r5`, marked when held while refractory) and the result of a condition program.

public enum ProgramListing {
    /// The whole population: a header, its buffers and tables, then each program under its name.
    public static func listing(of population: PopulationPlan) -> String {
        var lines = ["population \(population.name) = \(population.model)[\(population.size)]"]
        lines.append("  method \(population.method), refractory \(describe(population.refractory))")
        for (index, buffer) in population.buffers.enumerated() {
            lines.append("  buffer \(index) \(buffer.name): \(buffer.kind.rawValue), shown in \(buffer.displayUnit)")
        }
        for (index, table) in population.tables.enumerated() {
            let preview = table.prefix(4).map(format).joined(separator: ", ") + (table.count > 4 ? ", …" : "")
            lines.append("  table t\(index): \(table.count) values [\(preview)]")
        }
        let buffers = population.buffers
        lines.append("initialize:")
        lines += body(population.initialize, buffers: buffers)
        lines.append("update:")
        lines += body(population.update, buffers: buffers)
        if let threshold = population.threshold {
            lines.append("threshold:")
            lines += body(threshold, buffers: buffers)
        }
        lines.append("reset:")
        lines += body(population.reset, buffers: buffers)
        if case .condition(let condition) = population.refractory {
            lines.append("refractory while:")
            lines += body(condition, buffers: buffers)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One program, a line per instruction and per store, each indented by `indent`.
    public static func listing(of program: Program, buffers: [BufferPlan], indent: String = "  ") -> String {
        body(program, buffers: buffers, indent: indent).joined(separator: "\n") + "\n"
    }

    static func body(_ program: Program, buffers: [BufferPlan], indent: String = "  ") -> [String] {
        if program.isEmpty && program.result == nil { return [indent + "(nothing)"] }
        var lines: [String] = []
        for instruction in program.instructions {
            var line = "\(indent)r\(instruction.destination) = \(instruction.op.rawValue) "
            line += instruction.operands.map { operand($0, buffers) }.joined(separator: ", ")
            if instruction.op == .uniform || instruction.op == .normal { line += " [stream \(instruction.stream)]" }
            lines.append(line)
        }
        for store in program.stores {
            let name = buffers.indices.contains(store.buffer) ? buffers[store.buffer].name : "b\(store.buffer)"
            lines.append("\(indent)store \(name), r\(store.register)" + (store.heldWhileRefractory ? "  (held while refractory)" : ""))
        }
        if let result = program.result { lines.append("\(indent)result r\(result)") }
        return lines
    }

    static func operand(_ operand: Operand, _ buffers: [BufferPlan]) -> String {
        switch operand {
        case .buffer(let index): return buffers.indices.contains(index) ? buffers[index].name : "b\(index)"
        case .constant(let value): return format(value)
        case .register(let index): return "r\(index)"
        case .table(let index): return "t\(index)"
        }
    }

    /// The shortest text that reads back as the same Float (`0.9950125`, `-0.06`, `20`, `1e-09`).
    static func format(_ value: Float) -> String {
        if value == value.rounded(), abs(value) < 1e7 { return String(Int(value)) }
        return value.description
    }

    static func describe(_ refractory: RefractoryPlan) -> String {
        switch refractory {
        case .none: return "none"
        case .steps(let steps): return "\(steps) steps"
        case .condition: return "while a condition holds"
        }
    }
}
