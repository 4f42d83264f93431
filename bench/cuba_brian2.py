"""bench/cuba_brian2.py N P DEVICE [REPEATS [THREADS]] — the CUBA benchmark (Brette et al. 2007, benchmark 2) in Brian 2,
the same network as Examples/cuba.snn: N neurons (80% excitatory), connection probability P, 1 s at dt = 0.1 ms,
exact integration. DEVICE is `cpp_standalone` or `runtime` (Cython). Prints one JSON line: the simulation time
(the `run` alone: for standalone, the C++ run; for runtime, the wall time of `run`), spikes and rates. With
REPEATS > 1 (standalone only), the compiled program runs that many times in all: `simulation_s` is the best,
`simulation_median_s` the median, `simulation_runs_s` every run. THREADS > 1 (standalone only) runs Brian's
OpenMP code on that many threads."""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

from brian2 import (NeuronGroup, SpikeMonitor, Synapses, defaultclock, device, mV, ms, prefs, run, second,
                    seed, set_device)

n, p, mode = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
repeats = int(sys.argv[4]) if len(sys.argv) > 4 else 1
threads = int(sys.argv[5]) if len(sys.argv) > 5 else 1
directory = tempfile.mkdtemp(prefix="cuba_brian2_") if mode == "cpp_standalone" else None
if mode == "cpp_standalone":
    set_device("cpp_standalone", directory=directory)
    if threads > 1:
        prefs.devices.cpp_standalone.openmp_threads = threads
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
runs = [device._last_run_time if mode == "cpp_standalone" else wall]
if mode == "cpp_standalone":
    # The same compiled program again: Brian's main writes its run time to results/last_run_info.txt.
    for _ in range(repeats - 1):
        subprocess.run(["./main"], cwd=directory, check=True, stdout=subprocess.DEVNULL)
        with open(os.path.join(directory, "results", "last_run_info.txt")) as info:
            runs.append(float(info.read().split()[0]))
print(json.dumps({"simulator": "brian2 " + mode, "threads": threads, "neurons": n, "synapses": int(len(Ce) + len(Ci)),
                  "simulation_s": min(runs), "simulation_median_s": statistics.median(runs),
                  "simulation_runs_s": runs, "wall_s": wall, "spikes": int(spikes.num_spikes),
                  "rate_hz": spikes.num_spikes / n / 1.0}))
