// The neurons of surrogate-gradient training in the prelude: `leaky` (a spiking leaky integrator with reset by
// subtraction, in units of its threshold) and `leaky_readout` (the same membrane without spikes, read out).

extension Prelude {
    static let gradientModels = PreludeFile(path: "<prelude>/leaky.snn", source: #"""
    ## Leaky integrate-and-fire neuron in units of its input, as surrogate-gradient
    ## training uses it: the membrane decays with tau, each input adds its weight
    ## (`on spike { v += w }`), the neuron fires when v exceeds the threshold and the
    ## threshold is then subtracted. In steps of dt this is snnTorch's `Leaky` neuron,
    ##   v[t] = beta v[t-1] + W x[t] - threshold s[t-1],  beta = exp(-dt / tau),
    ## the layer type `train … with gradient(…)` differentiates (the spike's derivative
    ## replaced by a surrogate).
    ##
    ## Variables: v, the membrane potential (dimensionless, in units of the input).
    ##
    ## Sources:
    ##   J. K. Eshraghian et al., "Training spiking neural networks using lessons from
    ##   deep learning", Proc. IEEE 111:1016-1054 (2023) (snnTorch; beta = 0.95 and
    ##   threshold 1 in its tutorials: tau = 19.5 dt); E. O. Neftci, H. Mostafa &
    ##   F. Zenke, "Surrogate gradient learning in spiking neural networks", IEEE Signal
    ##   Process. Mag. 36:51-63 (2019).
    neuron leaky {
      ## Membrane time constant (beta = exp(-dt / tau) per step).
      param tau = 20 ms
      ## Firing threshold, in units of the input.
      param threshold = 1
      state v = 0
      dv/dt = -v / tau
      spike when v > threshold
      reset v -= threshold
    }

    ## A leaky integrator that never fires: the readout layer of surrogate-gradient
    ## training, whose membrane (averaged over the presentation) gives the class scores,
    ##   v[t] = beta v[t-1] + W x[t],  beta = exp(-dt / tau).
    ##
    ## Variables: v, the membrane potential (dimensionless, in units of the input).
    ##
    ## Sources:
    ##   F. Zenke & T. P. Vogels, "The remarkable robustness of surrogate gradient
    ##   learning for instilling complex function in spiking neural networks", Neural
    ##   Comput. 33:899-925 (2021) (a non-spiking readout layer).
    neuron leaky_readout {
      ## Membrane time constant (beta = exp(-dt / tau) per step).
      param tau = 20 ms
      state v = 0
      dv/dt = -v / tau
    }
    """#)
}
