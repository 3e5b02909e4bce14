## make test          install what is missing, build, start the local databases, run every
##                    bats suite; the last line is 'N passed, N failed'
##                    (TESTS='tests/sumhash.bats ...' runs some suites only)
TESTS ?=

.PHONY: test test-only
test:
	@scripts/deps
	@$(MAKE) --no-print-directory all
	@scripts/devdb up
	@$(MAKE) --no-print-directory test-only

test-only:
	@B=$(B) scripts/run-tests $(TESTS)
