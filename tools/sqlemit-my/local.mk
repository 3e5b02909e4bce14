PROGS += sqlemit-my
sqlemit-my_LIBS = $(JANSSON_LIBS)
