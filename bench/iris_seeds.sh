#!/usr/bin/env bash
# bench/iris_seeds.sh [MODEL] [SPLIT_OFFSETS...] — how steady an Iris example's test accuracy is: runs MODEL
# (default Examples/iris_rstdp.snn) with training seeds 1–8 (`train on iris.train, epochs = E, seed = N`) on its own
# train/test split, then, for each SPLIT_OFFSET given (e.g. 100 200 300), on 8 other splits (split seed
# OFFSET + N with training seed N). Prints each run's test accuracy and each group's mean and range.
# Release build (SNNC_TARGET_CPU=native) in .build-bench; each run is a second or two.
set -euo pipefail
cd "$(dirname "$0")/.."
model=${1:-Examples/iris_rstdp.snn}
shift || true
scratch=${SCRATCH:-.build-bench}
SNNC_TARGET_CPU=${SNNC_TARGET_CPU:-native} swift build -c release --scratch-path "$scratch" --product snnc >/dev/null
bin="$scratch/release/snnc"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$(dirname "$model")/iris.csv" "$work/"

# run_group NAME SPLIT_OFFSET (0: the model's own split)
run_group() {
    local accuracies=()
    for seed in 1 2 3 4 5 6 7 8; do
        local split_edit="s/^split iris:\(.*\), seed = [0-9]*/split iris:\1, seed = $(($2 + seed))/"
        [ "$2" -eq 0 ] && split_edit='s/^$//'
        sed -e "s/^\(train on iris.train, epochs = [0-9]*\)/\1, seed = $seed/" -e "$split_edit" "$model" > "$work/m.snn"
        local accuracy
        accuracy=$("$bin" run "$work/m.snn" --out "$work/out" | sed -n 's/^evaluated on [^:]*: accuracy \([0-9.]*\)%.*/\1/p')
        accuracies+=("$accuracy")
    done
    printf '%-26s %s  ' "$1" "${accuracies[*]}"
    printf '%s\n' "${accuracies[@]}" | awk '{ s += $1; if (NR == 1 || $1 < lo) lo = $1; if ($1 > hi) hi = $1 }
        END { printf "mean %.1f%% (%.1f-%.1f%%)\n", s / NR, lo, hi }'
}

echo "$model"
run_group "own split, seeds 1-8" 0
for offset in "$@"; do run_group "splits $((offset + 1))-$((offset + 8))" "$offset"; done
