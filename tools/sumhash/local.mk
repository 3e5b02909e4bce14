PROGS += sumhash
sumhash_LIBS = $(CRYPTO_LIBS) $(XXHASH_LIBS)
