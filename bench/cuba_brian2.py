"""bench/cuba_brian2.py N P DEVICE — the CUBA benchmark (Brette et al. 2007, benchmark 2) in Brian 2, the same
network as Examples/cuba.snn: N neurons (80% excitatory), connection probability P, 1 s at dt = 0.1 ms, exact
integration. DEVICE is `cpp_standalone` or `runtime` (Cython). Prints one JSON line: the simulation time
(the `run` alone: for standalone, the C++ run; for runtime, the wall time of `run`), spikes and rates."""
import json
import sys
import tempfile
import time

from brian2 import (NeuronGroup, SpikeMonitor, Synapses, defaultclock, device, mV, ms, prefs, run, second,
                    seed, set_device)

n, p, mode = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
if mode == "cpp_standalone":
    set_device("cpp_standalone", directory=tempfile.mkdtemp(prefix="cuba_brian2_"))
else:
    prefs.codegen.target = "cython"
seed(1)
defaultclock.dt = 0.1 * ms
taum, taue, taui = 20 * ms, 5 * ms, 10 * ms
Vt, Vr, El = -50 * mV, -60 * mV, -49 * mV
eqs = """
dv/dt  = (ge + gi - (v - El)) / taum : volt (unless refractory)
dge/dt = -ge / taue : volt
dgi/dt = -gi / taui : volt
"""
P = NeuronGroup(n, eqs, threshold="v > Vt", reset="v = Vr", refractory=5 * ms, method="exact")
P.v = "Vr + rand() * (Vt - Vr)"
n_exc = n * 4 // 5
Ce = Synapses(P, P, on_pre="ge += 1.62 * mV")
Ci = Synapses(P, P, on_pre="gi += -9 * mV")
Ce.connect("i < n_exc", p=p)
Ci.connect("i >= n_exc", p=p)
spikes = SpikeMonitor(P)
start = time.perf_counter()
run(1 * second)
wall = time.perf_counter() - start
simulation = device._last_run_time if mode == "cpp_standalone" else wall
print(json.dumps({"simulator": "brian2 " + mode, "neurons": n, "synapses": int(len(Ce) + len(Ci)),
                  "simulation_s": simulation, "wall_s": wall, "spikes": int(spikes.num_spikes),
                  "rate_hz": spikes.num_spikes / n / 1.0}))
