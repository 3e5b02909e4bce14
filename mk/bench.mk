## make bench         benchmarks against peers and the physical limit (not tests; prints numbers)
.PHONY: bench
bench: $(PROG_BINS)
	@B=$(B) scripts/bench-sumhash
	@B=$(B) scripts/bench-hcl2json
	@B=$(B) scripts/bench-diff
	@scripts/devdb up
	@B=$(B) scripts/bench-migapply
	@B=$(B) scripts/bench-migrate-diff
