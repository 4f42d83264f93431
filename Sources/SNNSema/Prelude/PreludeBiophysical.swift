// The biophysical and reduced conductance models of the prelude: `hodgkin_huxley`, `fitzhugh_nagumo`,
// `morris_lecar` and `hindmarsh_rose`.

extension Prelude {
    static let conductanceModels = PreludeFile(path: "<prelude>/biophysical.snn", source: #"""
    ## The Hodgkin-Huxley model of the squid giant axon: sodium, potassium and leak currents
    ## through a patch of membrane, all per unit area, with voltage-dependent gating
    ##   C_m dv/dt = I_e - g_Na m^3 h (v - E_Na) - g_K n^4 (v - E_K) - g_L (v - E_L),
    ##   dx/dt = alpha_x(v) (1 - x) - beta_x(v) x   for x = m, h, n.
    ## The rate functions are the classic fits, in 1/ms of v in mV. There is no reset: a
    ## spike is an upward crossing of 0 mV, counted once until v falls back below -40 mV.
    ## A constant current I_e above about 6 uA/cm^2 gives repetitive firing.
    ##
    ## Variables: v, the membrane potential (mV); m and h, the activation and inactivation
    ## of the sodium conductance; n, the activation of the potassium conductance (gating
    ## variables between 0 and 1).
    ##
    ## Sources:
    ##   A. L. Hodgkin & A. F. Huxley, "A quantitative description of membrane current and
    ##   its application to conduction and excitation in nerve", J. Physiol. 117:500-544
    ##   (1952). Written in the modern convention (rest near -65 mV, depolarisation
    ##   positive) with the parameters of P. Dayan & L. F. Abbott, "Theoretical
    ##   Neuroscience", MIT Press (2001), ch. 5.6, and W. Gerstner et al., "Neuronal
    ##   Dynamics", Cambridge University Press (2014), ch. 2.2:
    ##   C_m = 1 uF/cm^2; g_Na = 120, g_K = 36, g_L = 0.3 mS/cm^2;
    ##   E_Na = 50 mV, E_K = -77 mV, E_L = -54.387 mV. The gating variables start at their
    ##   steady state at -65 mV.
    neuron hodgkin_huxley {
      ## Membrane capacitance per unit area.
      param C_m = 1 uF/cm^2
      ## Maximal sodium conductance per unit area.
      param g_Na = 120 mS/cm^2
      ## Sodium reversal potential.
      param E_Na = 50 mV
      ## Maximal potassium conductance per unit area.
      param g_K = 36 mS/cm^2
      ## Potassium reversal potential.
      param E_K = -77 mV
      ## Leak conductance per unit area.
      param g_L = 0.3 mS/cm^2
      ## Leak reversal potential (sets the resting potential near -65 mV).
      param E_L = -54.387 mV
      ## Injected current per unit area.
      param I_e = 0 uA/cm^2
      state v = -65 mV
      state m = 0.0529
      state h = 0.5961
      state n = 0.3177

      let u = v / 1 mV                              # the membrane potential as a plain number
      let alpha_m = 0.1 * (u + 40) / (1 - exp(-(u + 40) / 10)) / 1 ms
      let beta_m  = 4 * exp(-(u + 65) / 18) / 1 ms
      let alpha_h = 0.07 * exp(-(u + 65) / 20) / 1 ms
      let beta_h  = 1 / (1 + exp(-(u + 35) / 10)) / 1 ms
      let alpha_n = 0.01 * (u + 55) / (1 - exp(-(u + 55) / 10)) / 1 ms
      let beta_n  = 0.125 * exp(-(u + 65) / 80) / 1 ms

      let I_Na = g_Na * m^3 * h * (v - E_Na)
      let I_K  = g_K * n^4 * (v - E_K)
      let I_L  = g_L * (v - E_L)

      dv/dt = (I_e - I_Na - I_K - I_L) / C_m
      dm/dt = alpha_m * (1 - m) - beta_m * m
      dh/dt = alpha_h * (1 - h) - beta_h * h
      dn/dt = alpha_n * (1 - n) - beta_n * n

      spike when v > 0 mV                           # an upward crossing of 0 mV,
      refractory v > -40 mV                         # counted once, until v falls back
      method = exponential_euler                    # each variable is linear given the others
    }

    ## The FitzHugh-Nagumo model: a two-variable reduction of the Hodgkin-Huxley model with
    ## a fast, cubic excitation variable v and a slow, linear recovery variable w,
    ##   tau dv/dt = v - v^3 / 3 - w + I,   tau dw/dt = epsilon (v + a - b w).
    ## v and w are dimensionless; tau sets the time unit (one unit of the original
    ## dimensionless time). With the defaults the model rests at v = -1.2 for I = 0 and
    ## fires repetitively for I between about 0.33 and 1.42 (Hopf bifurcations), with a
    ## period of about 40 tau at I = 0.5. There is no reset: a spike is an upward crossing
    ## of v = 1, counted once until v falls back below 0. Synaptic input arrives as jumps
    ## of v (dimensionless weights).
    ##
    ## Variables: v, the excitation (membrane-potential-like) variable; w, the recovery
    ## variable (both dimensionless).
    ##
    ## Sources:
    ##   R. FitzHugh, "Impulses and physiological states in theoretical models of nerve
    ##   membrane", Biophys. J. 1:445-466 (1961); J. Nagumo, S. Arimoto & S. Yoshizawa, "An
    ##   active pulse transmission line simulating nerve axon", Proc. IRE 50:2061-2070
    ##   (1962). Parameters a = 0.7, b = 0.8, epsilon = 0.08 (FitzHugh's values), in the
    ##   form of E. M. Izhikevich & R. FitzHugh, "FitzHugh-Nagumo model", Scholarpedia
    ##   1(9):1349 (2006).
    neuron fitzhugh_nagumo {
      ## Offset of the recovery nullcline.
      param a = 0.7
      ## Slope (inverse) of the recovery nullcline.
      param b = 0.8
      ## Ratio of the time scales of v and w (FitzHugh's phi): small means slow recovery.
      param epsilon = 0.08
      ## Time unit: the duration of one unit of the model's dimensionless time.
      param tau = 1 ms
      ## Input (dimensionless).
      param I = 0
      state v = -1.2
      state w = -0.625
      dv/dt = (v - v^3 / 3 - w + I) / tau
      dw/dt = epsilon * (v + a - b * w) / tau
      spike when v > 1                              # an upward crossing of v = 1,
      refractory v > 0                              # counted once, until v falls back
      method = rk4
    }

    ## The Morris-Lecar model: a two-variable conductance-based model with an instantaneous
    ## calcium current and a delayed-rectifier potassium current, originally of the barnacle
    ## giant muscle fiber, now a standard planar model of neural excitability,
    ##   C_m dv/dt = I_e - g_L (v - E_L) - g_Ca m_inf(v) (v - E_Ca) - g_K w (v - E_K),
    ##   dw/dt = phi cosh((v - V3) / (2 V4)) (w_inf(v) - w),
    ##   m_inf(v) = (1 + tanh((v - V1) / V2)) / 2,   w_inf(v) = (1 + tanh((v - V3) / V4)) / 2.
    ## cosh is written with exp. With the defaults (the "Hopf" set) the neuron is of
    ## class II: it rests near -61 mV and jumps to repetitive firing at about
    ## 90 uA/cm^2, with spikes peaking near +30 mV. There is no reset: a spike is an upward
    ## crossing of 0 mV, counted once until v falls back below -20 mV.
    ##
    ## Variables: v, the membrane potential (mV); w, the fraction of open potassium
    ## channels (between 0 and 1).
    ##
    ## Sources:
    ##   C. Morris & H. Lecar, "Voltage oscillations in the barnacle giant muscle fiber",
    ##   Biophys. J. 35:193-213 (1981). Parameters of J. Rinzel & G. B. Ermentrout,
    ##   "Analysis of neural excitability and oscillations", in C. Koch & I. Segev (eds.),
    ##   Methods in Neuronal Modeling, MIT Press (1989), pp. 135-169 (Hopf case):
    ##   C = 20 uF/cm^2, g_L = 2, g_Ca = 4.4, g_K = 8 mS/cm^2, E_L = -60 mV,
    ##   E_Ca = 120 mV, E_K = -84 mV, V1 = -1.2 mV, V2 = 18 mV, V3 = 2 mV, V4 = 30 mV,
    ##   phi = 0.04 /ms. The initial state is the resting state for I_e = 0.
    neuron morris_lecar {
      ## Membrane capacitance per unit area.
      param C_m = 20 uF/cm^2
      ## Leak conductance per unit area.
      param g_L = 2 mS/cm^2
      ## Leak reversal potential.
      param E_L = -60 mV
      ## Maximal calcium conductance per unit area.
      param g_Ca = 4.4 mS/cm^2
      ## Calcium reversal potential.
      param E_Ca = 120 mV
      ## Maximal potassium conductance per unit area.
      param g_K = 8 mS/cm^2
      ## Potassium reversal potential.
      param E_K = -84 mV
      ## Half-activation potential of the calcium current.
      param V1 = -1.2 mV
      ## Slope of the calcium activation (its spread in potential).
      param V2 = 18 mV
      ## Half-activation potential of the potassium current.
      param V3 = 2 mV
      ## Slope of the potassium activation (its spread in potential).
      param V4 = 30 mV
      ## Rate scale of the potassium activation.
      param phi = 0.04 ms^-1
      ## Injected current per unit area.
      param I_e = 0 uA/cm^2
      state v = -60.9 mV
      state w = 0.0149
      let m_inf = 0.5 * (1 + tanh((v - V1) / V2))
      let w_inf = 0.5 * (1 + tanh((v - V3) / V4))
      let x = (v - V3) / (2 * V4)
      let rate_w = phi * (exp(x) + exp(-x)) / 2    # phi cosh(x), in 1/ms
      dv/dt = (I_e - g_L * (v - E_L) - g_Ca * m_inf * (v - E_Ca) - g_K * w * (v - E_K)) / C_m
      dw/dt = rate_w * (w_inf - w)
      spike when v > 0 mV                           # an upward crossing of 0 mV,
      refractory v > -20 mV                         # counted once, until v falls back
      method = rk4
    }

    ## The Hindmarsh-Rose model: a three-variable polynomial model of a bursting neuron. The
    ## fast subsystem (x, y) spikes; the slow adaptation z, driven by x, switches it on and
    ## off, so that a constant input produces bursts:
    ##   tau dx/dt = y - a x^3 + b x^2 - z + I,
    ##   tau dy/dt = c - d x^2 - y,
    ##   tau dz/dt = r (s (x - x_R) - z).
    ## x, y and z are dimensionless; tau sets the time unit. With the defaults the model
    ## rests near x = x_R for I = 0, bursts for I between about 1.3 and 3 (I = 2: bursts of
    ## spikes about 12 tau apart) and fires tonically at I = 4. There is no reset: a spike is
    ## an upward crossing of x = 1, counted once until x falls back below 0.
    ##
    ## Variables: x, the membrane potential (dimensionless); y, the fast recovery (spiking)
    ## variable; z, the slow adaptation (bursting) current.
    ##
    ## Sources:
    ##   J. L. Hindmarsh & R. M. Rose, "A model of neuronal bursting using three coupled
    ##   first order differential equations", Proc. R. Soc. Lond. B 221:87-102 (1984):
    ##   a = 1, b = 3, c = 1, d = 5, s = 4, x_R = -1.6 and r of order 0.001 (0.001 here;
    ##   0.005 to 0.006 is also common, e.g. for chaotic bursting near I = 3.25).
    neuron hindmarsh_rose {
      ## Coefficients of the cubic fast-variable nonlinearity.
      param a = 1
      param b = 3
      ## Coefficients of the recovery variable's quadratic nullcline.
      param c = 1
      param d = 5
      ## Ratio of the time scales of z and x: small means long bursts.
      param r = 0.001
      ## Coupling of the adaptation z to x.
      param s = 4
      ## Resting value of x, where z settles without input.
      param x_R = -1.6
      ## Input (dimensionless).
      param I = 0
      ## Time unit: the duration of one unit of the model's dimensionless time.
      param tau = 1 ms
      state x = x_R
      state y = c - d * x_R^2
      state z = 0
      dx/dt = (y - a * x^3 + b * x^2 - z + I) / tau
      dy/dt = (c - d * x^2 - y) / tau
      dz/dt = r * (s * (x - x_R) - z) / tau
      spike when x > 1                              # an upward crossing of x = 1,
      refractory x > 0                              # counted once, until x falls back
      method = rk4
    }
    """#)
}
