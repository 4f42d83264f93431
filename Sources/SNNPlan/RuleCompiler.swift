// RuleCompiler: a `learn rule(…)` clause of one projection → a PlasticityPlan. Parameters fold to constants
// (the clause's arguments override the rule's defaults); per-synapse variables other than `w` get their
// initial values drawn per synapse from the projection's plasticity stream; every trace and decaying
// per-synapse variable must decay exponentially, `dx/dt = -x / tau` (found by evaluating the right-hand side
// at x = 0 and x = 1), and becomes an exact per-step factor exp(-dt / tau). Handlers are compiled twice over
// the lane buffers (see PlasticityPlan): once keeping the per-synapse stores, once the firing neuron's traces.
// A handler that sets a trace of the other side, or a trace from a per-synapse value, is PlanCode.unsupportedRule.

import Foundation
import SNNSema
import SNNSource
import SNNSyntax

struct RuleCompiler {
    let rule: ModelInfo
    let overrides: [String: Expr]
    let constants: FileConstants
    let dt: Double
    let range: SourceRange

    /// The plan of `rule` for a projection with `weights` (its synapses' initial `w`).
    func compile(projection: Int, weights: [Float], seed: UInt64) throws -> PlasticityPlan {
        let values = ValueCompiler.forModel(rule, overrides: overrides, constants: constants)
        var parameters: [String: Double] = [:]
        for variable in rule.variables where variable.kind == .param {
            let expr = overrides[variable.name] ?? variable.initial
            guard let expr, let value = try? values.compile(expr).constantValue else {
                throw failure("the parameter '\(variable.name)' of '\(rule.name)' must be one number known before the run")
            }
            parameters[variable.name] = value
        }

        var synaptic = [SynapseVariablePlan(name: "w", initial: weights, decayPerStep: 1)]
        var pre: [TracePlan] = [], post: [TracePlan] = []
        for variable in rule.variables {
            switch variable.kind {
            case .synaptic where variable.name != "w":
                let expr = overrides[variable.name] ?? variable.initial
                var initial: [Float] = [0]
                if let expr {
                    let value = try values.compile(expr)
                    initial = value.isRandom || value.count > 1
                        ? value.floats(count: weights.count, seed: seed, stream: PlanStreams.plasticity(projection))
                        : [Float(value.constantValue ?? 0)]
                }
                synaptic.append(SynapseVariablePlan(name: variable.name, initial: initial,
                                                    decayPerStep: try decay(of: variable.name, parameters)))
            case .preTrace, .postTrace:
                var initial: Float = 0
                if let expr = overrides[variable.name] ?? variable.initial {
                    guard let value = try values.compile(expr).constantValue else {
                        throw failure("the trace '\(variable.name)' must start at one number")
                    }
                    initial = Float(value)
                }
                let trace = TracePlan(name: variable.name, initial: initial, decayPerStep: try decay(of: variable.name, parameters))
                if variable.kind == .preTrace { pre.append(trace) } else { post.append(trace) }
            default:
                break
            }
        }
        var plan = PlasticityPlan(projection: projection, rule: rule.name, synapticVariables: synaptic,
                                  preTraces: pre, postTraces: post, onPre: nil, onPost: nil, onReward: nil)
        plan.onPre = try handler("pre", plan: plan, parameters: parameters, owned: Set(pre.map(\.name)))
        plan.onPost = try handler("post", plan: plan, parameters: parameters, owned: Set(post.map(\.name)))
        plan.onReward = try handler("reward", plan: plan, parameters: parameters, owned: [])
        return plan
    }

    /// The per-step factor of `dx/dt = -x / tau`; 1 when `x` has no equation.
    private func decay(of name: String, _ parameters: [String: Double]) throws -> Double {
        guard let equation = rule.equations[name] else { return 1 }
        func rate(at x: Double) throws -> Double {
            let compiler = expressionCompiler(parameters)
            compiler.bind(name, .value(.constant(x)))
            guard let value = try compiler.compile(equation.rhs).constant else {
                throw failure("d\(name)/dt must depend only on \(name) and the parameters", at: equation.range)
            }
            return value
        }
        let atZero = try rate(at: 0), atOne = try rate(at: 1)
        let slope = atOne - atZero
        guard atZero == 0, slope < 0, abs(try rate(at: 2) - 2 * slope) <= 1e-9 * abs(slope) else {
            throw failure("the runtime integrates rule variables that decay exponentially, d\(name)/dt = -\(name) / tau",
                          at: equation.range)
        }
        return exp(slope * dt)
    }

    private func expressionCompiler(_ parameters: [String: Double]) -> ExpressionCompiler {
        let compiler = ExpressionCompiler(globals: GlobalValues(constants: constants.values, expressions: constants.expressions),
                                          tables: TableSet(), size: 1, streams: StreamAllocator(), failureCode: .unsupportedRule)
        for (name, value) in parameters { compiler.bind(name, .value(.constant(value))) }
        return compiler
    }

    /// Both programs of the handler for `event`, nil when the rule has none.
    private func handler(_ event: String, plan: PlasticityPlan, parameters: [String: Double], owned: Set<String>) throws
        -> RuleHandlerPlan? {
        guard let handler = rule.handlers[event] else { return nil }
        let synapticNames = plan.synapticVariables.map(\.name)
        let traceNames = plan.preTraces.map(\.name) + plan.postTraces.map(\.name)
        let lanes = synapticNames + traceNames
        let compiler = expressionCompiler(parameters)
        for (k, name) in lanes.enumerated() { compiler.bind(name, .value(.operand(.buffer(k)))) }
        if let argument = handler.parameters.first {
            compiler.bind(argument.name, .value(.operand(.buffer(plan.argumentBuffer))))
        }
        compiler.declareMutable(lanes)
        let assigned = try StatementCompiler(compiler: compiler).compile(handler.body)
        for name in assigned where traceNames.contains(name) {
            guard owned.contains(name) else {
                throw failure("`on \(event)` sets '\(name)', a trace of the other side of the synapse", at: handler.range)
            }
            let value = compiler.currentValue(of: name)!
            if case .operand(let operand) = value, reads(operand, compiler: compiler, synapticCount: synapticNames.count) {
                throw failure("`on \(event)` sets the trace '\(name)' from a per-synapse value; a trace belongs to a neuron",
                              at: handler.range)
            }
        }
        func program(storing names: [String]) -> Program {
            var builder = compiler.builder
            for name in names {
                let index = lanes.firstIndex(of: name)!
                builder.store(compiler.currentValue(of: name)!, into: index)
            }
            return builder.finish()
        }
        return RuleHandlerPlan(synapses: program(storing: assigned.filter { synapticNames.contains($0) }),
                               neurons: program(storing: assigned.filter { traceNames.contains($0) }))
    }

    /// Whether `operand`'s value depends on a per-synapse buffer (buffers below `synapticCount`).
    private func reads(_ operand: Operand, compiler: ExpressionCompiler, synapticCount: Int) -> Bool {
        compiler.builder.dependsOnBuffers(operand, below: synapticCount)
    }

    private func failure(_ message: String, at range: SourceRange? = nil) -> PlanFailure {
        PlanFailure(.unsupportedRule, message, at: range ?? self.range)
    }
}

extension ProgramBuilder {
    /// Whether `operand` is, or is computed from, a buffer with an index below `limit`.
    func dependsOnBuffers(_ operand: Operand, below limit: Int) -> Bool {
        switch operand {
        case .buffer(let b): return b < limit
        case .constant, .table: return false
        case .register(let r):
            guard let instruction = instructions.last(where: { $0.destination == r }) else { return false }
            return instruction.operands.contains { dependsOnBuffers($0, below: limit) }
        }
    }
}
