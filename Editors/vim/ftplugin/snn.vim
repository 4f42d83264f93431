" ftplugin/snn.vim — buffer settings for .snn models: '#' comments, and :make runs snnc (compiler snnc).
if exists('b:did_ftplugin')
  finish
endif
let b:did_ftplugin = 1

setlocal commentstring=#\ %s
setlocal comments=:##,:#
setlocal formatoptions-=t formatoptions+=croql
compiler snnc

let b:undo_ftplugin = 'setlocal commentstring< comments< formatoptions< makeprg< errorformat< | unlet! b:current_compiler'
