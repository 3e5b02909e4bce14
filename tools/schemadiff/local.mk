PROGS += schemadiff
schemadiff_LIBS = $(JANSSON_LIBS) $(PGQUERY_LIBS)
