" indent/snn.vim — indents .snn models: one 'shiftwidth' inside each { ( [ (relative to the line that opened
" it), closers back at the opener's indent, and top-level learn/normalize/on lines continuing a connect.
if exists('b:did_indent')
  finish
endif
let b:did_indent = 1
setlocal autoindent indentexpr=SnnIndent(v:lnum) indentkeys=0},0),0],!^F,o,O,=learn,=normalize,=on
let b:undo_indent = 'setlocal autoindent< indentexpr< indentkeys<'
if exists('*SnnIndent')
  finish
endif

function SnnIndent(lnum) abort
  let skip = 'synIDattr(synID(line("."), col("."), 0), "name") =~? "string\\|comment"'
  call cursor(a:lnum, 1)
  let [oline, ocol] = searchpairpos('[{([]', '', '[})\]]', 'bnW', skip)
  let text = getline(a:lnum)
  if oline > 0
    return indent(oline) + (text =~# '^\s*[})\]]' ? 0 : shiftwidth())
  endif
  return text =~# '^\s*\%(learn\|normalize\|on\)\>' ? shiftwidth() : 0
endfunction
