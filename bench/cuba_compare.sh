#!/usr/bin/env bash
# bench/cuba_compare.sh [REPEATS] — CUBA (Brette et al. 2007, benchmark 2) in snnc, Brian 2 (C++ standalone and
# Cython runtime) and NEST on the same machine, in one go: 4,000 neurons (p = 0.02) and 40,000 neurons
# (out-degree 80), 1 s at dt = 0.1 ms. Prints each simulator's simulation time (the step loop alone), rates, and
# snnc's ratios. snnc runs as a release build with the Swift runtime linked statically, tuned for this CPU
# (SNNC_TARGET_CPU=native). Brian 2 and NEST run from .venv when it exists:
#   python3 -m venv .venv && .venv/bin/pip install "numpy<2.4" brian2 nest-simulator
# A shared VM's speed swings by tens of percent from one second to the next, so snnc (1 and 2 threads, runs
# interleaved) and Brian 2's compiled standalone program (1 thread, then 2 OpenMP threads) each run REPEATS times
# (default 7): the table gives the best and the median, and the ratios for both. Brian 2's runtime mode and NEST run once (they are 10-60x
# slower; their ratios are not close calls).
set -euo pipefail
cd "$(dirname "$0")/.."
repeats="${1:-7}"
export SNNC_TARGET_CPU="${SNNC_TARGET_CPU:-native}"
swift build -c release --static-swift-stdlib --product snnc >/dev/null
bin="$(swift build -c release --static-swift-stdlib --show-bin-path)/snnc"
python=.venv/bin/python
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

field() { "$python" -c "import json,sys; d=json.loads(sys.stdin.read()); print(d$1)" 2>/dev/null || python3 -c "import json,sys; d=json.loads(sys.stdin.read()); print(d$1)"; }
# "best median" of the numbers on stdin.
best_median() { sort -g | awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print v[1], m }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

for size in 4000 40000; do
    model=Examples/cuba.snn; p=0.02
    if [ "$size" = 40000 ]; then model=bench/cuba_40k.snn; p=0.002; fi
    echo "== CUBA, $size neurons, 1 s at dt = 0.1 ms ($repeats runs each: best / median)"
    : > "$work/t1"; : > "$work/t2"
    for _ in $(seq "$repeats"); do
        for threads in 1 2; do
            json=$("$bin" run "$model" --threads "$threads" --json --out "$work/out")
            echo "$json" | field "['wall_s']" >> "$work/t$threads"
            echo "$json" | field "['groups'][0]['rate_hz']" > "$work/rate"
        done
    done
    read -r one one_median <<< "$(best_median < "$work/t1")"
    read -r two two_median <<< "$(best_median < "$work/t2")"
    rate=$(cat "$work/rate")
    printf "snnc 1 thread      %8.4f / %8.4f s   exc rate %.2f Hz\n" "$one" "$one_median" "$rate"
    printf "snnc 2 threads     %8.4f / %8.4f s   (%sx / %sx over 1 thread)\n" "$two" "$two_median" \
        "$(ratio "$one" "$two")" "$(ratio "$one_median" "$two_median")"
    if [ -x "$python" ]; then
        line=$("$python" bench/cuba_brian2.py "$size" "$p" cpp_standalone "$repeats" 2>/dev/null | tail -1) || line=""
        if [ -n "$line" ]; then
            t=$(echo "$line" | field "['simulation_s']"); m=$(echo "$line" | field "['simulation_median_s']")
            r=$(echo "$line" | field "['rate_hz']")
            printf "brian2 standalone  %8.4f / %8.4f s   rate %.2f Hz   snnc (1 thread) is %sx / %sx faster\n" \
                "$t" "$m" "$r" "$(ratio "$t" "$one")" "$(ratio "$m" "$one_median")"
            line=$("$python" bench/cuba_brian2.py "$size" "$p" cpp_standalone "$repeats" 2 2>/dev/null | tail -1) || line=""
            if [ -n "$line" ]; then
                t2=$(echo "$line" | field "['simulation_s']"); m2=$(echo "$line" | field "['simulation_median_s']")
                printf "  … on 2 threads   %8.4f / %8.4f s   (%sx / %sx over 1 thread; snnc on 2 is %sx / %sx faster)\n" \
                    "$t2" "$m2" "$(ratio "$t" "$t2")" "$(ratio "$m" "$m2")" "$(ratio "$t2" "$two")" "$(ratio "$m2" "$two_median")"
            fi
        fi
        line=$("$python" bench/cuba_brian2.py "$size" "$p" runtime 2>/dev/null | tail -1) || line=""
        if [ -n "$line" ]; then
            t=$(echo "$line" | field "['simulation_s']"); r=$(echo "$line" | field "['rate_hz']")
            printf "brian2 runtime     %8.4f s              rate %.2f Hz   snnc (1 thread) is %sx faster\n" "$t" "$r" \
                "$(ratio "$t" "$one_median")"
        fi
        line=$("$python" bench/cuba_nest.py "$size" "$p" 1 2>/dev/null | tail -1) || line=""
        if [ -n "$line" ]; then
            t=$(echo "$line" | field "['simulation_s']"); r=$(echo "$line" | field "['rate_hz']")
            printf "nest 1 thread      %8.4f s              rate %.2f Hz   snnc (1 thread) is %sx faster\n" "$t" "$r" \
                "$(ratio "$t" "$one_median")"
        fi
    else
        echo "(Brian 2 and NEST not installed in .venv: only snnc measured)"
    fi
done
