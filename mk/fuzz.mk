## make fuzz          libFuzzer (clang) on one entry point for FUZZ_SECONDS (default 60):
##                    FUZZ_TARGET=hcl (the HCL parser, the default), sqlpg or sqlmy (a
##                    migration file split and replayed offline, PostgreSQL or MySQL), seeded
##                    from tests/fuzz/corpus/$(FUZZ_TARGET) (inputs fuzzing found) and, for
##                    the SQL ones, the project's migrations and test files; new inputs go to
##                    $(B)/fuzz/new-$(FUZZ_TARGET), crashes to $(B)/fuzz/crash-* (copy a
##                    minimised one into the corpus to keep it);
##                    FUZZ_ARGS='-fork=1 -ignore_crashes=1' goes on past crashes
## make fuzz-replay   replay every saved corpus through its entry point with $(CC) and the
##                    current SANITIZE setting, no libFuzzer (check-asan runs it with ASan)
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_MAX_LEN ?= 65536
FUZZ_ARGS ?=
FUZZ_TARGET ?= hcl
FUZZ_TARGETS := hcl sqlpg sqlmy
FUZZ_DIR := $(B)/fuzz

# The modules each entry point needs, compiled again with clang: gcc's objects carry no
# coverage counters. The HCL parser needs only the basics; the replay needs the library
# without the database drivers (and links the libraries the programs link).
FUZZ_hcl_SRCS := tools/lib/arena.c tools/lib/buf.c tools/lib/diag.c tools/lib/hcl_lex.c \
	tools/lib/hcl_parse.c
FUZZ_SQL_SRCS := $(filter-out tools/lib/db% tools/lib/inspect% tools/lib/migrate.c,$(LIB_SRCS))
FUZZ_sqlpg_SRCS := $(FUZZ_SQL_SRCS)
FUZZ_sqlmy_SRCS := $(FUZZ_SQL_SRCS)
# The seeds beyond the saved corpus: the SQL the project already has.
FUZZ_hcl_SEEDS :=
FUZZ_sqlpg_SEEDS = $(wildcard migrations/postgres/*/*.sql tests/sql2json/*.sql tests/db2json/*.sql)
FUZZ_sqlmy_SEEDS = $(wildcard migrations/mysql/*/*.sql tests/replay-my/*.sql tests/db2json-my/*.sql)
FUZZ_hcl_LIBS :=
FUZZ_sqlpg_LIBS = $(JANSSON_LIBS) $(PGQUERY_LIBS) $(CRYPTO_LIBS) $(XXHASH_LIBS)
FUZZ_sqlmy_LIBS = $(FUZZ_sqlpg_LIBS)

FUZZ_SAN := -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
FUZZ_CFLAGS = -std=c17 -D_GNU_SOURCE $(WARNINGS) -MMD -MP -Itools/lib -O1 -g \
	-fno-omit-frame-pointer $(PQ_CFLAGS) $(MARIADB_CFLAGS) $(PGQUERY_CFLAGS) $(FUZZ_SAN)
FUZZ_ENV := ASAN_OPTIONS=abort_on_error=1:detect_leaks=1 \
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1

$(FUZZ_DIR)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(QUIET_CC)$(FUZZ_CC) $(FUZZ_CFLAGS) -c -o $@ $<

# Their dependency files are read only when a fuzz target is asked for: every other make run
# (a no-change atlas-migrate-diff, say) would open them for nothing.
FUZZ_GOALS := $(filter fuzz fuzz-replay,$(MAKECMDGOALS))

# fuzz_rules T: the libFuzzer binary of entry point T and the replay program of its corpus.
# The replay program is built like the other programs ($(CC), $(ALL_CFLAGS), SANITIZE).
define fuzz_rules
FUZZ_$(1)_OBJS := $$(patsubst %.c,$(FUZZ_DIR)/obj/%.o,$$(FUZZ_$(1)_SRCS) tests/fuzz/$(1)_fuzz.c)
$(FUZZ_DIR)/$(1)_fuzz: $$(FUZZ_$(1)_OBJS)
	$$(QUIET_LINK)$$(FUZZ_CC) $$(FUZZ_SAN) -o $$@ $$^ $$(FUZZ_$(1)_LIBS) -lm
$$(if $$(FUZZ_GOALS),$$(eval -include $$(FUZZ_$(1)_OBJS:.o=.d)))

FUZZ_REPLAY_$(1)_OBJS := $(B)/obj/tests/fuzz/$(1)_fuzz.o $(B)/obj/tests/fuzz/replay.o
$(B)/fuzz-replay/$(1)_replay: $$(FUZZ_REPLAY_$(1)_OBJS) $(LIB_A)
	@mkdir -p $$(@D)
	$$(QUIET_LINK)$$(CC) $$(LDFLAGS) -o $$@ $$(FUZZ_REPLAY_$(1)_OBJS) $(LIB_A) \
		$$(FUZZ_$(1)_LIBS) -lm
$$(if $$(FUZZ_GOALS),$$(eval -include $$(FUZZ_REPLAY_$(1)_OBJS:.o=.d)))
endef
$(foreach t,$(FUZZ_TARGETS),$(eval $(call fuzz_rules,$(t))))

# libFuzzer writes new inputs into its first corpus directory, so the scratch one comes
# first and the saved corpus is only read. Its crash-* reproducers stay out: they would end
# the run at start-up until the bug is fixed, and fuzz-replay (check-asan) keeps them red.
FUZZ_CORPUS = tests/fuzz/corpus/$(FUZZ_TARGET)
FUZZ_SEEDS = $(filter-out $(FUZZ_CORPUS)/crash-%,$(wildcard $(FUZZ_CORPUS)/*)) \
	$(FUZZ_$(FUZZ_TARGET)_SEEDS)

.PHONY: fuzz fuzz-replay _fuzz-target
_fuzz-target:
	@case ' $(FUZZ_TARGETS) ' in *' $(FUZZ_TARGET) '*) ;; \
	*) echo "make: FUZZ_TARGET must be one of $(FUZZ_TARGETS), not '$(FUZZ_TARGET)'" >&2; exit 2 ;; esac

fuzz: _fuzz-target $(FUZZ_DIR)/$(FUZZ_TARGET)_fuzz
	@rm -rf $(FUZZ_DIR)/seed-$(FUZZ_TARGET)
	@mkdir -p $(FUZZ_DIR)/new-$(FUZZ_TARGET) $(FUZZ_DIR)/seed-$(FUZZ_TARGET)
	@n=0; for f in $(FUZZ_SEEDS); do \
		n=$$((n + 1)); cp "$$f" $(FUZZ_DIR)/seed-$(FUZZ_TARGET)/$$n-$${f##*/}; done
	$(FUZZ_ENV) $(FUZZ_DIR)/$(FUZZ_TARGET)_fuzz -max_len=$(FUZZ_MAX_LEN) \
		-max_total_time=$(FUZZ_SECONDS) -timeout=10 -print_final_stats=1 \
		-artifact_prefix=$(FUZZ_DIR)/ $(FUZZ_ARGS) $(FUZZ_DIR)/new-$(FUZZ_TARGET) \
		$(FUZZ_DIR)/seed-$(FUZZ_TARGET)

# What fuzz-replay feeds entry point T: its saved corpus and its seeds.
fuzz_inputs = $(wildcard tests/fuzz/corpus/$(1)/*) $(FUZZ_$(1)_SEEDS)

fuzz-replay: $(foreach t,$(FUZZ_TARGETS),$(B)/fuzz-replay/$(t)_replay)
	@printf 'hcl: '; $(B)/fuzz-replay/hcl_replay $(call fuzz_inputs,hcl)
	@printf 'sqlpg: '; $(B)/fuzz-replay/sqlpg_replay $(call fuzz_inputs,sqlpg)
	@printf 'sqlmy: '; $(B)/fuzz-replay/sqlmy_replay $(call fuzz_inputs,sqlmy)
