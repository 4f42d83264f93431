// Integrators run by the reference interpreter: exact integration of LIF against its analytic trajectory, the
// convergence order of euler, rk2 and rk4 on dx/dt = -x/tau, exponential Euler with rates from 0 up at run time,
// and the refractory clamp giving LIF its analytic interspike interval.

import Foundation
import Testing
@testable import SNNPlan

@Suite struct IntegratorAccuracyTests {
    @Test(arguments: [1e-4, 1e-3])
    func exactLIFFollowsTheAnalyticTrajectory(dt: Double) throws {
        // v(t) = v_rest + R I (1 - e^{-t/tau}) with v_rest = -65 mV, R I = 10 MOhm x 1 nA = 10 mV, tau = 10 ms.
        let plan = try #require(CheckedSource("population p = lif(I_e = 1 nA)[1]").plan("p", dt: dt))
        #expect(plan.method == "exact")
        var run = ReferenceInterpreter(plan)
        run.initialize()
        var worst = 0.0
        for step in 1...Int((0.2 / dt).rounded()) {
            #expect(run.advance().isEmpty)
            let t = Double(step) * dt
            let expected = -0.065 + 0.01 * (1 - exp(-t / 0.01))
            worst = max(worst, abs(Double(run["v"][0]) - expected) / abs(expected))
        }
        #expect(worst < 1e-5, "largest relative error \(worst)")
    }

    /// The error at t = 40 ms of dx/dt = -x / (10 ms), x(0) = 1, with `method` and step `dt`.
    func decayError(_ method: String, dt: Double) throws -> Double {
        let source = CheckedSource("""
            neuron decay {
              param tau = 10 ms
              state x = 1
              dx/dt = -x / tau
              method = \(method)
            }
            population p = decay[1]
            """)
        let plan = try #require(source.plan("p", dt: dt))
        var run = ReferenceInterpreter(plan)
        run.initialize()
        for _ in 0..<Int((0.04 / dt).rounded()) { run.advance() }
        return abs(Double(run["x"][0]) - exp(-4))
    }

    @Test(arguments: [("euler", 1.0, [2e-3, 1e-3, 5e-4]), ("rk2", 2.0, [2e-3, 1e-3, 5e-4]),
                      ("rk4", 4.0, [1e-2, 5e-3, 2.5e-3])])
    func rungeKuttaMethodsConvergeAtTheirOrder(method: String, order: Double, steps: [Double]) throws {
        let errors = try steps.map { try decayError(method, dt: $0) }
        let observed = zip(errors, errors.dropFirst()).map { log2($0 / $1) }
        for value in observed {
            #expect(value > order - 0.3 && value < order + 0.7, "\(method): observed orders \(observed), errors \(errors)")
        }
    }

    @Test func linearDecayIsExactWithExactAndExponentialEuler() throws {
        for method in ["exact", "exponential_euler"] {
            #expect(try decayError(method, dt: 1e-2) < 1e-6, "\(method)")
        }
    }

    @Test func exponentialEulerHandlesARateOfZero() throws {
        let source = CheckedSource("""
            neuron gated {
              state k = 0 Hz
              state x = 0
              dx/dt = -k * x + 1 Hz
            }
            population p = gated[5]
            """)
        let dt = 1e-3
        let plan = try #require(source.plan("p", dt: dt))
        #expect(plan.method == "exponential_euler")
        var run = ReferenceInterpreter(plan)
        run.initialize()
        // Rates from 0 to large: x after one step is (1 - e^{-k dt}) / k (dt for k = 0).
        let rates: [Double] = [0, 1e-6, 1e-2, 3, 100]
        run["k"] = rates.map { Float($0) }
        run.advance()
        for (i, k) in rates.enumerated() {
            let expected = k == 0 ? dt : -expm1(-k * dt) / k
            #expect(abs(Double(run["x"][i]) - expected) / expected < 1e-6, "k = \(k): \(run["x"][i]) vs \(expected)")
        }
    }

    @Test func refractoryClampGivesTheAnalyticInterspikeInterval() throws {
        // R I = 20 mV above v_rest = v_reset = -65 mV, threshold -50 mV: v reaches the threshold
        // tau ln(20 / 5) = 13.86 ms after the 2 ms of clamping, so spikes come every 159 steps of 0.1 ms.
        let plan = try #require(CheckedSource("population p = lif(I_e = 2 nA)[1]").plan("p", dt: 1e-4))
        #expect(plan.refractory == .steps(20))
        var run = ReferenceInterpreter(plan)
        run.initialize()
        var spikes: [Int] = []
        for step in 0..<1000 where !run.advance().isEmpty {
            spikes.append(step)
            #expect(run["v"][0] == Float(-0.065))
        }
        let intervals = zip(spikes, spikes.dropFirst()).map { $1 - $0 }
        #expect(intervals.count >= 4 && intervals.allSatisfy { $0 == 159 }, "\(intervals)")
    }
}
