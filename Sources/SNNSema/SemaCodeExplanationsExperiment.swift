// The long explanations of the checker's codes about the experiment (E0600–E0699), for `snnc explain`: what each
// means, how to fix it, and a wrong and a right example (see SemaCodeExplanations.swift).

extension SemaCode {
    /// The text, wrong and right example of a code about the experiment; nil for other codes.
    var experimentDetails: (String, String, String)? {
        switch self {
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
                    withIrisLIF(30, """
                    evaluate on iris { present 50 ms; predict = vote(spike_count(out)) }
                    """),
                    withIrisLIF(30, """
                    assign labels by mean response of out
                    evaluate on iris { present 50 ms; predict = vote(spike_count(out)) }
                    """))
        case .phaseNotAllowed:
            return ("The statement or readout does not belong where it is: `reward`, `boost` and `target` are for "
                + "training, since evaluation does not learn, and readouts such as `spike_count(out)` exist only "
                + "within a train or evaluate block, while samples are presented. Move it into the right block, or "
                + "remove it.",
                    withIrisLIF(3, """
                    evaluate on iris {
                      present 50 ms
                      reward 1 when argmax(spike_count(out)) == label else -1
                    }
                    """),
                    withIrisLIF(3, """
                    evaluate on iris {
                      present 50 ms
                      predict = argmax(spike_count(out))
                    }
                    """))
        case .notFreezable:
            return ("`freeze VARIABLE of POPULATION` keeps a state variable of a population at its value from the start "
                + "of the phase. Only state variables change, so only they can be frozen: not parameters, `let` "
                + "values or the variables of an input (a spike source). Name a `state` of the population's neuron "
                + "model, such as the adaptive threshold `theta`.",
                    withAdaptiveLIF("""
                    evaluate on iris {
                      present 50 ms
                      freeze tau_theta of out
                      predict = argmax(spike_count(out))
                    }
                    """),
                    withAdaptiveLIF("""
                    evaluate on iris {
                      present 50 ms
                      freeze theta of out
                      predict = argmax(spike_count(out))
                    }
                    """))
        case .freezeOutsidePhase:
            return ("`freeze` holds a variable still for one phase of the experiment — the samples of a `train`, an "
                + "`evaluate` or an `assign labels … on DATA` — and is written inside that statement's block. On its "
                + "own it would not say for which phase; move it into the block.",
                    withAdaptiveLIF("""
                    freeze theta of out
                    evaluate on iris { present 50 ms; predict = argmax(spike_count(out)) }
                    """),
                    withAdaptiveLIF("""
                    evaluate on iris { present 50 ms; freeze theta of out; predict = argmax(spike_count(out)) }
                    """))
        case .unsupportedReadout:
            return ("A train or evaluate block reads the network's response to a sample in fixed forms: a prediction "
                + "is `argmax(spike_count(P))` (the neuron with the most spikes), `vote(spike_count(P))` (the class "
                + "whose labelled neurons respond most) or `argmax(membrane(P))` (gradient-trained readouts); a reward "
                + "uses the first two, compared with `label` or inside `one_hot(…)`; a boost waits while "
                + "`spike_count(P) < N`. P is a population: an input's spikes are the sample itself. Write the "
                + "readout in one of these forms.",
                    withIrisLIF(3, """
                    evaluate on iris { present 50 ms; predict = spike_count(out) }
                    """),
                    withIrisLIF(3, """
                    evaluate on iris { present 50 ms; predict = argmax(spike_count(out)) }
                    """))
        default:
            return nil
        }
    }
}

/// An example network: `outputs` LIF neurons driven by the Iris features as Poisson rates, then `rest`.
private func withIrisLIF(_ outputs: Int, _ rest: String) -> String {
    withLIF("""
    dataset iris = csv("iris.csv", label = species, normalize = minmax)
    input features = poisson(rate = iris.features * 100 Hz)
    population out = lif[\(outputs)]
    connect features -> out: all_to_all, weight = uniform(0 mV, 4 mV) on spike { v += w }

    """ + rest)
}

/// An example network of a LIF neuron with an adaptive threshold `theta`, 30 of them driven by the Iris features,
/// then `rest`.
private func withAdaptiveLIF(_ rest: String) -> String {
    """
    neuron alif {
      param tau_m = 20 ms;  param v_rest = -65 mV;  param v_th = -50 mV
      param tau_theta = 1 s;  param theta_plus = 0.5 mV
      state v = v_rest;  dv/dt = (v_rest - v) / tau_m
      state theta = 0 mV;  dtheta/dt = -theta / tau_theta
      spike when v > v_th + theta;  reset v = v_rest, theta += theta_plus
    }

    dataset iris = csv("iris.csv", label = species, normalize = minmax)
    input features = poisson(rate = iris.features * 100 Hz)
    population out = alif[30]
    connect features -> out: all_to_all, weight = uniform(0 mV, 4 mV) on spike { v += w }

    """ + rest
}
