// The adapting integrate-and-fire neurons of the prelude: `adaptive_lif` (LIF with an adaptation current) and
// `adex` (the adaptive exponential integrate-and-fire model of Brette & Gerstner 2005).

extension Prelude {
    static let adaptive = PreludeFile(path: "<prelude>/adaptive.snn", source: #"""
    ## Leaky integrate-and-fire neuron with an adaptation current w. Every spike increments
    ## w by b; w decays back with tau_w and is subtracted from the input, so a constant
    ## input produces a train whose interspike intervals lengthen (spike-frequency
    ## adaptation):
    ##   tau_m dv/dt = -(v - v_rest) - R w + R I_e,
    ##   tau_w dw/dt = a (v - v_rest) - w,
    ##   at a spike: v <- v_reset, w <- w + b.
    ## With the default a = 0 the adaptation is purely spike-triggered; a > 0 adds
    ## subthreshold adaptation (w also follows v below threshold).
    ## Synaptic input arrives as jumps of v (weights in mV).
    ##
    ## Variables: v, the membrane potential (mV); w, the adaptation current (pA).
    ##
    ## Sources:
    ##   W. Gerstner, W. M. Kistler, R. Naud & L. Paninski, "Neuronal Dynamics: From Single
    ##   Neurons to Networks and Models of Cognition", Cambridge University Press (2014),
    ##   ch. 6.1 (eqs. 6.1-6.2 with a linear instead of an exponential spike initiation).
    ##   Defaults: the "adapting" firing pattern of the book's Table 6.1 (after R. Naud,
    ##   N. Marcille, C. Clopath & W. Gerstner, "Firing patterns in the adaptive exponential
    ##   integrate-and-fire model", Biol. Cybern. 99:335-347, 2008): tau_m = 20 ms,
    ##   R = 500 MOhm, u_rest = -70 mV, u_r = -55 mV, a = 0, tau_w = 100 ms, b = 5 pA, with
    ##   the rheobase threshold -50 mV as the firing threshold; t_ref = 2 ms as `lif`.
    neuron adaptive_lif {
      ## Membrane time constant, R C.
      param tau_m = 20 ms
      ## Resting (leak reversal) potential; also the initial potential.
      param v_rest = -70 mV
      ## Potential after a spike.
      param v_reset = -55 mV
      ## Firing threshold.
      param v_th = -50 mV
      ## Absolute refractory period, during which v stays at v_reset.
      param t_ref = 2 ms
      ## Membrane resistance.
      param R = 500 Mohm
      ## Constant input current.
      param I_e = 0 pA
      ## Time constant with which the adaptation current decays.
      param tau_w = 100 ms
      ## Subthreshold adaptation: the coupling of w to the membrane potential.
      param a = 0 nS
      ## Spike-triggered adaptation: the increment of w at each spike.
      param b = 5 pA
      state v = v_rest
      state w = 0 pA
      dv/dt = (v_rest - v + R * (I_e - w)) / tau_m
      dw/dt = (a * (v - v_rest) - w) / tau_w
      spike when v > v_th
      reset v = v_reset, w += b
      refractory t_ref
      method = exact                     # linear with constant coefficients
    }

    ## Adaptive exponential integrate-and-fire neuron (AdEx): a leaky membrane with an
    ## exponential spike-initiation current and an adaptation current w,
    ##   C dv/dt = -g_L (v - E_L) + g_L Delta_T exp((v - V_T) / Delta_T) - w + I_e,
    ##   tau_w dw/dt = a (v - E_L) - w.
    ## Once v passes V_T the exponential term makes it run away; the spike is registered
    ## when v reaches V_peak, then v <- V_reset and w <- w + b. Two variables reproduce
    ## adapting, bursting, delayed and irregular firing depending on a, b, tau_w and
    ## V_reset (Naud et al. 2008). As in NEST, the right-hand sides are evaluated at
    ## v_cut = min(v, V_peak): this changes nothing at the start of a step (v <= V_peak),
    ## but keeps the intermediate stages of the integrator finite while v runs away.
    ## Synaptic input arrives as jumps of v (weights in mV), as in NEST's aeif_psc_delta.
    ##
    ## Variables: v, the membrane potential (mV); w, the adaptation current (pA).
    ##
    ## Sources:
    ##   R. Brette & W. Gerstner, "Adaptive exponential integrate-and-fire model as an
    ##   effective description of neuronal activity", J. Neurophysiol. 94:3637-3642 (2005);
    ##   W. Gerstner et al., "Neuronal Dynamics", Cambridge University Press (2014), ch. 6.1.
    ##   Defaults: the paper's fit to a detailed model of a regular-spiking pyramidal cell,
    ##   C = 281 pF, g_L = 30 nS, E_L = -70.6 mV, V_T = -50.4 mV, Delta_T = 2 mV,
    ##   tau_w = 144 ms, a = 4 nS, b = 0.0805 nA, V_reset = E_L; V_peak = 0 mV, t_ref = 0 ms
    ##   and I_e = 0 pA as NEST's aeif_psc_delta.
    neuron adex {
      ## Membrane capacitance.
      param C = 281 pF
      ## Leak conductance.
      param g_L = 30 nS
      ## Leak reversal potential; also the initial potential.
      param E_L = -70.6 mV
      ## Spike-initiation threshold: the potential where the exponential takes over.
      param V_T = -50.4 mV
      ## Slope factor: the sharpness of spike initiation (0 would give a hard threshold).
      param Delta_T = 2 mV
      ## Spike-detection threshold: v is cut off and reset when it reaches V_peak.
      param V_peak = 0 mV
      ## Potential after a spike.
      param V_reset = -70.6 mV
      ## Absolute refractory period, during which v stays at V_reset.
      param t_ref = 0 ms
      ## Time constant of the adaptation current.
      param tau_w = 144 ms
      ## Subthreshold adaptation: the coupling of w to the membrane potential.
      param a = 4 nS
      ## Spike-triggered adaptation: the increment of w at each spike.
      param b = 0.0805 nA
      ## Constant input current.
      param I_e = 0 pA
      state v = E_L
      state w = 0 pA
      let v_cut = min(v, V_peak)                     # v, bounded within a step
      let I_spike = g_L * Delta_T * exp((v_cut - V_T) / Delta_T)   # spike initiation, in pA
      dv/dt = (-g_L * (v_cut - E_L) + I_spike - w + I_e) / C
      dw/dt = (a * (v_cut - E_L) - w) / tau_w
      spike when v >= V_peak
      reset v = V_reset, w += b
      refractory t_ref
      method = rk4
    }
    """#)
}
