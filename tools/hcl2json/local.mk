PROGS += hcl2json
hcl2json_LIBS = $(JANSSON_LIBS)
