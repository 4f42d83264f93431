// NeuronCompiler on the examples and the prelude: the integration method each model gets (exact for CUBA and
// LIF, Euler for Izhikevich, exponential Euler for Hodgkin–Huxley and conductance-based models, rk4 for the
// rest), exact propagators against their closed forms, per-neuron parameters as buffers (random defaults,
// list arguments as tables), initial values, resets, refractoriness, random streams, and the diagnostics for
// what the runtime cannot do.

import Foundation
import SNNSource
import Testing
@testable import SNNPlan

@Suite struct NeuronCompilerTests {
    // MARK: - CUBA and exact integration

    @Test func cubaCompilesToAnExactPropagator() throws {
        let plan = try #require(Examples.checked("cuba.snn").plan("exc", dt: 1e-4))
        #expect(plan.method == "exact")
        #expect(plan.size == 3200)
        #expect(plan.buffers.map(\.name) == ["v", "ge", "gi"])
        #expect(plan.buffers.allSatisfy { $0.kind == .state && $0.displayUnit == "mV" && $0.displayScale == 1e3 })
        #expect(plan.refractory == .steps(50))
        #expect(plan.tables.isEmpty)

        // The diagonal of the propagator is exp(-dt/tau), applied as x + (exp(-dt/tau) - 1) x.
        let dt = 1e-4, tauM = 0.02, tauE = 0.005, tauI = 0.01, el = -0.049
        let constants = plan.update.instructions.filter { $0.op == .mul }.map(\.operands)
        #expect(constants.contains([.buffer(0), .constant(Float(expm1(-dt / tauM)))]))
        #expect(constants.contains([.buffer(1), .constant(Float(expm1(-dt / tauE)))]))
        #expect(constants.contains([.buffer(2), .constant(Float(expm1(-dt / tauI)))]))

        // Probe the propagator column by column with the reference interpreter.
        var run = ReferenceInterpreter(plan)
        func stepFrom(_ v: Float, _ ge: Float, _ gi: Float) -> [Float] {
            run["v"] = [Float](repeating: v, count: plan.size)
            run["ge"] = [Float](repeating: ge, count: plan.size)
            run["gi"] = [Float](repeating: gi, count: plan.size)
            _ = run.run(plan.update, counter: 0)
            return [run["v"][0], run["ge"][0], run["gi"][0]]
        }
        let q = el * (1 - exp(-dt / tauM))
        let coupling = { (tau: Double) in tau / (tauM - tau) * (exp(-dt / tauM) - exp(-dt / tau)) }
        let rest = stepFrom(0, 0, 0)
        #expect(abs(Double(rest[0]) - q) < 1e-9 && rest[1] == 0 && rest[2] == 0)
        let fromV = stepFrom(0.01, 0, 0)
        #expect(abs(Double(fromV[0]) - (0.01 * exp(-dt / tauM) + q)) < 1e-9)
        let fromGe = stepFrom(0, 0.01, 0)
        #expect(abs(Double(fromGe[0]) - (0.01 * coupling(tauE) + q)) < 1e-9)
        #expect(abs(Double(fromGe[1]) - 0.01 * exp(-dt / tauE)) < 1e-9)
        let fromGi = stepFrom(0, 0, 0.01)
        #expect(abs(Double(fromGi[0]) - (0.01 * coupling(tauI) + q)) < 1e-9)

        // v is clamped while refractory; the synaptic variables keep decaying.
        #expect(plan.update.stores.map(\.heldWhileRefractory) == [true, false, false])
        // v starts uniform between Vr and Vt; the reset sets v to Vr.
        let draws = plan.initialize.instructions.filter { $0.op == .uniform }
        #expect(draws.count == 1 && draws[0].operands == [.constant(-0.06), .constant(-0.05)])
        #expect(plan.reset.stores.count == 1 && plan.reset.instructions.map(\.op) == [.copy])
        let threshold = try #require(plan.threshold)
        #expect(threshold.instructions.map(\.op) == [.gt] && threshold.result == threshold.instructions[0].destination)
    }

    @Test func linearModelsDefaultToExact() {
        let source = CheckedSource("""
            neuron plain {
              param tau = 10 ms
              param I = 1 mV
              state v = 0 mV
              state s = 0 mV
              dv/dt = (I - v + s) / tau
              ds/dt = -s / (2 ms)
              spike when v > 10 mV
              reset v = 0 mV
            }
            population p = plain[4]
            population a = lif_alpha[3]
            population e = lif_exp[2]
            population i = iaf[2]
            population ad = adaptive_lif[2]
            """)
        for name in ["p", "a", "e", "i", "ad"] {
            #expect(source.plan(name)?.method == "exact", "\(name)")
        }
    }

    @Test func perNeuronOffsetsKeepTheExactPropagator() throws {
        // A random resting potential differs between neurons, but only enters the constant term.
        let source = CheckedSource("""
            const rest = uniform(-70 mV, -60 mV)
            population p = lif(v_rest = rest, I_e = 1 nA)[5]
            """)
        let plan = try #require(source.plan("p"))
        #expect(plan.method == "exact")
        #expect(plan.buffers.map(\.name) == ["v", "v_rest"])
        #expect(plan.buffers[1].kind == .parameter)
        // v starts at v_rest: the same draw, stored twice.
        #expect(plan.initialize.instructions.filter { $0.op == .uniform }.count == 1)
        var run = ReferenceInterpreter(plan)
        run.initialize()
        #expect(run["v"] == run["v_rest"])
        #expect(Set(run["v"]).count == 5 && run["v"].allSatisfy { $0 >= -0.07 && $0 < -0.06 })
    }

    // MARK: - Izhikevich and Euler

    @Test func izhikevichCompilesToEuler() throws {
        let plan = try #require(CheckedSource("population p = izhikevich[10]").plan("p", dt: 5e-4))
        #expect(plan.method == "euler")
        #expect(plan.refractory == .none)
        #expect(plan.buffers.map(\.name) == ["v", "u"])
        #expect(plan.update.stores.allSatisfy { !$0.heldWhileRefractory })
        // u = b v at the start: folded.
        var run = ReferenceInterpreter(plan)
        run.initialize()
        #expect(run["v"][0] == -0.065 && abs(run["u"][0] + 0.013) < 1e-9)
        // One Euler step by hand: dv/dt = (0.04 v^2 / mV + 5 v + 140 mV - u + I) / ms.
        _ = run.advance()
        let v = -65.0, u = -13.0, dtMs = 0.5
        let expectedV = (v + dtMs * (0.04 * v * v + 5 * v + 140 - u)) / 1000
        let expectedU = (u + dtMs * 0.02 * (0.2 * v - u)) / 1000
        #expect(abs(Double(run["v"][0]) - expectedV) < 1e-8)
        #expect(abs(Double(run["u"][0]) - expectedU) < 1e-8)
        // The reset: v = c, u += d.
        run["v"] = [Float](repeating: 0.031, count: 10)
        run["u"] = [Float](repeating: 0, count: 10)
        _ = run.run(plan.reset, counter: 0)
        #expect(run["v"][0] == -0.065 && run["u"][0] == 0.008)
    }

    @Test func izhikevichNetworkHasRandomParametersAndNoise() throws {
        let source = Examples.checked("izhikevich.snn")
        #expect(source.errors.isEmpty)
        var streams = StreamAllocator()
        let exc = try source.compile("exc", dt: 1e-3, streams: &streams).get()
        let inh = try source.compile("inh", dt: 1e-3, streams: &streams).get()
        checkWellFormed(exc)
        checkWellFormed(inh)
        for plan in [exc, inh] {
            #expect(plan.method == "euler")
            #expect(plan.buffers.map(\.name) == ["v", "u", "r"])
            #expect(plan.buffers[2].kind == .parameter && plan.buffers[2].displayUnit == "1")
            // r is drawn once, at initialisation; the thalamic input once per step.
            #expect(plan.initialize.instructions.filter { $0.op == .uniform }.count == 1)
            #expect(plan.update.instructions.filter { $0.op == .normal }.count == 1)
        }
        // Every draw site has its own stream, across populations too.
        let programs: [Program] = [exc.initialize, exc.update, inh.initialize, inh.update]
        let instructions: [Instruction] = programs.flatMap(\.instructions)
        let allStreams: [UInt32] = instructions.filter { $0.op == .uniform || $0.op == .normal }.map(\.stream)
        #expect(Set(allStreams).count == allStreams.count && !allStreams.contains(0))
        #expect(streams.next == 5)

        // c = -65 mV + 15 mV r^2, d = 8 mV - 6 mV r^2, per neuron.
        var run = ReferenceInterpreter(exc, seed: 3)
        run.initialize()
        let r = run["r"]
        #expect(Set(r).count > 700 && r.allSatisfy { $0 >= 0 && $0 < 1 })
        run["v"] = [Float](repeating: 0.035, count: exc.size)
        run["u"] = [Float](repeating: 0, count: exc.size)
        _ = run.run(exc.reset, counter: 0)
        for i in [0, 17, 799] {
            let ri = Double(r[i])
            #expect(abs(Double(run["v"][i]) - (-0.065 + 0.015 * ri * ri)) < 1e-8)
            #expect(abs(Double(run["u"][i]) - (0.008 - 0.006 * ri * ri)) < 1e-8)
        }
        // u starts at b v, with inh's b = 0.25 - 0.05 r.
        var runInh = ReferenceInterpreter(inh, seed: 3)
        runInh.initialize()
        let ri = Double(runInh["r"][4])
        #expect(abs(Double(runInh["u"][4]) - (0.25 - 0.05 * ri) * -0.065) < 1e-8)
    }

    // MARK: - Hodgkin–Huxley and exponential Euler

    @Test func hodgkinHuxleyCompilesToExponentialEulerWithATable() throws {
        let plan = try #require(Examples.checked("hodgkin_huxley.snn").plan("axon", dt: 1e-5))
        #expect(plan.method == "exponential_euler")
        #expect(plan.buffers.map(\.name) == ["v", "m", "h", "n", "I_ext"])
        #expect(plan.buffers[4].kind == .parameter && plan.buffers[4].displayUnit == "uA/cm^2")
        #expect(plan.buffers[4].displayScale == 100)
        #expect(plan.tables == [(0..<10).map { Float(Double($0) * 2e-2) }])
        #expect(plan.initialize.instructions.contains { $0.operands == [.table(0)] })
        guard case .condition(let refractory) = plan.refractory else {
            Issue.record("expected a refractory condition")
            return
        }
        #expect(refractory.instructions.map(\.op) == [.gt])
        #expect(plan.reset.isEmpty)

        // 30 ms: no spike without current, repetitive firing with 10 uA/cm^2 and more.
        var run = ReferenceInterpreter(plan)
        run.initialize()
        var counts = [Int](repeating: 0, count: 10)
        for _ in 0..<3000 {
            for i in run.advance() { counts[i] += 1 }
        }
        #expect(counts[0] == 0)
        #expect(counts[5] >= 2 && counts[9] >= counts[5])
        #expect(run["v"].allSatisfy { $0.isFinite && $0 > -0.1 && $0 < 0.06 })
    }

    @Test func conductanceModelsDefaultToExponentialEuler() {
        let source = Examples.checked("coba.snn")
        #expect(source.plan("exc")?.method == "exponential_euler")
        #expect(CheckedSource("population p = diehl_cook_exc[2]").plan("p")?.method == "exponential_euler")
        #expect(CheckedSource("population p = lif_cond[2]").plan("p")?.method == "exponential_euler")
    }

    @Test func nonlinearModelsDefaultToRK4() {
        let source = CheckedSource("""
            neuron quad {
              param tau = 10 ms
              state v = 1 mV
              dv/dt = -v * v / (1 mV) / tau
            }
            population q = quad[2]
            population f = fitzhugh_nagumo[2]
            population m = morris_lecar[2]
            population h = hindmarsh_rose[2]
            population x = adex[2]
            """)
        for name in ["q", "f", "m", "h", "x"] {
            #expect(source.plan(name)?.method == "rk4", "\(name)")
        }
        #expect(source.plan("q")?.threshold == nil)
    }

    @Test func everyPreludeNeuronCompilesAndStaysFinite() throws {
        let names = ["iaf", "lif", "lif_exp", "lif_alpha", "lif_cond", "adaptive_lif", "adex", "izhikevich",
                     "izhikevich_rs", "izhikevich_ib", "izhikevich_ch", "izhikevich_fs", "izhikevich_lts",
                     "hodgkin_huxley", "fitzhugh_nagumo", "morris_lecar", "hindmarsh_rose", "diehl_cook_exc",
                     "diehl_cook_inh"]
        let text = names.map { "population p_\($0) = \($0)[3]" }.joined(separator: "\n")
        let source = CheckedSource(text)
        for name in names {
            let plan = try #require(source.plan("p_\(name)", dt: 1e-5))
            var run = ReferenceInterpreter(plan)
            run.initialize()
            for _ in 0..<200 { run.advance() }
            #expect(run.buffers.allSatisfy { $0.allSatisfy(\.isFinite) }, "\(name)")
        }
    }

    @Test func everyPopulationOfTheExamplesCompiles() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Examples.directory.path)
            .filter { $0.hasSuffix(".snn") }.sorted()
        #expect(names.count >= 10)
        var compiled = 0
        for name in names {
            let source = Examples.checked(name)
            #expect(source.errors.isEmpty, "\(name): \(source.errors)")
            var streams = StreamAllocator()
            for population in source.model.populations where !population.isInput {
                switch source.compile(population.name.name, dt: 1e-4, streams: &streams) {
                case .success(let plan):
                    checkWellFormed(plan)
                    compiled += 1
                case .failure(let failure):
                    Issue.record("\(name): \(population.name.name): \(failure.diagnostic.message)")
                }
            }
        }
        #expect(compiled >= 20)
    }

    // MARK: - Noise

    @Test func noiseIsDrawnOncePerStepInEveryMethod() throws {
        for method in ["euler", "rk2", "rk4", "exponential_euler", "exact"] {
            let source = CheckedSource("""
                neuron noisy {
                  param tau = 10 ms
                  param sigma = 1 mV
                  state v = 0 mV
                  dv/dt = (-v + sigma * normal(0, 1)) / tau
                  method = \(method)
                }
                population p = noisy[2]
                """)
            let plan = try #require(source.plan("p"))
            let draws = plan.update.instructions.filter { $0.op == .normal }
            #expect(draws.count == 1, "\(method)")
        }
        // A draw whose arguments follow the state: one standard draw, scaled in each stage.
        let source = CheckedSource("""
            neuron multiplicative {
              param tau = 10 ms
              state v = 1 mV
              dv/dt = normal(-v, v) / tau
              method = rk4
            }
            population p = multiplicative[2]
            """)
        let plan = try #require(source.plan("p"))
        let draws = plan.update.instructions.filter { $0.op == .normal }
        #expect(draws.count == 1 && draws[0].operands == [.constant(0), .constant(1)])
    }

    // MARK: - Parameters, initial values, resets

    @Test func listArgumentsBecomeTablesAndEqualListsFold() throws {
        let source = CheckedSource("""
            const currents = [0, 1, 2, 3] * 1 nA
            const same = [2, 2, 2, 2] * 1 ms
            population p = lif(I_e = currents, t_ref = same, v = [-70, -65, -60, -55] * 1 mV)[4]
            """)
        let plan = try #require(source.plan("p"))
        #expect(plan.buffers.map(\.name) == ["v", "I_e"])
        #expect(plan.tables.count == 2)
        #expect(plan.refractory == .steps(20))
        var run = ReferenceInterpreter(plan)
        run.initialize()
        #expect(run["I_e"] == [0, 1e-9, 2e-9, 3e-9].map { Float($0) })
        #expect(zip(run["v"], [-0.07, -0.065, -0.06, -0.055]).allSatisfy { abs(Double($0) - $1) < 1e-8 })
    }

    @Test func constantParametersAreFoldedAndArgumentsOverrideDefaults() throws {
        let plan = try #require(CheckedSource("population p = lif(tau_m = 20 ms, v_th = -55 mV)[2]").plan("p"))
        #expect(plan.buffers.map(\.name) == ["v"])
        let threshold = try #require(plan.threshold)
        #expect(threshold.instructions[0].operands == [.buffer(0), .constant(-0.055)])
        #expect(plan.update.instructions.contains { $0.operands == [.buffer(0), .constant(Float(expm1(-1e-4 / 0.02)))] })
    }

    @Test func resetStatementsRunInOrderAndIfBecomesSelect() throws {
        let source = CheckedSource("""
            neuron branchy {
              param tau = 10 ms
              state v = 0 mV
              state w = 0 mV
              state k = 0
              dv/dt = -v / tau
              spike when v > 10 mV
              reset {
                if v > 20 mV {
                  v = 0 mV
                  k += 1
                } else {
                  v = 5 mV
                }
                w += v
              }
              refractory 1 ms
            }
            population p = branchy[2]
            """)
        let plan = try #require(source.plan("p"))
        #expect(plan.reset.instructions.contains { $0.op == .select })
        var run = ReferenceInterpreter(plan)
        run["v"] = [0.03, 0.015]
        run["w"] = [0.001, 0.001]
        _ = run.run(plan.reset, counter: 0)
        #expect(run["v"] == [0, 0.005])
        #expect(run["k"] == [1, 0])
        #expect(run["w"] == [0.001, 0.006])
        // v is set with `=` in a branch: held while refractory; w and k are not set with `=`.
        let held = plan.update.stores.filter(\.heldWhileRefractory).map { plan.buffers[$0.buffer].name }
        #expect(held == ["v"])
        #expect(plan.refractory == .steps(10))
    }

    @Test func initialValuesMayUseOtherStatesAndLets() throws {
        let source = CheckedSource("""
            neuron chained {
              param a = 2
              param r = uniform(1, 2)
              let twice = a * r
              state x = twice * 1 mV
              state y = x + 1 mV
              spike when x > y
            }
            population p = chained[3]
            """)
        let plan = try #require(source.plan("p"))
        #expect(plan.method == "none")
        #expect(plan.update.isEmpty)
        var run = ReferenceInterpreter(plan)
        run.initialize()
        for i in 0..<3 {
            #expect(abs(run["x"][i] - 2e-3 * run["r"][i]) < 1e-9)
            #expect(abs(run["y"][i] - (run["x"][i] + 1e-3)) < 1e-9)
        }
    }

    // MARK: - Diagnostics

    func failure(_ text: String, _ population: String = "p") -> Diagnostic? {
        let source = CheckedSource(text)
        #expect(source.errors.isEmpty, "\(source.errors)")
        if case .failure(let failure) = source.compile(population) { return failure.diagnostic }
        return nil
    }

    @Test func exactOnANonlinearSystemIsReportedAtTheMethod() throws {
        let text = """
            neuron quad {
              param tau = 10 ms
              state v = 1 mV
              dv/dt = -v * v / (1 mV) / tau
              method = exact
            }
            population p = quad[1]
            """
        let diagnostic = try #require(failure(text))
        #expect(diagnostic.code == PlanCode.unsupportedIntegration.code)
        #expect(diagnostic.message.contains("product of state variables"))
        let methodStart = text.range(of: "exact")!.lowerBound.utf16Offset(in: text)
        #expect(diagnostic.range.startOffset == methodStart)
    }

    @Test func exactWithCoefficientsThatDifferBetweenNeuronsIsReported() throws {
        let diagnostic = try #require(failure("population p = lif(tau_m = [10, 20] * 1 ms)[2]"))
        #expect(diagnostic.code == PlanCode.unsupportedIntegration.code)
        #expect(diagnostic.message.contains("differs between neurons"))
        // Without `method = exact`, the same population integrates with exponential Euler.
        let source = CheckedSource("""
            neuron free extends lif {}
            population q = lif_cond(C = [200, 250] * 1 pF)[2]
            """)
        #expect(source.plan("q")?.method == "exponential_euler")
    }

    @Test func exponentialEulerNeedsEquationsLinearInTheirVariable() throws {
        let diagnostic = try #require(failure("""
            neuron quad {
              state v = 1 mV
              dv/dt = -v * v / (1 mV) / (10 ms)
              method = exponential_euler
            }
            population p = quad[1]
            """))
        #expect(diagnostic.code == PlanCode.unsupportedIntegration.code)
        #expect(diagnostic.message.contains("linear in its own variable"))
    }

    @Test func refractoryPeriodsThatDifferBetweenNeuronsAreReported() throws {
        let diagnostic = try #require(failure("""
            neuron cell {
              param t_ref = uniform(1 ms, 3 ms)
              state v = 0 mV
              spike when v > 10 mV
              reset v = 0 mV
              refractory t_ref
            }
            population p = cell[10]
            """))
        #expect(diagnostic.code == PlanCode.unsupportedRefractory.code)
        #expect(diagnostic.message.contains("`t_ref`"))
        #expect(try #require(failure("population p = lif(t_ref = [1, 2] * 1 ms)[2]")).code
                == PlanCode.unsupportedRefractory.code)
    }

    @Test func slowDecaysKeepTheirTimeConstantInFloat() throws {
        // tau = 2 s at dt = 0.1 ms: exp(-dt/tau) = 1 - 5e-5 is off by 1.6e-4 relative in Float, which after 1 s
        // would put x off by 5e-5; the change (exp(-dt/tau) - 1) x is computed apart from x and keeps it exact.
        for method in ["exact", "exponential_euler"] {
            let source = CheckedSource("""
                neuron slow {
                  state x = 1
                  dx/dt = -x / (2 s)
                  method = \(method)
                }
                population p = slow[1]
                """)
            let plan = try #require(source.plan("p"))
            var run = ReferenceInterpreter(plan)
            run.initialize()
            for _ in 0..<10_000 { run.advance() }
            #expect(abs(Double(run["x"][0]) - exp(-0.5)) < 1e-5, "\(method): \(run["x"][0])")
        }
    }

    @Test func aZeroTimeConstantIsReported() throws {
        let diagnostic = try #require(failure("population p = lif(tau_m = 0 ms)[1]"))
        #expect(diagnostic.message.contains("not finite"))
    }

    @Test func streamsAdvanceOnlyWhenThePopulationCompiles() {
        let source = CheckedSource("population p = lif(t_ref = [1, 2] * 1 ms, v = uniform(-70 mV, -60 mV))[2]")
        var streams = StreamAllocator(first: 7)
        _ = source.compile("p", streams: &streams)
        #expect(streams.next == 7)
    }
}
