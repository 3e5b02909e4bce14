PROGS += pgexpr-norm
pgexpr-norm_LIBS = $(PGQUERY_LIBS) $(JANSSON_LIBS)
