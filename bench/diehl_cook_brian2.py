"""Diehl & Cook (2015) with 100 excitatory neurons, written for Brian 2 after the authors' Brian 1 code
(github.com/peter-u-diehl/stdp-mnist), to compare snnc's training dynamics with a reference simulator.

The authors' Brian 1 code integrates the conductance-based neurons with forward Euler (Brian 1 picks Euler for
non-linear equations unless told otherwise), so this port does too; its STDP reads the presynaptic trace as the
synapse sees it after the connection's delay (Brian 1's C STDP with a DelayConnection), which Brian 2's
`on_pre` with per-synapse event-driven traces does exactly. The `timer` variable of the original is left out:
with `brian_no_units` it re-armed the threshold after one step, so the 5 ms refractory period alone holds. That
period only blocks the threshold: Brian 1.4 holds a variable at its reset value during the refractory period
only when the reset is a single `v = value` (class `Reset`), and the excitatory reset of the code is a string
that also raises theta and zeroes the timer, so v integrates from the reset on at once. Here that is Brian 2's
`refractory` without `(unless refractory)` on v. The inhibitory reset is `v = v_reset_i`, which Brian 1 holds.

Trains on the first SAMPLES training images (350 ms + 150 ms rest, input rate pixel/4 Hz, raised by pixel/8 Hz
while fewer than 5 excitatory spikes, weights normalised to 78 per neuron before every presentation) and prints
the figures `bench/diehl_cook_compare.sh` compares with snnc: presentations, boosted repeats, excitatory spikes
per presentation, mean threshold theta, mean weight.

Usage: python3 bench/diehl_cook_brian2.py MNIST_DIR [SAMPLES] [SEED] [METHOD]
METHOD is Brian 2's integrator: euler (default, the authors') or exponential_euler (snnc's choice for the example).
"""

import gzip
import struct
import sys
import time

import numpy as np
from brian2 import (NeuronGroup, PoissonGroup, Synapses, SpikeMonitor, Network, defaultclock, prefs, ms, mV, Hz,
                    seed as brian_seed)


def mnist_images(folder, count):
    with gzip.open(f"{folder}/train-images-idx3-ubyte.gz", "rb") as f:
        magic, n, rows, cols = struct.unpack(">IIII", f.read(16))
        assert magic == 2051
        data = np.frombuffer(f.read(count * rows * cols), dtype=np.uint8)
    return data.reshape(count, rows * cols).astype(float)


def main():
    folder = sys.argv[1]
    samples = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    rng_seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    method = sys.argv[4] if len(sys.argv) > 4 else "euler"
    prefs.codegen.target = "cython"
    defaultclock.dt = 0.5 * ms
    np.random.seed(rng_seed)
    brian_seed(rng_seed)
    images = mnist_images(folder, samples)
    n_input, n_e = 784, 100

    exc = NeuronGroup(n_e, """
        dv/dt = ((-65*mV - v) + ge * (-v) + gi * (-100*mV - v)) / (100*ms) : volt
        dge/dt = -ge / (1*ms) : 1
        dgi/dt = -gi / (2*ms) : 1
        dtheta/dt = -theta / (1e7*ms) : volt
        """, threshold="v > theta - 20*mV - 52*mV", reset="v = -65*mV; theta += 0.05*mV",
        refractory=5 * ms, method=method)
    inh = NeuronGroup(n_e, """
        dv/dt = ((-60*mV - v) + ge * (-v) + gi * (-85*mV - v)) / (10*ms) : volt (unless refractory)
        dge/dt = -ge / (1*ms) : 1
        dgi/dt = -gi / (2*ms) : 1
        """, threshold="v > -40*mV", reset="v = -45*mV", refractory=2 * ms, method=method)
    exc.v = -105 * mV
    inh.v = -100 * mV
    exc.theta = 20 * mV

    pixels = PoissonGroup(n_input, rates=0 * Hz)
    input_synapses = Synapses(pixels, exc, """
        w : 1
        post2before : 1
        dpre/dt = -pre / (20*ms) : 1 (event-driven)
        dpost1/dt = -post1 / (20*ms) : 1 (event-driven)
        dpost2/dt = -post2 / (40*ms) : 1 (event-driven)
        """, on_pre="ge_post += w; pre = 1.; w = clip(w - 0.0001 * post1, 0, 1)",
        on_post="post2before = post2; w = clip(w + 0.01 * pre * post2before, 0, 1); post1 = 1.; post2 = 1.",
        method="exact")
    input_synapses.connect()
    input_synapses.w = "(rand() + 0.01) * 0.3"
    input_synapses.delay = "rand() * 10*ms"
    exc_to_inh = Synapses(exc, inh, on_pre="ge_post += 10.4")
    exc_to_inh.connect(j="i")
    inh_to_exc = Synapses(inh, exc, on_pre="gi_post += 17.0")
    inh_to_exc.connect(condition="i != j")
    spikes = SpikeMonitor(exc, record=False)
    network = Network(exc, inh, pixels, input_synapses, exc_to_inh, inh_to_exc, spikes)

    targets = np.asarray(input_synapses.j[:])
    presentations = repeats = 0
    counts = []
    started = time.time()
    for sample in range(samples):
        intensity = 2.0
        while True:
            weights = np.asarray(input_synapses.w[:])
            totals = np.bincount(targets, weights=weights, minlength=n_e)
            input_synapses.w = weights * (78.0 / totals[targets])
            before = int(spikes.num_spikes)
            pixels.rates = images[sample] / 8.0 * intensity * Hz
            network.run(350 * ms)
            shown = int(spikes.num_spikes) - before
            presentations += 1
            pixels.rates = 0 * Hz
            network.run(150 * ms)
            if shown < 5 and intensity < 2.0 + 9:
                intensity += 1
                repeats += 1
                continue
            counts.append(shown)
            break
    print(f"brian2 ({method}): {samples} samples, {presentations} presentations ({repeats} boosted repeats), "
          f"{np.mean(counts):.2f} exc spikes per sample (median {np.median(counts):.0f}), "
          f"{int(spikes.num_spikes)} exc spikes in all, mean theta {np.mean(exc.theta[:] / mV):.3f} mV, "
          f"mean weight {np.mean(input_synapses.w[:]):.4f}, {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
