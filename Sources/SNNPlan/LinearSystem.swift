// LinearSystem: affine analysis of right-hand sides. `LinearDecomposer` writes an expression as
// `Σ coefficient_j × x_j + offset` over chosen variables x_j — or finds that it is not affine in them — with
// the coefficients and the offset compiled as values (plan-time constants where they fold). The exact
// integrator decomposes over all integrated states and needs constant coefficients; exponential Euler
// decomposes each equation over its own variable, where any coefficient will do.

import SNNSyntax
import SNNSource

/// `Σ coefficients[j] × x_j + offset`; a variable missing from `coefficients` has coefficient 0.
struct LinearForm {
    var coefficients: [Int: PlanValue] = [:]
    var offset: PlanValue = .zero

    var isConstantInVariables: Bool { coefficients.isEmpty }
}

/// Why an expression is not affine in the variables.
struct NotAffine: Error {
    /// The subexpression that is not (a product of two variables, a function of one, …).
    var range: SourceRange
    var reason: String
}

/// Decomposes expressions over one set of variables; `let` values are decomposed once and reused.
struct LinearDecomposer {
    let compiler: ExpressionCompiler
    /// The variables by name, with their index in `LinearForm.coefficients`.
    let variables: [String: Int]
    private let names: Set<String>
    private var aliases: [String: LinearForm] = [:]

    init(compiler: ExpressionCompiler, variables: [String: Int]) {
        self.compiler = compiler
        self.variables = variables
        self.names = Set(variables.keys)
    }

    mutating func decompose(_ expr: Expr) throws -> LinearForm {
        if !compiler.dependsOn(expr, names) { return LinearForm(offset: try compiler.compile(expr)) }
        switch expr.kind {
        case .name(let name):
            if let index = variables[name] { return LinearForm(coefficients: [index: .one]) }
            if let cached = aliases[name] { return cached }
            guard let body = compiler.aliasExpression(name) else {
                throw NotAffine(range: expr.range, reason: "'\(name)' cannot be analysed")
            }
            let form = try decompose(body)
            aliases[name] = form
            return form
        case .unary(.negate, let operand):
            return scale(try decompose(operand), by: .constant(-1))
        case .unary(.plus, let operand):
            return try decompose(operand)
        case .binary(.add, let lhs, let rhs), .binary(.subtract, let lhs, let rhs):
            let a = try decompose(lhs), b = try decompose(rhs)
            let subtract: Bool
            if case .binary(.subtract, _, _) = expr.kind { subtract = true } else { subtract = false }
            return combine(a, b, subtract: subtract)
        case .binary(.multiply, let lhs, let rhs):
            let a = try decompose(lhs), b = try decompose(rhs)
            if a.isConstantInVariables { return scale(b, by: a.offset) }
            if b.isConstantInVariables { return scale(a, by: b.offset) }
            throw NotAffine(range: expr.range, reason: "a product of state variables")
        case .binary(.divide, let lhs, let rhs):
            let a = try decompose(lhs), b = try decompose(rhs)
            guard b.isConstantInVariables else {
                throw NotAffine(range: rhs.range, reason: "a division by a state variable")
            }
            return divide(a, by: b.offset)
        case .binary(.power, let lhs, let rhs):
            if !compiler.dependsOn(rhs, names), try compiler.compile(rhs).constant == 1 { return try decompose(lhs) }
            throw NotAffine(range: expr.range, reason: "a power of a state variable")
        case .call(let callee, _):
            var name = "a function"
            if case .name(let n) = callee.kind { name = "'\(n)'" }
            throw NotAffine(range: expr.range, reason: "\(name) of a state variable")
        default:
            throw NotAffine(range: expr.range, reason: "a nonlinear use of a state variable")
        }
    }

    private func scale(_ form: LinearForm, by factor: PlanValue) -> LinearForm {
        var result = LinearForm(offset: compiler.builder.mul(form.offset, factor))
        for (j, c) in form.coefficients {
            let product = compiler.builder.mul(c, factor)
            if product != .zero { result.coefficients[j] = product }
        }
        return result
    }

    private func divide(_ form: LinearForm, by divisor: PlanValue) -> LinearForm {
        var result = LinearForm(offset: compiler.builder.div(form.offset, divisor))
        for (j, c) in form.coefficients {
            let quotient = compiler.builder.div(c, divisor)
            if quotient != .zero { result.coefficients[j] = quotient }
        }
        return result
    }

    private func combine(_ a: LinearForm, _ b: LinearForm, subtract: Bool) -> LinearForm {
        let builder = { (x: PlanValue, y: PlanValue) -> PlanValue in
            subtract ? self.compiler.builder.sub(x, y) : self.compiler.builder.add(x, y)
        }
        var result = LinearForm(offset: builder(a.offset, b.offset))
        for j in Set(a.coefficients.keys).union(b.coefficients.keys).sorted() {
            let c = builder(a.coefficients[j] ?? .zero, b.coefficients[j] ?? .zero)
            if c != .zero { result.coefficients[j] = c }
        }
        return result
    }
}
