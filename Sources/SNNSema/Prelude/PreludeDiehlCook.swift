// The neurons of the Diehl & Cook (2015) MNIST network in the prelude: `diehl_cook_exc` (adaptive threshold) and
// `diehl_cook_inh`.

extension Prelude {
    static let diehlCook = PreludeFile(path: "<prelude>/diehl_cook.snn", source: #"""
    ## Excitatory neuron of the Diehl & Cook (2015) network for unsupervised digit
    ## recognition: a conductance-based leaky integrate-and-fire neuron whose threshold
    ## adapts. Conductances are written in units of the leak conductance, so they are
    ## dimensionless, and the membrane time constant is 100 ms:
    ##   tau_m dv/dt = (E_rest - v) + ge (E_exc - v) + gi (E_inh - v),
    ##   dge/dt = -ge / tau_ge,   dgi/dt = -gi / tau_gi,   dtheta/dt = -theta / tau_theta.
    ## The neuron fires when v exceeds v_thresh + theta - offset; each spike resets v and
    ## raises theta by theta_plus, which decays back only very slowly (homeostasis: a neuron
    ## that fires often becomes harder to excite, so that all neurons get to learn). Connect
    ## with `on spike { ge += w }` (excitatory) or `on spike { gi += w }` (inhibitory) and
    ## dimensionless weights.
    ##
    ## Variables: v, the membrane potential (mV); ge and gi, the excitatory and inhibitory
    ## conductances (in units of the leak conductance); theta, the adaptive part of the
    ## threshold (mV).
    ##
    ## Sources:
    ##   P. U. Diehl & M. Cook, "Unsupervised learning of digit recognition using
    ##   spike-timing-dependent plasticity", Front. Comput. Neurosci. 9:99 (2015), and the
    ##   authors' Brian code (github.com/peter-u-diehl/stdp-mnist), which gives every
    ##   constant here: tau_m = 100 ms, E_rest = v_reset = -65 mV, v_thresh = -52 mV,
    ##   E_exc = 0 mV, E_inh = -100 mV, tau_ge = 1 ms, tau_gi = 2 ms, theta_plus = 0.05 mV,
    ##   tau_theta = 1e7 ms, offset = 20 mV, refractory 5 ms; v starts at E_rest - 40 mV
    ##   and theta at 20 mV.
    neuron diehl_cook_exc {
      ## Membrane time constant.
      param tau_m = 100 ms
      ## Resting potential.
      param E_rest = -65 mV
      ## Potential after a spike.
      param v_reset = -65 mV
      ## Base firing threshold, before adaptation.
      param v_thresh = -52 mV
      ## Reversal potential of the excitatory conductance.
      param E_exc = 0 mV
      ## Reversal potential of the inhibitory conductance.
      param E_inh = -100 mV
      ## Decay time constant of the excitatory conductance.
      param tau_ge = 1 ms
      ## Decay time constant of the inhibitory conductance.
      param tau_gi = 2 ms
      ## Increase of the adaptive threshold theta at each spike.
      param theta_plus = 0.05 mV
      ## Decay time constant of theta (about 2.8 hours: practically no decay).
      param tau_theta = 1e7 ms
      ## Constant subtracted from theta in the threshold (the code's `offset`).
      param offset = 20 mV
      state v = E_rest - 40 mV
      state ge = 0
      state gi = 0
      state theta = 20 mV
      dv/dt = ((E_rest - v) + ge * (E_exc - v) + gi * (E_inh - v)) / tau_m
      dge/dt = -ge / tau_ge
      dgi/dt = -gi / tau_gi
      dtheta/dt = -theta / tau_theta
      spike when v > theta - offset + v_thresh
      reset v = v_reset, theta += theta_plus
      refractory 5 ms
    }

    ## Inhibitory neuron of the Diehl & Cook (2015) network: a conductance-based leaky
    ## integrate-and-fire neuron with a fixed threshold and conductances in units of the
    ## leak conductance (dimensionless),
    ##   tau_m dv/dt = (E_rest - v) + ge (E_exc - v) + gi (E_inh - v),
    ##   dge/dt = -ge / tau_ge,   dgi/dt = -gi / tau_gi.
    ## In the network each excitatory neuron drives one inhibitory neuron, which inhibits
    ## all other excitatory neurons (soft winner-take-all). Connect with
    ## `on spike { ge += w }` or `on spike { gi += w }` and dimensionless weights.
    ##
    ## Variables: v, the membrane potential (mV); ge and gi, the excitatory and inhibitory
    ## conductances (in units of the leak conductance).
    ##
    ## Sources:
    ##   P. U. Diehl & M. Cook, "Unsupervised learning of digit recognition using
    ##   spike-timing-dependent plasticity", Front. Comput. Neurosci. 9:99 (2015), and the
    ##   authors' Brian code (github.com/peter-u-diehl/stdp-mnist): tau_m = 10 ms,
    ##   E_rest = -60 mV, v_reset = -45 mV, v_thresh = -40 mV, E_exc = 0 mV,
    ##   E_inh = -85 mV, tau_ge = 1 ms, tau_gi = 2 ms, refractory 2 ms; v starts at
    ##   E_rest - 40 mV.
    neuron diehl_cook_inh {
      ## Membrane time constant.
      param tau_m = 10 ms
      ## Resting potential.
      param E_rest = -60 mV
      ## Potential after a spike.
      param v_reset = -45 mV
      ## Firing threshold.
      param v_thresh = -40 mV
      ## Reversal potential of the excitatory conductance.
      param E_exc = 0 mV
      ## Reversal potential of the inhibitory conductance.
      param E_inh = -85 mV
      ## Decay time constant of the excitatory conductance.
      param tau_ge = 1 ms
      ## Decay time constant of the inhibitory conductance.
      param tau_gi = 2 ms
      state v = E_rest - 40 mV
      state ge = 0
      state gi = 0
      dv/dt = ((E_rest - v) + ge * (E_exc - v) + gi * (E_inh - v)) / tau_m
      dge/dt = -ge / tau_ge
      dgi/dt = -gi / tau_gi
      spike when v > v_thresh
      reset v = v_reset
      refractory 2 ms
    }
    """#)
}
