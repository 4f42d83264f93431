// DatasetChecker: `dataset` declarations (a known reader, its arguments, the file's shape read from its header
// through the driver's inspector) and `split` declarations (parts that add up, known options), which together
// give datasets their members: `mnist.image`, `iris.features`, `iris.train`.

import SNNSource
import SNNSyntax

struct DatasetChecker {
    let sink: DiagnosticSink
    let globals: GlobalScope
    let inspector: DatasetInspector

    private var expressions: ExpressionChecker { ExpressionChecker(sink: sink, scope: globals) }

    func check(_ decl: DatasetDecl) -> DatasetInfo {
        var info = DatasetInfo(name: decl.name, reader: decl.source.name.name, shape: nil, parts: [])
        guard let reader = NetworkBuiltins.reader(decl.source.name.name) else {
            sink.report(.unknownDatasetReader, "no dataset reader named '\(decl.source.name.name)'", at: decl.source.name.range,
                        help: sink.suggestion(for: decl.source.name.name, among: NetworkBuiltins.readers.map(\.name))
                            ?? "the readers are csv(…), idx(…) and cifar10(…)")
            globals.datasetFields[decl.name.name] = fields(reader: nil, shape: nil, image: nil)
            return info
        }
        let arguments = BuiltinArgumentChecker(expressions: expressions).check(reader, noun: "reader", call: decl.source)
        var shape: DatasetShape?
        if let pathArgument = arguments["path"], case .string(let path) = pathArgument.argument.value.kind {
            var labelsPath: String?
            if case .string(let p)? = arguments["labels"]?.argument.value.kind { labelsPath = p }
            var hasHeader = true
            if case .boolean(let b)? = arguments["header"]?.argument.value.kind { hasHeader = b }
            let request = DatasetRequest(reader: reader.name, path: path, labelsPath: labelsPath, hasHeader: hasHeader,
                                         labelColumn: arguments["label"]?.word)
            switch inspector.inspect(request) {
            case .found(let found):
                shape = found
            case .notFound(let searched):
                sink.report(.datasetNotFound, "dataset file '\(path)' is not found, so its shape cannot be checked",
                            at: pathArgument.argument.value.range,
                            notes: searched.map { DiagnosticNote("looked in \($0)") },
                            help: "pass the data folder with --data DIR or set SNNC_DATA")
            case .invalid(let message):
                sink.report(.datasetFileInvalid, "dataset '\(decl.name.name)': \(message)", at: pathArgument.argument.value.range)
            }
        }
        info.shape = shape
        let image = imageShape(arguments["image"], features: shape?.featureShape.reduce(1, *))
        globals.datasetFields[decl.name.name] = fields(reader: reader.name, shape: shape, image: image)
        return info
    }

    /// A CSV's `image = [H, W]` (or [C, H, W]): positive sizes whose product is the feature count when known.
    private func imageShape(_ argument: CheckedArgument?, features: Int?) -> [Int]? {
        guard let argument, let values = argument.constant?.values else { return nil }
        let sizes = values.map { Int($0) }
        guard (2...3).contains(sizes.count), sizes.allSatisfy({ $0 > 0 }) else {
            sink.report(.valueOutOfRange, "an image shape is [height, width] or [channels, height, width] of positive sizes",
                        at: argument.argument.value.range)
            return nil
        }
        if let features, sizes.reduce(1, *) != features {
            sink.report(.shapeMismatch, "the image shape \(sizes) holds \(sizes.reduce(1, *)) values but each sample has \(features) features",
                        at: argument.argument.value.range, help: "give sizes whose product is \(features)")
            return nil
        }
        return sizes
    }

    /// The fields of a dataset: `features` (flat), `image` (IDX and CIFAR-10 as stored, a CSV with `image = …`
    /// in that shape), `label`.
    private func fields(reader: String?, shape: DatasetShape?, image: [Int]?) -> [String: TypedValue] {
        let featureShape = shape?.featureShape
        var fields: [String: TypedValue] = [
            "features": TypedValue(.number, shape: featureShape.map { [$0.reduce(1, *)] }),
            "label": .number,
        ]
        if let image { fields["image"] = TypedValue(.number, shape: image) }
        else if reader != "csv" { fields["image"] = TypedValue(.number, shape: featureShape) }
        return fields
    }

    static let splitOptions = ["shuffle", "stratify", "seed"]

    /// A split: its parts (fractions with `%` or sample counts), `shuffle`, `stratify`, `seed = N`.
    func check(_ decl: SplitDecl, datasets: inout [DatasetInfo]) {
        let name = decl.dataset.name
        guard let index = datasets.firstIndex(where: { $0.name.name == name }) else {
            if let binding = globals.lookup(name) {
                sink.report(.wrongKind, "'\(name)' is \(withArticle(binding.kind.noun)), not a dataset", at: decl.dataset.range)
            } else {
                sink.report(.undefinedName, "no dataset named '\(name)'", at: decl.dataset.range,
                            help: sink.suggestion(for: name, among: datasets.map(\.name.name)))
            }
            return
        }
        if !datasets[index].parts.isEmpty {
            sink.report(.splitInvalid, "dataset '\(name)' is already split", at: decl.dataset.range,
                        help: "give all its parts in one split")
            return
        }
        var parts: [String] = []
        var fractions = 0.0, counts = 0
        var kinds = Set<String>()
        for part in decl.parts {
            let word = part.name.name
            if Self.splitOptions.contains(word) {
                if word == "seed" {
                    guard let value = part.value else {
                        sink.report(.missingArgument, "'seed' needs a value: seed = 7", at: part.range)
                        continue
                    }
                    _ = BuiltinArgumentChecker(expressions: expressions)
                        .check(Argument(label: part.name, value: value, range: part.range), ParameterSpec("seed", .nonNegativeCount), in: "the seed")
                } else if let value = part.value {
                    sink.report(.tooManyArguments, "'\(word)' is a switch and takes no value", at: value.range)
                }
                continue
            }
            if parts.contains(word) {
                sink.report(.splitInvalid, "the part '\(word)' is given twice", at: part.name.range)
                continue
            }
            parts.append(word)
            guard let value = part.value, !part.isOption else {
                sink.report(.splitInvalid, "the part '\(word)' needs a size: a percentage such as `\(word) 20%` or a sample count",
                            at: part.range, help: sink.suggestion(for: word, among: Self.splitOptions))
                continue
            }
            guard case .quantity(_, _, let unit) = value.kind, unit.text == "%" else {
                let checked = BuiltinArgumentChecker(expressions: expressions)
                    .check(Argument(label: part.name, value: value, range: part.range), ParameterSpec(word, .count), in: "the size of '\(word)'")
                counts += checked?.constant?.integer ?? 0
                kinds.insert("count")
                continue
            }
            kinds.insert("fraction")
            if let f = ConstantEvaluator(scope: globals).evaluate(value)?.scalar {
                if f <= 0 { sink.report(.splitInvalid, "the part '\(word)' must be larger than 0%", at: value.range) }
                fractions += f
            }
        }
        if kinds.count > 1 {
            sink.report(.splitInvalid, "a split gives all its parts as percentages or all as sample counts", at: decl.range)
        } else if fractions > 1 + 1e-9 {
            sink.report(.splitInvalid, "the parts of the split add up to \(format((fractions * 1000).rounded() / 10))%, more than 100%",
                        at: decl.range)
        } else if let samples = datasets[index].shape?.samples, counts > samples {
            sink.report(.splitInvalid, "the parts of the split take \(counts) samples but '\(name)' has \(samples)", at: decl.range)
        }
        datasets[index].parts = parts
        globals.datasetParts[name] = parts
    }
}
