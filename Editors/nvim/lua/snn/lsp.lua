-- Editors/nvim/lua/snn/lsp.lua — `snnc lsp` in Neovim's built-in LSP client (Neovim 0.7 or later, no plugins):
-- diagnostics as you type, hover (K), go to definition (into the prelude), references, rename, completion
-- (omnifunc, <C-x><C-o>), signature help, the outline and formatting. In init.lua:
--   vim.opt.runtimepath:append('/path/to/snnc/Editors/nvim')
--   require('snn.lsp').setup()                     -- or setup({ cmd = { '/path/to/snnc', 'lsp' } })
local M = {}

local client_id = nil

--- Starts the server once and attaches it to every `snn` buffer.
function M.setup(opts)
  opts = opts or {}
  local cmd = opts.cmd or { 'snnc', 'lsp' }
  vim.api.nvim_create_autocmd('FileType', {
    pattern = 'snn',
    callback = function(args)
      if client_id == nil or vim.lsp.get_client_by_id(client_id) == nil then
        client_id = vim.lsp.start_client({
          name = 'snnc',
          cmd = cmd,
          root_dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(args.buf), ':p:h'),
          on_attach = opts.on_attach,
        })
      end
      if client_id then
        vim.lsp.buf_attach_client(args.buf, client_id)
        vim.bo[args.buf].omnifunc = 'v:lua.vim.lsp.omnifunc'
      end
    end,
  })
end

return M
