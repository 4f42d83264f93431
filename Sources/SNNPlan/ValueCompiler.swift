// ValueCompiler: turns an expression of the syntax tree into a ValueExpression — numbers, quantities (through
// UnitResolver, to SI), names (through the caller's lookup: the file's constants, a rule's parameters), lists,
// indexing, arithmetic, math functions and random draws — folding what is constant. What cannot be known
// before the run (a dataset's data, a neuron's state) is an error naming the expression; the caller turns it
// into a diagnostic with its own code.

import SNNSema
import SNNSource
import SNNSyntax

/// The file's constants: the values known before the run (in SI), and the expressions of the others (a
/// constant defined by a random draw), compiled where they are used.
struct FileConstants {
    var values: [String: ConstantValue]
    var expressions: [String: Expr] = [:]

    init(values: [String: ConstantValue], expressions: [String: Expr] = [:]) {
        self.values = values
        self.expressions = expressions
    }

    init(_ model: CheckedModel) {
        values = model.constants
        for item in model.syntax.items {
            if case .constant(let c) = item.kind, values[c.name.name] == nil, expressions[c.name.name] == nil {
                expressions[c.name.name] = c.value
            }
        }
    }

    func binding(_ name: String, compiler: ValueCompiler) -> ValueCompiler.Binding? {
        if let value = values[name] { return .value(value) }
        return expressions[name].map { .expression($0, compiler) }
    }
}

struct ValueError: Error {
    var message: String
    var range: SourceRange
}

final class ValueCompiler {
    /// What a name stands for.
    enum Binding {
        case value(ConstantValue)
        /// An expression compiled in the name's place, with the compiler that resolves its own names.
        case expression(Expr, ValueCompiler)
        /// A name that has no value before the run; the text says what it is ("the state variable 'v'").
        case unavailable(String)
    }

    /// The binding of a name; the compiler passed is the one asking (for expressions in the same scope).
    private let lookup: (String, ValueCompiler) -> Binding?
    /// Draw sites are numbered in the order they are compiled, shared with compilers of nested scopes.
    private let sites: SiteCounter
    private var depth = 0

    final class SiteCounter {
        var next: UInt64 = 0
    }

    init(sites: SiteCounter = SiteCounter(), lookup: @escaping (String, ValueCompiler) -> Binding?) {
        self.lookup = lookup
        self.sites = sites
    }

    /// A compiler that knows the file's constants only.
    convenience init(constants: FileConstants, sites: SiteCounter = SiteCounter()) {
        self.init(sites: sites, lookup: { name, this in constants.binding(name, compiler: this) })
    }

    /// A compiler for names inside a neuron model or rule as one population or connection sets it up:
    /// parameters (and a rule's per-synapse variables) take the call's `overrides` (written in the file's
    /// scope) or their defaults, `let` values their expressions; states have no value before the run. Other
    /// names are the file's constants.
    static func forModel(_ model: ModelInfo, overrides: [String: Expr], constants: FileConstants) -> ValueCompiler {
        let global = ValueCompiler(constants: constants)
        return ValueCompiler(sites: global.sites) { name, local in
            guard let variable = model.variable(name) else { return constants.binding(name, compiler: global) }
            switch variable.kind {
            case .param, .synaptic, .alias:
                if variable.kind != .alias, let expr = overrides[name] { return .expression(expr, global) }
                if let initial = variable.initial { return .expression(initial, local) }
                return .unavailable("'\(name)' of '\(model.name)'")
            default:
                return .unavailable("the \(variable.kind.noun) '\(name)' of '\(model.name)'")
            }
        }
    }

    func compile(_ expr: Expr) throws -> ValueExpression {
        depth += 1
        defer { depth -= 1 }
        guard depth < 200 else { throw ValueError(message: "the expression is nested too deeply", range: expr.range) }
        switch expr.kind {
        case .number(let value, _):
            return .constant(value)
        case .quantity(let value, let text, let unit):
            guard let u = UnitResolver.resolve(unit) else {
                throw ValueError(message: "the unit of '\(text) \(unit.text)' is unknown", range: expr.range)
            }
            return .constant(value * u.scale)
        case .name(let name):
            switch lookup(name, self) {
            case .value(let constant)?:
                return constant.values.count == 1 ? .constant(constant.values[0]) : .list(constant.values)
            case .expression(let e, let compiler)?:
                return try compiler.nested { try compiler.compile(e) }
            case .unavailable(let what)?:
                throw ValueError(message: "\(what) has no value before the run", range: expr.range)
            case nil:
                throw ValueError(message: "'\(name)' has no value before the run", range: expr.range)
            }
        case .unary(let op, let operand):
            let value = try compile(operand)
            switch op {
            case .plus: return value
            case .negate: return fold(.function(.negate, value))
            case .not: throw ValueError(message: "a condition is not a number", range: expr.range)
            }
        case .binary(let op, let lhs, let rhs):
            let table: [BinaryOperator: ValueOperator] = [
                .add: .add, .subtract: .subtract, .multiply: .multiply, .divide: .divide, .power: .power,
            ]
            guard let arithmetic = table[op] else {
                throw ValueError(message: "a condition is not a number", range: expr.range)
            }
            return try combine(.arithmetic(arithmetic, try compile(lhs), try compile(rhs)), at: expr.range)
        case .call(let callee, let arguments):
            guard case .name(let name) = callee.kind else {
                throw ValueError(message: "only built-in functions can be called here", range: expr.range)
            }
            return try call(name, arguments, at: expr.range)
        case .list(let elements):
            var values: [Double] = []
            for element in elements {
                let value = try compile(element)
                guard let v = value.constantValue else {
                    throw ValueError(message: "the elements of a list must be single constant values", range: element.range)
                }
                values.append(v)
            }
            return .list(values)
        case .index(let base, let indices):
            guard indices.count == 1, case .list(let values) = try compile(base),
                  let i = try compile(indices[0]).constantValue, i.rounded() == i, i >= 0, Int(i) < values.count else {
                throw ValueError(message: "only constant lists can be indexed, by a constant whole number inside them",
                                 range: expr.range)
            }
            return .constant(values[Int(i)])
        case .member(let base, let member):
            let text: String
            if case .name(let name) = base.kind { text = "\(name).\(member.name)" } else { text = member.name }
            throw ValueError(message: "`\(text)` is data from a dataset", range: expr.range)
        case .string, .boolean, .range, .missing:
            throw ValueError(message: "this is not a number", range: expr.range)
        }
    }

    private func nested<T>(_ body: () throws -> T) throws -> T {
        depth += 1
        defer { depth -= 1 }
        return try body()
    }

    private func call(_ name: String, _ arguments: [Argument], at range: SourceRange) throws -> ValueExpression {
        if let f = ValueFunction(rawValue: name), f != .negate {
            guard let argument = arguments.first else { throw ValueError(message: "\(name) needs an argument", range: range) }
            return fold(.function(f, try compile(argument.value)))
        }
        let bound = ArgumentBinder.bind(arguments, to: ArgumentBinder.parameters[name] ?? [])
        func argument(_ parameter: String) throws -> ValueExpression {
            guard let a = bound[parameter] else { throw ValueError(message: "\(name) needs '\(parameter)'", range: range) }
            return try compile(a.value)
        }
        switch name {
        case "uniform", "normal", "lognormal":
            let parameters = ArgumentBinder.parameters[name]!
            let a = try argument(parameters[0]), b = try argument(parameters[1])
            let kind: DrawKind = name == "uniform" ? .uniform : name == "normal" ? .normal : .lognormal
            defer { sites.next += 1 }
            return try combine(.draw(kind, a, b, site: sites.next), at: range)
        case "min", "max":
            return try combine(.arithmetic(name == "min" ? .minimum : .maximum, try argument("a"), try argument("b")),
                               at: range)
        case "clip":
            let node = ValueExpression.clip(try argument("x"), try argument("low"), try argument("high"))
            try checkCounts(node, at: range)
            return fold(node)
        default:
            throw ValueError(message: "'\(name)' has no value before the run", range: range)
        }
    }

    private func combine(_ node: ValueExpression, at range: SourceRange) throws -> ValueExpression {
        try checkCounts(node, at: range)
        return fold(node)
    }

    /// Lists combined element by element must have one length (single values apply to every element).
    private func checkCounts(_ node: ValueExpression, at range: SourceRange) throws {
        let counts: [Int]
        switch node {
        case .draw(_, let a, let b, _), .arithmetic(_, let a, let b): counts = [a.count, b.count]
        case .clip(let a, let b, let c): counts = [a.count, b.count, c.count]
        default: return
        }
        if Set(counts.filter { $0 != 1 }).count > 1 {
            throw ValueError(message: "lists of different lengths are combined here", range: range)
        }
    }

    /// Computes nodes whose operands are all known (constants or lists).
    private func fold(_ node: ValueExpression) -> ValueExpression {
        guard !node.isRandom else { return node }
        if case .constant = node { return node }
        if case .list = node { return node }
        let n = node.count
        let values = (0..<n).map { node.value(at: $0, seed: 0, stream: 0) }
        return n == 1 ? .constant(values[0]) : .list(values)
    }
}
