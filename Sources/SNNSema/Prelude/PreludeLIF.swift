// The leaky integrate-and-fire family of the prelude: `lif` (delta synapses), `lif_exp` and `lif_alpha`
// (exponential and alpha current synapses) and `lif_cond` (exponential conductances with reversal potentials).

extension Prelude {
    static let leakyIntegrateAndFire = PreludeFile(path: "<prelude>/lif.snn", source: #"""
    ## Leaky integrate-and-fire neuron with delta synapses. The membrane is an RC circuit
    ## that relaxes to v_rest with time constant tau_m = R C and is driven by a constant
    ## current I_e,
    ##   tau_m dv/dt = -(v - v_rest) + R I_e;
    ## when v crosses v_th the neuron fires, v is reset to v_reset and held there for t_ref.
    ## A presynaptic spike makes v jump by the synaptic weight: connect with
    ## `on spike { v += w }` and weights in mV (negative for inhibition).
    ##
    ## Variables: v, the membrane potential (mV).
    ##
    ## Sources:
    ##   W. Gerstner, W. M. Kistler, R. Naud & L. Paninski, "Neuronal Dynamics: From Single
    ##   Neurons to Networks and Models of Cognition", Cambridge University Press (2014),
    ##   ch. 1.3; after L. Lapicque, J. Physiol. Pathol. Gen. 9:620-635 (1907). The same
    ##   model is NEST's iaf_psc_delta (written there with C_m = tau_m / R).
    ##   Defaults from P. Dayan & L. F. Abbott, "Theoretical Neuroscience", MIT Press
    ##   (2001), ch. 5.4: tau_m = 10 ms, E_L = V_reset = -65 mV, V_th = -50 mV,
    ##   R_m = 10 MOhm; t_ref = 2 ms and I_e = 0 as NEST's iaf_psc_delta.
    neuron lif {
      ## Membrane time constant, R C.
      param tau_m = 10 ms
      ## Resting (leak reversal) potential; also the initial potential.
      param v_rest = -65 mV
      ## Potential after a spike.
      param v_reset = -65 mV
      ## Firing threshold.
      param v_th = -50 mV
      ## Absolute refractory period, during which v stays at v_reset.
      param t_ref = 2 ms
      ## Membrane resistance: a current I shifts the steady state by R I.
      param R = 10 Mohm
      ## Constant input current; the neuron fires repetitively once R I_e > v_th - v_rest.
      param I_e = 0 nA
      state v = v_rest
      dv/dt = (v_rest - v + R * I_e) / tau_m
      spike when v > v_th
      reset v = v_reset
      refractory t_ref
      method = exact                     # linear with constant coefficients
    }

    ## Leaky integrate-and-fire neuron with exponentially decaying synaptic current
    ## (current-based synapses). A presynaptic spike adds its weight to the synaptic
    ## current I_syn, which decays with tau_syn and charges the membrane:
    ##   dv/dt = (v_rest - v) / tau_m + (I_syn + I_e) / C,   dI_syn/dt = -I_syn / tau_syn.
    ## Connect with `on spike { I_syn += w }` and weights in pA (negative for inhibition).
    ##
    ## Variables: v, the membrane potential (mV); I_syn, the total synaptic current (pA).
    ##
    ## Sources:
    ##   NEST's iaf_psc_exp, after M. Tsodyks, A. Uziel & H. Markram, "Synchrony generation
    ##   in recurrent networks with frequency-dependent synapses", J. Neurosci. 20:RC50
    ##   (2000); exact integration as in S. Rotter & M. Diesmann, "Exact digital simulation
    ##   of time-invariant linear systems with applications to neuronal modeling",
    ##   Biol. Cybern. 81:381-402 (1999). NEST keeps separate excitatory and inhibitory
    ##   currents; here they share one I_syn (NEST's two time constants are equal by default).
    ##   Defaults: NEST's iaf_psc_exp: C_m = 250 pF, tau_m = 10 ms, E_L = V_reset = -70 mV,
    ##   V_th = -55 mV, t_ref = 2 ms, tau_syn_ex = tau_syn_in = 2 ms, I_e = 0 pA.
    neuron lif_exp {
      ## Membrane capacitance.
      param C = 250 pF
      ## Membrane time constant (C / g_L).
      param tau_m = 10 ms
      ## Resting (leak reversal) potential; also the initial potential.
      param v_rest = -70 mV
      ## Potential after a spike.
      param v_reset = -70 mV
      ## Firing threshold.
      param v_th = -55 mV
      ## Absolute refractory period, during which v stays at v_reset.
      param t_ref = 2 ms
      ## Decay time constant of the synaptic current.
      param tau_syn = 2 ms
      ## Constant input current.
      param I_e = 0 pA
      state v = v_rest
      state I_syn = 0 pA
      dv/dt = (v_rest - v) / tau_m + (I_syn + I_e) / C
      dI_syn/dt = -I_syn / tau_syn
      spike when v > v_th
      reset v = v_reset
      refractory t_ref
      method = exact                     # linear with constant coefficients
    }

    ## Leaky integrate-and-fire neuron with alpha-shaped synaptic currents. A presynaptic
    ## spike of weight w (pA) produces the current
    ##   I_syn(t) = w (t / tau_syn) exp(1 - t / tau_syn),
    ## which rises to its peak w at t = tau_syn and then decays. The alpha function is the
    ## impulse response of two chained first-order equations: spikes enter the auxiliary
    ## variable x_syn, which decays with tau_syn and feeds I_syn,
    ##   dx_syn/dt = -x_syn / tau_syn,   dI_syn/dt = (e x_syn - I_syn) / tau_syn   (e = exp(1)).
    ## Connect with `on spike { x_syn += w }` and weights in pA (negative for inhibition).
    ##
    ## Variables: v, the membrane potential (mV); I_syn, the total synaptic current (pA);
    ## x_syn, the decaying input that drives I_syn (pA).
    ##
    ## Sources:
    ##   W. Rall, "Distinguishing theoretical synaptic potentials computed for different
    ##   soma-dendritic distributions of synaptic input", J. Neurophysiol. 30:1138-1168
    ##   (1967) (the alpha function); NEST's iaf_psc_alpha, which uses the same
    ##   normalisation (a weight of w gives a peak current of w at t = tau_syn), and
    ##   S. Rotter & M. Diesmann, Biol. Cybern. 81:381-402 (1999) (exact integration).
    ##   NEST keeps separate excitatory and inhibitory currents; here they share one.
    ##   Defaults: NEST's iaf_psc_alpha: C_m = 250 pF, tau_m = 10 ms,
    ##   E_L = V_reset = -70 mV, V_th = -55 mV, t_ref = 2 ms, tau_syn = 2 ms, I_e = 0 pA.
    neuron lif_alpha {
      ## Membrane capacitance.
      param C = 250 pF
      ## Membrane time constant (C / g_L).
      param tau_m = 10 ms
      ## Resting (leak reversal) potential; also the initial potential.
      param v_rest = -70 mV
      ## Potential after a spike.
      param v_reset = -70 mV
      ## Firing threshold.
      param v_th = -55 mV
      ## Absolute refractory period, during which v stays at v_reset.
      param t_ref = 2 ms
      ## Rise time of the alpha current: the time from a spike to the current's peak.
      param tau_syn = 2 ms
      ## Constant input current.
      param I_e = 0 pA
      state v = v_rest
      state I_syn = 0 pA
      state x_syn = 0 pA
      dv/dt = (v_rest - v) / tau_m + (I_syn + I_e) / C
      dI_syn/dt = (exp(1) * x_syn - I_syn) / tau_syn
      dx_syn/dt = -x_syn / tau_syn
      spike when v > v_th
      reset v = v_reset
      refractory t_ref
      method = exact                     # linear with constant coefficients
    }

    ## Leaky integrate-and-fire neuron with conductance-based synapses: excitatory and
    ## inhibitory conductances ge and gi jump at each presynaptic spike, decay exponentially,
    ## and pull the membrane towards their reversal potentials E_e and E_i,
    ##   C dv/dt = g_L (v_rest - v) + ge (E_e - v) + gi (E_i - v) + I_e,
    ##   dge/dt = -ge / tau_e,   dgi/dt = -gi / tau_i.
    ## Connect with `on spike { ge += w }` (excitatory) or `on spike { gi += w }`
    ## (inhibitory) and weights in nS; the benchmark uses 6 nS and 67 nS.
    ##
    ## Variables: v, the membrane potential (mV); ge and gi, the excitatory and inhibitory
    ## synaptic conductances (nS).
    ##
    ## Sources:
    ##   R. Brette et al., "Simulation of networks of spiking neurons: a review of tools and
    ##   strategies", J. Comput. Neurosci. 23:349-398 (2007), benchmark 1 (COBA), after
    ##   T. P. Vogels & L. F. Abbott, "Signal propagation and logic gating in networks of
    ##   integrate-and-fire neurons", J. Neurosci. 25:10786-10795 (2005). The same model is
    ##   NEST's iaf_cond_exp (with other defaults).
    ##   Defaults: the benchmark's C = 200 pF, g_L = 10 nS (tau_m = 20 ms), E_L = -60 mV,
    ##   V_th = -50 mV, V_reset = -60 mV, t_ref = 5 ms, E_e = 0 mV, E_i = -80 mV,
    ##   tau_e = 5 ms, tau_i = 10 ms; I_e = 0 pA.
    neuron lif_cond {
      ## Membrane capacitance.
      param C = 200 pF
      ## Leak conductance.
      param g_L = 10 nS
      ## Resting (leak reversal) potential; also the initial potential.
      param v_rest = -60 mV
      ## Potential after a spike.
      param v_reset = -60 mV
      ## Firing threshold.
      param v_th = -50 mV
      ## Absolute refractory period, during which v stays at v_reset.
      param t_ref = 5 ms
      ## Reversal potential of the excitatory conductance.
      param E_e = 0 mV
      ## Reversal potential of the inhibitory conductance.
      param E_i = -80 mV
      ## Decay time constant of the excitatory conductance.
      param tau_e = 5 ms
      ## Decay time constant of the inhibitory conductance.
      param tau_i = 10 ms
      ## Constant input current.
      param I_e = 0 pA
      state v = v_rest
      state ge = 0 nS
      state gi = 0 nS
      let I_syn = ge * (E_e - v) + gi * (E_i - v)        # synaptic current, in pA
      dv/dt = (g_L * (v_rest - v) + I_syn + I_e) / C
      dge/dt = -ge / tau_e
      dgi/dt = -gi / tau_i
      spike when v > v_th
      reset v = v_reset
      refractory t_ref
      method = exponential_euler         # v is linear given the conductances
    }
    """#)
}
