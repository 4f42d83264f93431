#!/usr/bin/env bash
# bench/generate_model.sh LINES — prints a valid .snn model of about LINES lines that uses every construct of
# the language (neurons, rules, populations, inputs, connections with clauses, datasets, experiment blocks),
# with distinct names, for the speed benchmarks of `snnc check`. The model checks clean (the dataset it names,
# iris.csv, must sit beside it).
set -euo pipefail
lines=${1:-10000}
awk -v target="$lines" 'BEGIN {
  print "model generated"
  print "dataset data = csv(\"iris.csv\", label = species, normalize = minmax)"
  print "split data: train 80%, test 20%, shuffle, seed = 7"
  n = 3
  for (i = 0; n < target; i++) {
    print "## Adaptive LIF number " i ", generated."
    print "neuron alif_" i " {"
    print "  param tau_m = 20 ms;  param El = -65 mV"
    print "  param Vt = -50 mV;    param Vr = -70 mV"
    print "  param tau_w = 144 ms; param a = 4 nS; param b = 0.0805 nA"
    print "  state v = uniform(Vr, Vt)"
    print "  state w: nA = 0 nA"
    print "  state ge = 0 mV;  state gi = 0 mV"
    print "  let I_leak = (El - v) / tau_m"
    print "  dv/dt = I_leak - w / (200 pF) + (ge + gi) / tau_m"
    print "  dw/dt = (a * (v - El) - w) / tau_w"
    print "  dge/dt = -ge / (5 ms);  dgi/dt = -gi / (10 ms)"
    print "  spike when v > Vt and not (w > 10 nA)"
    print "  reset v = Vr, w += b"
    print "  refractory 2 ms"
    print "  method = rk4"
    print "}"
    print "rule stdp_" i " {"
    print "  param tau_pre = 20 ms;  param tau_post = 20 ms"
    print "  param a_pre = 0.01;     param a_post = -0.0105;  param w_max = 1"
    print "  synaptic w = uniform(0, w_max)"
    print "  pre x_pre:   dx_pre/dt = -x_pre / tau_pre"
    print "  post x_post: dx_post/dt = -x_post / tau_post"
    print "  on pre  { x_pre += a_pre;   w = clip(w + x_post, 0, w_max) }"
    print "  on post {"
    print "    x_post += a_post"
    print "    if w > w_max { w = w_max } else { w = clip(w + x_pre, 0, w_max) }"
    print "  }"
    print "}"
    print "const size_" i " = " (100 + (i % 7) * 20)
    print "input drive_" i " = poisson(rate = 15 Hz)[size_" i "]"
    print "population exc_" i " = alif_" i "(tau_m = 10 ms, Vt = -52 mV)[size_" i "]"
    print "population inh_" i " = alif_" i "[size_" i " / 4]"
    print "connect drive_" i " -> exc_" i ": all_to_all, weight = uniform(0, 0.3), delay = 1 ms"
    print "  learn stdp_" i "(a_pre = 0.02)"
    print "  normalize incoming to 78"
    print "connect exc_" i " -> inh_" i "[0..9], inh_" i ": random(p = 0.02) on spike { ge += 1.62 mV }"
    print "connect inh_" i " -> exc_" i ": fixed_in_degree(k = 20), weight = -9 mV on spike { gi += w }"
    print "record spikes, v of exc_" i "[0..9], inh_" i " with interval = 1 ms"
    n += 37
  }
  print "train on data.train, epochs = 30, batch = 1 {"
  print "  present 40 ms, rest 10 ms"
  print "  reward +1 when argmax(spike_count(exc_0)) == label else -1"
  print "  boost input rate by 32 Hz while spike_count(exc_0) < 5"
  print "}"
  print "assign labels by mean response of exc_0"
  print "evaluate on data.test { predict = vote(spike_count(exc_0)) }"
  print "save weights to \"generated.snnw\""
  print "simulate 1 s with dt = 0.1 ms, seed = 1"
}'
