PROGS += migdiff
# Linked statically (Debian's -dev packages ship the .a files): a no-change `make
# atlas-migrate-diff` is mostly process start, and the dynamic loader with its shared
# libraries cost 1.1 ms of 3.3 (perf stat). It talks to no database and resolves no names,
# so static glibc lacks nothing it uses. The sanitizers need the shared runtime.
migdiff_LIBS = -l:libjansson.a -l:libpg_query.a -l:libxxhash.a -l:libcrypto.a
ifneq ($(SANITIZE),1)
migdiff_LDFLAGS = -static
endif
