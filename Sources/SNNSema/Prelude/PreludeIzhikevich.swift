// The Izhikevich (2003) neuron of the prelude, `izhikevich`, and its firing-class presets `izhikevich_rs`, `_ib`,
// `_ch`, `_fs` and `_lts`, which extend it and redeclare only the parameters that differ.

extension Prelude {
    static let izhikevich = PreludeFile(path: "<prelude>/izhikevich.snn", source: #"""
    ## The simple model of Izhikevich (2003): a quadratic membrane potential v and a recovery
    ## variable u (the activation of K+ and the inactivation of Na+ currents), which
    ## together reproduce the firing patterns of cortical neurons at the cost of an
    ## integrate-and-fire model:
    ##   dv/dt = 0.04 v^2 + 5 v + 140 - u + I,   du/dt = a (b v - u)   (v, u in mV; t in ms),
    ##   if v >= 30 mV: v <- c, u <- u + d.
    ## The numbers 0.04, 5 and 140 are the paper's fit for v in mV and t in ms; they are
    ## written here with their units. a is a rate (1/ms); b is dimensionless; c, d and the
    ## input I are in mV (I adds I per ms to dv/dt, as in the paper, where I = 10 gives
    ## the traces of Fig. 2). Synaptic input arrives as jumps of v: connect with
    ## `on spike { v += w }` and weights in mV. The presets izhikevich_rs, _ib, _ch, _fs
    ## and _lts below select the firing classes of the paper's Fig. 2.
    ##
    ## Variables: v, the membrane potential (mV); u, the recovery variable (mV).
    ##
    ## Sources:
    ##   E. M. Izhikevich, "Simple model of spiking neurons", IEEE Trans. Neural Netw.
    ##   14:1569-1572 (2003); E. M. Izhikevich, "Which model to use for cortical spiking
    ##   neurons?", IEEE Trans. Neural Netw. 15:1063-1070 (2004).
    ##   Defaults: regular spiking (a = 0.02, b = 0.2, c = -65 mV, d = 8), the defaults of
    ##   NEST's izhikevich too (V_th = 30 mV, I_e = 0, V_m = -65 mV, U_m = b V_m).
    ##   Integrated with Euler's method as in the paper, whose code takes 1 ms steps made of
    ##   two 0.5 ms steps for v; use dt <= 0.5 ms.
    neuron izhikevich {
      ## Rate of recovery: the time scale of u (small a, slow recovery).
      param a = 0.02 ms^-1
      ## Sensitivity of u to subthreshold fluctuations of v.
      param b = 0.2
      ## Potential after a spike.
      param c = -65 mV
      ## Increment of the recovery variable at each spike.
      param d = 8 mV
      ## Input, in mV: it adds I per ms to dv/dt.
      param I = 0 mV
      ## Spike cut-off: the peak of the action potential, where v is reset.
      param v_peak = 30 mV
      state v = -65 mV
      state u = b * v
      dv/dt = (0.04 * v^2 / 1 mV + 5 * v + 140 mV - u + I) / 1 ms
      du/dt = a * (b * v - u)
      spike when v >= v_peak
      reset v = c, u += d
      method = euler
    }

    ## Regular spiking (RS) Izhikevich neuron, the most common excitatory cell of the
    ## neocortex: a tonic train whose interspike intervals lengthen (adaptation). Its
    ## parameters are the defaults of `izhikevich` (a = 0.02 ms^-1, b = 0.2, c = -65 mV,
    ## d = 8 mV).
    ## Source: E. M. Izhikevich, IEEE Trans. Neural Netw. 14:1569-1572 (2003), Fig. 2.
    neuron izhikevich_rs extends izhikevich {}

    ## Intrinsically bursting (IB) Izhikevich neuron: a stereotypical burst of spikes
    ## followed by repetitive single spikes (a high reset c and a smaller d).
    ## Source: E. M. Izhikevich, IEEE Trans. Neural Netw. 14:1569-1572 (2003), Fig. 2:
    ## a = 0.02, b = 0.2, c = -55 mV, d = 4.
    neuron izhikevich_ib extends izhikevich {
      param c = -55 mV
      param d = 4 mV
    }

    ## Chattering (CH) Izhikevich neuron: repetitive bursts of closely spaced spikes, at
    ## up to 40 Hz between bursts (a very high reset c and a small d).
    ## Source: E. M. Izhikevich, IEEE Trans. Neural Netw. 14:1569-1572 (2003), Fig. 2:
    ## a = 0.02, b = 0.2, c = -50 mV, d = 2.
    neuron izhikevich_ch extends izhikevich {
      param c = -50 mV
      param d = 2 mV
    }

    ## Fast spiking (FS) Izhikevich neuron, an inhibitory interneuron: periodic trains at
    ## very high frequency with practically no adaptation (fast recovery a).
    ## Source: E. M. Izhikevich, IEEE Trans. Neural Netw. 14:1569-1572 (2003), Fig. 2:
    ## a = 0.1, b = 0.2, c = -65 mV, d = 2.
    neuron izhikevich_fs extends izhikevich {
      param a = 0.1 ms^-1
      param d = 2 mV
    }

    ## Low-threshold spiking (LTS) Izhikevich neuron, an inhibitory interneuron:
    ## high-frequency trains with marked adaptation and a low firing threshold (larger b).
    ## Source: E. M. Izhikevich, IEEE Trans. Neural Netw. 14:1569-1572 (2003), Fig. 2:
    ## a = 0.02, b = 0.25, c = -65 mV, d = 2.
    neuron izhikevich_lts extends izhikevich {
      param b = 0.25
      param d = 2 mV
    }
    """#)
}
