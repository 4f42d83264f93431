-- nvim_lsp.lua — headless Neovim drives `snnc lsp` through Editors/nvim: it opens $SNN_FILE (a model with
-- errors), waits for the diagnostics, asks for hover, jumps to definitions (in the file and into the prelude)
-- and formats the buffer, then writes what it saw as JSON to $SNN_OUT for NeovimLSPTests to assert.
-- Run as: nvim --headless -u NONE --cmd 'set rtp+=Editors/nvim' -c 'luafile Tests/editors/nvim_lsp.lua'
local out = os.getenv('SNN_OUT')
local results = {}

local function finish()
  vim.fn.writefile({ vim.fn.json_encode(results) }, out)
  vim.cmd('qall!')
end

local ok, failure = pcall(function()
  vim.cmd('filetype on')
  require('snn.lsp').setup({ cmd = { os.getenv('SNN_BIN'), 'lsp', '--debounce', '20' } })
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('SNN_FILE')))
  local buffer = vim.api.nvim_get_current_buf()
  results.filetype = vim.bo.filetype
  results.diagnostics_arrived = vim.wait(20000, function() return #vim.diagnostic.get(buffer) > 0 end, 20)
  results.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buffer)) do
    table.insert(results.diagnostics, { line = d.lnum, col = d.col, code = d.code, message = d.message })
  end
  table.sort(results.diagnostics, function(a, b) return a.line < b.line end)

  local client = vim.lsp.get_active_clients()[1]
  local function at(line, character)
    return { textDocument = vim.lsp.util.make_text_document_params(buffer), position = { line = line, character = character } }
  end
  local function request(method, params)
    local response = client.request_sync(method, params, 10000, buffer)
    if response == nil then return nil, 'no response' end
    return response.result, response.err
  end

  local hover = request('textDocument/hover', at(10, 23))                  -- tau_m in lif(tau_m = 10 ms)
  results.hover = hover and hover.contents and hover.contents.value or ''

  local definition = request('textDocument/definition', at(6, 16))         -- tau in dv/dt = -v / tau
  vim.lsp.util.jump_to_location(definition[1] or definition, 'utf-16')
  results.definition_line = vim.api.nvim_win_get_cursor(0)[1] - 1

  local prelude = request('textDocument/definition', at(10, 18))           -- lif
  vim.lsp.util.jump_to_location(prelude[1] or prelude, 'utf-16')
  results.prelude_file = vim.api.nvim_buf_get_name(0)
  results.prelude_line = vim.api.nvim_get_current_line()
  vim.api.nvim_set_current_buf(buffer)

  local edits, err = request('textDocument/formatting',
    { textDocument = vim.lsp.util.make_text_document_params(buffer), options = { tabSize = 2, insertSpaces = true } })
  results.format_error = err and err.message or ''
  if edits then vim.lsp.util.apply_text_edits(edits, buffer, 'utf-16') end
  results.format_edits = edits and #edits or -1
  results.formatted = table.concat(vim.api.nvim_buf_get_lines(buffer, 0, -1, false), '\n') .. '\n'
end)
if not ok then results.failure = tostring(failure) end
finish()
