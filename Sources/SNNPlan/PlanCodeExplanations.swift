// The long explanation of every planner diagnostic code (`snnc explain E0700`), with a wrong and a right example.

import SNNSource

extension PlanCode {
    public var explanation: CodeExplanation {
        let (text, wrong, right) = details
        return CodeExplanation(code: code, summary: summary, text: text, wrong: wrong, right: right)
    }

    private var details: (String, String, String) {
        let lif = "neuron cell {\n  param tau = 10 ms\n  state v = 0 mV\n  dv/dt = -v / tau\n  spike when v > 10 mV\n  reset v = 0 mV\n}\n"
        switch self {
        case .unsupportedSynapticEffect:
            return ("The runtime delivers a spike by adding an amount to a variable of the target neuron at arrival "
                + "(`ge += w`, `v += 0.5 mV`, `gi += w * 2`). Other statements — scaling a variable, setting it, "
                + "or amounts that depend on the target's state — cannot be delivered through the delay buffers yet. "
                + "Rewrite the effect as an addition.",
                    lif + "population p = cell[10]\nconnect p -> p: all_to_all on spike { v *= 0.5 }\nsimulate 1 s",
                    lif + "population p = cell[10]\nconnect p -> p: all_to_all on spike { v += -1 mV }\nsimulate 1 s")
        case .unsupportedConnectivity:
            return ("The runtime stores each connection as a table of synapses with 32-bit indices and delays of at "
                + "most 65,535 steps, and joins convolution or pooling windows only between whole shaped populations. "
                + "A connection that would exceed those limits, or a window between slices, cannot be built: use a "
                + "shorter delay or a larger time step, a sparser pattern, or whole populations.",
                    lif + "population a = cell[10]\npopulation b = cell[10]\nconnect a -> b: all_to_all, delay = 10 s on spike { v += 1 mV }\nsimulate 1 s",
                    lif + "population a = cell[10]\npopulation b = cell[10]\nconnect a -> b: all_to_all, delay = 10 ms on spike { v += 1 mV }\nsimulate 1 s")
        case .unsupportedInput:
            return ("Inputs that encode dataset features (Poisson rates from `mnist.image`, Gaussian receptive "
                + "fields, latency codes) are presented sample by sample by `train` and `evaluate`, which come with "
                + "learning. `snnc run` simulates inputs that need no data: `poisson`, `bernoulli`, `regular`, `current`, "
                + "`pulse_packet` and `spike_file`.",
                    "dataset iris = csv(\"iris.csv\", label = species)\ninput f = poisson(rate = iris.features * 100 Hz)\nsimulate 1 s",
                    "input f = poisson(rate = 100 Hz)[4]\nsimulate 1 s")
        case .unsupportedRefractory:
            return ("The runtime counts a refractory period in steps, the same for every neuron of a population. A "
                + "period that differs between neurons (a random or per-neuron parameter) is not supported yet; use "
                + "one value per population, or a refractory condition.",
                    "neuron cell {\n  param t_ref = uniform(1 ms, 3 ms)\n  state v = 0 mV\n  spike when v > 10 mV\n  reset v = 0 mV\n  refractory t_ref\n}\npopulation p = cell[10]\nsimulate 1 s",
                    "neuron cell {\n  param t_ref = 2 ms\n  state v = 0 mV\n  spike when v > 10 mV\n  reset v = 0 mV\n  refractory t_ref\n}\npopulation p = cell[10]\nsimulate 1 s")
        case .unsupportedIntegration:
            return ("`method = exact` integrates a linear system with constant coefficients exactly, through the "
                + "matrix exponential of its coefficients. These equations are not linear in the state variables "
                + "(or their coefficients change between neurons or over time), so they cannot be integrated "
                + "exactly. Leave the method out to get the best applicable one, or choose `rk4` or "
                + "`exponential_euler`.",
                    "neuron quad {\n  param tau = 10 ms\n  state v = 1 mV\n  dv/dt = -v * v / (1 mV) / tau\n  method = exact\n}\npopulation p = quad[1]\nsimulate 1 s",
                    "neuron quad {\n  param tau = 10 ms\n  state v = 1 mV\n  dv/dt = -v * v / (1 mV) / tau\n  method = rk4\n}\npopulation p = quad[1]\nsimulate 1 s")
        case .unsupportedRule:
            return ("The runtime runs a learning rule event by event: traces (`pre x`, `post y`) and per-synapse "
                + "variables with an equation must decay exponentially, `dx/dt = -x / tau`, so that a decay over "
                + "any number of steps is one exact factor; a handler sets only the traces of the neuron that "
                + "fired (`on pre` the presynaptic ones), from traces and parameters, not from per-synapse values.",
                    lif + "rule hebb {\n  param tau = 20 ms\n  synaptic w = 0.5\n  pre x = 0: dx/dt = (1 - x) / tau\n  on pre { x += 1 }\n  on post { w = clip(w + 0.01 * x, 0, 1) }\n}\n" + "input s = poisson(rate = 20 Hz)[10]\npopulation p = cell[2]\nconnect s -> p: all_to_all on spike { v += w * 1 mV }\n  learn hebb\nsimulate 100 ms",
                    lif + "rule hebb {\n  param tau = 20 ms\n  synaptic w = 0.5\n  pre x = 0: dx/dt = -x / tau\n  on pre { x += 1 }\n  on post { w = clip(w + 0.01 * x, 0, 1) }\n}\n" + "input s = poisson(rate = 20 Hz)[10]\npopulation p = cell[2]\nconnect s -> p: all_to_all on spike { v += w * 1 mV }\n  learn hebb\nsimulate 100 ms")
        case .unreadableDataset:
            return ("`train` and `evaluate` read their datasets when the run starts. The file is looked for beside "
                + "the model, then in `--data DIR`, then in `$SNNC_DATA`; it was not found there, or it could not be "
                + "read (a truncated or corrupted file, a garbled CSV cell). Pass the data folder, or fix the file.",
                    lif + "dataset iris = csv(\"missing_iris.csv\", label = species, normalize = minmax)\ninput f = poisson(rate = iris.features * 100 Hz)[4]\npopulation out = cell[3]\nconnect f -> out: all_to_all on spike { v += 2 mV }\n" + "train on iris, epochs = 1 { present 40 ms }",
                    lif + "input f = poisson(rate = 100 Hz)[4]\npopulation out = cell[3]\nconnect f -> out: all_to_all on spike { v += 2 mV }\nsimulate 100 ms")
        case .unsupportedExperiment:
            return ("The checker accepts the experiment's statements one by one; planning them in order finds what the "
                + "runtime still cannot carry out: an `evaluate` without `predict = …` has nothing to score, `assign "
                + "labels` without `on DATA` reads the responses of a `train` before it, and `save`/`load` move "
                + "`weights`, not `state`. Add the missing part or reorder the statements.",
                    lif + "dataset iris = csv(\"missing_iris.csv\", label = species, normalize = minmax)\ninput f = poisson(rate = iris.features * 100 Hz)[4]\npopulation out = cell[3]\nconnect f -> out: all_to_all on spike { v += 2 mV }\n" + "train on iris, epochs = 1 { present 40 ms }\nevaluate on iris { present 40 ms }",
                    lif + "input f = poisson(rate = 100 Hz)[4]\npopulation out = cell[3]\nconnect f -> out: all_to_all on spike { v += 2 mV }\nsimulate 100 ms")
        case .unsupportedSupervision:
            let net = "neuron unit {\n  param theta = 0.9\n  state u = 0\n  spike when u >= theta\n  reset u = 0\n}\n"
                + "input f = bernoulli(rate = 100 Hz)[4]\npopulation hidden = unit[30]\npopulation out = unit(theta = 0.75)[3]\n"
                + "connect f -> hidden: all_to_all, weight = normal(0, 1) on spike { u += w }\n  learn bp_stdp(lr = 0.005, window = 4 ms)\n"
            return ("BP-STDP (`learn bp_stdp`) teaches one output layer: in a `train` block with `target = label`, the "
                + "label's output neuron gets a teacher spike train (`target_rate`, 250 Hz by default) and the error is "
                + "sent back through the bp_stdp connections to the hidden layers. So the bp_stdp connections must lead, "
                + "without loops, into one population (the one `predict` reads); every `learn bp_stdp` counts spikes over "
                + "the same window of at least one step; a `train` block of such a model needs `target = label`, and "
                + "`target = label` needs bp_stdp connections; the data may have at most as many classes as the output "
                + "layer has neurons, and the target rate gives at most one spike per step.",
                    net + "population side = unit[3]\nconnect hidden -> out: all_to_all, weight = normal(0, 1) on spike { u += w }\n  learn bp_stdp(lr = 0.005, window = 4 ms)\n"
                        + "connect hidden -> side: all_to_all, weight = normal(0, 1) on spike { u += w }\n  learn bp_stdp(lr = 0.005, window = 4 ms)\nsimulate 50 ms with dt = 1 ms",
                    net + "connect hidden -> out: all_to_all, weight = normal(0, 1) on spike { u += w }\n  learn bp_stdp(lr = 0.005, window = 4 ms)\nsimulate 50 ms with dt = 1 ms")
        case .nothingToSimulate:
            return ("`snnc run` runs the experiment the model describes; a model without `simulate` (or, later, "
                + "`train`/`evaluate`) has nothing to run. Add `simulate DURATION with dt = …, seed = …`.",
                    lif + "population p = cell[10]",
                    lif + "population p = cell[10]\nsimulate 100 ms with dt = 0.1 ms")
        case .conflictingTimeSteps:
            return ("`snnc run` simulates the whole experiment with one time step, so every `simulate` statement "
                + "must give the same `dt` (or none, for the default 0.1 ms). Give them all the same time step.",
                    lif + "population p = cell[10]\nsimulate 100 ms with dt = 0.1 ms\nsimulate 100 ms with dt = 0.05 ms",
                    lif + "population p = cell[10]\nsimulate 100 ms with dt = 0.1 ms\nsimulate 100 ms with dt = 0.1 ms")
        case .unreadableSpikeFile:
            return ("A `spike_file(\"path\")` input reads its spikes from a CSV file with one spike per row, "
                + "`source,time_ms` (a header row is allowed). The file is looked for beside the model, then in "
                + "`--data DIR`, then in `$SNNC_DATA`. It was not found, could not be read, or has a row that is not "
                + "two numbers, a source outside the input or a negative time.",
                    lif + "population p = cell[10]\ninput s = spike_file(\"missing.csv\")[10]\nconnect s -> p: one_to_one on spike { v += 1 mV }\nsimulate 100 ms",
                    lif + "population p = cell[10]\ninput s = pulse_packet(time = 20 ms, jitter = 1 ms)[10]\nconnect s -> p: one_to_one on spike { v += 1 mV }\nsimulate 100 ms")
        case .unsupportedGradient:
            return ("`train … with gradient(…)` differentiates a chain of layers from the dataset's rate-coded "
                + "input: `all_to_all` (dense), `conv` (weights shared between positions) or `pool` (not trained: "
                + "one weight for all its synapses) connections with `on spike { v += w }` into populations of the "
                + "prelude's `leaky` (spiking, reset by subtraction) and, last, `leaky_readout` (a readout that does "
                + "not spike) for a loss on the membrane, or `leaky` for a loss on spike counts. Other neuron models "
                + "have no backward pass; rewrite the layers with `leaky`.",
                    "dataset iris = csv(\"missing_iris.csv\", label = species, normalize = minmax)\ninput f = bernoulli(rate = iris.features * 200 Hz)[4]\n" + "population out = lif[3]\nconnect f -> out: all_to_all on spike { v += w * 1 mV }\ntrain on iris, batch = 16 with gradient(lr = 1e-3) { present 25 ms }",
                    "input f = bernoulli(rate = 200 Hz)[4]\npopulation hidden = leaky[20]\npopulation out = leaky_readout[3]\nconnect f -> hidden: all_to_all on spike { v += w }\nconnect hidden -> out: all_to_all on spike { v += w }\nsimulate 25 ms")
        case .unsupportedRecording:
            return ("The runtime records spikes, state variables and parameters that differ between neurons; a "
                + "`let` value is computed inside the update and not kept. Record the state variables it is "
                + "computed from, or make it a state variable.",
                    "neuron cell {\n  param tau = 10 ms\n  state v = 0 mV\n  let drive = -v / tau\n  dv/dt = drive\n}\npopulation p = cell[10]\nrecord drive of p\nsimulate 100 ms",
                    "neuron cell {\n  param tau = 10 ms\n  state v = 0 mV\n  let drive = -v / tau\n  dv/dt = drive\n}\npopulation p = cell[10]\nrecord v of p\nsimulate 100 ms")
        }
    }
}
