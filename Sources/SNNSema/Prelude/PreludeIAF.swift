// The perfect integrate-and-fire neuron of the prelude: `iaf`, a leak-free membrane that integrates its input.

extension Prelude {
    static let integrateAndFire = PreludeFile(path: "<prelude>/iaf.snn", source: #"""
    ## Perfect (non-leaky) integrate-and-fire neuron. The membrane is a capacitor C that
    ## integrates its input current without leak,
    ##   C dv/dt = I_e,
    ## and fires when v crosses v_th; v is then reset to v_reset and held there for t_ref.
    ## Synaptic input arrives as jumps of the membrane potential: connect with
    ## `on spike { v += w }` and weights in mV. With a constant I_e > 0 the neuron fires
    ## periodically, every C (v_th - v_reset) / I_e + t_ref.
    ##
    ## Variables: v, the membrane potential (mV).
    ##
    ## Sources:
    ##   G. L. Gerstein & B. Mandelbrot, "Random walk models for the spike activity of a
    ##   single neuron", Biophys. J. 4:41-68 (1964) (the perfect integrator);
    ##   A. N. Burkitt, "A review of the integrate-and-fire neuron model: I. Homogeneous
    ##   synaptic input", Biol. Cybern. 95:1-19 (2006); after L. Lapicque, J. Physiol.
    ##   Pathol. Gen. 9:620-635 (1907).
    ##   Defaults: those of NEST's iaf_psc_delta without its leak: C_m = 250 pF,
    ##   V_th = -55 mV, V_reset = -70 mV, t_ref = 2 ms, I_e = 0 pA.
    neuron iaf {
      ## Membrane capacitance.
      param C = 250 pF
      ## Constant input current (positive charges the membrane).
      param I_e = 0 pA
      ## Firing threshold.
      param v_th = -55 mV
      ## Potential after a spike; also the initial potential.
      param v_reset = -70 mV
      ## Absolute refractory period, during which v stays at v_reset.
      param t_ref = 2 ms
      state v = v_reset
      dv/dt = I_e / C
      spike when v > v_th
      reset v = v_reset
      refractory t_ref
      method = exact                     # a constant slope: integrated exactly
    }
    """#)
}
