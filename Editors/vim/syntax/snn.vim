" syntax/snn.vim — highlighting for .snn models (snnc): comments (# ## #[ ]#, nesting), strings and escapes,
" numbers and their units, derivatives (dv/dt), reserved and contextual keywords, declared names, operators.
if exists('b:current_syntax')
  finish
endif
let s:cpo_save = &cpo
set cpo&vim

syn case match
syn iskeyword @,48-57,_,181,192-255

" Reserved keywords (Grammar/snn.ebnf); declaring ones are followed by the name they declare.
syn keyword snnDeclare model nextgroup=snnModelName skipwhite
syn keyword snnDeclare neuron rule nextgroup=snnTypeName skipwhite
syn keyword snnDeclare population input dataset nextgroup=snnBoundName skipwhite
syn keyword snnDeclare extends nextgroup=snnBaseName skipwhite
syn keyword snnDeclare param state let const nextgroup=snnVarName skipwhite
syn keyword snnDeclare connect learn normalize split
syn keyword snnStatement train evaluate simulate record save load assign
syn keyword snnConditional if else when while on
syn keyword snnKeyword with of to from by
syn keyword snnLogical and or not
syn keyword snnBoolean true false
syn match snnModelName contained "\k\+"
syn match snnTypeName contained "\%(\d\)\@!\k\+"
syn match snnBoundName contained "\%(\d\)\@!\k\+\ze\s*=\%(=\)\@!"
syn match snnBaseName contained "\%(\d\)\@!\k\+"
syn match snnVarName contained "\%(\d\)\@!\k\+"

" Contextual keywords, only where the grammar gives them meaning.
syn match snnContextual "\<spike\ze\s\+when\>"
syn match snnContextual "\%(^\|[{;,]\)\s*\zs\%(reset\|refractory\|present\|rest\|reward\|freeze\|synaptic\|pre\|post\)\>\ze\s\+\%([^ \t=+\-*/]\|[+-]=\@!\)"
syn match snnContextual "^\s*\zsmethod\ze\s*=\%(=\)\@!"
syn match snnContextual "\%(\<on\s\+\)\@<=\%(pre\|post\|reward\|spike\)\>"
syn match snnContextual "\%(\<normalize\s\+\)\@<=\%(incoming\|outgoing\)\>"
syn match snnContextual "\%(\<assign\s\+\)\@<=labels\>"
syn match snnContextual "\<boost\ze\s\+\k\+\s\+rate\>"
syn match snnContextual "\%(\<boost\s\+\k\+\s\+\)\@<=rate\>"

" NUMBER [UNIT]: the unit is on the same line and never a reserved keyword; 80% is a quantity too.
syn match snnNumber "\<\d[0-9_]*\%(\.\d[0-9_]*\)\=\%([eE][-+]\=\d\+\)\=" nextgroup=snnUnit,snnPercent skipwhite
syn match snnPercent contained "%"
syn match snnUnit contained "\%(\<\%(model\|neuron\|rule\|extends\|param\|state\|let\|const\|population\|input\|connect\|learn\|normalize\|dataset\|split\|train\|evaluate\|simulate\|record\|save\|load\|assign\|on\|with\|of\|to\|from\|by\|when\|while\|if\|else\|and\|or\|not\|true\|false\)\>\)\@!\%(\d\)\@!\k\+\%(\^-\=\d\+\)\=\%([/*]\%(\d\)\@!\k\+\%(\^-\=\d\+\)\=\)*"
syn match snnDerivative "\<d\%(\d\)\@!\k\+/dt\>"

syn match snnOperator "->\|[-+*/]=\|[=!<>]=\|\.\.\|[-+*/^<>=]"
" After ".", any label is a member name, keywords included (iris.train).
syn match snnMember "\.\@<!\.\%(\d\)\@!\k\+"
syn match snnBadChar "[$@?~`'\\&|]\|!=\@!"

syn region snnString start=+"+ skip=+\\\\\|\\"+ end=+"+ end=+$+ oneline contains=snnEscape,snnBadEscape
syn match snnBadEscape contained +\\.+
syn match snnEscape contained +\\\%([ntr"\\0]\|u{\x\{1,8}}\)+

syn keyword snnTodo contained TODO FIXME XXX NOTE
syn match snnComment "#.*$" contains=snnTodo,@Spell
syn region snnBlockComment start="#\[" end="\]#" contains=snnBlockComment,snnTodo,@Spell
syn match snnDocComment "##.*$" contains=snnTodo,@Spell

hi def link snnDeclare Keyword
hi def link snnStatement Statement
hi def link snnConditional Conditional
hi def link snnKeyword Keyword
hi def link snnLogical Operator
hi def link snnBoolean Boolean
hi def link snnModelName Identifier
hi def link snnTypeName Type
hi def link snnBoundName Type
hi def link snnBaseName Type
hi def link snnVarName Identifier
hi def link snnContextual Keyword
hi def link snnNumber Number
hi def link snnUnit Special
hi def link snnPercent Special
hi def link snnDerivative Function
hi def link snnOperator Operator
hi def link snnBadChar Error
hi def link snnString String
hi def link snnEscape SpecialChar
hi def link snnBadEscape Error
hi def link snnTodo Todo
hi def link snnComment Comment
hi def link snnBlockComment Comment
hi def link snnDocComment SpecialComment

let b:current_syntax = 'snn'
let &cpo = s:cpo_save
unlet s:cpo_save
