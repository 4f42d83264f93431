// Integrators: one step dt of a model's differential equations, as instructions. Every method reads the values
// at the start of the step (the states' buffers) and returns the new values, which the caller stores.
//
//  - exact: for dx/dt = A x + b with A the same for every neuron at every step, x ← P x + M b with P = e^{A dt}
//    and M = ∫_0^dt e^{A s} ds computed at plan time (MatrixExponential); b may differ between neurons and
//    steps (a per-neuron parameter, a noise draw), and is then taken as constant over the step.
// Every method computes the change of x and adds it to x last, so that slow time constants survive Float32.
//  - exponential_euler: each equation dx/dt = A x + B with A and B free of x (they may depend on the other
//    states), x ← x e^{A dt} + B (e^{A dt} − 1)/A, all equations reading the old values (as Brian 2's
//    `exponential_euler`); x ← x + B dt where A is 0. A constant A is folded at plan time (with expm1); a
//    varying one is evaluated with Kahan's accurate form of (e^z − 1)/z.
//  - euler, rk2 (midpoint) and rk4 (classic Runge–Kutta).
// A random draw in an equation is one draw per neuron and step: the stages of rk2 and rk4 reuse it (the
// ExpressionCompiler draws each site once per program), so noise enters every stage with the same value.

import Foundation
import SNNSource
import SNNSyntax

enum IntegrationMethod: String, CaseIterable {
    case exact, euler, rk2, rk4
    case exponentialEuler = "exponential_euler"
}

/// A state variable with a differential equation.
struct IntegratedState {
    var name: String
    var buffer: Int
    var rhs: Expr
}

/// Why a method does not apply to a model's equations.
enum IntegrationFailure: Error {
    /// exact: the right-hand side of `state` is not affine in the states.
    case notLinear(state: String, NotAffine)
    /// exact: the coefficient of `variable` in the equation of `state` differs between neurons or over time.
    case nonConstantCoefficient(state: String, variable: String, range: SourceRange)
    /// exponential_euler: the equation of `state` is not linear in `state`.
    case notLinearInOwnVariable(state: String, NotAffine)
}

enum Integrators {
    /// The new value of each state after one step, in the order of `states`. The compiler's bindings of the
    /// states are their values at the start of the step; they are restored before returning.
    static func step(_ method: IntegrationMethod, _ states: [IntegratedState], compiler: ExpressionCompiler,
                     dt: Double) throws -> [PlanValue] {
        let start = states.map { compiler.currentValue(of: $0.name)! }
        defer { for (state, value) in zip(states, start) { compiler.assign(state.name, value) } }
        switch method {
        case .exact: return try exact(states, start, compiler, dt)
        case .exponentialEuler: return try exponentialEuler(states, start, compiler, dt)
        case .euler:
            let k1 = try derivatives(states, at: start, compiler)
            return advance(start, by: [(dt, k1)], compiler)
        case .rk2:
            let k1 = try derivatives(states, at: start, compiler)
            let k2 = try derivatives(states, at: advance(start, by: [(dt / 2, k1)], compiler), compiler)
            return advance(start, by: [(dt, k2)], compiler)
        case .rk4:
            let k1 = try derivatives(states, at: start, compiler)
            let k2 = try derivatives(states, at: advance(start, by: [(dt / 2, k1)], compiler), compiler)
            let k3 = try derivatives(states, at: advance(start, by: [(dt / 2, k2)], compiler), compiler)
            let k4 = try derivatives(states, at: advance(start, by: [(dt, k3)], compiler), compiler)
            return advance(start, by: [(dt / 6, k1), (dt / 3, k2), (dt / 3, k3), (dt / 6, k4)], compiler)
        }
    }

    // MARK: - Runge–Kutta

    /// The right-hand sides with the states at `values`.
    private static func derivatives(_ states: [IntegratedState], at values: [PlanValue],
                                    _ compiler: ExpressionCompiler) throws -> [PlanValue] {
        for (state, value) in zip(states, values) { compiler.assign(state.name, value) }
        return try states.map { try compiler.compile($0.rhs) }
    }

    /// `x + Σ h_k × k_k` for each state.
    private static func advance(_ x: [PlanValue], by steps: [(Double, [PlanValue])],
                                _ compiler: ExpressionCompiler) -> [PlanValue] {
        x.indices.map { i in
            let change = compiler.builder.linearCombination(steps.map { ($0.0, $0.1[i]) })
            return compiler.builder.add(x[i], change)
        }
    }

    // MARK: - Exact

    private static func exact(_ states: [IntegratedState], _ start: [PlanValue], _ compiler: ExpressionCompiler,
                              _ dt: Double) throws -> [PlanValue] {
        let n = states.count
        let index = Dictionary(uniqueKeysWithValues: states.enumerated().map { ($1.name, $0) })
        var decomposer = LinearDecomposer(compiler: compiler, variables: index)
        var a = MatrixExponential.Matrix(repeating: [Double](repeating: 0, count: n), count: n)
        var offsets: [PlanValue] = []
        for (i, state) in states.enumerated() {
            let form: LinearForm
            do {
                form = try decomposer.decompose(state.rhs)
            } catch let problem as NotAffine {
                throw IntegrationFailure.notLinear(state: state.name, problem)
            }
            for (j, coefficient) in form.coefficients {
                guard let value = coefficient.constant else {
                    throw IntegrationFailure.nonConstantCoefficient(state: state.name, variable: states[j].name,
                                                                    range: state.rhs.range)
                }
                a[i][j] = value
            }
            offsets.append(form.offset)
        }
        let (p, m) = MatrixExponential.propagator(a, dt: dt)
        if let row = (0..<n).first(where: { i in !(p[i] + m[i]).allSatisfy(\.isFinite) }) {
            throw compiler.failure("the coefficients of d\(states[row].name)/dt are not finite (a time constant of 0?)",
                                   at: states[row].rhs.range)
        }
        let reach = reachability(a)
        // x_i + ((P_ii − 1) x_i + Σ_j≠i P_ij x_j + Σ_j M_ij b_j): the change is computed apart from x_i, so that a
        // slow decay (P_ii = 1 − 1e-8) is not lost to Float rounding.
        return (0..<n).map { i in
            var terms: [(coefficient: Double, value: PlanValue)] = []
            for j in 0..<n where reach[i][j] { terms.append((i == j ? p[i][i] - 1 : p[i][j], start[j])) }
            for j in 0..<n where reach[i][j] { terms.append((m[i][j], offsets[j])) }
            let change = compiler.builder.linearCombination(terms)
            return compiler.builder.add(start[i], change)
        }
    }

    /// `reach[i][j]`: x_j influences x_i (i = j, or a chain of nonzero coefficients from j to i). Outside it
    /// the propagator is exactly 0, whatever rounding left there.
    static func reachability(_ a: MatrixExponential.Matrix) -> [[Bool]] {
        let n = a.count
        var reach = (0..<n).map { i in (0..<n).map { j in i == j || a[i][j] != 0 } }
        for k in 0..<n {
            for i in 0..<n where reach[i][k] {
                for j in 0..<n where reach[k][j] { reach[i][j] = true }
            }
        }
        return reach
    }

    // MARK: - Exponential Euler

    private static func exponentialEuler(_ states: [IntegratedState], _ start: [PlanValue],
                                         _ compiler: ExpressionCompiler, _ dt: Double) throws -> [PlanValue] {
        var result: [PlanValue] = []
        for (i, state) in states.enumerated() {
            var decomposer = LinearDecomposer(compiler: compiler, variables: [state.name: 0])
            let form: LinearForm
            do {
                form = try decomposer.decompose(state.rhs)
            } catch let problem as NotAffine {
                throw IntegrationFailure.notLinearInOwnVariable(state: state.name, problem)
            }
            let x = start[i], b = form.offset
            // x + (A x + B) dt φ(A dt) with φ(z) = (e^z − 1)/z, the same as x e^{A dt} + B (e^{A dt} − 1)/A but
            // with the change computed apart from x (a slow decay is not lost to Float rounding).
            guard let a = form.coefficients[0] else {
                let change = compiler.builder.mul(b, .constant(dt))
                result.append(compiler.builder.add(x, change))
                continue
            }
            if let rate = a.constant {
                let factor = Foundation.expm1(rate * dt)
                let change = compiler.builder.linearCombination([(factor, x), (factor / rate, b)])
                result.append(compiler.builder.add(x, change))
                continue
            }
            // A varies: φ(z) is computed as (e − 1)/log(e) from the rounded e = e^z (Kahan's trick: the rounding
            // errors cancel, so it stays accurate for tiny |z|), and is 1 where e rounds to 1 (A = 0 included).
            let exponent = compiler.builder.mul(a, .constant(dt))
            let decay = compiler.builder.emit(.exp, [exponent])
            let growth = compiler.builder.sub(decay, .one)
            let logarithm = compiler.builder.emit(.log, [decay])
            let ratio = compiler.builder.div(growth, logarithm)
            let isOne = compiler.builder.emit(.eq, [growth, .zero])
            let phi = compiler.builder.emit(.select, [isOne, .one, ratio])
            let slope = compiler.builder.mul(a, x)
            let derivative = compiler.builder.add(slope, b)
            let scaled = compiler.builder.mul(phi, .constant(dt))
            let change = compiler.builder.mul(derivative, scaled)
            result.append(compiler.builder.add(x, change))
        }
        return result
    }
}
