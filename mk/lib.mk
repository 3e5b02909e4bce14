# The core library: every tools/lib/*.c in one static archive.
LIB_SRCS := $(sort $(wildcard tools/lib/*.c))
LIB_HDRS := $(sort $(wildcard tools/lib/*.h))
LIB_OBJS := $(patsubst %.c,$(B)/obj/%.o,$(LIB_SRCS))
LIB_A := $(B)/libmigkit.a

$(LIB_A): $(LIB_OBJS)
	@mkdir -p $(@D)
	@rm -f $@
	$(QUIET_AR)$(AR) rcs $@ $^

$(B)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(QUIET_CC)$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The compiler's dependency files (-MMD) of the library and the programs, read as one:
# make opens each included file, and a run that builds nothing (make atlas-migrate-diff)
# would spend a millisecond opening eighty of them. $(B)/deps.mk is their concatenation,
# remade (and make restarted) when one of them is newer.
DEP_FILES = $(wildcard $(B)/obj/tools/lib/*.d $(B)/obj/tools/*/*.d)
$(B)/deps.mk: $(DEP_FILES)
	@mkdir -p $(@D)
	@cat $^ /dev/null >$@.tmp && mv $@.tmp $@
-include $(B)/deps.mk
