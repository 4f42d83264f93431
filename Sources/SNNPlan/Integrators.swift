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
    /// The new value of each state after one step, in the order of `states`, as x + change with the change
    /// computed apart from x. A state in `compensated` (its index → the buffer of its carry) adds its change by
    /// Kahan's compensated summation: what the Float addition loses is kept in the carry and added back at the
    /// next step, so a slow decay (1e-9 V per step against a spacing of 2e-9 V between Floats near 20 mV) is
    /// neither lost nor rounded up to a whole spacing; `carries` are the carries' new values. The compiler's
    /// bindings of the states are their values at the start of the step; they are restored before returning.
    static func step(_ method: IntegrationMethod, _ states: [IntegratedState], compiler: ExpressionCompiler,
                     dt: Double, compensated: [Int: Int] = [:]) throws -> (values: [PlanValue], carries: [Int: PlanValue]) {
        let start = states.map { compiler.currentValue(of: $0.name)! }
        defer { for (state, value) in zip(states, start) { compiler.assign(state.name, value) } }
        let changes = try self.changes(method, states, start, compiler, dt)
        var values: [PlanValue] = [], carries: [Int: PlanValue] = [:]
        for (i, change) in changes.enumerated() {
            guard let carryBuffer = compensated[i] else {
                values.append(compiler.builder.add(start[i], change))
                continue
            }
            // y = change − carry; t = x + y; carry' = (t − x) − y.
            let y = compiler.builder.sub(change, .operand(.buffer(carryBuffer)))
            let t = compiler.builder.add(start[i], y)
            let rounded = compiler.builder.sub(t, start[i])
            carries[carryBuffer] = compiler.builder.sub(rounded, y)
            values.append(t)
        }
        return (values, carries)
    }

    /// Each state's change over one step.
    private static func changes(_ method: IntegrationMethod, _ states: [IntegratedState], _ start: [PlanValue],
                                _ compiler: ExpressionCompiler, _ dt: Double) throws -> [PlanValue] {
        switch method {
        case .exact: return try exact(states, start, compiler, dt)
        case .exponentialEuler: return try exponentialEuler(states, start, compiler, dt)
        case .euler:
            let k1 = try derivatives(states, at: start, compiler)
            return change(by: [(dt, k1)], states.count, compiler)
        case .rk2:
            let k1 = try derivatives(states, at: start, compiler)
            let k2 = try derivatives(states, at: advance(start, by: [(dt / 2, k1)], compiler), compiler)
            return change(by: [(dt, k2)], states.count, compiler)
        case .rk4:
            let k1 = try derivatives(states, at: start, compiler)
            let k2 = try derivatives(states, at: advance(start, by: [(dt / 2, k1)], compiler), compiler)
            let k3 = try derivatives(states, at: advance(start, by: [(dt / 2, k2)], compiler), compiler)
            let k4 = try derivatives(states, at: advance(start, by: [(dt, k3)], compiler), compiler)
            return change(by: [(dt / 6, k1), (dt / 3, k2), (dt / 3, k3), (dt / 6, k4)], states.count, compiler)
        }
    }

    // MARK: - Runge–Kutta

    /// The right-hand sides with the states at `values`.
    private static func derivatives(_ states: [IntegratedState], at values: [PlanValue],
                                    _ compiler: ExpressionCompiler) throws -> [PlanValue] {
        for (state, value) in zip(states, values) { compiler.assign(state.name, value) }
        return try states.map { try compiler.compile($0.rhs) }
    }

    /// `x + Σ h_k × k_k` for each state (an intermediate stage).
    private static func advance(_ x: [PlanValue], by steps: [(Double, [PlanValue])],
                                _ compiler: ExpressionCompiler) -> [PlanValue] {
        zip(x, change(by: steps, x.count, compiler)).map { compiler.builder.add($0, $1) }
    }

    /// `Σ h_k × k_k` for each of `count` states.
    private static func change(by steps: [(Double, [PlanValue])], _ count: Int,
                               _ compiler: ExpressionCompiler) -> [PlanValue] {
        (0..<count).map { i in compiler.builder.linearCombination(steps.map { ($0.0, $0.1[i]) }) }
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
        // The change (P_ii − 1) x_i + Σ_j≠i P_ij x_j + Σ_j M_ij b_j, apart from x_i, so that a slow decay
        // (P_ii = 1 − 1e-8) is not lost to Float rounding before the addition.
        return (0..<n).map { i in
            var terms: [(coefficient: Double, value: PlanValue)] = []
            for j in 0..<n where reach[i][j] { terms.append((i == j ? p[i][i] - 1 : p[i][j], start[j])) }
            for j in 0..<n where reach[i][j] { terms.append((m[i][j], offsets[j])) }
            return compiler.builder.linearCombination(terms)
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
            // The change (A x + B) dt φ(A dt) with φ(z) = (e^z − 1)/z: x e^{A dt} + B (e^{A dt} − 1)/A − x, but
            // computed apart from x (a slow decay is not lost to Float rounding before the addition).
            guard let a = form.coefficients[0] else {
                result.append(compiler.builder.mul(b, .constant(dt)))
                continue
            }
            if let rate = a.constant {
                let factor = Foundation.expm1(rate * dt)
                result.append(compiler.builder.linearCombination([(factor, x), (factor / rate, b)]))
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
            result.append(compiler.builder.mul(derivative, scaled))
        }
        return result
    }
}
