// SpikeFileReader: the spikes of a `spike_file` input — a CSV file with one spike per row, `source,time_ms`
// (blank lines, `#` comments and one header row allowed) — as sources and steps sorted by step, then source.
// Sources must lie inside the input and times be ≥ 0; a time is rounded to the nearest step.

import Foundation

enum SpikeFileReader {
    struct Spikes: Equatable {
        var sources: [Int32]
        var steps: [Int32]
    }

    struct Problem: Error {
        var message: String
        var help: String?
    }

    static func read(_ path: String, resolvePath: (String) -> String?, sources size: Int, dt: Double)
        -> Result<Spikes, Problem> {
        guard let resolved = resolvePath(path) else {
            return .failure(Problem(message: "the spike file '\(path)' was not found",
                                    help: "spike files are looked for beside the model, then in `--data DIR`, then in `$SNNC_DATA`"))
        }
        guard let data = FileManager.default.contents(atPath: resolved), let text = String(data: data, encoding: .utf8) else {
            return .failure(Problem(message: "the spike file '\(resolved)' cannot be read as text", help: nil))
        }
        return parse(text, name: path, sources: size, dt: dt)
    }

    static func parse(_ text: String, name: String, sources size: Int, dt: Double) -> Result<Spikes, Problem> {
        var pairs: [(step: Int32, source: Int32)] = []
        var sawData = false
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
            let source = fields.count == 2 ? Int(fields[0]) : nil
            let time = fields.count == 2 ? Double(fields[1]) : nil
            guard let source, let time else {
                if !sawData && pairs.isEmpty && fields.count == 2 && Double(fields[0]) == nil {
                    sawData = true      // a header row
                    continue
                }
                return .failure(Problem(message: "line \(number + 1) of the spike file '\(name)' is not `source,time_ms`: '\(line.prefix(40))'",
                                        help: "each row is a source index and a time in milliseconds, such as `3,12.5`"))
            }
            sawData = true
            guard source >= 0, source < size else {
                return .failure(Problem(message: "line \(number + 1) of the spike file '\(name)' names source \(source), but the input has \(size) sources (0..\(size - 1))",
                                        help: nil))
            }
            guard time >= 0, time.isFinite else {
                return .failure(Problem(message: "line \(number + 1) of the spike file '\(name)' has the time \(time) ms; times are ≥ 0",
                                        help: nil))
            }
            let step = (time * 1e-3 / dt).rounded()
            guard step < Double(Int32.max) else {
                return .failure(Problem(message: "line \(number + 1) of the spike file '\(name)' has a time too far in the future",
                                        help: nil))
            }
            pairs.append((Int32(step), Int32(source)))
        }
        pairs.sort { $0.step != $1.step ? $0.step < $1.step : $0.source < $1.source }
        return .success(Spikes(sources: pairs.map(\.source), steps: pairs.map(\.step)))
    }
}
