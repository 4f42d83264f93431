// The learning rules of the prelude: `stdp` (pair-based additive STDP with traces) and `rstdp` (reward-modulated
// STDP with an eligibility trace).

extension Prelude {
    static let stdpRules = PreludeFile(path: "<prelude>/stdp.snn", source: #"""
    ## Pair-based additive spike-timing-dependent plasticity (STDP) with one trace per
    ## presynaptic and one per postsynaptic neuron. Each presynaptic spike increments the
    ## presynaptic trace x_pre by a_pre and adds the postsynaptic trace x_post to the
    ## weight; each postsynaptic spike increments x_post by a_post and adds x_pre to the
    ## weight. With a_pre > 0 and a_post < 0 a presynaptic spike shortly before a
    ## postsynaptic one potentiates, the reverse order depresses, both by amounts that
    ## decay exponentially with the spike-time difference (time constants tau_pre and
    ## tau_post). Weights are dimensionless, start uniform in [0, w_max] and are clipped
    ## to [0, w_max]; use them as `on spike { ge += g_max * w }` or similar.
    ##
    ## Variables: w, the weight (per synapse); x_pre, the presynaptic trace (per
    ## presynaptic neuron); x_post, the postsynaptic trace (per postsynaptic neuron).
    ##
    ## Sources:
    ##   S. Song, K. D. Miller & L. F. Abbott, "Competitive Hebbian learning through
    ##   spike-timing-dependent synaptic plasticity", Nat. Neurosci. 3:919-926 (2000);
    ##   the trace formulation and defaults as in the Brian 2 example `synapses/STDP.py`:
    ##   tau_pre = tau_post = 20 ms, A_pre = 0.01, A_post = -1.05 A_pre, weights in units
    ##   of g_max. Slightly stronger depression than potentiation makes the weights of
    ##   Poisson-driven synapses compete and end up bimodal.
    rule stdp {
      ## Decay time constant of the presynaptic trace (the potentiation window).
      param tau_pre = 20 ms
      ## Decay time constant of the postsynaptic trace (the depression window).
      param tau_post = 20 ms
      ## Increment of the presynaptic trace: the largest potentiation.
      param a_pre = 0.01
      ## Increment of the postsynaptic trace: the largest depression (negative).
      param a_post = -0.0105
      ## Upper bound of the weights.
      param w_max = 1
      synaptic w = uniform(0, w_max)                       # per synapse
      pre x_pre = 0:   dx_pre/dt = -x_pre / tau_pre        # per presynaptic neuron
      post x_post = 0: dx_post/dt = -x_post / tau_post     # per postsynaptic neuron
      on pre  { x_pre += a_pre;   w = clip(w + x_post, 0, w_max) }
      on post { x_post += a_post; w = clip(w + x_pre, 0, w_max) }
    }

    ## Reward-modulated STDP (R-STDP). The spike pairings of `stdp` do not change the
    ## weight directly: they accumulate in an eligibility trace e per synapse, which decays
    ## with tau_e; a reward r (delivered by a `reward` statement of a `train` block) turns
    ## it into a weight change, w <- clip(w + lr r e, 0, w_max). This solves the distal
    ## reward problem: a pairing is credited if a reward follows within about tau_e.
    ##
    ## Variables: as `stdp`, plus e, the eligibility trace (per synapse).
    ##
    ## Sources:
    ##   E. M. Izhikevich, "Solving the distal reward problem through linkage of STDP and
    ##   dopamine signaling", Cereb. Cortex 17:2443-2452 (2007); Z. Bing et al.,
    ##   Front. Neurorobot. 13:18 (2019) (eligibility trace, dw/dt = c(t) r(t)).
    ##   Defaults: tau_e = 1000 ms (Izhikevich's eligibility time constant), lr = 1.
    rule rstdp extends stdp {
      ## Decay time constant of the eligibility trace.
      param tau_e = 1000 ms
      ## Learning rate: the scale of the weight change per unit of reward and eligibility.
      param lr = 1
      synaptic e = 0:   de/dt = -e / tau_e
      on pre  { x_pre += a_pre;   e += x_post }
      on post { x_post += a_post; e += x_pre }
      on reward(r) { w = clip(w + lr * r * e, 0, w_max) }
    }
    """#)
}
