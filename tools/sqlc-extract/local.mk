PROGS += sqlc-extract
sqlc-extract_LIBS = $(JANSSON_LIBS) $(PGQUERY_LIBS)
