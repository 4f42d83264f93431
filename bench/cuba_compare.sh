#!/usr/bin/env bash
# bench/cuba_compare.sh — CUBA (Brette et al. 2007, benchmark 2) in snnc, Brian 2 (C++ standalone and Cython
# runtime) and NEST on the same machine, in one go: 4,000 neurons (p = 0.02) and 40,000 neurons (out-degree 80),
# 1 s at dt = 0.1 ms. Prints each simulator's simulation time (the step loop alone), rates, and snnc's ratios.
# snnc runs as a release build with the Swift runtime linked statically, tuned for this CPU
# (SNNC_TARGET_CPU=native). Brian 2 and NEST run from .venv when it exists:
#   python3 -m venv .venv && .venv/bin/pip install "numpy<2.4" brian2 nest-simulator
set -euo pipefail
cd "$(dirname "$0")/.."
export SNNC_TARGET_CPU="${SNNC_TARGET_CPU:-native}"
swift build -c release --static-swift-stdlib --product snnc >/dev/null
bin="$(swift build -c release --static-swift-stdlib --show-bin-path)/snnc"
python=.venv/bin/python
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

field() { "$python" -c "import json,sys; d=json.loads(sys.stdin.read()); print(d$1)" 2>/dev/null || python3 -c "import json,sys; d=json.loads(sys.stdin.read()); print(d$1)"; }

run_snnc() {  # MODEL THREADS -> "seconds rate"
    local json
    json=$("$bin" run "$1" --threads "$2" --json --out "$work/out")
    echo "$(echo "$json" | field "['wall_s']") $(echo "$json" | field "['groups'][0]['rate_hz']")"
}

for size in 4000 40000; do
    model=Examples/cuba.snn; p=0.02
    if [ "$size" = 40000 ]; then model=bench/cuba_40k.snn; p=0.002; fi
    echo "== CUBA, $size neurons, 1 s at dt = 0.1 ms"
    read -r one rate1 <<< "$(run_snnc "$model" 1)"
    read -r two rate2 <<< "$(run_snnc "$model" 2)"
    printf "snnc 1 thread     %8.4f s   exc rate %.2f Hz\n" "$one" "$rate1"
    printf "snnc 2 threads    %8.4f s   exc rate %.2f Hz   (%.2fx over 1 thread)\n" "$two" "$rate2" \
        "$(awk -v a="$one" -v b="$two" 'BEGIN { print a / b }')"
    if [ -x "$python" ]; then
        for mode in cpp_standalone runtime; do
            line=$("$python" bench/cuba_brian2.py "$size" "$p" "$mode" 2>/dev/null | tail -1) || continue
            t=$(echo "$line" | field "['simulation_s']"); r=$(echo "$line" | field "['rate_hz']")
            printf "brian2 %-14s %8.4f s   rate %.2f Hz   snnc (1 thread) is %.1fx faster\n" "$mode" "$t" "$r" \
                "$(awk -v a="$t" -v b="$one" 'BEGIN { print a / b }')"
        done
        line=$("$python" bench/cuba_nest.py "$size" "$p" 1 2>/dev/null | tail -1) || true
        if [ -n "$line" ]; then
            t=$(echo "$line" | field "['simulation_s']"); r=$(echo "$line" | field "['rate_hz']")
            printf "nest 1 thread     %8.4f s   rate %.2f Hz   snnc (1 thread) is %.1fx faster\n" "$t" "$r" \
                "$(awk -v a="$t" -v b="$one" 'BEGIN { print a / b }')"
        fi
    else
        echo "(Brian 2 and NEST not installed in .venv: only snnc measured)"
    fi
done
