// MatrixExponential against closed forms: diagonal matrices, a rotation, a nilpotent matrix, two coupled decays
// (the LIF membrane driven by an exponential current), large norms (scaling and squaring), and the affine
// propagator of singular systems with a constant drive.

import Foundation
import Testing
@testable import SNNPlan

@Suite struct MatrixExponentialTests {
    func expectClose(_ a: [[Double]], _ b: [[Double]], tolerance: Double = 1e-13,
                     sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.count == b.count, sourceLocation: sourceLocation)
        for (rowA, rowB) in zip(a, b) {
            for (x, y) in zip(rowA, rowB) {
                #expect(abs(x - y) <= tolerance * max(1, abs(y)), "\(x) vs \(y)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func diagonalMatrixExponentiatesElementwise() {
        let d = [-3.0, 0, 0.5, -200]
        let a = (0..<4).map { i in (0..<4).map { j in i == j ? d[i] : 0 } }
        let expected = (0..<4).map { i in (0..<4).map { j in i == j ? exp(d[i]) : 0 } }
        expectClose(MatrixExponential.exponential(a), expected)
    }

    @Test func rotationGeneratorGivesCosineAndSine() {
        for t in [0.1, 1.0, 3.0, 10.0] {
            let e = MatrixExponential.exponential([[0, t], [-t, 0]])
            expectClose(e, [[cos(t), sin(t)], [-sin(t), cos(t)]], tolerance: 1e-12)
        }
    }

    @Test func nilpotentMatrixGivesItsTaylorPolynomial() {
        let e = MatrixExponential.exponential([[0, 2, 0], [0, 0, 3], [0, 0, 0]])
        expectClose(e, [[1, 2, 3], [0, 1, 3], [0, 0, 1]])
    }

    @Test func coupledDecaysMatchTheirClosedForm() {
        // dv/dt = (-v + g) / tau_m, dg/dt = -g / tau_s: v(t) from g(0) = 1 is
        // tau_s / (tau_m - tau_s) (e^{-t/tau_m} - e^{-t/tau_s}).
        let tauM = 0.02, tauS = 0.005
        for t in [1e-4, 1e-3, 0.05, 1.0] {
            let e = MatrixExponential.exponential([[-t / tauM, t / tauM], [0, -t / tauS]])
            let coupling = tauS / (tauM - tauS) * (exp(-t / tauM) - exp(-t / tauS))
            expectClose(e, [[exp(-t / tauM), coupling], [0, exp(-t / tauS)]], tolerance: 1e-12)
        }
    }

    @Test func largeNormsAreScaledAndSquared() {
        let e = MatrixExponential.exponential([[-1000, 0], [1, -0.001]])
        #expect(abs(e[0][0]) < 1e-300)
        #expect(abs(e[1][1] - exp(-0.001)) < 1e-12)
        // e^{[[a, 1], [0, a]]} = e^a [[1, 1], [0, 1]] even for a large a.
        let big = MatrixExponential.exponential([[30, 1], [0, 30]])
        expectClose(big, [[exp(30), exp(30)], [0, exp(30)]], tolerance: 1e-12)
    }

    @Test func affinePropagatorOfASingularSystem() {
        // dx/dt = b (A = 0): x(t + dt) = x + b dt.
        let (p0, q0) = MatrixExponential.affinePropagator([[0]], [3], dt: 0.5)
        expectClose(p0, [[1]])
        #expect(abs(q0[0] - 1.5) < 1e-14)
        // A = diag(-1/tau, 0), b = (b1, b2): q = (b1 tau (1 - e^{-dt/tau}), b2 dt).
        let tau = 0.01, dt = 1e-3, b1 = 2.0, b2 = -7.0
        let (p, q) = MatrixExponential.affinePropagator([[-1 / tau, 0], [0, 0]], [b1, b2], dt: dt)
        expectClose(p, [[exp(-dt / tau), 0], [0, 1]])
        #expect(abs(q[0] - b1 * tau * (1 - exp(-dt / tau))) < 1e-15)
        #expect(abs(q[1] - b2 * dt) < 1e-15)
        // The nilpotent A = [[0, 1], [0, 0]] with b = (0, c): x = c t^2 / 2, y = c t.
        let (pn, qn) = MatrixExponential.affinePropagator([[0, 1], [0, 0]], [0, 4], dt: 0.3)
        expectClose(pn, [[1, 0.3], [0, 1]])
        #expect(abs(qn[0] - 4 * 0.09 / 2) < 1e-14 && abs(qn[1] - 1.2) < 1e-14)
    }

    @Test func integralMatrixAgreesWithTheAffinePropagator() {
        let a = [[-50.0, 50], [0, -200]], b = [-2.45, 0.3], dt = 1e-4
        let (p, m) = MatrixExponential.propagator(a, dt: dt)
        let (p2, q) = MatrixExponential.affinePropagator(a, b, dt: dt)
        expectClose(p, p2)
        for i in 0..<2 {
            let mb = m[i][0] * b[0] + m[i][1] * b[1]
            #expect(abs(mb - q[i]) < 1e-15)
        }
        // Without coupling, M is diag((1 - e^{-dt/tau}) tau): for A = -1/tau.
        let (_, m1) = MatrixExponential.propagator([[-1 / 0.02]], dt: dt)
        #expect(abs(m1[0][0] - 0.02 * (1 - exp(-dt / 0.02))) < 1e-18)
    }

    @Test func reachabilityFollowsCouplingChains() {
        let reach = Integrators.reachability([[-1, 1, 0], [0, -1, 1], [0, 0, -1]])
        #expect(reach == [[true, true, true], [false, true, true], [false, false, true]])
    }
}
