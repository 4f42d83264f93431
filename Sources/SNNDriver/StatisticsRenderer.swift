// StatisticsRenderer: the `snnc check --stats` table — each population and input with its size and state
// memory, each connection with its expected synapses and table memory, and the totals.

import SNNSema

enum StatisticsRenderer {
    static func render(_ statistics: ModelStatistics, path: String) -> String {
        var rows: [[String]] = [["group", "model", "neurons", "state", "memory"]]
        for g in statistics.groups {
            rows.append([g.name, g.isInput ? "\(g.model) (input)" : g.model, g.neurons.map(grouped) ?? "?",
                         g.stateVariables.isEmpty ? "-" : g.stateVariables.joined(separator: " "),
                         g.bytes.map { bytes(Double($0)) } ?? "?"])
        }
        var text = "\(path)\n" + table(rows, leftAligned: [0, 1, 3])
        if !statistics.projections.isEmpty {
            var connections: [[String]] = [["connection", "pattern", "synapses", "memory"]]
            for p in statistics.projections {
                connections.append([p.description, p.pattern, p.synapses.map { grouped(Int($0.rounded())) } ?? "?",
                                    p.bytes.map(bytes) ?? "?"])
            }
            text += "\n" + table(connections)
        }
        let neurons = statistics.neurons.map(grouped) ?? "?"
        let synapses = statistics.synapses.map { grouped(Int($0.rounded())) } ?? "?"
        let state = statistics.stateBytes.map { bytes(Double($0)) } ?? "?"
        let tables = statistics.synapseBytes.map(bytes) ?? "?"
        text += "\ntotal: \(neurons) neurons, \(synapses) synapses (expected); memory: state \(state), synapse tables \(tables)\n"
        if statistics.neurons == nil || statistics.synapses == nil {
            text += "(? marks sizes that depend on data files that were not found)\n"
        }
        return text
    }

    /// Rows as aligned columns two spaces apart: text columns (`leftAligned`) padded on the right, numbers on
    /// the left.
    static func table(_ rows: [[String]], leftAligned: Set<Int> = [0, 1]) -> String {
        let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return leftAligned.contains(column) ? cell + pad : pad + cell
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }.joined(separator: "\n") + "\n"
    }

    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var result = ""
        for (i, c) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { result.append(",") }
            result.append(c)
        }
        return String(result.reversed())
    }

    static func bytes(_ n: Double) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = n, unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(Int(value)) B" : String(format1(value)) + " " + units[unit]
    }

    private static func format1(_ v: Double) -> String {
        let scaled = (v * 10).rounded() / 10
        return scaled.rounded() == scaled ? String(Int(scaled)) : String(scaled)
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
