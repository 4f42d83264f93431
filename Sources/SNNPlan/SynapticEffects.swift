// SynapticEffects: a connection's `on spike { … }` block lowered to what the runtime delivers — for each
// statement, a state of the target neuron and the amount a spike adds to it, `weight × scale`. A statement
// must be `x += amount` or `x -= amount` with x a state of the target model and the amount linear in the
// weight: a constant `c` (numbers, quantities, the file's constants, the target's parameters, arithmetic and
// math on them), `w`, `w * c`, `c * w` or `w / c`. Anything else — `*=`, `=`, `if`, amounts that read the
// target's state — is reported with PlanCode.unsupportedSynapticEffect at the statement. A connection from a
// `current` input lowers the same way, onto parameters of the target instead of states (its current multiplies
// the amount at run time).

import SNNSema
import SNNSource
import SNNSyntax

/// One statement lowered: `state += factor` (× the synapse's weight when `usesWeight`).
struct LoweredEffect: Equatable {
    var state: String
    var factor: Double
    var usesWeight: Bool
    var range: SourceRange
}

enum SynapticEffects {
    /// The block's statements for a target population of `model`, whose call sets `overrides`; onto parameters
    /// when `drivesParameters` (a connection from a current input).
    static func lower(_ handler: EventHandler, target model: ModelInfo, overrides: [String: Expr],
                      constants: FileConstants, drivesParameters: Bool = false) -> (effects: [LoweredEffect], diagnostics: [Diagnostic]) {
        var effects: [LoweredEffect] = []
        var diagnostics: [Diagnostic] = []
        let values = ValueCompiler.forModel(model, overrides: overrides, constants: constants)
        for statement in handler.body {
            do {
                effects.append(try lower(statement, model: model, values: values, drivesParameters: drivesParameters))
            } catch let error as ValueError {
                diagnostics.append(.plan(.unsupportedSynapticEffect, error.message, at: statement.range,
                                         notes: error.range == statement.range ? [] : [DiagnosticNote("here", at: error.range)],
                                         help: "a spike adds an amount to a state of its target: `x += w`, `x += w * 2 mV`, `x -= 1 nS`"))
            } catch {}
        }
        return (effects, diagnostics)
    }

    private static func lower(_ statement: Statement, model: ModelInfo, values: ValueCompiler,
                              drivesParameters: Bool) throws -> LoweredEffect {
        guard case .assignment(let target, let op, let amount) = statement.kind else {
            throw ValueError(message: "an `if` in an `on spike` block cannot be delivered yet", range: statement.range)
        }
        guard op == .add || op == .subtract else {
            throw ValueError(message: "`\(op.rawValue)` in an `on spike` block cannot be delivered yet; only `+=` and `-=` can",
                             range: statement.range)
        }
        guard case .name(let name) = target.kind, name != "w",
              model.variable(name)?.kind == (drivesParameters ? .param : .state) else {
            throw ValueError(message: "an `on spike` block can only add to a state variable of the target neuron",
                             range: target.range)
        }
        let (usesWeight, factor) = try linear(amount, values: values)
        return LoweredEffect(state: name, factor: op == .add ? factor : -factor, usesWeight: usesWeight,
                             range: statement.range)
    }

    /// The amount as `factor` or `factor × w`.
    private static func linear(_ expr: Expr, values: ValueCompiler) throws -> (usesWeight: Bool, factor: Double) {
        guard mentionsWeight(expr) else {
            let value = try values.compile(expr)
            guard let c = value.constantValue else {
                throw ValueError(message: value.isRandom ? "a random amount in an `on spike` block cannot be delivered yet"
                                    : "the amount must be one value for all synapses",
                                 range: expr.range)
            }
            return (false, c)
        }
        switch expr.kind {
        case .name:
            return (true, 1)
        case .unary(let op, let operand):
            let (w, f) = try linear(operand, values: values)
            return (w, op == .negate ? -f : f)
        case .binary(.multiply, let lhs, let rhs):
            let a = try linear(lhs, values: values), b = try linear(rhs, values: values)
            guard !(a.usesWeight && b.usesWeight) else { break }
            return (true, a.factor * b.factor)
        case .binary(.divide, let lhs, let rhs):
            let a = try linear(lhs, values: values), b = try linear(rhs, values: values)
            guard !b.usesWeight else { break }
            return (a.usesWeight, a.factor / b.factor)
        case .binary(let op, let lhs, let rhs) where op == .add || op == .subtract:
            let a = try linear(lhs, values: values), b = try linear(rhs, values: values)
            guard a.usesWeight == b.usesWeight else { break }
            return (a.usesWeight, op == .add ? a.factor + b.factor : a.factor - b.factor)
        default:
            break
        }
        throw ValueError(message: "the amount must be the weight times a constant (`w`, `w * c`, `w / c`)", range: expr.range)
    }

    private static func mentionsWeight(_ expr: Expr) -> Bool {
        switch expr.kind {
        case .name(let name): return name == "w"
        case .unary(_, let e): return mentionsWeight(e)
        case .binary(_, let a, let b): return mentionsWeight(a) || mentionsWeight(b)
        case .call(_, let arguments): return arguments.contains { mentionsWeight($0.value) }
        case .index(let base, let indices): return mentionsWeight(base) || indices.contains(where: mentionsWeight)
        case .list(let elements): return elements.contains(where: mentionsWeight)
        case .member(let base, _): return mentionsWeight(base)
        case .range(let a, let b): return mentionsWeight(a) || mentionsWeight(b)
        default: return false
        }
    }

    /// The effects of a projection onto `population`: buffers found by state name, and the weights adjusted so
    /// that `weight × scale` is each statement's amount — without `w` in any amount the weights become 1; with
    /// amounts both with and without `w`, the weights must all be equal (their value divides the constant ones).
    /// Returns nil with a message when the amounts cannot share the weights.
    static func resolve(_ effects: [LoweredEffect], in population: PopulationPlan, weights: inout [Float],
                        drivesParameters: Bool = false) -> Result<[SynapticEffect], EffectResolutionError> {
        guard !effects.isEmpty else { return .success([]) }
        var resolved: [SynapticEffect] = []
        let withWeight = effects.contains(where: \.usesWeight), withoutWeight = effects.contains { !$0.usesWeight }
        var divisor = 1.0
        if !withWeight {
            for k in weights.indices { weights[k] = 1 }
        } else if withoutWeight {
            guard let first = weights.first, first != 0, weights.allSatisfy({ $0 == first }) else {
                return .failure(.mixedWeights)
            }
            divisor = Double(first)
        }
        for effect in effects {
            guard let buffer = population.buffer(named: effect.state),
                  population.buffers[buffer].kind == (drivesParameters ? .parameter : .state) else {
                return .failure(.missingBuffer(effect.state))
            }
            let scale = effect.usesWeight ? effect.factor : effect.factor / divisor
            resolved.append(SynapticEffect(buffer: buffer, scale: Float(scale)))
        }
        return .success(resolved)
    }

    enum EffectResolutionError: Error, Equatable {
        /// Some amounts use `w`, some not, and the weights differ between synapses.
        case mixedWeights
        /// The compiled population has no state (or driven parameter) buffer of this name (an internal error).
        case missingBuffer(String)
    }
}
