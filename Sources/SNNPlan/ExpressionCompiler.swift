// ExpressionCompiler: lowers the checker's expressions into a ProgramBuilder. Names resolve to what the program
// reads — a state's buffer (or its value in an integrator stage), a parameter folded to a constant or read from
// its per-neuron buffer, a `let` computed into a register where it is first used (once per program, or once per
// integrator stage when it depends on the state), a constant of the file, or a per-neuron table. Quantities
// become SI numbers (`20 ms` is 0.02); plan-time constants are folded in Double; math functions become opcodes,
// small whole powers become multiplications, conditions become 1/0 numbers, and each random draw site
// (`uniform(a, b)`, `normal(m, s)`, `lognormal(median, sigma)`) gets a fresh stream and is drawn once per
// program, however many integrator stages use it.

import SNNSema
import SNNSource
import SNNSyntax

/// The per-neuron constant tables of one population, shared by its programs; equal lists are stored once.
final class TableSet {
    private(set) var tables: [[Float]] = []

    func index(of values: [Double]) -> Int {
        let floats = values.map { Float($0) }
        if let existing = tables.firstIndex(of: floats) { return existing }
        tables.append(floats)
        return tables.count - 1
    }
}

/// The file's constants as the models see them: values known before the run, and the expressions of the
/// others (a constant defined by a random draw), compiled where used.
struct GlobalValues {
    var constants: [String: ConstantValue]
    var expressions: [String: Expr] = [:]
}

final class ExpressionCompiler {
    enum Binding {
        /// A value known before the program runs its first instruction: a folded parameter, a buffer.
        case value(PlanValue)
        /// A `let`: compiled where first used.
        case alias(Expr)
        /// A value computed on first use and kept (an initial value in `initialize`); `globalScope` when the
        /// expression is a population's argument, whose names are the file's constants.
        case deferred(Expr, globalScope: Bool)
    }

    var builder = ProgramBuilder()
    var streams: StreamAllocator
    let globals: GlobalValues
    let tables: TableSet
    /// The number of neurons: a list of this length becomes a table.
    let size: Int
    /// The code of the diagnostic for an expression that cannot be lowered.
    let failureCode: PlanCode

    private var bindings: [String: Binding] = [:]
    /// Names whose value changes while the program is built (states across integrator stages and resets).
    private(set) var mutableNames: Set<String> = []
    /// Bumped whenever a mutable name gets a new value; caches of values that depend on them are keyed by it.
    private var version = 0
    private var aliasCache: [String: (value: PlanValue, version: Int?)] = [:]
    private var deferredCache: [String: PlanValue] = [:]
    private var inProgress: Set<String> = []
    private var drawCache: [SourceRange: PlanValue] = [:]
    private var standardDraws: [SourceRange: PlanValue] = [:]
    private var dependencyMemo: [String: Bool] = [:]
    private var globalScope = false

    init(globals: GlobalValues, tables: TableSet, size: Int, streams: StreamAllocator,
         failureCode: PlanCode = .unsupportedIntegration) {
        self.globals = globals
        self.tables = tables
        self.size = size
        self.streams = streams
        self.failureCode = failureCode
    }

    // MARK: - Bindings

    func bind(_ name: String, _ binding: Binding) {
        bindings[name] = binding
        dependencyMemo = [:]
    }

    /// Marks names whose values will change during this program (see `assign`).
    func declareMutable(_ names: some Sequence<String>) {
        mutableNames.formUnion(names)
        dependencyMemo = [:]
    }

    /// Gives a mutable name (a state) a new value: later uses read it, and `let` values that depend on it are
    /// computed again.
    func assign(_ name: String, _ value: PlanValue) {
        precondition(mutableNames.contains(name))
        bindings[name] = .value(value)
        version += 1
    }

    /// The value of a name, computing it if it is deferred or a `let`.
    func valueOf(_ name: String, at range: SourceRange) throws -> PlanValue {
        try resolve(name, at: range)
    }

    /// The current value of a name bound with `.value` (a state), nil otherwise.
    func currentValue(of name: String) -> PlanValue? {
        if case .value(let value) = bindings[name] { return value }
        return nil
    }

    /// The expression of a `let`, nil for any other name.
    func aliasExpression(_ name: String) -> Expr? {
        if case .alias(let expr) = bindings[name] { return expr }
        return nil
    }

    // MARK: - Compiling

    func compile(_ expr: Expr) throws -> PlanValue {
        switch expr.kind {
        case .number(let value, _):
            return .constant(value)
        case .quantity(let value, _, let unit):
            guard let resolved = UnitResolver.resolve(unit) else { throw failure("unknown unit '\(unit.text)'", at: unit.range) }
            return .constant(value * resolved.scale)
        case .boolean(let value):
            return .constant(value ? 1 : 0)
        case .name(let name):
            return try resolve(name, at: expr.range)
        case .unary(let op, let operand):
            let value = try compile(operand)
            switch op {
            case .negate: return builder.neg(value)
            case .plus: return value
            case .not: return builder.emit(.not, [value])
            }
        case .binary(let op, let lhs, let rhs):
            if op == .power { return try power(lhs, rhs) }
            let a = try compile(lhs), b = try compile(rhs)
            return builder.emit(Self.opcode(of: op), [a, b])
        case .call(let callee, let arguments):
            return try call(callee, arguments, at: expr.range)
        case .index(let base, let indices):
            return try index(base, indices, at: expr.range)
        case .list(let elements):
            var values: [Double] = []
            for element in elements {
                guard let value = try compile(element).constant else {
                    throw failure("the elements of a list must be known before the run", at: element.range)
                }
                values.append(value)
            }
            return try perNeuron(values, at: expr.range)
        case .string, .member, .range, .missing:
            throw failure("this expression has no numeric value in a neuron model", at: expr.range)
        }
    }

    /// Compiles an expression whose names are the file's constants (a population's argument).
    func compileInGlobalScope(_ expr: Expr) throws -> PlanValue {
        let saved = globalScope
        globalScope = true
        defer { globalScope = saved }
        return try compile(expr)
    }

    static func opcode(of op: BinaryOperator) -> Opcode {
        switch op {
        case .or: return .or
        case .and: return .and
        case .equal: return .eq
        case .notEqual: return .ne
        case .less: return .lt
        case .lessEqual: return .le
        case .greater: return .gt
        case .greaterEqual: return .ge
        case .add: return .add
        case .subtract: return .sub
        case .multiply: return .mul
        case .divide: return .div
        case .power: return .pow
        }
    }

    func failure(_ message: String, at range: SourceRange) -> PlanFailure {
        PlanFailure(failureCode, message, at: range)
    }

    // MARK: - Names

    private func resolve(_ name: String, at range: SourceRange) throws -> PlanValue {
        if !globalScope, let binding = bindings[name] {
            switch binding {
            case .value(let value):
                return value
            case .alias(let expr):
                return try alias(name, expr, at: range)
            case .deferred(let expr, let isGlobal):
                return try deferred(name, expr, globalScope: isGlobal, at: range)
            }
        }
        if let constant = globals.constants[name] {
            return try perNeuron(constant.values, at: range)
        }
        if let expr = globals.expressions[name] {
            return try deferred("const " + name, expr, globalScope: true, at: range)
        }
        throw failure("'\(name)' has no value the plan can use", at: range)
    }

    private func alias(_ name: String, _ expr: Expr, at range: SourceRange) throws -> PlanValue {
        if let cached = aliasCache[name], cached.version == nil || cached.version == version { return cached.value }
        guard inProgress.insert(name).inserted else { throw failure("'\(name)' is defined in terms of itself", at: range) }
        defer { inProgress.remove(name) }
        let value = try compile(expr)
        aliasCache[name] = (value, dependsOn(expr, mutableNames) ? version : nil)
        return value
    }

    private func deferred(_ key: String, _ expr: Expr, globalScope isGlobal: Bool, at range: SourceRange) throws
        -> PlanValue {
        if let cached = deferredCache[key] { return cached }
        guard inProgress.insert(key).inserted else { throw failure("'\(key)' is defined in terms of itself", at: range) }
        defer { inProgress.remove(key) }
        let saved = globalScope
        globalScope = isGlobal
        defer { globalScope = saved }
        let value = try compile(expr)
        deferredCache[key] = value
        return value
    }

    /// One value for all neurons, or one per neuron (a table).
    private func perNeuron(_ values: [Double], at range: SourceRange) throws -> PlanValue {
        if let first = values.first, values.allSatisfy({ $0 == first }) { return .constant(first) }
        guard values.count == size else {
            throw failure("a list of \(values.count) values for a population of \(size) neurons", at: range)
        }
        return .operand(.table(tables.index(of: values)))
    }

    /// Whether `expr` uses any of `names`, directly or through `let` values.
    func dependsOn(_ expr: Expr, _ names: Set<String>) -> Bool {
        if names.isEmpty { return false }
        let key = names.sorted().joined(separator: ",")
        var visiting: Set<String> = []
        func walk(_ expr: Expr) -> Bool {
            switch expr.kind {
            case .name(let name):
                if names.contains(name) { return true }
                guard case .alias(let body) = bindings[name] else { return false }
                let memoKey = name + "|" + key
                if let known = dependencyMemo[memoKey] { return known }
                guard visiting.insert(name).inserted else { return false }
                let result = walk(body)
                dependencyMemo[memoKey] = result
                return result
            case .unary(_, let operand): return walk(operand)
            case .binary(_, let lhs, let rhs): return walk(lhs) || walk(rhs)
            case .call(_, let arguments): return arguments.contains { walk($0.value) }
            case .index(let base, let indices): return walk(base) || indices.contains(where: walk)
            case .list(let elements): return elements.contains(where: walk)
            case .member(let base, _): return walk(base)
            case .range(let a, let b): return walk(a) || walk(b)
            case .number, .quantity, .string, .boolean, .missing: return false
            }
        }
        return walk(expr)
    }

    /// Whether an expression is a condition (a comparison, `and`/`or`/`not`, `true`/`false`, or a `let` of one)
    /// rather than a quantity.
    func isCondition(_ expr: Expr) -> Bool {
        var visited: Set<String> = []
        func check(_ expr: Expr) -> Bool {
            switch expr.kind {
            case .boolean: return true
            case .unary(.not, _): return true
            case .unary(_, let operand): return check(operand)
            case .binary(let op, _, _): return op.isComparison || op == .and || op == .or
            case .name(let name):
                guard visited.insert(name).inserted, case .alias(let body) = bindings[name] else { return false }
                return check(body)
            default: return false
            }
        }
        return check(expr)
    }

    // MARK: - Powers, indices, calls

    private func power(_ lhs: Expr, _ rhs: Expr) throws -> PlanValue {
        let base = try compile(lhs), exponent = try compile(rhs)
        if let e = exponent.constant, base.constant == nil {
            if e == e.rounded(), abs(e) <= 16 {
                let magnitude = integerPower(base, Int(abs(e)))
                return e < 0 ? builder.div(.one, magnitude) : magnitude
            }
            if e == 0.5 { return builder.emit(.sqrt, [base]) }
            if e == -0.5 {
                let root = builder.emit(.sqrt, [base])
                return builder.div(.one, root)
            }
        }
        return builder.emit(.pow, [base, exponent])
    }

    /// `base^n` by repeated squaring (`m^3` is two multiplications, `n^4` two).
    private func integerPower(_ base: PlanValue, _ n: Int) -> PlanValue {
        if n == 0 { return .one }
        if n == 1 { return base }
        let half = integerPower(base, n / 2)
        let square = builder.mul(half, half)
        return n % 2 == 0 ? square : builder.mul(square, base)
    }

    private func index(_ base: Expr, _ indices: [Expr], at range: SourceRange) throws -> PlanValue {
        guard indices.count == 1, let i = try compile(indices[0]).constant, i == i.rounded() else {
            throw failure("an index in a neuron model must be one whole number known before the run", at: range)
        }
        let values: [Double]
        switch base.kind {
        case .name(let name) where globals.constants[name] != nil:
            values = globals.constants[name]!.values
        case .list(let elements):
            values = try elements.map { element in
                guard let value = try compile(element).constant else {
                    throw failure("the elements of a list must be known before the run", at: element.range)
                }
                return value
            }
        default:
            throw failure("only a list known before the run can be indexed here", at: base.range)
        }
        guard let k = Int(exactly: i), values.indices.contains(k) else {
            throw failure("index \(i) is outside the list of \(values.count) values", at: range)
        }
        return .constant(values[k])
    }

    private static let unaryFunctions: [String: Opcode] = [
        "exp": .exp, "log": .log, "log10": .log10, "sqrt": .sqrt, "sin": .sin, "cos": .cos, "tan": .tan,
        "tanh": .tanh, "sinh": .sinh, "cosh": .cosh, "floor": .floor, "ceil": .ceil, "round": .round, "abs": .abs,
    ]

    private static let parameterNames: [String: [String]] = [
        "min": ["a", "b"], "max": ["a", "b"], "clip": ["x", "low", "high"], "uniform": ["low", "high"],
        "normal": ["mean", "sd"], "lognormal": ["median", "sigma"],
    ]

    private func call(_ callee: Expr, _ arguments: [Argument], at range: SourceRange) throws -> PlanValue {
        guard case .name(let name) = callee.kind else { throw failure("only built-in functions can be called here", at: range) }
        let parameters = Self.unaryFunctions[name] != nil ? ["x"] : Self.parameterNames[name]
        guard let parameters else { throw failure("'\(name)' cannot be used in a neuron model", at: callee.range) }
        let args = try match(arguments, to: parameters, function: name, at: range)
        if let op = Self.unaryFunctions[name] {
            let x = try compile(args[0])
            return builder.emit(op, [x])
        }
        switch name {
        case "min", "max":
            let a = try compile(args[0]), b = try compile(args[1])
            return builder.emit(name == "min" ? .min : .max, [a, b])
        case "clip":
            let x = try compile(args[0]), low = try compile(args[1]), high = try compile(args[2])
            let bounded = builder.emit(.max, [x, low])
            return builder.emit(.min, [bounded, high])
        default:
            return try draw(name, args, site: range)
        }
    }

    /// The arguments in parameter order: positional ones first, then named ones.
    private func match(_ arguments: [Argument], to parameters: [String], function: String, at range: SourceRange)
        throws -> [Expr] {
        var result = [Expr?](repeating: nil, count: parameters.count)
        var position = 0
        for argument in arguments {
            let slot: Int?
            if let label = argument.label {
                slot = parameters.firstIndex(of: label.name)
            } else {
                slot = position < parameters.count ? position : nil
                position += 1
            }
            guard let slot, result[slot] == nil else {
                throw failure("unexpected argument to '\(function)'", at: argument.range)
            }
            result[slot] = argument.value
        }
        guard result.allSatisfy({ $0 != nil }) else { throw failure("'\(function)' needs \(parameters.count) arguments", at: range) }
        return result.map { $0! }
    }

    /// A random draw, once per program for each site. When its arguments follow the state (they differ between
    /// integrator stages), a standard draw is taken once and scaled in each stage.
    private func draw(_ function: String, _ args: [Expr], site: SourceRange) throws -> PlanValue {
        if args.contains(where: { dependsOn($0, mutableNames) }) {
            let standard: PlanValue
            if let known = standardDraws[site] {
                standard = known
            } else {
                let stream = streams.fresh()
                standard = builder.draw(function == "uniform" ? .uniform : .normal, .zero, .one, stream: stream)
                standardDraws[site] = standard
            }
            let a = try compile(args[0]), b = try compile(args[1])
            switch function {
            case "uniform":
                let width = builder.sub(b, a)
                let offset = builder.mul(width, standard)
                return builder.add(a, offset)
            case "normal":
                let deviation = builder.mul(b, standard)
                return builder.add(a, deviation)
            default:
                let exponent = builder.mul(b, standard)
                let factor = builder.emit(.exp, [exponent])
                return builder.mul(a, factor)
            }
        }
        if let cached = drawCache[site] { return cached }
        let a = try compile(args[0]), b = try compile(args[1])
        let stream = streams.fresh()
        let value: PlanValue
        switch function {
        case "uniform": value = builder.draw(.uniform, a, b, stream: stream)
        case "normal": value = builder.draw(.normal, a, b, stream: stream)
        default:
            let deviation = builder.draw(.normal, .zero, b, stream: stream)
            let factor = builder.emit(.exp, [deviation])
            value = builder.mul(a, factor)
        }
        drawCache[site] = value
        return value
    }
}
