// NeuronCompiler: lowers one population — a checked neuron model, the population's arguments
// (`lif(tau_m = 10 ms, I_e = steps)[10]`) and its size — into a PopulationPlan:
//
//  - buffers: one per state variable (declaration order), then one per parameter that differs between neurons
//    (a random default such as `param r = uniform(0, 1)`, a list argument with one value per neuron, or a
//    value computed from those). Parameters equal for all neurons are folded into the programs as constants.
//  - initialize: the per-neuron parameters' values, then the states' initial values (which may use
//    parameters, `let` values, other states' initial values and random draws); a list argument becomes a
//    table (`PopulationPlan.tables`) copied in here.
//  - update: one step dt by the integration method (see `Integrators`): the model's `method`, or by default
//    `exact` when the equations are linear with constant coefficients, else `exponential_euler` when each is
//    linear in its own variable, else `rk4`. The variables a reset sets with `=` are stored with
//    `heldWhileRefractory` when the model has a refractory period.
//  - threshold: the spike condition (`result` holds 1 or 0), nil without `spike when`.
//  - reset: the reset statements, for the neurons that spiked.
//  - refractory: `refractory 2 ms` becomes round(t / dt) steps (the same for every neuron, or a diagnostic);
//    `refractory v > -40 mV` a condition program.
// All values are SI, folded in Double and stored as Float32. What the runtime cannot do is a diagnostic.

import SNNSema
import SNNSource
import SNNSyntax

public enum NeuronCompiler {
    /// Lowers the population `population` of a checked model, finding its declaration, neuron model and the
    /// file's constants in `checked`.
    public static func compile(population: PopulationInfo, in checked: CheckedModel, dt: Double,
                               streams: inout StreamAllocator, sources: SourceManager)
        -> Result<PopulationPlan, PlanFailure> {
        var declaration: PopulationDecl?
        var constantExpressions: [String: Expr] = [:]
        for item in checked.syntax.items {
            switch item.kind {
            case .population(let p) where p.name.name == population.name.name && declaration == nil:
                declaration = p
            case .constant(let c) where checked.constants[c.name.name] == nil:
                constantExpressions[c.name.name] = c.value
            default:
                break
            }
        }
        guard let declaration, let model = checked.models[population.modelName], model.kind == .neuron else {
            return .failure(PlanFailure(.unsupportedIntegration,
                                        "population '\(population.name.name)' has no neuron model to compile",
                                        at: population.name.range))
        }
        return compile(population: population, declaration: declaration, model: model, constants: checked.constants,
                       constantExpressions: constantExpressions, dt: dt, streams: &streams, sources: sources,
                       drivenParameters: CurrentDrives.drivenParameters(of: population.name.name, in: checked))
    }

    /// Lowers one population of `model`. `constants` are the file's constants known before the run (in SI);
    /// `constantExpressions` the others (a constant defined by a random draw), compiled where used. `dt` is
    /// the time step in seconds. Every random draw site gets a fresh stream from `streams`, which is advanced
    /// only when the population compiles. `drivenParameters` (those current inputs drive) get buffers.
    public static func compile(population: PopulationInfo, declaration: PopulationDecl, model: ModelInfo,
                               constants: [String: ConstantValue], constantExpressions: [String: Expr] = [:],
                               dt: Double, streams: inout StreamAllocator, sources: SourceManager,
                               drivenParameters: Set<String> = [])
        -> Result<PopulationPlan, PlanFailure> {
        var lowering = PopulationLowering(population: population, declaration: declaration, model: model,
                                          globals: GlobalValues(constants: constants, expressions: constantExpressions),
                                          dt: dt, streams: streams, sources: sources, drivenParameters: drivenParameters)
        do {
            let plan = try lowering.lower()
            streams = lowering.streams
            return .success(plan)
        } catch let failure as PlanFailure {
            return .failure(failure)
        } catch {
            return .failure(PlanFailure(.unsupportedIntegration, "\(error)", at: declaration.range))
        }
    }
}

/// The work of `NeuronCompiler.compile` for one population.
private struct PopulationLowering {
    let population: PopulationInfo
    let declaration: PopulationDecl
    let model: ModelInfo
    let globals: GlobalValues
    let dt: Double
    var streams: StreamAllocator
    let sources: SourceManager
    /// Parameters that current inputs drive: buffers even when constant.
    let drivenParameters: Set<String>

    let tables = TableSet()
    let size: Int
    let states: [VariableInfo]
    let parameters: [VariableInfo]
    let aliases: [VariableInfo]
    /// The population's arguments by name.
    let arguments: [String: Expr]

    /// Filled by `initialize`: each parameter's value — a constant, or its buffer.
    private var parameterValues: [String: PlanValue] = [:]
    private var buffers: [BufferPlan] = []

    init(population: PopulationInfo, declaration: PopulationDecl, model: ModelInfo, globals: GlobalValues,
         dt: Double, streams: StreamAllocator, sources: SourceManager, drivenParameters: Set<String>) {
        self.population = population
        self.drivenParameters = drivenParameters
        self.declaration = declaration
        self.model = model
        self.globals = globals
        self.dt = dt
        self.streams = streams
        self.sources = sources
        size = max(population.size ?? 1, 1)
        states = model.variables.filter { $0.kind == .state }
        parameters = model.variables.filter { $0.kind == .param }
        aliases = model.variables.filter { $0.kind == .alias }
        var arguments: [String: Expr] = [:]
        for argument in declaration.model.call.arguments ?? [] {
            if let label = argument.label { arguments[label.name] = argument.value }
        }
        self.arguments = arguments
    }

    mutating func lower() throws -> PopulationPlan {
        var initialize = try initializeProgram()
        let refractory = try refractoryPlan()
        let held = refractory == .none ? [] : StatementCompiler.setVariables(model.reset)
        let carriesBefore = buffers.count
        let (method, update) = try updateProgram(held: held)
        initialize = Self.storingZero(into: Array(carriesBefore..<buffers.count), after: initialize)
        let threshold = try model.threshold.map { try conditionProgram($0) }
        let reset = try resetProgram()
        return PopulationPlan(name: population.name.name, model: model.name, size: size, buffers: buffers,
                              tables: tables.tables, initialize: initialize, update: update, threshold: threshold,
                              reset: reset, refractory: refractory, method: method)
    }

    // MARK: - Compilers

    private func note() -> DiagnosticNote {
        DiagnosticNote("in population '\(population.name.name)'", at: declaration.range)
    }

    /// A compiler for a program that runs after initialisation: parameters are constants or buffers, states
    /// are their buffers (mutable), `let` values are compiled where used.
    private func runtimeCompiler(failureCode: PlanCode = .unsupportedIntegration) -> ExpressionCompiler {
        let compiler = ExpressionCompiler(globals: globals, tables: tables, size: size, streams: streams,
                                          failureCode: failureCode)
        for parameter in parameters { compiler.bind(parameter.name, .value(parameterValues[parameter.name] ?? .zero)) }
        for alias in aliases {
            if let expr = alias.initial { compiler.bind(alias.name, .alias(expr)) }
        }
        for state in states {
            compiler.bind(state.name, .value(.operand(.buffer(buffers.firstIndex { $0.name == state.name }!))))
        }
        compiler.declareMutable(states.map(\.name))
        return compiler
    }

    // MARK: - initialize

    /// Decides which parameters get buffers, lays out the buffers and compiles their initial values.
    private mutating func initializeProgram() throws -> Program {
        let compiler = ExpressionCompiler(globals: globals, tables: tables, size: size, streams: streams)
        for parameter in parameters {
            if let argument = arguments[parameter.name] {
                compiler.bind(parameter.name, .deferred(argument, globalScope: true))
            } else if let initial = parameter.initial {
                compiler.bind(parameter.name, .deferred(initial, globalScope: false))
            } else {
                compiler.bind(parameter.name, .value(.zero))   // no default and no argument: 0
            }
        }
        for alias in aliases {
            if let expr = alias.initial { compiler.bind(alias.name, .alias(expr)) }
        }
        for state in states {
            if let argument = arguments[state.name] {
                compiler.bind(state.name, .deferred(argument, globalScope: true))
            } else if let initial = state.initial {
                compiler.bind(state.name, .deferred(initial, globalScope: false))
            } else {
                compiler.bind(state.name, .value(.zero))
            }
        }

        buffers = states.map { state in
            let display = DisplayUnits.unit(for: state.value.type.dimension)
            return BufferPlan(name: state.name, kind: .state, displayUnit: display.unit, displayScale: display.scale)
        }
        var perNeuron: [(buffer: Int, value: PlanValue)] = []
        for parameter in parameters {
            let value = try compiler.valueOf(parameter.name, at: parameter.declaration)
            if value.constant != nil && !drivenParameters.contains(parameter.name) {
                parameterValues[parameter.name] = value
                continue
            }
            let display = DisplayUnits.unit(for: parameter.value.type.dimension)
            buffers.append(BufferPlan(name: parameter.name, kind: .parameter, displayUnit: display.unit,
                                      displayScale: display.scale))
            parameterValues[parameter.name] = .operand(.buffer(buffers.count - 1))
            perNeuron.append((buffers.count - 1, value))
        }
        for (buffer, value) in perNeuron { compiler.builder.store(value, into: buffer) }
        for (index, state) in states.enumerated() {
            let value = try compiler.valueOf(state.name, at: state.declaration)
            compiler.builder.store(value, into: index)
        }
        streams = compiler.streams
        return compiler.builder.finish()
    }

    // MARK: - update

    private mutating func updateProgram(held: Set<String>) throws -> (method: String, program: Program) {
        let integrated = states.enumerated().compactMap { index, state -> IntegratedState? in
            model.equations[state.name].map { IntegratedState(name: state.name, buffer: index, rhs: $0.rhs) }
        }
        guard !integrated.isEmpty else { return (model.method?.name ?? "none", Program()) }
        let requested = model.method.flatMap { IntegrationMethod(rawValue: $0.name) }
        let candidates: [IntegrationMethod] = requested.map { [$0] } ?? [.exact, .exponentialEuler, .rk4]
        var compensated: [Int: Int] = [:]
        for (i, state) in integrated.enumerated() where isSlow(state) {
            buffers.append(BufferPlan(name: state.name + "~carry", kind: .state, displayUnit: buffers[state.buffer].displayUnit,
                                      displayScale: buffers[state.buffer].displayScale))
            compensated[i] = buffers.count - 1
        }
        for method in candidates {
            let compiler = runtimeCompiler()
            do {
                let step = try Integrators.step(method, integrated, compiler: compiler, dt: dt, compensated: compensated)
                for (state, value) in zip(integrated, step.values) {
                    compiler.builder.store(value, into: state.buffer, heldWhileRefractory: held.contains(state.name))
                }
                for (i, state) in integrated.enumerated() {
                    guard let carry = compensated[i], let value = step.carries[carry] else { continue }
                    compiler.builder.store(value, into: carry, heldWhileRefractory: held.contains(state.name))
                }
                streams = compiler.streams
                return (method.rawValue, compiler.builder.finish())
            } catch let failure as IntegrationFailure {
                if requested != nil { throw diagnostic(for: failure, method: method) }
            }
        }
        preconditionFailure("rk4 applies to every model")
    }

    /// Whether a state changes so slowly that a step's change is near the spacing between Floats: its own
    /// coefficient is constant with a time constant over `slowSteps` steps (Diehl & Cook's adaptive threshold,
    /// tau = 1e7 ms at dt = 0.5 ms, is 2e7 steps). Such a state adds its change with compensated summation.
    private func isSlow(_ state: IntegratedState) -> Bool {
        var decomposer = LinearDecomposer(compiler: runtimeCompiler(), variables: [state.name: 0])
        guard let form = try? decomposer.decompose(state.rhs), let rate = form.coefficients[0]?.constant else { return false }
        return rate != 0 && abs(rate) * dt < 1 / Self.slowSteps
    }

    /// The time constant, in steps, beyond which a state's decay is integrated with compensated summation.
    static let slowSteps = 10_000.0

    /// `program` followed by stores of 0 into `buffers` (the carries of compensated states start at 0).
    private static func storingZero(into buffers: [Int], after program: Program) -> Program {
        guard !buffers.isEmpty else { return program }
        var program = program
        let register = program.registerCount
        program.instructions.append(Instruction(.copy, register, [.constant(0)]))
        program.registerCount += 1
        program.stores += buffers.map { Store(buffer: $0, register: register) }
        return program
    }

    private func diagnostic(for failure: IntegrationFailure, method: IntegrationMethod) -> PlanFailure {
        let at = model.method?.range ?? model.nameRange
        switch failure {
        case .notLinear(let state, let problem):
            return PlanFailure(.unsupportedIntegration,
                               "`method = exact` needs linear equations with constant coefficients, but d\(state)/dt has \(problem.reason)",
                               at: at, notes: [DiagnosticNote("here", at: problem.range), note()],
                               help: "leave the method out to get the best applicable one, or choose `rk4` or `exponential_euler`")
        case .nonConstantCoefficient(let state, let variable, let range):
            return PlanFailure(.unsupportedIntegration,
                               "`method = exact` needs constant coefficients, but the coefficient of '\(variable)' in d\(state)/dt differs between neurons or over time",
                               at: at, notes: [DiagnosticNote("in this equation", at: range), note()],
                               help: "leave the method out to get the best applicable one, or choose `exponential_euler` or `rk4`")
        case .notLinearInOwnVariable(let state, let problem):
            return PlanFailure(.unsupportedIntegration,
                               "`method = \(method.rawValue)` needs each equation linear in its own variable, but d\(state)/dt has \(problem.reason)",
                               at: at, notes: [DiagnosticNote("here", at: problem.range), note()],
                               help: "leave the method out to get the best applicable one, or choose `rk4`")
        }
    }

    // MARK: - threshold, reset, refractory

    /// A program whose `result` is the condition, evaluated on the states' current values.
    private mutating func conditionProgram(_ condition: Expr, failureCode: PlanCode = .unsupportedIntegration) throws
        -> Program {
        let compiler = runtimeCompiler(failureCode: failureCode)
        let value = try compiler.compile(condition)
        streams = compiler.streams
        return compiler.builder.finish(result: value)
    }

    private mutating func resetProgram() throws -> Program {
        guard !model.reset.isEmpty else { return Program() }
        let compiler = runtimeCompiler()
        let assigned = try StatementCompiler(compiler: compiler).compile(model.reset)
        for name in assigned {
            let buffer = buffers.firstIndex { $0.name == name }!
            compiler.builder.store(compiler.currentValue(of: name)!, into: buffer)
        }
        streams = compiler.streams
        return compiler.builder.finish()
    }

    private mutating func refractoryPlan() throws -> RefractoryPlan {
        guard let period = model.refractory else { return .none }
        let compiler = runtimeCompiler(failureCode: .unsupportedRefractory)
        if compiler.isCondition(period) { return .condition(try conditionProgram(period, failureCode: .unsupportedRefractory)) }
        let text = sources.file(period.range.file).text(in: period.range.startOffset..<period.range.endOffset)
        guard let seconds = try compiler.compile(period).constant else {
            throw PlanFailure(.unsupportedRefractory,
                              "the refractory period `\(text)` differs between neurons; the runtime needs one period per population",
                              at: period.range, notes: [note()],
                              help: "give the population one value, or use a refractory condition")
        }
        let steps = (seconds / dt).rounded()
        guard steps.isFinite, steps < Double(Int32.max) else {
            throw PlanFailure(.unsupportedRefractory, "the refractory period `\(text)` is too long", at: period.range,
                              notes: [note()])
        }
        return steps >= 1 ? .steps(Int(steps)) : .none
    }
}
