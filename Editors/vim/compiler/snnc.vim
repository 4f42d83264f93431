" compiler/snnc.vim — :make runs `snnc check --format gcc %` and reads its `file:LINE:COL: error: msg [E0102]`
" lines. snnc counts columns in characters, Vim in bytes: after :make the columns are converted.
if exists('current_compiler')
  finish
endif
let current_compiler = 'snnc'
if exists(':CompilerSet') != 2
  command -nargs=* CompilerSet setlocal <args>
endif
let s:cpo_save = &cpo
set cpo&vim

CompilerSet makeprg=snnc\ check\ --format\ gcc\ %
CompilerSet errorformat=%f:%l:%c:\ %trror:\ %m,%f:%l:%c:\ %tarning:\ %m,%f:%l:%c:\ %tote:\ %m,%-G%.%#

" Character columns to byte columns, for the list :make or :lmake just filled when snnc was the compiler.
function! s:ByteColumns(loclist) abort
  if get(b:, 'current_compiler', get(g:, 'current_compiler', '')) !=# 'snnc'
    return
  endif
  let items = a:loclist ? getloclist(0) : getqflist()
  for e in items
    if e.valid && e.col > 0 && !e.vcol && e.bufnr > 0
      let text = bufloaded(e.bufnr) ? get(getbufline(e.bufnr, e.lnum), 0, '')
            \ : get(readfile(bufname(e.bufnr), '', e.lnum), e.lnum - 1, '')
      let byte = byteidxcomp(text, e.col - 1)
      let e.col = byte >= 0 ? byte + 1 : e.col
    endif
  endfor
  if a:loclist
    call setloclist(0, [], 'r', {'items': items})
  else
    call setqflist([], 'r', {'items': items})
  endif
endfunction

augroup snnc_columns
  autocmd!
  autocmd QuickFixCmdPost make call s:ByteColumns(0)
  autocmd QuickFixCmdPost lmake call s:ByteColumns(1)
augroup END

let &cpo = s:cpo_save
unlet s:cpo_save
