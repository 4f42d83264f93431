// DatasetCompiler: the `dataset` and `split` declarations → datasets in memory (through SNNData) and their named
// parts. `csv(path, label, header, normalize, samples)`, `idx(path, labels, normalize, samples)` and
// `cifar10(path, normalize, samples)` are read
// from the file the driver's path resolver finds; a split divides the dataset as written (fractions or counts,
// `shuffle`, `stratify`, `seed`, default seed 0). A file that cannot be read is PlanCode.unreadableDataset.

import SNNData
import SNNSema
import SNNSource
import SNNSyntax

struct LoadedDatasets {
    /// Every dataset by name, and each split's parts as `name.part`.
    var sets: [String: Dataset] = [:]
    var diagnostics: [Diagnostic] = []
}

enum DatasetCompiler {
    static func load(_ file: SourceFileSyntax, constants: FileConstants, resolvePath: Planner.PathResolver) -> LoadedDatasets {
        var loaded = LoadedDatasets()
        let values = ValueCompiler(constants: constants)
        for item in file.items {
            guard case .dataset(let decl) = item.kind else { continue }
            let call = decl.source
            var arguments: [String: Argument] = [:]
            for argument in call.arguments ?? [] {
                if let label = argument.label { arguments[label.name] = argument }
                else if arguments["path"] == nil { arguments["path"] = argument }
            }
            func string(_ name: String) -> String? {
                if case .string(let s)? = arguments[name]?.value.kind { return s }
                return nil
            }
            func fail(_ message: String, at range: SourceRange, help: String? = nil) {
                loaded.diagnostics.append(.plan(.unreadableDataset, "dataset '\(decl.name.name)': \(message)", at: range, help: help))
            }
            guard let path = string("path"), let pathRange = arguments["path"]?.value.range else { continue }
            guard let resolved = resolvePath(path) else {
                fail("the file '\(path)' is not found", at: pathRange, help: "pass the data folder with --data DIR or set SNNC_DATA")
                continue
            }
            var normalization = Normalization.none
            if case .name(let word)? = arguments["normalize"]?.value.kind {
                normalization = word == "minmax" ? .minMax : word == "zscore" ? .zScore : .none
            }
            let samples = arguments["samples"].flatMap { try? values.compile($0.value).constantValue }.map { Int($0) }
            let source: DatasetSource
            if call.name.name == "cifar10" {
                source = .cifar10(path: resolved)
            } else if call.name.name == "idx" {
                var labels: String?
                if let written = string("labels") {
                    guard let found = resolvePath(written) else {
                        fail("the labels file '\(written)' is not found", at: arguments["labels"]!.value.range)
                        continue
                    }
                    labels = found
                }
                source = .idx(images: resolved, labels: labels)
            } else {
                var column = CSVColumn.last
                switch arguments["label"]?.value.kind {
                case .name(let name)?, .string(let name)?: column = .named(name)
                case .number(let n, _)?: column = .index(Int(n))
                default: break
                }
                var hasHeader = true
                if case .boolean(let b)? = arguments["header"]?.value.kind { hasHeader = b }
                source = .csv(path: resolved, hasHeader: hasHeader, label: column)
            }
            do throws(DataError) {
                loaded.sets[decl.name.name] = try DatasetLoader.load(source, normalize: normalization, samples: samples)
            } catch {
                fail(error.description, at: pathRange)
            }
        }
        for item in file.items {
            guard case .split(let decl) = item.kind, let dataset = loaded.sets[decl.dataset.name] else { continue }
            var parts: [SNNData.SplitPart] = []
            var spec = SplitSpec(parts: [])
            for part in decl.parts {
                switch part.name.name {
                case "shuffle": spec.shuffle = true
                case "stratify": spec.stratify = true
                case "seed":
                    if let value = part.value.flatMap({ try? values.compile($0).constantValue }) { spec.seed = UInt64(value) }
                default:
                    guard let value = part.value else { continue }
                    if case .quantity(let number, _, let unit) = value.kind, unit.text == "%" {
                        parts.append(SNNData.SplitPart(part.name.name, .fraction(number / 100)))
                    } else if let count = try? values.compile(value).constantValue {
                        parts.append(SNNData.SplitPart(part.name.name, .count(Int(count))))
                    }
                }
            }
            spec.parts = parts
            do throws(DataError) {
                for (name, subset) in try DatasetSplitter.split(dataset, spec) {
                    loaded.sets[decl.dataset.name + "." + name] = subset
                }
            } catch {
                loaded.diagnostics.append(.plan(.unreadableDataset, "the split of '\(decl.dataset.name)': \(error.description)",
                                                at: decl.range))
            }
        }
        return loaded
    }
}
