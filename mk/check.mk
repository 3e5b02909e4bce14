## make check-asan    the whole test suite with ASan+UBSan (build in $(B)/asan)
## make check-style   clang-format over tools/ (fails on any difference)
## make check-headers every header compiles on its own
ASAN_ENV := ASAN_OPTIONS=abort_on_error=1:detect_leaks=1:halt_on_error=1 \
	UBSAN_OPTIONS=abort_on_error=1:halt_on_error=1:print_stacktrace=1

.PHONY: check-asan check-style check-headers style
check-asan:
	@scripts/deps
	@$(MAKE) --no-print-directory all B=$(B)/asan SANITIZE=1 OPT='-O1 -g'
	@scripts/devdb up
	@$(ASAN_ENV) $(MAKE) --no-print-directory test-only B=$(B)/asan
	@$(ASAN_ENV) $(MAKE) --no-print-directory fuzz-replay B=$(B)/asan SANITIZE=1 OPT='-O1 -g'

STYLE_SRCS = $(sort $(wildcard tools/*/*.c tools/*/*.h))
check-style:
	clang-format --dry-run --Werror $(STYLE_SRCS)

style:
	clang-format -i $(STYLE_SRCS)

check-headers: $(patsubst tools/lib/%.h,$(B)/hdr/%.ok,$(LIB_HDRS))

$(B)/hdr/%.ok: tools/lib/%.h
	@mkdir -p $(@D)
	echo '#include "$*.h"' | $(CC) $(ALL_CFLAGS) -MF /dev/null -fsyntax-only -x c -
	@touch $@
