// SourceCompiler: `input` declarations → SourcePlans. poisson(rate) and bernoulli(rate) take one rate for all
// sources or one per source (a list, or a random draw per source); regular(rate, phase) adds the first
// spike's step; pulse_packet(time, jitter) gives each source one spike at time + jitter·N(0, 1), rounded to a
// step and clamped at 0; spike_file(path) reads `source,time_ms` rows (SpikeFileReader); current(value) is a
// group of current generators, one current for all or one per source. Encoders of dataset features (rates
// from `mnist.image`, latency, rank_order, gaussian_fields, dog) are presented by `train` and `evaluate`, and
// are PlanCode.unsupportedInput here. Draws made here use the group's planning stream
// (PlanStreams.sourceSetup) with the source as the index.

import SNNSema
import SNNSource
import SNNSyntax

enum SourceCompiler {
    /// Turns a path as written into the file to read (the driver searches beside the model, `--data`,
    /// `$SNNC_DATA`); nil when not found.
    typealias PathResolver = (String) -> String?

    static func compile(_ decl: InputDecl, size: Int?, group: Int, schedule: Schedule,
                        constants: FileConstants, resolvePath: PathResolver)
        -> (plan: SourcePlan?, diagnostics: [Diagnostic]) {
        let call = decl.encoder.call
        let name = call.name.name
        let arguments = ArgumentBinder.bind(call)
        let values = ValueCompiler(constants: constants)
        let stream = PlanStreams.sourceSetup(group)
        func fail(_ code: PlanCode, _ message: String, at range: SourceRange, help: String? = nil)
            -> (plan: SourcePlan?, diagnostics: [Diagnostic]) {
            (nil, [.plan(code, message, at: range, help: help)])
        }
        func datasetInput(_ range: SourceRange) -> (plan: SourcePlan?, diagnostics: [Diagnostic]) {
            fail(.unsupportedInput, "the input '\(decl.name.name)' encodes dataset features, which are presented sample by sample by `train` and `evaluate`",
                 at: range, help: "dataset encoders run with `train`/`evaluate`; `snnc run` simulates poisson, bernoulli, regular, current, pulse_packet and spike_file inputs")
        }
        /// A value that cannot be computed before the run: a dataset's data (presented by `train`), or another.
        func notSetUp(_ error: ValueError) -> (plan: SourcePlan?, diagnostics: [Diagnostic]) {
            if error.message.contains("data from a dataset") { return datasetInput(error.range) }
            return fail(.unsupportedInput, "the input '\(decl.name.name)' cannot be set up before the run: \(error.message)",
                        at: error.range)
        }
        /// Per-source values of an argument, in SI units: one for all or one per source.
        func perSource(_ parameter: String, default fallback: Double? = nil) throws -> [Double]? {
            guard let argument = arguments[parameter] else { return fallback.map { [$0] } }
            let value = try values.compile(argument.value)
            guard let size else { return nil }
            if !value.isRandom, value.count == 1 { return [value.value(at: 0, seed: schedule.seed, stream: stream)] }
            guard value.count == 1 || value.count == size else {
                throw ValueError(message: "'\(parameter)' has \(value.count) values but the input has \(size) sources",
                                 range: argument.value.range)
            }
            return (0..<size).map { value.value(at: $0, seed: schedule.seed, stream: stream) }
        }

        switch name {
        case "latency", "rank_order", "gaussian_fields", "dog":
            return datasetInput(call.range)
        case "current":
            guard size != nil else { return datasetInput(call.range) }
            do {
                guard let amperes = try perSource("value") else { return (nil, []) }
                if let bad = amperes.first(where: { !$0.isFinite }) {
                    return fail(.unsupportedInput, "a current must be finite, not \(bad) A", at: arguments["value"]?.value.range ?? call.range)
                }
                return (SourcePlan(name: decl.name.name, size: size!, kind: .current(amperes: amperes.map { Float($0) })), [])
            } catch let error as ValueError {
                return notSetUp(error)
            } catch {
                return (nil, [])
            }
        case "poisson", "bernoulli", "regular", "pulse_packet":
            guard let size else { return datasetInput(call.range) }
            do {
                if name == "pulse_packet" {
                    guard let times = try perSource("time"), let jitters = try perSource("jitter", default: 0) else {
                        return (nil, [])
                    }
                    let steps = (0..<size).map { i -> Int in
                        let jitter = jitters[jitters.count == 1 ? 0 : i]
                        let z = jitter == 0 ? 0 : CounterRNG.normal(0, 1, seed: schedule.seed, stream: stream,
                                                                    counter: 1 << 32, index: UInt64(i))
                        let t = times[times.count == 1 ? 0 : i] + jitter * z
                        return max(0, Int((t / schedule.dt).rounded()))
                    }
                    return (SourcePlan(name: decl.name.name, size: size, kind: .spikeTimes(steps: steps)), [])
                }
                guard let rates = try perSource("rate") else { return (nil, []) }
                if let negative = rates.first(where: { $0 < 0 || !$0.isFinite }) {
                    return fail(.unsupportedInput, "a rate must be a finite number of Hz ≥ 0, not \(negative) Hz",
                                at: arguments["rate"]?.value.range ?? call.range)
                }
                let floats = rates.map { Float($0) }
                switch name {
                case "poisson":
                    return (SourcePlan(name: decl.name.name, size: size, kind: .poisson(rates: floats)), [])
                case "bernoulli":
                    return (SourcePlan(name: decl.name.name, size: size, kind: .bernoulli(rates: floats)), [])
                default:
                    let phase = try perSource("phase", default: 0) ?? [0]
                    guard phase.count == 1, phase[0] >= 0 else {
                        return fail(.unsupportedInput, "the phase of a regular input must be one time ≥ 0",
                                    at: arguments["phase"]?.value.range ?? call.range)
                    }
                    return (SourcePlan(name: decl.name.name, size: size,
                                       kind: .regular(rates: floats, phaseSteps: Int((phase[0] / schedule.dt).rounded()))), [])
                }
            } catch let error as ValueError {
                return notSetUp(error)
            } catch {
                return (nil, [])
            }
        case "spike_file":
            guard let size, let argument = arguments["path"], case .string(let path) = argument.value.kind else { return (nil, []) }
            switch SpikeFileReader.read(path, resolvePath: resolvePath, sources: size, dt: schedule.dt) {
            case .success(let spikes):
                return (SourcePlan(name: decl.name.name, size: size,
                                   kind: .spikeList(sources: spikes.sources, steps: spikes.steps)), [])
            case .failure(let problem):
                return fail(.unreadableSpikeFile, problem.message, at: argument.value.range, help: problem.help)
            }
        default:
            return (nil, [])
        }
    }
}
