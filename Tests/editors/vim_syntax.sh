#!/usr/bin/env bash
# vim_syntax.sh — checks Editors/vim/syntax/snn.vim and indent/snn.vim in headless Vim: each sample token must
# get the expected syntax group, and `gg=G` must indent a flattened model by braces. Needs no snnc binary.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
if ! command -v vim >/dev/null; then
  if [[ $(id -u) == 0 && -n ${CI:-} ]]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq vim-nox) >/dev/null
  else
    echo "SKIP: vim_syntax.sh needs vim (installed only as root with CI set)"; exit 0
  fi
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/model.snn" <<'SNN'
model m
neuron cuba extends lif {
param tau = 20 ms  # c
dv/dt = -v / tau   #[ a #[ b ]# c ]# spike when v > 1 mV
reset v = 0 mV
}
dataset iris = csv("a\"b", normalize = minmax)
connect a -> b: all_to_all on spike { v += w * 1.5e-3 mV/ms }
learn stdp
split iris: train 80%, test 20%
train on iris.train, epochs = 3 { reward +1 when x > 0 else -1 }
SNN
# Each check: LINE|TEXT|GROUP — the first occurrence of TEXT on LINE must be in syntax group GROUP.
cat > "$tmp/expect.txt" <<'EXP'
1|model|snnDeclare
2|cuba|snnTypeName
2|lif|snnBaseName
3|tau|snnVarName
3|20|snnNumber
3|ms|snnUnit
3|#|snnComment
4|dv/dt|snnDerivative
4|#[|snnBlockComment
4|c ]#|snnBlockComment
4|spike|snnContextual
4|when|snnConditional
4|mV|snnUnit
5|reset|snnContextual
7|iris|snnBoundName
7|"|snnString
7|\"|snnEscape
8|->|snnOperator
8|on spike|snnConditional
8|spike|snnContextual
8|1.5e-3|snnNumber
8|mV/ms|snnUnit
10|%|snnPercent
11|train|snnStatement
11|.train|snnMember
11|reward|snnContextual
11|when|snnConditional
EXP
cat > "$tmp/run.vim" <<'VIM'
let &runtimepath = $SNN_RTP . ',' . &runtimepath
filetype plugin indent on
syntax on
edit $SNN_FILE
let out = []
let v:errmsg = ''
for [lnum, text, group] in map(readfile($SNN_EXPECT), 'split(v:val, "|")')
  let col = stridx(getline(lnum), text) + 1
  let got = col > 0 ? synIDattr(synID(lnum, col, 1), 'name') : 'text not found'
  if got !=# group
    call add(out, printf('line %s %s: expected %s, got %s', lnum, text, group, got))
  endif
endfor
setlocal shiftwidth=2 expandtab
normal! gg=G
for [lnum, want] in [[3, 2], [4, 2], [5, 2], [6, 0], [7, 0], [9, 2], [10, 0]]
  if indent(lnum) != want
    call add(out, printf('line %d indented %d, expected %d', lnum, indent(lnum), want))
  endif
endfor
call writefile(['done'] + out + (v:errmsg ==# '' ? [] : ['Vim error: ' . v:errmsg]), $SNN_OUT)
qa!
VIM
SNN_RTP="$root/Editors/vim" SNN_FILE="$tmp/model.snn" SNN_EXPECT="$tmp/expect.txt" SNN_OUT="$tmp/out.txt" \
  timeout 30 vim -N -u NONE -i NONE -Es -S "$tmp/run.vim" </dev/null >"$tmp/vim.log" 2>&1 || true
[[ -s $tmp/out.txt ]] || { echo "FAIL: vim wrote no result"; cat "$tmp/vim.log"; exit 1; }
if (( $(wc -l < "$tmp/out.txt") > 1 )); then sed '1d; s/^/FAIL: /' "$tmp/out.txt"; exit 1; fi
echo "vim_syntax: $(wc -l < "$tmp/expect.txt") tokens highlighted and 7 lines indented as expected"
