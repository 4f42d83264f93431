// Support for the checker's golden fixtures: the whole front end plus the checker run over a fixture as
// `snnc check` runs it (the prelude loaded, the checker skipped after syntax errors), with a dataset inspector
// that answers from a fixed table instead of the file system, so fixtures need no data files.

import Foundation
import SNNSema
import SNNSource
import SNNSyntax

/// Datasets the fixtures may name. Any other path is "not found"; paths starting with `broken/` are invalid.
struct TableDatasetInspector: DatasetInspector {
    static let table: [String: DatasetShape] = [
        "iris.csv": DatasetShape(samples: 150, featureShape: [4], classes: 3),
        "digits/digits.csv.gz": DatasetShape(samples: 1797, featureShape: [64], classes: 10),
        "mnist/train-images-idx3-ubyte.gz": DatasetShape(samples: 60000, featureShape: [28, 28], classes: 10),
        "mnist/t10k-images-idx3-ubyte.gz": DatasetShape(samples: 10000, featureShape: [28, 28], classes: 10),
    ]

    func inspect(_ request: DatasetRequest) -> DatasetInspection {
        if request.path.hasPrefix("broken/") { return .invalid("'\(request.path)' is not an IDX file (bad magic number)") }
        if request.reader == "csv", let label = request.labelColumn, label != "species", label != "64" {
            if Self.table[request.path] != nil { return .invalid("there is no column '\(label)' in '\(request.path)'") }
        }
        if let shape = Self.table[request.path] { return .found(shape) }
        return .notFound(searched: [])
    }
}

enum SemaFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".snn") }.sorted()
    }

    static func text(_ name: String) -> String {
        (try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)) ?? ""
    }

    /// The `#? LINE:COL: severity: message [CODE]` lines of a fixture.
    static func expectations(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line in
            guard let marker = line.range(of: "#? ") else { return nil }
            return String(line[marker.upperBound...]).trimmingCharacters(in: .whitespaces)
        }
    }

    /// What `snnc check` reports for a text, one line per diagnostic in the user's file.
    static func produced(_ text: String) -> [String] {
        let sources = SourceManager()
        let prelude = PreludeLibrary.load(into: sources)
        let file = sources.add(path: "fixture.snn", text: text)
        let parsed = Parser.parse(file)
        var engine = DiagnosticEngine()
        engine.emit(contentsOf: parsed.diagnostics)
        if !parsed.diagnostics.contains(where: { $0.severity == .error }) {
            let checked = SemanticChecker.check(parsed.syntax, prelude: prelude, sources: sources,
                                                inspector: TableDatasetInspector())
            engine.emit(contentsOf: checked.diagnostics)
        }
        return engine.finalized(using: sources).map { d in
            let path = sources.file(d.range.file).path
            let position = sources.file(d.range.file).position(of: d.range.startOffset)
            let place = path == "fixture.snn" ? "" : "\(path):"
            return "\(place)\(position.line):\(position.column): \(d.severity.rawValue): \(d.message) [\(d.code)]"
        }
    }
}

extension SemaFixtures {
    /// The neuron models and rules the prelude must provide.
    static let preludeNames = [
        "iaf", "lif", "lif_exp", "lif_alpha", "lif_cond", "adaptive_lif", "adex", "izhikevich", "izhikevich_rs",
        "izhikevich_ib", "izhikevich_ch", "izhikevich_fs", "izhikevich_lts", "hodgkin_huxley", "fitzhugh_nagumo",
        "morris_lecar", "hindmarsh_rose", "diehl_cook_exc", "diehl_cook_inh",
    ]
    static let preludeRules = ["stdp", "rstdp"]
}
