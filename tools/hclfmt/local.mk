PROGS += hclfmt
