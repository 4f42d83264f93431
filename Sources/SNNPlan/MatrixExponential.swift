// MatrixExponential: e^X for the small dense matrices of linear neuron models, in Double at plan time —
// the diagonal (6, 6) Padé approximant after scaling X by 2^-s until its 1-norm is at most 1/2, then s
// squarings (Moler & Van Loan, "Nineteen dubious ways…", SIAM Review 45, 2003: the truncation error is then
// below 1e-16 relative). From it, the propagator of dx/dt = A x + b over one step: P = e^{A dt} and the
// integral M = ∫_0^dt e^{A s} ds, read off the exponential of the augmented matrix [[A, I], [0, 0]] dt, so that
// x(t + dt) = P x(t) + M b for a b that is constant over the step (singular A included).

import Foundation

enum MatrixExponential {
    typealias Matrix = [[Double]]

    static func identity(_ n: Int) -> Matrix {
        (0..<n).map { i in (0..<n).map { j in i == j ? 1 : 0 } }
    }

    static func multiply(_ a: Matrix, _ b: Matrix) -> Matrix {
        let n = a.count, m = b.first?.count ?? 0, k = b.count
        var c = Matrix(repeating: [Double](repeating: 0, count: m), count: n)
        for i in 0..<n {
            for l in 0..<k where a[i][l] != 0 {
                for j in 0..<m { c[i][j] += a[i][l] * b[l][j] }
            }
        }
        return c
    }

    /// The largest absolute column sum.
    static func norm1(_ a: Matrix) -> Double {
        guard let columns = a.first?.count else { return 0 }
        return (0..<columns).map { j in a.reduce(0) { $0 + abs($1[j]) } }.max() ?? 0
    }

    /// e^x.
    static func exponential(_ x: Matrix) -> Matrix {
        let n = x.count
        guard n > 0 else { return [] }
        let norm = norm1(x)
        guard norm.isFinite else { return x.map { $0.map { _ in .nan } } }
        var squarings = 0
        if norm > 0.5 { squarings = max(0, Int(log2(norm / 0.5).rounded(.up))) }
        let scale = pow(2.0, -Double(squarings))
        let scaled = x.map { $0.map { $0 * scale } }

        // Padé (6, 6): N = Σ c_k X^k, D = Σ (-1)^k c_k X^k.
        let degree = 6
        var c = 1.0
        var numerator = identity(n), denominator = identity(n)
        var power = identity(n)
        for k in 1...degree {
            c *= Double(degree - k + 1) / Double(k * (2 * degree - k + 1))
            power = multiply(power, scaled)
            let sign = k % 2 == 0 ? 1.0 : -1.0
            for i in 0..<n {
                for j in 0..<n {
                    numerator[i][j] += c * power[i][j]
                    denominator[i][j] += sign * c * power[i][j]
                }
            }
        }
        var result = solve(denominator, numerator)
        for _ in 0..<squarings { result = multiply(result, result) }
        return result
    }

    /// X with A X = B, by Gaussian elimination with partial pivoting (A is well conditioned here: the Padé
    /// denominator of a matrix with norm at most 1/2).
    static func solve(_ a: Matrix, _ b: Matrix) -> Matrix {
        var a = a, b = b
        let n = a.count
        for column in 0..<n {
            let pivot = (column..<n).max { abs(a[$0][column]) < abs(a[$1][column]) }!
            a.swapAt(column, pivot)
            b.swapAt(column, pivot)
            let p = a[column][column]
            for row in (column + 1)..<max(column + 1, n) {
                let factor = a[row][column] / p
                if factor == 0 { continue }
                for j in column..<n { a[row][j] -= factor * a[column][j] }
                for j in 0..<b[row].count { b[row][j] -= factor * b[column][j] }
            }
        }
        var x = b
        for row in stride(from: n - 1, through: 0, by: -1) {
            for j in 0..<x[row].count {
                var sum = b[row][j]
                for k in (row + 1)..<max(row + 1, n) { sum -= a[row][k] * x[k][j] }
                x[row][j] = sum / a[row][row]
            }
        }
        return x
    }

    /// P = e^{A dt} and M = ∫_0^dt e^{A s} ds, from e^{[[A, I], [0, 0]] dt} = [[P, M], [0, I]].
    static func propagator(_ a: Matrix, dt: Double) -> (propagator: Matrix, integral: Matrix) {
        let n = a.count
        var augmented = Matrix(repeating: [Double](repeating: 0, count: 2 * n), count: 2 * n)
        for i in 0..<n {
            for j in 0..<n { augmented[i][j] = a[i][j] * dt }
            augmented[i][n + i] = dt
        }
        let e = exponential(augmented)
        return (e[0..<n].map { Array($0[0..<n]) }, e[0..<n].map { Array($0[n..<(2 * n)]) })
    }

    /// P = e^{A dt} and q = ∫_0^dt e^{A s} b ds (so x(t + dt) = P x(t) + q), from
    /// e^{[[A, b], [0, 0]] dt} = [[P, q], [0, 1]].
    static func affinePropagator(_ a: Matrix, _ b: [Double], dt: Double) -> (propagator: Matrix, offset: [Double]) {
        let n = a.count
        var augmented = Matrix(repeating: [Double](repeating: 0, count: n + 1), count: n + 1)
        for i in 0..<n {
            for j in 0..<n { augmented[i][j] = a[i][j] * dt }
            augmented[i][n] = b[i] * dt
        }
        let e = exponential(augmented)
        return (e[0..<n].map { Array($0[0..<n]) }, e[0..<n].map { $0[n] })
    }
}
