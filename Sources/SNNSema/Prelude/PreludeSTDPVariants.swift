// The prelude's other STDP rules: nearest-spike pair STDP (`stdp_nearest`), multiplicative weight dependence
// (`stdp_mult`), power-law soft bounds (`stdp_power`) and the triplet rule of Pfister & Gerstner (`stdp_triplet`).

extension Prelude {
    static let stdpVariants = PreludeFile(path: "<prelude>/stdp_variants.snn", source: #"""
    ## Nearest-spike pair STDP: like `stdp`, but a spike sets its trace to the amplitude
    ## instead of adding to it, so only the nearest earlier spike of the other side counts
    ## (the "nearest-neighbour" pairing scheme).
    ##
    ## Variables: w (per synapse); x_pre, x_post (per presynaptic / postsynaptic neuron).
    ##
    ## Sources:
    ##   E. M. Izhikevich & N. S. Desai, "Relating STDP to BCM", Neural Comput.
    ##   15:1511-1523 (2003) (nearest-spike schemes); defaults as `stdp`.
    rule stdp_nearest {
      ## Decay time constants of the traces.
      param tau_pre = 20 ms
      param tau_post = 20 ms
      ## Largest potentiation (a_pre) and depression (a_post, negative).
      param a_pre = 0.01
      param a_post = -0.0105
      ## Upper bound of the weights.
      param w_max = 1
      synaptic w = uniform(0, w_max)
      pre x_pre = 0:   dx_pre/dt = -x_pre / tau_pre
      post x_post = 0: dx_post/dt = -x_post / tau_post
      on pre  { x_pre = a_pre;   w = clip(w + x_post, 0, w_max) }
      on post { x_post = a_post; w = clip(w + x_pre, 0, w_max) }
    }

    ## Multiplicative STDP: potentiation is additive and depression proportional to the
    ## weight, so weights settle to a unimodal distribution instead of the bimodal one of
    ## additive STDP.
    ##
    ## Variables: w (per synapse); x_pre, x_post (per presynaptic / postsynaptic neuron).
    ##
    ## Sources:
    ##   M. C. W. van Rossum, G. Q. Bi & G. G. Turrigiano, "Stable Hebbian learning from
    ##   spike timing-dependent plasticity", J. Neurosci. 20:8812-8821 (2000): additive
    ##   potentiation, depression proportional to w; tau = 20 ms.
    rule stdp_mult {
      ## Decay time constants of the traces.
      param tau_pre = 20 ms
      param tau_post = 20 ms
      ## Potentiation per pairing, and depression per pairing as a fraction of the weight.
      param a_plus = 0.01
      param a_minus = 0.0105
      ## Upper bound of the weights.
      param w_max = 1
      synaptic w = uniform(0, w_max)
      pre x_pre = 0:   dx_pre/dt = -x_pre / tau_pre
      post x_post = 0: dx_post/dt = -x_post / tau_post
      on pre  { x_pre += 1;  w = clip(w - a_minus * x_post * w, 0, w_max) }
      on post { x_post += 1; w = clip(w + a_plus * x_pre, 0, w_max) }
    }

    ## STDP with power-law soft bounds: potentiation scales with (w_max - w)^mu and
    ## depression with w^mu; mu = 0 is additive STDP, mu = 1 multiplicative.
    ##
    ## Variables: w (per synapse); x_pre, x_post (per presynaptic / postsynaptic neuron).
    ##
    ## Sources:
    ##   R. Gütig, R. Aharonov, S. Rotter & H. Sompolinsky, "Learning input correlations
    ##   through nonlinear temporally asymmetric Hebbian plasticity", J. Neurosci.
    ##   23:3697-3714 (2003); Diehl & Cook (2015) use mu = 0.2 for potentiation.
    rule stdp_power {
      ## Decay time constants of the traces.
      param tau_pre = 20 ms
      param tau_post = 20 ms
      ## Learning rates of potentiation and depression.
      param a_plus = 0.01
      param a_minus = 0.0105
      ## The exponent of the weight dependence.
      param mu = 0.2
      ## Upper bound of the weights.
      param w_max = 1
      synaptic w = uniform(0, w_max)
      pre x_pre = 0:   dx_pre/dt = -x_pre / tau_pre
      post x_post = 0: dx_post/dt = -x_post / tau_post
      on pre  { x_pre += 1;  w = clip(w - a_minus * x_post * w ^ mu, 0, w_max) }
      on post { x_post += 1; w = clip(w + a_plus * x_pre * (w_max - w) ^ mu, 0, w_max) }
    }

    ## Triplet STDP (all-to-all): pair terms as in `stdp` plus triplet terms — a
    ## postsynaptic spike potentiates more when the neuron fired shortly before (slow
    ## postsynaptic trace o2), a presynaptic spike depresses more after recent presynaptic
    ## spikes (slow presynaptic trace r2). Reproduces the frequency dependence of STDP.
    ##
    ## Variables: w (per synapse); r1, r2 (fast and slow presynaptic traces); o1, o2 (fast
    ## and slow postsynaptic traces).
    ##
    ## Sources:
    ##   J.-P. Pfister & W. Gerstner, "Triplets of spikes in a model of spike timing-
    ##   dependent plasticity", J. Neurosci. 26:9673-9682 (2006), eqs. 3-4; parameters of
    ##   the visual-cortex all-to-all model (Table 4) as in NESTML's stdp_triplet:
    ##   tau_plus = 16.8 ms, tau_x = 101 ms, tau_minus = 33.7 ms, tau_y = 125 ms,
    ##   A2_plus = 7.5e-10, A3_plus = 9.3e-3, A2_minus = 7e-3, A3_minus = 2.3e-4.
    rule stdp_triplet {
      param tau_plus = 16.8 ms
      param tau_x = 101 ms
      param tau_minus = 33.7 ms
      param tau_y = 125 ms
      param A2_plus = 7.5e-10
      param A3_plus = 9.3e-3
      param A2_minus = 7e-3
      param A3_minus = 2.3e-4
      ## Upper bound of the weights.
      param w_max = 1
      synaptic w = uniform(0, w_max)
      pre r1 = 0:  dr1/dt = -r1 / tau_plus
      pre r2 = 0:  dr2/dt = -r2 / tau_x
      post o1 = 0: do1/dt = -o1 / tau_minus
      post o2 = 0: do2/dt = -o2 / tau_y
      on pre {
        w = clip(w - o1 * (A2_minus + A3_minus * r2), 0, w_max)
        r1 += 1
        r2 += 1
      }
      on post {
        w = clip(w + r1 * (A2_plus + A3_plus * o2), 0, w_max)
        o1 += 1
        o2 += 1
      }
    }
    """#)
}
