#!/usr/bin/env bash
# bench/check_speed.sh [LINES] [RUNS] — wall time of `snnc check` on a generated model (default 10,000 lines),
# release build with the Swift runtime linked statically, as a user runs it. Two figures:
#   - the whole check (front end + checker: names, units, shapes, the prelude); target under 100 ms (issue 4);
#   - the front end alone (lexer, parser, syntax diagnostics); target under 50 ms (issue 3). It is measured on
#     the same model with one syntax error added at the end: the checker does not run on a file with syntax
#     errors, so that run is the front end alone.
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
{ cat "$work/model.snn"; echo "const broken = "; } > "$work/front_end.snn"
echo "model: $(wc -l < "$work/model.snn") lines, $(wc -c < "$work/model.snn") bytes"
if [ -n "$("$bin" check "$work/model.snn")" ]; then
    echo "the generated model does not check clean:"; "$bin" check "$work/model.snn" | head -20; exit 1
fi

ms() { awk -v us="$1" 'BEGIN { printf "%.1f", us / 1000 }'; }
# median_us FILE: the median wall time of `snnc check FILE` over $runs runs, in microseconds; prints min and max.
median_us() {
    local times=() start end
    for _ in $(seq "$runs"); do
        start=$(date +%s%N)
        "$bin" check "$1" >/dev/null || true
        end=$(date +%s%N)
        times+=($(( (end - start) / 1000 )))
    done
    local sorted=($(printf '%s\n' "${times[@]}" | sort -n))
    echo "    min $(ms "${sorted[0]}") ms, max $(ms "${sorted[$(( runs - 1 ))]}") ms" >&2
    echo "${sorted[$(( runs / 2 ))]}"
}

echo "whole check, $runs runs:"
whole=$(median_us "$work/model.snn")
echo "    median $(ms "$whole") ms"
echo "front end alone, $runs runs:"
front=$(median_us "$work/front_end.snn")
echo "    median $(ms "$front") ms"
start=$(date +%s%N); "$bin" --version >/dev/null; end=$(date +%s%N)
echo "process start-up alone (snnc --version): $(ms $(( (end - start) / 1000 ))) ms"
status=0
if (( whole < 100000 )); then echo "PASS: whole check under 100 ms"; else echo "FAIL: whole check over 100 ms"; status=1; fi
if (( front < 50000 )); then echo "PASS: front end under 50 ms"; else echo "FAIL: front end over 50 ms"; status=1; fi
exit $status
