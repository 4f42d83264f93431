// RunCode: the codes of diagnostics that only a run can find (E0800–E0899), with their explanations.

import SNNSource

enum RunCode: String, CaseIterable {
    case numericDivergence = "E0800"

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
        }
    }
}
