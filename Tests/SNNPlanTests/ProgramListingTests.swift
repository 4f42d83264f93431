// ProgramListing: the disassembly of a small population, as `snnc plan` prints it.

import Testing
@testable import SNNPlan

@Suite struct ProgramListingTests {
    @Test func smallPopulationListing() throws {
        let source = CheckedSource("""
            neuron leaky {
              param tau = 10 ms
              param v_th = -50 mV
              param r = uniform(0.5, 1.5)
              state v = -65 mV
              state s = 0 mV
              dv/dt = (-65 mV - v + s) / tau
              ds/dt = -s * r / (5 ms)
              spike when v > v_th
              reset {
                v = -65 mV
                s += 1 mV
              }
              refractory 2 ms
            }
            population cells = leaky[4]
            """)
        let plan = try #require(source.plan("cells"))
        let expected = """
            population cells = leaky[4]
              method exponential_euler, refractory 20 steps
              buffer 0 v: state, shown in mV
              buffer 1 s: state, shown in mV
              buffer 2 r: parameter, shown in 1
            initialize:
              r0 = uniform 0.5, 1.5 [stream 1]
              r1 = copy -0.065
              r2 = copy 0
              store r, r0
              store v, r1
              store s, r2
            update:
              r0 = add s, -0.065
              r1 = mul v, -0.009950167
              r2 = mul r0, 0.009950167
              r0 = add r1, r2
              r1 = mul r, -200
              r2 = mul r, -0.02
              r3 = exp r2
              r2 = add r3, -1
              r4 = log r3
              r3 = div r2, r4
              r4 = eq r2, 0
              r2 = select r4, 1, r3
              r3 = mul s, r1
              r1 = mul r2, 0.0001
              r2 = mul r3, r1
              r1 = add v, r0
              r0 = add s, r2
              store v, r1  (held while refractory)
              store s, r0
            threshold:
              r0 = gt v, -0.05
              result r0
            reset:
              r0 = add s, 0.001
              r1 = copy -0.065
              store v, r1
              store s, r0

            """
        #expect(ProgramListing.listing(of: plan) == expected)
    }

    @Test func constantsReadBackAsTheSameFloat() {
        for value: Float in [0.99501246, -0.065, 1e-9, 20, -0, 3.0e12, 0.1] {
            #expect(Float(ProgramListing.format(value)) == value)
        }
        #expect(ProgramListing.format(20) == "20")
        #expect(ProgramListing.format(-0.06) == "-0.06")
    }
}
