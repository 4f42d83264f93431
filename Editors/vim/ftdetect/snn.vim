" ftdetect/snn.vim — *.snn files are snnc spiking-neural-network models (filetype snn).
autocmd BufRead,BufNewFile *.snn set filetype=snn
