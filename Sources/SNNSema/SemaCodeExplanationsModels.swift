// The long explanations of the checker's codes about neuron models and rules (E0400–E0499, W0400), for `snnc explain`: what each
// means, how to fix it, and a wrong and a right example (see SemaCodeExplanations.swift).

extension SemaCode {
    /// The text, wrong and right example of a code about neuron models and rules; nil for other codes.
    var modelsDetails: (String, String, String)? {
        switch self {
        case .missingInitialValue:
            return ("A state variable changes during the run and must start from a defined value, which the "
                + "declaration lacks. Give it one, a constant, a parameter (`state v = v_rest`) or a random draw "
                + "(`state v = uniform(v_reset, v_th)`).",
                    """
                    neuron lif {
                      param tau_m = 20 ms;  param v_rest = -65 mV;  param v_th = -50 mV
                      state v: mV;  dv/dt = (v_rest - v) / tau_m
                      spike when v > v_th;  reset v = v_rest
                    }
                    """,
                    """
                    neuron lif {
                      param tau_m = 20 ms;  param v_rest = -65 mV;  param v_th = -50 mV
                      state v: mV = v_rest;  dv/dt = (v_rest - v) / tau_m
                      spike when v > v_th;  reset v = v_rest
                    }
                    """)
        case .assignmentToNonState:
            return ("Resets, rule handlers and `on spike` blocks may assign only state variables, rule variables and "
                + "the weight `w`. Parameters, `let` values and constants are fixed during the run. To make a value "
                + "change, such as an adaptive threshold that rises with each spike, declare it as a state with its "
                + "own equation.",
                    """
                    neuron adaptive {
                      param tau_m = 20 ms;  param v_rest = -65 mV;  param v_th = -50 mV
                      state v = v_rest;  dv/dt = (v_rest - v) / tau_m
                      spike when v > v_th
                      reset v = v_rest, v_th += 2 mV
                    }
                    """,
                    """
                    neuron adaptive {
                      param tau_m = 20 ms;  param v_rest = -65 mV;  param v_th = -50 mV;  param tau_theta = 100 ms
                      state v = v_rest;  dv/dt = (v_rest - v) / tau_m
                      state theta = 0 mV;  dtheta/dt = -theta / tau_theta
                      spike when v > v_th + theta
                      reset v = v_rest, theta += 2 mV
                    }
                    """)
        case .equationForNonState:
            return ("Only state variables (and a rule's synaptic, pre and post variables) evolve by a differential "
                + "equation. A parameter is constant during the run and a `let` value is computed from others, so "
                + "`dX/dt` for them contradicts their declaration. Declare the variable as `state` with an initial "
                + "value.",
                    """
                    neuron lif_exp {
                      param tau_m = 20 ms;  param tau_syn = 5 ms;  param R = 100 Mohm
                      param v_rest = -65 mV;  param v_th = -50 mV
                      param I_syn = 0 nA
                      state v = v_rest
                      dv/dt = (v_rest - v + R * I_syn) / tau_m
                      dI_syn/dt = -I_syn / tau_syn
                      spike when v > v_th;  reset v = v_rest
                    }
                    """,
                    """
                    neuron lif_exp {
                      param tau_m = 20 ms;  param tau_syn = 5 ms;  param R = 100 Mohm
                      param v_rest = -65 mV;  param v_th = -50 mV
                      state I_syn = 0 nA
                      state v = v_rest
                      dv/dt = (v_rest - v + R * I_syn) / tau_m
                      dI_syn/dt = -I_syn / tau_syn
                      spike when v > v_th;  reset v = v_rest
                    }
                    """)
        case .duplicateMember:
            return ("A model has one threshold, one reset, one refractory period, one method, one equation per "
                + "variable and one handler per event, and a connection one rule and one `on spike` block; a second "
                + "one would leave unclear which applies. Combine them, for equations by adding the terms (the note "
                + "points at the first).",
                    """
                    neuron lif {
                      param tau_m = 20 ms;  param v_rest = -65 mV;  param v_th = -50 mV
                      param R = 100 Mohm;  param I_e = 0.2 nA
                      state v = v_rest
                      dv/dt = (v_rest - v) / tau_m
                      dv/dt = R * I_e / tau_m
                      spike when v > v_th;  reset v = v_rest
                    }
                    """,
                    """
                    neuron lif {
                      param tau_m = 20 ms;  param v_rest = -65 mV;  param v_th = -50 mV
                      param R = 100 Mohm;  param I_e = 0.2 nA
                      state v = v_rest
                      dv/dt = (v_rest - v + R * I_e) / tau_m
                      spike when v > v_th;  reset v = v_rest
                    }
                    """)
        case .refractoryNotTime:
            return ("`refractory` takes either a duration, during which the neuron is held after a spike, or a "
                + "condition that holds while the neuron is refractory (for models without a reset). A plain number "
                + "has neither meaning: give the period its unit.",
                    """
                    neuron lif {
                      param tau_m = 20 ms;  param v_rest = -65 mV;  param v_th = -50 mV
                      state v = v_rest;  dv/dt = (v_rest - v) / tau_m
                      spike when v > v_th;  reset v = v_rest
                      refractory 2
                    }
                    """,
                    """
                    neuron lif {
                      param tau_m = 20 ms;  param v_rest = -65 mV;  param v_th = -50 mV
                      state v = v_rest;  dv/dt = (v_rest - v) / tau_m
                      spike when v > v_th;  reset v = v_rest
                      refractory 2 ms
                    }
                    """)
        case .unknownEvent:
            return ("A learning rule reacts to `on pre` (a presynaptic spike arrives), `on post` (the postsynaptic "
                + "neuron fires) and `on reward(r)`; no other event exists. What a presynaptic spike does to the "
                + "target neuron is written in the connection's `on spike` block, not in the rule.",
                    """
                    rule hebb {
                      param lr = 0.01
                      synaptic w = 0.5
                      post x_post: dx_post/dt = -x_post / (20 ms)
                      on spike { w += lr * x_post }
                      on post { x_post += 1 }
                    }
                    """,
                    """
                    rule hebb {
                      param lr = 0.01
                      synaptic w = 0.5
                      post x_post: dx_post/dt = -x_post / (20 ms)
                      on pre { w += lr * x_post }
                      on post { x_post += 1 }
                    }
                    """)
        case .parameterDependsOnState:
            return ("A parameter is fixed before the run, so its default cannot use a state variable, which changes "
                + "during it. A value that follows the state, such as the leak current g_L (E_L - v), is a `let`, "
                + "which is evaluated wherever it is used.",
                    """
                    neuron lif_g {
                      param C_m = 200 pF;  param g_L = 10 nS;  param E_L = -70 mV;  param v_th = -50 mV
                      state v = E_L
                      param I_L = g_L * (E_L - v)
                      dv/dt = I_L / C_m
                      spike when v > v_th;  reset v = E_L
                    }
                    """,
                    """
                    neuron lif_g {
                      param C_m = 200 pF;  param g_L = 10 nS;  param E_L = -70 mV;  param v_th = -50 mV
                      state v = E_L
                      let I_L = g_L * (E_L - v)
                      dv/dt = I_L / C_m
                      spike when v > v_th;  reset v = E_L
                    }
                    """)
        case .unusedParameter:
            return ("A parameter is declared but no equation, threshold, reset, refractory period or other value uses "
                + "it, so setting it (in a population's arguments) changes nothing; often a literal was written "
                + "where the parameter was meant. Use it, or remove it.",
                    """
                    neuron lif {
                      param tau_m = 20 ms;  param v_rest = -65 mV;  param v_th = -50 mV;  param t_ref = 2 ms
                      state v = v_rest;  dv/dt = (v_rest - v) / tau_m
                      spike when v > v_th;  reset v = v_rest
                      refractory 2 ms
                    }
                    """,
                    """
                    neuron lif {
                      param tau_m = 20 ms;  param v_rest = -65 mV;  param v_th = -50 mV;  param t_ref = 2 ms
                      state v = v_rest;  dv/dt = (v_rest - v) / tau_m
                      spike when v > v_th;  reset v = v_rest
                      refractory t_ref
                    }
                    """)
        default:
            return nil
        }
    }
}
