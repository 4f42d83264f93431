// The long explanations of the checker's codes about physical units (E0300–E0399), for `snnc explain`: what each
// means, how to fix it, and a wrong and a right example (see SemaCodeExplanations.swift).

extension SemaCode {
    /// The text, wrong and right example of a code about physical units; nil for other codes.
    var unitsDetails: (String, String, String)? {
        switch self {
        case .unknownUnit:
            return ("The word after a number is read as its unit, and this is not a known unit. Units are SI units "
                + "with SI prefixes and are case-sensitive: `mV` (not `mv`), `ms`, `nA`, `nS`, `pF`, `Hz`, `Mohm`, "
                + "`uF/cm^2`. Fix the spelling; to multiply by a variable write `*` (`2 * tau`, not `2 tau`).",
                    """
                    neuron lif {
                      param tau_m = 20 ms;  param v_rest = -65 mv;  param v_th = -50 mV
                      state v = v_rest;  dv/dt = (v_rest - v) / tau_m
                      spike when v > v_th;  reset v = v_rest
                    }
                    """,
                    lifDeclaration)
        case .dimensionMismatch:
            return ("Only quantities of one physical dimension can be added, subtracted or compared: a voltage plus a "
                + "current is meaningless whatever the numbers. Convert one side with the physics that relates "
                + "them, here Ohm's law (a current I through the membrane resistance R shifts the potential by R "
                + "I).",
                    """
                    neuron lif {
                      param tau_m = 20 ms;  param v_rest = -65 mV;  param v_th = -50 mV;  param I_e = 0.2 nA
                      state v = v_rest
                      dv/dt = (v_rest - v + I_e) / tau_m
                      spike when v > v_th;  reset v = v_rest
                    }
                    """,
                    """
                    neuron lif {
                      param tau_m = 20 ms;  param v_rest = -65 mV;  param v_th = -50 mV;  param I_e = 0.2 nA
                      param R = 100 Mohm
                      state v = v_rest
                      dv/dt = (v_rest - v + R * I_e) / tau_m
                      spike when v > v_th;  reset v = v_rest
                    }
                    """)
        case .equationDimension:
            return ("`dX/dt` is a rate of change, so its right side must be in the unit of X per unit of time: mV/ms "
                + "for a membrane potential, nA/ms for a current. A right side in the unit of X itself usually "
                + "lacks the division by a time constant. Fix the equation; the message shows both dimensions.",
                    """
                    neuron lif {
                      param v_rest = -65 mV;  param v_th = -50 mV
                      state v = v_rest;  dv/dt = v_rest - v
                      spike when v > v_th;  reset v = v_rest
                    }
                    """,
                    """
                    neuron lif {
                      param tau_m = 20 ms;  param v_rest = -65 mV;  param v_th = -50 mV
                      state v = v_rest;  dv/dt = (v_rest - v) / tau_m
                      spike when v > v_th;  reset v = v_rest
                    }
                    """)
        case .dimensionlessRequired:
            return ("Functions such as `exp`, `log`, `sin` and `tanh`, indices and ranges take plain numbers: e "
                + "raised to 10 mV has no meaning. Divide the quantity by a scale of the same dimension, as the "
                + "exponential integrate-and-fire model divides `v - v_T` by the slope factor `delta_T`.",
                    """
                    neuron eif {
                      param tau_m = 20 ms;  param v_rest = -65 mV;  param v_T = -50 mV;  param delta_T = 2 mV
                      state v = v_rest
                      dv/dt = (v_rest - v + delta_T * exp(v - v_T)) / tau_m
                      spike when v > 0 mV;  reset v = v_rest
                    }
                    """,
                    """
                    neuron eif {
                      param tau_m = 20 ms;  param v_rest = -65 mV;  param v_T = -50 mV;  param delta_T = 2 mV
                      state v = v_rest
                      dv/dt = (v_rest - v + delta_T * exp((v - v_T) / delta_T)) / tau_m
                      spike when v > 0 mV;  reset v = v_rest
                    }
                    """)
        case .badExponent:
            return ("A quantity with a unit can only be raised to a constant whole or half number (mV^2, Hz^0.5), "
                + "because the result's unit must be known before the run; a parameter as exponent could change per "
                + "population. Divide the base by a scale of its unit first: `(x / x_0)^n` is a plain number for "
                + "any `n`.",
                    """
                    neuron power_if {
                      param tau_m = 10 ms;  param v_rest = -65 mV;  param v_s = 15 mV;  param n = 2
                      state v = v_rest
                      dv/dt = (v_rest - v + (v - v_rest)^n / v_s) / tau_m
                      spike when v > 0 mV;  reset v = v_rest
                    }
                    """,
                    """
                    neuron power_if {
                      param tau_m = 10 ms;  param v_rest = -65 mV;  param v_s = 15 mV;  param n = 2
                      state v = v_rest
                      dv/dt = (v_rest - v + v_s * ((v - v_rest) / v_s)^n) / tau_m
                      spike when v > 0 mV;  reset v = v_rest
                    }
                    """)
        case .assignmentDimension:
            return ("An assignment (`=`, `+=`, `-=`) must keep the variable's dimension: adding a plain synaptic "
                + "weight to a membrane potential in mV is undefined. `*=` and `/=` scale a variable and take a "
                + "plain number. Give the value the variable's unit, here a weight in mV.",
                    withLIF("""
                    input noise = poisson(rate = 20 Hz)[100]
                    population exc = lif[10]
                    connect noise -> exc: all_to_all, weight = 0.5 on spike { v += w }
                    """),
                    withLIF("""
                    input noise = poisson(rate = 20 Hz)[100]
                    population exc = lif[10]
                    connect noise -> exc: all_to_all, weight = 0.5 mV on spike { v += w }
                    """))
        case .argumentDimension:
            return ("An argument or setting has the wrong physical dimension, or the wrong kind of value: a rate must "
                + "be a frequency, a delay or time step a time, a parameter override the parameter's dimension, a "
                + "file name a string. A plain number where a quantity is expected usually lacks its unit: add it.",
                    withLIF("""
                    input noise = poisson(rate = 20)[100]
                    population exc = lif[10]
                    connect noise -> exc: all_to_all, weight = 0.5 mV on spike { v += w }
                    """),
                    withLIF("""
                    input noise = poisson(rate = 20 Hz)[100]
                    population exc = lif[10]
                    connect noise -> exc: all_to_all, weight = 0.5 mV on spike { v += w }
                    """))
        case .declaredUnitMismatch:
            return ("A variable declared with a unit (`param tau_m: ms`) has a default or initial value in another "
                + "dimension, or it redeclares a variable of its base model in another dimension. The declared unit "
                + "is the contract; make the value match it.",
                    """
                    neuron lif {
                      param tau_m: ms = 20 mV;  param v_rest: mV = -65 mV;  param v_th: mV = -50 mV
                      state v: mV = v_rest;  dv/dt = (v_rest - v) / tau_m
                      spike when v > v_th;  reset v = v_rest
                    }
                    """,
                    """
                    neuron lif {
                      param tau_m: ms = 20 ms;  param v_rest: mV = -65 mV;  param v_th: mV = -50 mV
                      state v: mV = v_rest;  dv/dt = (v_rest - v) / tau_m
                      spike when v > v_th;  reset v = v_rest
                    }
                    """)
        case .conditionRequired:
            return ("A true/false condition is needed (after `spike when`, `if`, `when`, `while`, or around `and`, "
                + "`or`, `not`) but the expression is a quantity. Quantities are not truthy; compare them: a neuron "
                + "fires when its potential crosses the threshold, `v > v_th`.",
                    """
                    neuron lif {
                      param tau_m = 20 ms;  param v_rest = -65 mV;  param v_th = -50 mV
                      state v = v_rest;  dv/dt = (v_rest - v) / tau_m
                      spike when v - v_th;  reset v = v_rest
                    }
                    """,
                    lifDeclaration)
        case .quantityRequired:
            return ("A number or quantity is needed, for arithmetic, an equation, an assignment or a duration, but "
                + "the expression is a condition, a string or the name of a population or dataset. A quantity in "
                + "double quotes is a string: remove the quotes.",
                    withLIF("""
                    population exc = lif[10]
                    simulate "1 s"
                    """),
                    withLIF("""
                    population exc = lif[10]
                    simulate 1 s
                    """))
        default:
            return nil
        }
    }
}
