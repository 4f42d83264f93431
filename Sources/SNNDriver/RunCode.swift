// RunCode: the codes of diagnostics that only a run can find (E0800–E0899), with their explanations.

import SNNSource

enum RunCode: String, CaseIterable {
    case numericDivergence = "E0800"
    case ruleDivergence = "E0801"

    var code: DiagnosticCode { DiagnosticCode(rawValue) }

    var explanation: CodeExplanation {
        switch self {
        case .numericDivergence:
            return CodeExplanation(
                code: code, summary: "a state variable became NaN or infinite during the run",
                text: "A variable of the model grew without bound or was computed from an undefined value (0/0, the "
                    + "log of a negative number), so the simulation stopped at the step where it happened. The message "
                    + "names the population, the neuron, the variable and the time. Usual causes: a time step too large "
                    + "for the fastest dynamics (try a smaller `dt` or `method = rk4`), an exponential term without a "
                    + "cut-off (AdEx needs its spike detection threshold), or a parameter with the wrong sign.",
                wrong: "neuron blowup {\n  param tau = 10 ms\n  state v = 1 mV\n  dv/dt = v / tau * 1000\n  method = euler\n}\npopulation p = blowup[1]\nsimulate 1 s",
                right: "neuron decay {\n  param tau = 10 ms\n  state v = 1 mV\n  dv/dt = -v / tau\n}\npopulation p = decay[1]\nsimulate 1 s")
        case .ruleDivergence:
            return CodeExplanation(
                code: code, summary: "a learning rule's weight or other per-synapse variable became NaN or infinite",
                text: "A learning rule computed an undefined or unbounded value for a synapse — a power of a negative "
                    + "number (`(w_max - w) ^ mu` once `normalize` has pushed w above w_max), a division by zero, an "
                    + "update without bounds — so training stopped after the sample where it happened. The message names "
                    + "the connection, the rule, the variable, the synapse (source → target) and the time. Keep the "
                    + "rule's values in range: `clip(…)` the result, `max(w_max - w, 0) ^ mu` under a power.",
                wrong: "rule grow {\n  synaptic w = 1\n  on pre { w = w * 1e30 }\n}\ninput s = poisson(rate = 200 Hz)[5]\npopulation p = lif[2]\nconnect s -> p: all_to_all on spike { v += w * 1 mV }\n  learn grow\nsimulate 100 ms",
                right: "rule grow {\n  synaptic w = 1\n  on pre { w = clip(w * 1.01, 0, 5) }\n}\ninput s = poisson(rate = 200 Hz)[5]\npopulation p = lif[2]\nconnect s -> p: all_to_all on spike { v += w * 1 mV }\n  learn grow\nsimulate 100 ms")
        }
    }
}
