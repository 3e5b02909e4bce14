# Programs: each tools/<prog>/local.mk only declares data:
#   PROGS += prog
#   prog_LIBS = $(CRYPTO_LIBS) ...      libraries beyond the core library
#   prog_SRCS = tools/prog/main.c ...   (optional; default tools/prog/*.c)
PROGS :=
include $(sort $(wildcard tools/*/local.mk))

BIN := $(B)/bin
PROG_BINS := $(addprefix $(BIN)/,$(PROGS))

define prog_rules
$(1)_SRCS ?= $$(sort $$(wildcard tools/$(1)/*.c))
$(1)_OBJS := $$(patsubst %.c,$(B)/obj/%.o,$$($(1)_SRCS))
$(BIN)/$(1): $$($(1)_OBJS) $(LIB_A)
	@mkdir -p $$(@D)
	$$(QUIET_LINK)$$(CC) $$(LDFLAGS) $$($(1)_LDFLAGS) -o $$@ $$($(1)_OBJS) $(LIB_A) $$($(1)_LIBS) -lm
endef
$(foreach p,$(PROGS),$(eval $(call prog_rules,$(p))))

.PHONY: $(PROGS)
$(PROGS): %: $(BIN)/%
