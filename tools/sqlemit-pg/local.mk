PROGS += sqlemit-pg
sqlemit-pg_LIBS = $(JANSSON_LIBS)
