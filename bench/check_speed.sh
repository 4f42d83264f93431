#!/usr/bin/env bash
# bench/check_speed.sh [LINES] [RUNS] — wall time of `snnc check` on a generated model (default 10,000 lines),
# release build with the Swift runtime linked statically, as a user runs it. The whole check runs: the front end
# and the checker (names, units, shapes, the prelude). Targets: under 50 ms (front end, issue 3) and under 100 ms
# with the checker (issue 4); the whole check is held to the stricter 50 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
lines=${1:-10000}
runs=${2:-30}

swift build -c release --static-swift-stdlib --product snnc >/dev/null
bin="$(swift build -c release --static-swift-stdlib --show-bin-path)/snnc"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bench/generate_model.sh "$lines" > "$work/model.snn"
cp Examples/iris.csv "$work/"
echo "model: $(wc -l < "$work/model.snn") lines, $(wc -c < "$work/model.snn") bytes"
if [ -n "$("$bin" check "$work/model.snn")" ]; then echo "the generated model does not check clean:"; "$bin" check "$work/model.snn" | head -20; exit 1; fi

times=()
for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$bin" check "$work/model.snn" >/dev/null
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
ms() { awk -v us="$1" 'BEGIN { printf "%.1f", us / 1000 }'; }
median=${sorted[$(( runs / 2 ))]}
echo "snnc check, $runs runs: min $(ms "${sorted[0]}") ms, median $(ms "$median") ms, max $(ms "${sorted[$(( runs - 1 ))]}") ms"
start=$(date +%s%N); "$bin" --version >/dev/null; end=$(date +%s%N)
echo "process start-up alone (snnc --version): $(ms $(( (end - start) / 1000 ))) ms"
if (( median < 50000 )); then echo "PASS: median under 50 ms"; else echo "FAIL: median over 50 ms"; exit 1; fi
