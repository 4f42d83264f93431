// The long explanations of the checker's codes about names and declarations (E0200–E0299), for `snnc explain`: what each
// means, how to fix it, and a wrong and a right example (see SemaCodeExplanations.swift).

extension SemaCode {
    /// The text, wrong and right example of a code about names and declarations; nil for other codes.
    var namesDetails: (String, String, String)? {
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
                + "`lognormal`, and the readouts `spike_count`, `membrane`, `argmax` and `vote` "
                + "of the experiment, with `one_hot` for rewards.",
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
        default:
            return nil
        }
    }
}
