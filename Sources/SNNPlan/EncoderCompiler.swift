// EncoderCompiler: an `input` whose encoder reads dataset features (`poisson(rate = mnist.image * 63.75 Hz)`,
// `gaussian_fields(iris.features, count = 12)`) → an EncoderPlan, and the dataset it reads. Rate and current
// encoders take any affine function of the features, `features · scale + offset` (found by walking the
// expression: a dataset member, constants, + − × ÷ with a constant); temporal encoders take the features as
// they are. Gaussian fields span each feature's range over the whole dataset.

import Foundation
import SNNData
import SNNSema
import SNNSource
import SNNSyntax

enum EncoderCompiler {
    static let encoders: Set<String> = ["poisson", "bernoulli", "regular", "latency", "rank_order", "gaussian_fields",
                                        "dog", "current"]

    /// The dataset an input's encoder reads, nil when it reads none.
    static func dataset(of decl: InputDecl, datasets: Set<String>) -> String? {
        var found: String?
        func walk(_ expr: Expr) {
            switch expr.kind {
            case .member(let base, _):
                if case .name(let name) = base.kind, datasets.contains(name) { found = found ?? name } else { walk(base) }
            case .unary(_, let e): walk(e)
            case .binary(_, let a, let b): walk(a); walk(b)
            case .call(_, let arguments): arguments.forEach { walk($0.value) }
            case .index(let base, let indices): walk(base); indices.forEach(walk)
            case .list(let items): items.forEach(walk)
            default: break
            }
        }
        for argument in decl.encoder.call.arguments ?? [] { walk(argument.value) }
        return found
    }

    static func compile(_ decl: InputDecl, source: Int, dataset: Dataset, datasetName: String, dt: Double,
                        constants: FileConstants) throws -> EncoderPlan {
        let call = decl.encoder.call
        let name = call.name.name
        let parameters = (ArgumentBinder.parameters[name] ?? ["value"]) + ["count", "width", "latest", "center", "surround", "coding", "rate"]
        let arguments = ArgumentBinder.bind(call.arguments ?? [], to: parameters)
        let values = ValueCompiler(constants: constants)
        func number(_ key: String, default fallback: Double) throws -> Double {
            guard let argument = arguments[key] else { return fallback }
            guard let value = try values.compile(argument.value).constantValue else {
                throw PlanFailure(.unsupportedInput, "'\(key)' must be one number known before the run", at: argument.value.range)
            }
            return value
        }
        func steps(_ key: String, default fallback: Double) throws -> Int {
            max(0, Int((try number(key, default: fallback) / dt).rounded()))
        }
        let data = arguments["rate"] ?? arguments["value"] ?? arguments["image"] ?? call.arguments?.first
        guard let data else { throw PlanFailure(.unsupportedInput, "the encoder reads no dataset features", at: call.range) }
        let map = try affine(data.value, dataset: datasetName, values: values)
        let features = dataset.featureCount
        func plain() throws {
            guard map.scale == 1, map.offset == 0 else {
                throw PlanFailure(.unsupportedInput, "`\(name)` reads the features as they are (normalise them with the dataset's `normalize = minmax`)",
                                  at: data.value.range)
            }
        }
        switch name {
        case "poisson", "bernoulli", "regular", "current":
            let kind: EncoderPlan.Kind = name == "poisson" ? .poisson : name == "bernoulli" ? .bernoulli
                : name == "regular" ? .regular : .current
            return EncoderPlan(source: source, kind: kind, featureCount: features, scale: Float(map.scale),
                               offset: Float(map.offset))
        case "latency":
            try plain()
            return EncoderPlan(source: source, kind: .latency(latestSteps: try steps("latest", default: 20e-3)), featureCount: features)
        case "rank_order":
            try plain()
            return EncoderPlan(source: source, kind: .rankOrder(latestSteps: try steps("latest", default: 20e-3)), featureCount: features)
        case "gaussian_fields":
            try plain()
            var low = [Float](repeating: .infinity, count: features), high = [Float](repeating: -.infinity, count: features)
            for sample in 0..<dataset.count {
                for (f, x) in dataset.features(of: sample).enumerated() {
                    low[f] = min(low[f], x)
                    high[f] = max(high[f], x)
                }
            }
            let count = Int(try number("count", default: 10))
            guard count > 2 else { throw PlanFailure(.unsupportedInput, "Gaussian receptive fields need at least 3 fields per feature", at: call.range) }
            return EncoderPlan(source: source, kind: .gaussianFields(count: count, width: try number("width", default: 1.5),
                                                                    latestSteps: try steps("latest", default: 20e-3),
                                                                    low: low, high: high, minimumResponse: 0.1),
                               featureCount: features)
        case "dog":
            try plain()
            guard dataset.featureShape.count == 2 else {
                throw PlanFailure(.unsupportedInput, "`dog` filters images; '\(datasetName)' has samples of shape \(dataset.featureShape)", at: call.range)
            }
            var latency = true
            if case .name(let coding)? = arguments["coding"]?.value.kind { latency = coding != "rate" }
            return EncoderPlan(source: source, kind: .differenceOfGaussians(height: dataset.featureShape[0], width: dataset.featureShape[1],
                                                                           center: try number("center", default: 1),
                                                                           surround: try number("surround", default: 2),
                                                                           latency: latency, maximumRate: try number("rate", default: 100),
                                                                           latestSteps: try steps("latest", default: 20e-3)),
                               featureCount: features)
        default:
            throw PlanFailure(.unsupportedInput, "`\(name)` does not encode dataset features", at: call.range)
        }
    }

    /// `expr` as `features · scale + offset`.
    private static func affine(_ expr: Expr, dataset: String, values: ValueCompiler) throws -> (scale: Double, offset: Double) {
        func fail() -> PlanFailure {
            PlanFailure(.unsupportedInput, "an encoder's value must be the features times and plus constants (`\(dataset).features * 100 Hz`)",
                        at: expr.range)
        }
        switch expr.kind {
        case .member(let base, _):
            if case .name(let name) = base.kind, name == dataset { return (1, 0) }
        case .unary(.negate, let e):
            let inner = try affine(e, dataset: dataset, values: values)
            return (-inner.scale, -inner.offset)
        case .unary(.plus, let e):
            return try affine(e, dataset: dataset, values: values)
        case .binary(let op, let a, let b):
            let constantA = try? values.compile(a).constantValue, constantB = try? values.compile(b).constantValue
            switch (op, constantA, constantB) {
            case (.multiply, let k?, nil):
                let inner = try affine(b, dataset: dataset, values: values)
                return (inner.scale * k, inner.offset * k)
            case (.multiply, nil, let k?):
                let inner = try affine(a, dataset: dataset, values: values)
                return (inner.scale * k, inner.offset * k)
            case (.divide, nil, let k?) where k != 0:
                let inner = try affine(a, dataset: dataset, values: values)
                return (inner.scale / k, inner.offset / k)
            case (.add, let k?, nil):
                let inner = try affine(b, dataset: dataset, values: values)
                return (inner.scale, inner.offset + k)
            case (.add, nil, let k?):
                let inner = try affine(a, dataset: dataset, values: values)
                return (inner.scale, inner.offset + k)
            case (.subtract, nil, let k?):
                let inner = try affine(a, dataset: dataset, values: values)
                return (inner.scale, inner.offset - k)
            case (.subtract, let k?, nil):
                let inner = try affine(b, dataset: dataset, values: values)
                return (-inner.scale, k - inner.offset)
            default:
                break
            }
        default:
            break
        }
        throw fail()
    }
}
