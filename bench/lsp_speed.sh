#!/usr/bin/env bash
# bench/lsp_speed.sh [LINES] [EDITS] — speed and memory of `snnc lsp` (release build) on a generated model of
# about LINES lines (default 1,000), driven by bench/lsp_bench.py over the real protocol:
#   - diagnostics published after a change: target within 30 ms, measured without the debounce (--debounce 0)
#     and with the default 75 ms debounce (that figure includes the wait);
#   - hover and completion: target within 10 ms per request;
#   - resident memory over EDITS edits (default 10,000), each waited for until its diagnostics are published:
#     target flat.
# Usage: bench/lsp_speed.sh, or SNNC_BUILD_PATH=.build-mine bench/lsp_speed.sh 1000 10000
set -euo pipefail
cd "$(dirname "$0")/.."
lines=${1:-1000}
edits=${2:-10000}

# SNNC_BUILD_PATH: a build folder of your own (swift build --scratch-path), if not .build.
build=(swift build -c release ${SNNC_BUILD_PATH:+--scratch-path "$SNNC_BUILD_PATH"})
"${build[@]}" --product snnc >/dev/null
bin="$("${build[@]}" --show-bin-path)/snnc"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bench/generate_model.sh "$lines" > "$work/model.snn"
cp Examples/iris.csv "$work/"
echo "model: $(wc -l < "$work/model.snn") lines, $(wc -c < "$work/model.snn") bytes; $edits edits"
python3 bench/lsp_bench.py "$bin" "$work/model.snn" "$edits"
