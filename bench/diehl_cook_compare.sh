#!/usr/bin/env bash
# bench/diehl_cook_compare.sh [SAMPLES] [SEED] — Diehl & Cook's training dynamics in snnc against a Brian 2 port of
# the authors' code (bench/diehl_cook_brian2.py): both train 100 + 100 neurons on the first SAMPLES MNIST images
# (default 300) and print presentations, boosted repeats, excitatory spikes per sample, the mean threshold θ and
# the mean input weight, so that a difference in the model's dynamics shows before a 10-minute accuracy run.
# snnc runs Examples/diehl_cook_100.snn as it is (exponential Euler) and with `method = euler`, the integrator
# of the authors' Brian 1 code; the port runs with each of the two as well. Needs the release build of .build-bench (as bench/train_throughput.sh)
# and Brian 2 in .venv (python3 -m venv .venv && .venv/bin/pip install "numpy<2.4" brian2); MNIST from $SNNC_DATA.
# The port runs in Brian 2's Cython runtime: about one presentation a second on this VM (300 images: 6 minutes per integrator).
set -euo pipefail
cd "$(dirname "$0")/.."
samples=${1:-300}
seed=${2:-1}
export SNNC_DATA=${SNNC_DATA:-$(cd .. && pwd)/shared/data}
[ -f "$SNNC_DATA/mnist/train-images-idx3-ubyte.gz" ] || { echo "MNIST not found in \$SNNC_DATA ($SNNC_DATA)"; exit 1; }
python=.venv/bin/python
[ -x "$python" ] || { echo "no .venv with Brian 2 (see the header of this script)"; exit 1; }

scratch=${SCRATCH:-.build-bench}
SNNC_TARGET_CPU=${SNNC_TARGET_CPU:-native} swift build -c release --scratch-path "$scratch" --product snnc >/dev/null
bin="$scratch/release/snnc"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The example trained on SAMPLES images, without labelling and testing, recording θ and the weights at the end.
"$python" - "$samples" "$seed" Examples/diehl_cook_100.snn "$work" <<'PY'
import re, sys
samples, seed, source, work = sys.argv[1:]
text = open(source).read()
text = text.replace("train on mnist, epochs = 3, dt = 0.5 ms {",
                    f"train on mnist, epochs = 1, samples = {samples}, dt = 0.5 ms, seed = {seed} {{")
text = re.sub(r"assign labels by .*\n", "", text)
text = re.sub(r"evaluate on mnist_test.*?\n}\n", "", text, flags=re.S)
text = re.sub(r"save weights .*\n", f"record theta of exc with interval = 500 ms\nrecord weights of pixels -> exc\n", text)
assert f"samples = {samples}" in text and "evaluate" not in text, "Examples/diehl_cook_100.snn changed; update this script"
open(f"{work}/exp_euler.snn", "w").write(text)
euler = text.replace("timer = 0 ms\n", "timer = 0 ms\n  method = euler\n").replace("  refractory 2 ms\n", "  refractory 2 ms\n  method = euler\n")
assert euler.count("method = euler") == 2
open(f"{work}/euler.snn", "w").write(euler)
PY
for variant in exp_euler euler; do
    "$bin" run "$work/$variant.snn" --threads 1 --json --checkpoint-every 0 --out "$work/$variant" > "$work/$variant.json"
    "$python" - "$work/$variant.json" "$work/$variant" "$variant" <<'PY'
import json, sys
import numpy as np
summary, folder, variant = json.load(open(sys.argv[1])), sys.argv[2], sys.argv[3]
train = summary["experiment"]["trainings"][0]
exc = next(g for g in summary["groups"] if g["name"] == "exc")
theta = np.load(f"{folder}/exc_theta.npy")[-1]
weights = np.load(f"{folder}/pixels_exc_weights.npy")
print(f"snnc ({variant}): {train['samples']} samples, {train['samples'] + train['boosted_repeats']} presentations "
      f"({train['boosted_repeats']} boosted repeats), {exc['spikes']} exc spikes in all, "
      f"mean theta {theta.mean():.3f} mV, mean weight {weights.mean():.4f}")
PY
done
for method in euler exponential_euler; do
    "$python" bench/diehl_cook_brian2.py "$SNNC_DATA/mnist" "$samples" "$seed" "$method" 2>/dev/null
done
