// The long explanation of every checker diagnostic code (`snnc explain E0301`): what it means, how to fix it,
// and a wrong and a right example. A test checks that each wrong example yields its code and each right one
// checks clean, warnings included, so the examples cannot go stale. Each example is a complete model and
// declares the neuron models and rules it uses, so that it reads on its own.

import SNNSource

/// The leaky integrate-and-fire neuron most examples use (the membrane relaxes to v_rest with time constant
/// tau_m; at v_th it fires and is reset).
private let lifDeclaration = """
    neuron lif {
      param tau_m = 20 ms;  param v_rest = -65 mV;  param v_th = -50 mV
      state v = v_rest;  dv/dt = (v_rest - v) / tau_m
      spike when v > v_th;  reset v = v_rest
    }
    """

/// A pair-based additive STDP rule with a presynaptic and a postsynaptic trace and weights in [0, 1].
private let pairSTDPDeclaration = """
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
private func withLIF(_ rest: String) -> String { lifDeclaration + "\n" + rest }

extension SemaCode {
    public var explanation: CodeExplanation {
        let (text, wrong, right) = details
        return CodeExplanation(code: code, summary: summary, text: text, wrong: wrong, right: right)
    }

    private var details: (String, String, String) {
        switch self {
        case .undefinedName:
            return ("A name is used that is declared nowhere: not as a constant, population, input or dataset of the "
                + "file, nor as a parameter, state or `let` of the model around it. Names resolve across the whole "
                + "file in any order, so this is usually a typo or a declaration that was never written. Declare "
                + "the name, or correct its spelling (the help suggests a close match).",
                    withLIF("""
                    const n_exc = 400
                    population exc = lif[n_ex]
                    """),
                    withLIF("""
                    const n_exc = 400
                    population exc = lif[n_exc]
                    """))
        case .redefinition:
            return ("Populations, inputs, datasets and constants share one namespace, neuron models and rules "
                + "another, and the variables of each model a third; a second declaration of a name in the same "
                + "namespace would leave unclear which one a use means. Rename one of the two (the note points at "
                + "the first), or delete the copy.",
                    withLIF("""
                    population exc = lif[400]
                    population exc = lif[100]
                    """),
                    withLIF("""
                    population exc = lif[400]
                    population inh = lif[100]
                    """))
        case .unknownNeuronModel:
            return ("A population instantiates a neuron model, and no neuron model of that name is declared in the "
                + "file or the prelude. Check the spelling, declare the model with `neuron NAME { ... }`, or "
                + "declare spike sources with `input` if the name is an input encoder such as `poisson`.",
                    withLIF("""
                    population exc = lfi[400]
                    """),
                    withLIF("""
                    population exc = lif[400]
                    """))
        case .unknownRule:
            return ("A connection's `learn` clause names a learning rule that is neither declared with `rule NAME { "
                + "... }` nor built into snnc (`bp_stdp`). Check the spelling or declare the rule; its synapses "
                + "would otherwise not know how to change their weights.",
                    withLIF(pairSTDPDeclaration + """
                    input pixels = poisson(rate = 20 Hz)[100]
                    population exc = lif[10]
                    connect pixels -> exc: all_to_all learn pair_sdtp on spike { v += w * 2 mV }
                    """),
                    withLIF(pairSTDPDeclaration + """
                    input pixels = poisson(rate = 20 Hz)[100]
                    population exc = lif[10]
                    connect pixels -> exc: all_to_all learn pair_stdp on spike { v += w * 2 mV }
                    """))
        case .unknownFunction:
            return ("A call names a function that does not exist, or calls something that is not a function (a "
                + "parameter or constant followed by parentheses). The functions are the maths functions (`exp`, "
                + "`log`, `sqrt`, `abs`, `min`, `max`, `clip`, ...), the random draws `uniform`, `normal` and "
                + "`lognormal`, and the readouts `spike_count`, `first_spike`, `argmax` and `vote` of the "
                + "experiment.",
                    """
                    neuron lif {
                      param tau_m = 20 ms;  param v_rest = -65 mV;  param v_th = -50 mV
                      state v = random(v_rest, v_th)
                      dv/dt = (v_rest - v) / tau_m
                      spike when v > v_th;  reset v = v_rest
                    }
                    """,
                    """
                    neuron lif {
                      param tau_m = 20 ms;  param v_rest = -65 mV;  param v_th = -50 mV
                      state v = uniform(v_rest, v_th)
                      dv/dt = (v_rest - v) / tau_m
                      spike when v > v_th;  reset v = v_rest
                    }
                    """)
        case .unknownArgument:
            return ("A named argument is not a parameter of what is called: a population may set only its neuron "
                + "model's parameters and initial values, a `learn` clause only its rule's, a pattern, encoder or "
                + "reader only the options it documents, and a connection only `weight` and `delay`. Use one of the "
                + "names the help lists, often the spelling the model itself uses.",
                    withLIF("""
                    population exc = lif(tau = 10 ms)[400]
                    """),
                    withLIF("""
                    population exc = lif(tau_m = 10 ms)[400]
                    """))
        case .missingArgument:
            return ("A required argument is left out. A Poisson input needs its `rate`, a random connection its "
                + "probability `p`, a fixed degree its `k`, a dataset reader its file path; without them the "
                + "network is not defined. Add the argument the message names.",
                    withLIF("""
                    input noise = poisson[100]
                    population exc = lif[10]
                    connect noise -> exc: all_to_all, weight = 0.5 mV on spike { v += w }
                    """),
                    withLIF("""
                    input noise = poisson(rate = 20 Hz)[100]
                    population exc = lif[10]
                    connect noise -> exc: all_to_all, weight = 0.5 mV on spike { v += w }
                    """))
        case .duplicateArgument:
            return ("The same parameter is given twice in one argument list, by name or once by position and once by "
                + "name, so it is unclear which value is meant. Keep one of them (the note points at the first).",
                    withLIF("""
                    population exc = lif(v_th = -50 mV, tau_m = 10 ms, v_th = -55 mV)[400]
                    """),
                    withLIF("""
                    population exc = lif(tau_m = 10 ms, v_th = -55 mV)[400]
                    """))
        case .wrongKind:
            return ("A name is used as a kind of thing it is not: a constant or dataset as the end of a connection, a "
                + "learning rule as a population's neuron model, a neuron model in a `learn` clause, a population "
                + "as the data of `train`, or anything but a population as the argument of `spike_count`. Use a "
                + "name of the kind the place needs.",
                    withLIF("""
                    const n_in = 100
                    input noise = poisson(rate = 20 Hz)[n_in]
                    population exc = lif[10]
                    connect n_in -> exc: all_to_all, weight = 0.5 mV on spike { v += w }
                    """),
                    withLIF("""
                    const n_in = 100
                    input noise = poisson(rate = 20 Hz)[n_in]
                    population exc = lif[10]
                    connect noise -> exc: all_to_all, weight = 0.5 mV on spike { v += w }
                    """))
        case .extendsProblem:
            return ("`extends` must name a declared model of the same kind: a neuron model extends a neuron model and "
                + "a rule a rule, and no model may extend itself, directly or through others. The derived model "
                + "inherits every member of its base and may add or redeclare some. Correct the base's name, or "
                + "remove the `extends` that closes a cycle.",
                    withLIF("""
                    neuron lif_refractory extends lfi {
                      refractory 2 ms
                    }
                    """),
                    withLIF("""
                    neuron lif_refractory extends lif {
                      refractory 2 ms
                    }
                    """))
        case .circularDefinition:
            return ("A constant, parameter or `let` value is defined in terms of itself, directly or through other "
                + "values, so it has no value at all. Break the cycle by giving one of the values a number; a "
                + "quantity that really depends on its own past is a state variable with an equation.",
                    withLIF("""
                    const n_exc = 4 * n_inh
                    const n_inh = n_exc / 4
                    population exc = lif[n_exc]
                    population inh = lif[n_inh]
                    """),
                    withLIF("""
                    const n_exc = 400
                    const n_inh = n_exc / 4
                    population exc = lif[n_exc]
                    population inh = lif[n_inh]
                    """))
        case .unknownPattern:
            return ("After the `:` of a connection comes its connectivity pattern, and this one does not exist. The "
                + "patterns are `all_to_all`, `one_to_one`, `all_but_self`, `random(p = ...)`, `fixed_in_degree(k = "
                + "...)`, `fixed_out_degree(k = ...)`, `conv(...)` and `pool(...)`.",
                    withLIF("""
                    input noise = poisson(rate = 20 Hz)[100]
                    population exc = lif[10]
                    connect noise -> exc: full, weight = 0.5 mV on spike { v += w }
                    """),
                    withLIF("""
                    input noise = poisson(rate = 20 Hz)[100]
                    population exc = lif[10]
                    connect noise -> exc: all_to_all, weight = 0.5 mV on spike { v += w }
                    """))
        case .unknownEncoder:
            return ("An `input` declares spike sources made by an encoder, and this encoder does not exist, or it is "
                + "a neuron model (neurons are declared with `population`). The encoders are `poisson`, "
                + "`bernoulli`, `regular`, `latency`, `rank_order`, `gaussian_fields`, `dog`, `current`, "
                + "`spike_file` and `pulse_packet`.",
                    withLIF("""
                    input noise = poison(rate = 20 Hz)[100]
                    population exc = lif[10]
                    connect noise -> exc: all_to_all, weight = 0.5 mV on spike { v += w }
                    """),
                    withLIF("""
                    input noise = poisson(rate = 20 Hz)[100]
                    population exc = lif[10]
                    connect noise -> exc: all_to_all, weight = 0.5 mV on spike { v += w }
                    """))
        case .unknownDatasetReader:
            return ("A dataset is read by a reader that names its file format, and this one does not exist. Use "
                + "`csv(\"file.csv\", label = column)` for comma-separated tables such as Iris, or `idx(\"images\", "
                + "labels = \"labels\")` for IDX files such as MNIST, plain or gzip-compressed.",
                    """
                    dataset iris = read_csv("iris.csv", label = species)
                    """,
                    """
                    dataset iris = csv("iris.csv", label = species)
                    """)
        case .unknownMember:
            return ("`a.b` names a member that `a` does not have. A dataset has the fields `features` (one flat row "
                + "per sample), `label` and, for IDX files, `image` (the sample's shape), plus the parts of its "
                + "split such as `train` and `test`; populations, inputs and constants have no members. Use one of "
                + "those names.",
                    """
                    dataset iris = csv("iris.csv", label = species, normalize = minmax)
                    input features = poisson(rate = iris.feature * 100 Hz)
                    """,
                    """
                    dataset iris = csv("iris.csv", label = species, normalize = minmax)
                    input features = poisson(rate = iris.features * 100 Hz)
                    """)
        case .unknownMethod:
            return ("`method = NAME` chooses how a neuron model's equations are integrated, and this method does not "
                + "exist. The methods are `exact` (for linear equations), `euler`, `rk2`, `rk4` and "
                + "`exponential_euler` (for conductance-based models).",
                    """
                    neuron lif {
                      param tau_m = 20 ms;  param v_rest = -65 mV;  param v_th = -50 mV
                      state v = v_rest;  dv/dt = (v_rest - v) / tau_m
                      spike when v > v_th;  reset v = v_rest
                      method = exponential
                    }
                    """,
                    """
                    neuron lif {
                      param tau_m = 20 ms;  param v_rest = -65 mV;  param v_th = -50 mV
                      state v = v_rest;  dv/dt = (v_rest - v) / tau_m
                      spike when v > v_th;  reset v = v_rest
                      method = exponential_euler
                    }
                    """)
        case .tooManyArguments:
            return ("More values are given by position than the callee has parameters, or a value is given where none "
                + "is taken (a split's `shuffle`). A neuron model's or rule's arguments are always named, since "
                + "they have many parameters in no natural order. Name the argument, or remove the surplus one.",
                    withLIF("""
                    population exc = lif(10 ms)[400]
                    """),
                    withLIF("""
                    population exc = lif(tau_m = 10 ms)[400]
                    """))
        case .invalidChoice:
            return ("The argument is a word from a fixed list, and this word is not in it: `save` and `load` take "
                + "`weights` or `state`, `assign labels by` takes `mean response` or `max response`, a reader's "
                + "`normalize` takes `none`, `minmax` or `zscore`, a pool's `kind` `max` or `average`. Write one of "
                + "the listed words.",
                    withLIF("""
                    input noise = poisson(rate = 20 Hz)[100]
                    population exc = lif[10]
                    connect noise -> exc: all_to_all, weight = 0.5 mV on spike { v += w }
                    simulate 1 s
                    save weight of noise -> exc to "noise_exc.snnw"
                    """),
                    withLIF("""
                    input noise = poisson(rate = 20 Hz)[100]
                    population exc = lif[10]
                    connect noise -> exc: all_to_all, weight = 0.5 mV on spike { v += w }
                    simulate 1 s
                    save weights of noise -> exc to "noise_exc.snnw"
                    """))
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
        case .invalidSize:
            return ("A population's size, or each size of its shape, counts neurons and must be a whole number "
                + "greater than 0. Computed sizes often are not: 400 / 3 is 133.33. Choose sizes that divide "
                + "evenly, or write the number.",
                    withLIF("""
                    const n_exc = 400
                    population exc = lif[n_exc]
                    population inh = lif[n_exc / 3]
                    """),
                    withLIF("""
                    const n_exc = 400
                    population exc = lif[n_exc]
                    population inh = lif[n_exc / 4]
                    """))
        case .probabilityOutOfRange:
            return ("A connection probability must lie between 0 and 1. A value such as 10 is usually meant as a "
                + "percentage: write `0.1` or `10%`.",
                    withLIF("""
                    population exc = lif[400]
                    connect exc -> exc: random(p = 10), weight = 0.2 mV on spike { v += w }
                    """),
                    withLIF("""
                    population exc = lif[400]
                    connect exc -> exc: random(p = 0.1), weight = 0.2 mV on spike { v += w }
                    """))
        case .sizeMismatch:
            return ("`one_to_one` connects neuron i to neuron i and `all_but_self` skips that pair, so both need "
                + "sources and targets of equal size. Make the sizes equal, slice the larger group (`exc[0..99]`), "
                + "or use another pattern.",
                    withLIF("""
                    population exc = lif[400]
                    population inh = lif[100]
                    connect exc -> inh: one_to_one, weight = 2 mV on spike { v += w }
                    """),
                    withLIF("""
                    population exc = lif[400]
                    population inh = lif[100]
                    connect exc[0..99] -> inh: one_to_one, weight = 2 mV on spike { v += w }
                    """))
        case .degreeInfeasible:
            return ("`fixed_in_degree(k = ...)` gives each target k distinct sources, and `fixed_out_degree(k = ...)` "
                + "each source k distinct targets, drawn without replacement, so k cannot exceed the size of the "
                + "group drawn from. Lower k, or enlarge that group.",
                    withLIF("""
                    input noise = poisson(rate = 10 Hz)[100]
                    population exc = lif[400]
                    connect noise -> exc: fixed_in_degree(k = 200), weight = 0.5 mV on spike { v += w }
                    """),
                    withLIF("""
                    input noise = poisson(rate = 10 Hz)[100]
                    population exc = lif[400]
                    connect noise -> exc: fixed_in_degree(k = 20), weight = 0.5 mV on spike { v += w }
                    """))
        case .valueOutOfRange:
            return ("A value lies outside the range its argument allows: a delay cannot be negative, a simulated "
                + "duration must be longer than 0, counts such as `epochs`, `k` or a kernel size are whole numbers "
                + "of at least 1 and a seed a whole number of at least 0. A negative delay would deliver a spike "
                + "before it was sent. Give a value in range.",
                    withLIF("""
                    input noise = poisson(rate = 20 Hz)[100]
                    population exc = lif[10]
                    connect noise -> exc: all_to_all, weight = 0.5 mV, delay = -1.5 ms on spike { v += w }
                    """),
                    withLIF("""
                    input noise = poisson(rate = 20 Hz)[100]
                    population exc = lif[10]
                    connect noise -> exc: all_to_all, weight = 0.5 mV, delay = 1.5 ms on spike { v += w }
                    """))
        case .delayTooShort:
            return ("A spike is delivered at a step boundary, so it takes at least one time step (by default 0.1 ms) "
                + "to reach its target; a shorter delay, including 0, cannot be simulated. Use a delay of at least "
                + "the time step, or a smaller time step.",
                    withLIF("""
                    input noise = poisson(rate = 20 Hz)[100]
                    population exc = lif[10]
                    connect noise -> exc: all_to_all, weight = 0.5 mV, delay = 0 ms on spike { v += w }
                    """),
                    withLIF("""
                    input noise = poisson(rate = 20 Hz)[100]
                    population exc = lif[10]
                    connect noise -> exc: all_to_all, weight = 0.5 mV, delay = 1 ms on spike { v += w }
                    """))
        case .invalidTimeStep:
            return ("The time step `dt` of `simulate`, `train` or `evaluate` is how far each integration step "
                + "advances the network, so it must be longer than 0. Typical steps for LIF networks are 0.1 ms to "
                + "1 ms.",
                    withLIF("""
                    population exc = lif[10]
                    simulate 1 s with dt = 0 ms
                    """),
                    withLIF("""
                    population exc = lif[10]
                    simulate 1 s with dt = 0.1 ms
                    """))
        case .indexOutOfRange:
            return ("An index or slice reaches outside the population: the neurons of a population of n are numbered "
                + "0 to n - 1, and a range `a..b` includes both ends, so `exc[0..400]` takes 401 neurons of 400. "
                + "Also reported for an empty range or more indices than the population has dimensions.",
                    withLIF("""
                    population exc = lif[400]
                    record v of exc[0..400]
                    simulate 1 s
                    """),
                    withLIF("""
                    population exc = lif[400]
                    record v of exc[0..399]
                    simulate 1 s
                    """))
        case .shapeMismatch:
            return ("A value's shape or length does not fit where it is used: a per-neuron parameter list needs one "
                + "value per neuron, element-wise arithmetic needs equal shapes, an input's declared shape must "
                + "match its data, and the target of `conv` or `pool` must have the output shape. Make the lengths "
                + "agree, or give a single value for all neurons.",
                    withLIF("""
                    population out = lif(v_th = [-52, -50, -48] * 1 mV)[4]
                    """),
                    withLIF("""
                    population out = lif(v_th = [-52, -50, -48] * 1 mV)[3]
                    """))
        case .inputAsTarget:
            return ("Inputs are spike sources: their spikes come from an encoder, and they have no membrane to "
                + "integrate incoming spikes. An input can only be the source (left of `->`) of a connection. "
                + "Connect to a population, or swap the sides.",
                    withLIF("""
                    input noise = poisson(rate = 20 Hz)[100]
                    population exc = lif[10]
                    connect exc -> noise: all_to_all, weight = 0.5 mV on spike { v += w }
                    """),
                    withLIF("""
                    input noise = poisson(rate = 20 Hz)[100]
                    population exc = lif[10]
                    connect noise -> exc: all_to_all, weight = 0.5 mV on spike { v += w }
                    """))
        case .kernelDoesNotFit:
            return ("A `conv` kernel must fit inside the source's [height, width] with its padding, a `pool` window "
                + "too, and pooling windows must tile it exactly: 3x3 windows with stride 3 leave one row and "
                + "column of a 28x28 image over. Choose a window and stride that divide the input, or add padding.",
                    withLIF("""
                    input image = poisson(rate = 20 Hz)[28, 28]
                    population pooled = lif[14, 14]
                    connect image -> pooled: pool(size = 3), weight = 2 mV on spike { v += w }
                    """),
                    withLIF("""
                    input image = poisson(rate = 20 Hz)[28, 28]
                    population pooled = lif[14, 14]
                    connect image -> pooled: pool(size = 2), weight = 2 mV on spike { v += w }
                    """))
        case .datasetFileInvalid:
            return ("The dataset file was found but does not hold what the declaration says: an IDX file with a bad "
                + "magic number (often a labels file given as images, or an HTML page saved instead of the data), "
                + "or a CSV file without the label column named. Point the declaration at the right file or column; "
                + "the message says what was read.",
                    """
                    dataset mnist = idx("broken/train-images-idx3-ubyte.gz")
                    """,
                    """
                    dataset mnist = idx("mnist/train-images-idx3-ubyte.gz")
                    """)
        case .splitInvalid:
            return ("A split divides a dataset into named parts, given all as percentages or all as sample counts. "
                + "Percentages may not add up to more than 100% nor counts to more than the dataset holds, every "
                + "part needs a size, a part appears once, and a dataset is split once. Make the parts fit.",
                    """
                    dataset iris = csv("iris.csv", label = species)
                    split iris: train 80%, test 30%
                    """,
                    """
                    dataset iris = csv("iris.csv", label = species)
                    split iris: train 80%, test 20%
                    """)
        case .notConstant:
            return ("Sizes, connection probabilities, degrees, indices and slices shape the network, which is built "
                + "before the run, so they must be numbers or constants; a random draw or a model variable is only "
                + "known later. Write a constant value (random per-synapse weights and delays are fine).",
                    withLIF("""
                    population exc = lif[400]
                    connect exc -> exc: random(p = uniform(0.05, 0.15)), weight = 0.2 mV on spike { v += w }
                    """),
                    withLIF("""
                    population exc = lif[400]
                    connect exc -> exc: random(p = 0.1), weight = 0.2 mV on spike { v += w }
                    """))
        case .delayRounded:
            return ("Spikes are delivered at step boundaries, so a delay is a whole number of time steps; 1.25 ms "
                + "with the default step of 0.1 ms is 12.5 steps and is rounded. The network then runs with a "
                + "slightly different delay than written. Use a multiple of the time step, or a step that divides "
                + "the delay.",
                    withLIF("""
                    input noise = poisson(rate = 20 Hz)[100]
                    population exc = lif[10]
                    connect noise -> exc: all_to_all, weight = 0.5 mV, delay = 1.25 ms on spike { v += w }
                    """),
                    withLIF("""
                    input noise = poisson(rate = 20 Hz)[100]
                    population exc = lif[10]
                    connect noise -> exc: all_to_all, weight = 0.5 mV, delay = 1.3 ms on spike { v += w }
                    """))
        case .timeStepTooLarge:
            return ("The time step is not smaller than the fastest time constant of a population's model (here the 1 "
                + "ms decay of the synaptic current), so the variable decays within one step and the integration is "
                + "inaccurate or unstable. Use a step several times smaller than the fastest time constant.",
                    """
                    neuron lif_exp {
                      param tau_m = 20 ms;  param tau_syn = 1 ms;  param R = 100 Mohm
                      param v_rest = -65 mV;  param v_th = -50 mV
                      state v = v_rest;  state I_syn = 0 nA
                      dv/dt = (v_rest - v + R * I_syn) / tau_m
                      dI_syn/dt = -I_syn / tau_syn
                      spike when v > v_th;  reset v = v_rest
                    }
                    population exc = lif_exp[10]
                    simulate 1 s with dt = 1 ms
                    """,
                    """
                    neuron lif_exp {
                      param tau_m = 20 ms;  param tau_syn = 1 ms;  param R = 100 Mohm
                      param v_rest = -65 mV;  param v_th = -50 mV
                      state v = v_rest;  state I_syn = 0 nA
                      dv/dt = (v_rest - v + R * I_syn) / tau_m
                      dI_syn/dt = -I_syn / tau_syn
                      spike when v > v_th;  reset v = v_rest
                    }
                    population exc = lif_exp[10]
                    simulate 1 s with dt = 0.1 ms
                    """)
        case .datasetNotFound:
            return ("The dataset file is found neither next to the model, nor in the `--data DIR` folder, nor under "
                + "`$SNNC_DATA`, so its shape and classes are unknown and the inputs built from it cannot be "
                + "checked. It is a warning because the file may exist where the model runs. Fix the path, or pass "
                + "the data folder.",
                    """
                    dataset iris = csv("data/iris.csv", label = species)
                    """,
                    """
                    dataset iris = csv("iris.csv", label = species)
                    """)
        case .noSuchVariable:
            return ("`record` names a variable that the population's neuron model does not have (inputs record only "
                + "`spikes`, connections `weights` and their rule's variables). A current-based LIF has no "
                + "conductance `ge`; check the model's state variables and `let` values, and record one of those.",
                    withLIF("""
                    population exc = lif[10]
                    record spikes, v, ge of exc
                    simulate 1 s
                    """),
                    withLIF("""
                    population exc = lif[10]
                    record spikes, v of exc
                    simulate 1 s
                    """))
        case .noSuchConnection:
            return ("`record weights of`, `save` and `load` name a connection by its ends, `a -> b`, and no "
                + "connection goes from a to b; the direction matters. Name a declared connection, with its source "
                + "first.",
                    withLIF("""
                    input noise = poisson(rate = 20 Hz)[100]
                    population exc = lif[10]
                    connect noise -> exc: all_to_all, weight = 0.5 mV on spike { v += w }
                    record weights of exc -> noise
                    simulate 1 s
                    """),
                    withLIF("""
                    input noise = poisson(rate = 20 Hz)[100]
                    population exc = lif[10]
                    connect noise -> exc: all_to_all, weight = 0.5 mV on spike { v += w }
                    record weights of noise -> exc
                    simulate 1 s
                    """))
        case .labelsNotAssigned:
            return ("`vote(...)` predicts the class whose neurons respond most, which needs each neuron's class "
                + "label. Labels are given by `assign labels by mean response of POP`, usually after unsupervised "
                + "training, and a vote before that has nothing to count. Assign labels first.",
                    withLIF("""
                    dataset iris = csv("iris.csv", label = species, normalize = minmax)
                    input features = poisson(rate = iris.features * 100 Hz)
                    population out = lif[30]
                    connect features -> out: all_to_all, weight = uniform(0 mV, 4 mV) on spike { v += w }
                    evaluate on iris { present 50 ms; predict = vote(spike_count(out)) }
                    """),
                    withLIF("""
                    dataset iris = csv("iris.csv", label = species, normalize = minmax)
                    input features = poisson(rate = iris.features * 100 Hz)
                    population out = lif[30]
                    connect features -> out: all_to_all, weight = uniform(0 mV, 4 mV) on spike { v += w }
                    assign labels by mean response of out
                    evaluate on iris { present 50 ms; predict = vote(spike_count(out)) }
                    """))
        case .phaseNotAllowed:
            return ("The statement or readout does not belong where it is: `reward`, `boost` and `target` are for "
                + "training, since evaluation does not learn, and readouts such as `spike_count(out)` exist only "
                + "within a train or evaluate block, while samples are presented. Move it into the right block, or "
                + "remove it.",
                    withLIF("""
                    dataset iris = csv("iris.csv", label = species, normalize = minmax)
                    input features = poisson(rate = iris.features * 100 Hz)
                    population out = lif[3]
                    connect features -> out: all_to_all, weight = uniform(0 mV, 4 mV) on spike { v += w }
                    evaluate on iris {
                      present 50 ms
                      reward 1 when argmax(spike_count(out)) == label else -1
                    }
                    """),
                    withLIF("""
                    dataset iris = csv("iris.csv", label = species, normalize = minmax)
                    input features = poisson(rate = iris.features * 100 Hz)
                    population out = lif[3]
                    connect features -> out: all_to_all, weight = uniform(0 mV, 4 mV) on spike { v += w }
                    evaluate on iris {
                      present 50 ms
                      predict = argmax(spike_count(out))
                    }
                    """))
        }
    }
}
