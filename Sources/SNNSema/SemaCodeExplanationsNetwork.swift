// The long explanations of the checker's codes about the network and its data (E0500–E0599, W0500–W0599), for `snnc explain`: what each
// means, how to fix it, and a wrong and a right example (see SemaCodeExplanations.swift).

extension SemaCode {
    /// The text, wrong and right example of a code about the network and its data; nil for other codes.
    var networkDetails: (String, String, String)? {
        switch self {
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
        case .currentInputConnection:
            return ("A `current` input is a set of current generators, not spike sources: while it is on, a "
                + "connection from it adds weight × current to a parameter of each target neuron, such as `lif`'s "
                + "constant input current I_e (`on spike { I_e += w }`, with w a plain number, or w in ohms for a "
                + "parameter in volts). It cannot add to a state variable (that would be a jump at every step), "
                + "learn, have a delay, or share a connection with spiking inputs. Drive a current parameter of the "
                + "model, and connect spiking inputs separately.",
                    withLIF("""
                    input drive = current(value = 2 nA)[10]
                    population exc = lif[10]
                    connect drive -> exc: one_to_one, weight = 1 on spike { v += w }
                    """),
                    """
                    neuron lif_driven {
                      param tau_m = 20 ms;  param v_rest = -65 mV;  param v_th = -50 mV
                      param R = 10 Mohm;    param I_e = 0 nA
                      state v = v_rest;  dv/dt = (v_rest - v + R * I_e) / tau_m
                      spike when v > v_th;  reset v = v_rest
                    }
                    input drive = current(value = 2 nA)[10]
                    population exc = lif_driven[10]
                    connect drive -> exc: one_to_one, weight = 1 on spike { I_e += w }
                    """)
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
        default:
            return nil
        }
    }
}
