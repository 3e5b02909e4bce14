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

-include $(LIB_OBJS:.o=.d)
