" Editors/vim/lsp.vim — `snnc lsp` in Vim through vim-lsp or ALE (whichever is installed): diagnostics as you
" type, hover, definitions, references, rename, completion and formatting. Source it from ~/.vimrc after the
" plugins are loaded:   source /path/to/snnc/Editors/vim/lsp.vim
" Set g:snnc_program first to use another snnc binary.
let s:snnc = get(g:, 'snnc_program', 'snnc')

" vim-lsp (https://github.com/prabirshrestha/vim-lsp): :LspHover, :LspDefinition, :LspReferences, :LspRename,
" :LspDocumentFormat, omnifunc completion.
augroup snnc_lsp
  autocmd!
  autocmd User lsp_setup call lsp#register_server({
        \ 'name': 'snnc',
        \ 'cmd': {server_info -> [s:snnc, 'lsp']},
        \ 'allowlist': ['snn'],
        \ })
  autocmd FileType snn if exists('*lsp#enable') | setlocal omnifunc=lsp#complete | endif
augroup END

" ALE (https://github.com/dense-analysis/ale): the linter `snnc` for filetype snn (:ALEHover, :ALEGoToDefinition,
" :ALEFindReferences, :ALERename, ALE completion).
if exists('*ale#linter#Define')
  call ale#linter#Define('snn', {
        \ 'name': 'snnc',
        \ 'lsp': 'stdio',
        \ 'executable': s:snnc,
        \ 'command': '%e lsp',
        \ 'project_root': {buffer -> fnamemodify(bufname(buffer), ':p:h')},
        \ })
endif
