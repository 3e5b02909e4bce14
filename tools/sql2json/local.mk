PROGS += sql2json
sql2json_LIBS = $(JANSSON_LIBS) $(PGQUERY_LIBS)
