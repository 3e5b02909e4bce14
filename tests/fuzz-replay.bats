#!/usr/bin/env bats
# The saved fuzz corpora (tests/fuzz/corpus/{hcl,sqlpg,sqlmy}) through their entry points,
# built without libFuzzer: every input that once crashed, hung or found new code must keep
# meeting the entry point's contract (sql_fuzz.h, hcl_fuzz.c), or the replay aborts.

load helpers

@test "make fuzz-replay: the HCL, PostgreSQL and MySQL corpora meet their contracts" {
	# Under make check-asan the programs come from $(B)/asan: the replay programs must be
	# built the same way to link with that library.
	local san=()
	[[ $BIN == */asan/bin ]] && san=(SANITIZE=1 "OPT=-O1 -g")
	run_split make --no-print-directory -C "$ROOT" B="${BIN%/bin}" "${san[@]}" fuzz-replay
	[ "$status" -eq 0 ] || fail "status $status: $out $err"
	local t
	for t in hcl sqlpg sqlmy; do
		[[ $out == *"$t: replay: "[1-9]*" inputs"* ]] || fail "$t not replayed: $out"
	done
}
