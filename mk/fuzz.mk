## make fuzz          libFuzzer (clang) on the HCL parser for FUZZ_SECONDS (default 60) from
##                    tests/fuzz/corpus/hcl; new inputs go to $(B)/fuzz/new, crashes to
##                    $(B)/fuzz/crash-* (copy a minimised one into the corpus to keep it);
##                    FUZZ_ARGS='-fork=1 -ignore_crashes=1' goes on past crashes
## make fuzz-replay   replay the saved corpus through the entry point with $(CC) and the
##                    current SANITIZE setting, no libFuzzer (check-asan runs it with ASan)
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_MAX_LEN ?= 65536
FUZZ_ARGS ?=
FUZZ_CORPUS := tests/fuzz/corpus/hcl
FUZZ_DIR := $(B)/fuzz

# Only the modules the parser needs, compiled again with clang: gcc's objects carry no
# coverage counters. A new dependency of hcl_parse shows as an undefined symbol here.
FUZZ_HCL_SRCS := tools/lib/arena.c tools/lib/buf.c tools/lib/diag.c tools/lib/hcl_lex.c \
	tools/lib/hcl_parse.c tests/fuzz/hcl_fuzz.c
FUZZ_HCL_OBJS := $(patsubst %.c,$(FUZZ_DIR)/obj/%.o,$(FUZZ_HCL_SRCS))
FUZZ_SAN := -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
FUZZ_CFLAGS = -std=c17 -D_GNU_SOURCE $(WARNINGS) -MMD -MP -Itools/lib -O1 -g \
	-fno-omit-frame-pointer $(FUZZ_SAN)
FUZZ_ENV := ASAN_OPTIONS=abort_on_error=1:detect_leaks=1 \
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1

$(FUZZ_DIR)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(QUIET_CC)$(FUZZ_CC) $(FUZZ_CFLAGS) -c -o $@ $<

$(FUZZ_DIR)/hcl_fuzz: $(FUZZ_HCL_OBJS)
	$(QUIET_LINK)$(FUZZ_CC) $(FUZZ_SAN) -o $@ $^ -lm

-include $(FUZZ_HCL_OBJS:.o=.d)

# libFuzzer writes new inputs into its first corpus directory, so the scratch one comes
# first and the saved corpus is only read. Its crash-* reproducers stay out: they would end
# the run at start-up until the bug is fixed, and fuzz-replay (check-asan) keeps them red.
FUZZ_SEEDS = $(filter-out $(FUZZ_CORPUS)/crash-%,$(wildcard $(FUZZ_CORPUS)/*))

.PHONY: fuzz fuzz-replay
fuzz: $(FUZZ_DIR)/hcl_fuzz
	@rm -rf $(FUZZ_DIR)/seed
	@mkdir -p $(FUZZ_DIR)/new $(FUZZ_DIR)/seed
	@cp $(FUZZ_SEEDS) $(FUZZ_DIR)/seed/
	$(FUZZ_ENV) $(FUZZ_DIR)/hcl_fuzz -max_len=$(FUZZ_MAX_LEN) \
		-max_total_time=$(FUZZ_SECONDS) -timeout=10 -print_final_stats=1 \
		-artifact_prefix=$(FUZZ_DIR)/ $(FUZZ_ARGS) $(FUZZ_DIR)/new $(FUZZ_DIR)/seed

# The replay program is built like the other programs ($(CC), $(ALL_CFLAGS), SANITIZE).
FUZZ_REPLAY := $(B)/fuzz-replay/hcl_replay
FUZZ_REPLAY_OBJS := $(B)/obj/tests/fuzz/hcl_fuzz.o $(B)/obj/tests/fuzz/replay.o

$(FUZZ_REPLAY): $(FUZZ_REPLAY_OBJS) $(LIB_A)
	@mkdir -p $(@D)
	$(QUIET_LINK)$(CC) $(LDFLAGS) -o $@ $(FUZZ_REPLAY_OBJS) $(LIB_A) -lm

-include $(FUZZ_REPLAY_OBJS:.o=.d)

fuzz-replay: $(FUZZ_REPLAY)
	$(FUZZ_REPLAY) $(FUZZ_CORPUS)
