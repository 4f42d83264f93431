-- Editors/nvim/ftdetect/snn.lua — `.snn` files are of filetype `snn` (Neovim reads ftdetect/*.lua on its runtimepath).
vim.cmd([[autocmd BufRead,BufNewFile *.snn setfiletype snn]])
