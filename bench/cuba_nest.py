"""bench/cuba_nest.py N P THREADS — the CUBA benchmark in NEST with iaf_psc_exp neurons, the same network as
Examples/cuba.snn written with currents: C = 250 pF and tau_m = 20 ms turn the model's synaptic voltages into
currents (1 mV of ge = C / tau_m x 1 mV = 12.5 pA), so the jumps are 1.62 mV -> 20.25 pA and -9 mV -> -112.5 pA.
1 s at dt = 0.1 ms. Prints one JSON line with the simulation time (nest.Simulate alone)."""
import json
import sys
import time

import nest

n, p, threads = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
nest.set_verbosity("M_ERROR")
nest.ResetKernel()
nest.SetKernelStatus({"resolution": 0.1, "local_num_threads": threads, "rng_seed": 1})
params = {"C_m": 250.0, "tau_m": 20.0, "E_L": -49.0, "V_th": -50.0, "V_reset": -60.0, "t_ref": 5.0,
          "tau_syn_ex": 5.0, "tau_syn_in": 10.0, "I_e": 0.0}
neurons = nest.Create("iaf_psc_exp", n, params=params)
neurons.V_m = nest.random.uniform(-60.0, -50.0)
n_exc = n * 4 // 5
exc, inh = neurons[:n_exc], neurons[n_exc:]
rule = {"rule": "pairwise_bernoulli", "p": p}
nest.Connect(exc, neurons, rule, {"weight": 20.25, "delay": 0.1})
nest.Connect(inh, neurons, rule, {"weight": -112.5, "delay": 0.1})
recorder = nest.Create("spike_recorder")
nest.Connect(neurons, recorder)
start = time.perf_counter()
nest.Simulate(1000.0)
simulation = time.perf_counter() - start
events = recorder.n_events
print(json.dumps({"simulator": f"nest {threads} thread(s)", "neurons": n,
                  "synapses": nest.GetKernelStatus("num_connections"), "simulation_s": simulation,
                  "spikes": events, "rate_hz": events / n / 1.0}))
