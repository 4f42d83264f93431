// The long explanation of every checker diagnostic code (`snnc explain E0301`): what it means, how to fix it,
// and a wrong and a right example, gathered from one file per group of codes (SemaCodeExplanationsNames,
// …Units, …Models, …Network, …Experiment), with the example pieces they share. A test checks that each wrong example yields its code and each right one
// checks clean, warnings included, so the examples cannot go stale. Each example is a complete model and
// declares the neuron models and rules it uses, so that it reads on its own.

import SNNSource

/// The leaky integrate-and-fire neuron most examples use (the membrane relaxes to v_rest with time constant
/// tau_m; at v_th it fires and is reset).
let lifDeclaration = """
    neuron lif {
      param tau_m = 20 ms;  param v_rest = -65 mV;  param v_th = -50 mV
      state v = v_rest;  dv/dt = (v_rest - v) / tau_m
      spike when v > v_th;  reset v = v_rest
    }
    """

/// A pair-based additive STDP rule with a presynaptic and a postsynaptic trace and weights in [0, 1].
let pairSTDPDeclaration = """
    rule pair_stdp {
      param tau_pre = 20 ms;  param tau_post = 20 ms
      param a_pre = 0.01;     param a_post = -0.0105
      synaptic w = 0.5
      pre x_pre:   dx_pre/dt = -x_pre / tau_pre
      post x_post: dx_post/dt = -x_post / tau_post
      on pre  { x_pre += a_pre;   w = clip(w + x_post, 0, 1) }
      on post { x_post += a_post; w = clip(w + x_pre, 0, 1) }
    }
    """ + "\n"

/// An example that uses the `lif` neuron model: its declaration, then `rest`.
func withLIF(_ rest: String) -> String { lifDeclaration + "\n" + rest }

extension SemaCode {
    public var explanation: CodeExplanation {
        let (text, wrong, right) = details
        return CodeExplanation(code: code, summary: summary, text: text, wrong: wrong, right: right)
    }

    private var details: (String, String, String) {
        namesDetails ?? unitsDetails ?? modelsDetails ?? networkDetails ?? experimentDetails ?? (summary, "", "")
    }
}
