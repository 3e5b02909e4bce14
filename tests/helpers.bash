# Shared by every suite: bats-support/bats-assert, where the programs and the corpus are,
# and the golden-case runner.
load '/usr/lib/bats/bats-support/load'
load '/usr/lib/bats/bats-assert/load'

ROOT=${MIGKIT_ROOT:-$(cd "$BATS_TEST_DIRNAME/.." && pwd)}
BIN=${MIGKIT_BIN:-$ROOT/build/bin}
CORPUS=$ROOT/../shared/corpus/go-crypto-wallet
export PATH="$BIN:$PATH"

# refute_signal: the last `run` did not die by a signal (ASan aborts, segfaults).
refute_signal() {
	if [ "$status" -ge 128 ]; then
		fail "killed by signal $((status - 128)): $output"
	fi
}

# run_split PROG ARGS...: runs the program with stdout and stderr kept apart, into
# $status, $out and $err (files in the test's temporary folder).
run_split() {
	local o="$BATS_TEST_TMPDIR/stdout" e="$BATS_TEST_TMPDIR/stderr"
	status=0
	"$@" >"$o" 2>"$e" || status=$?
	out=$(cat "$o")
	err=$(cat "$e")
	refute_signal
}

# golden PROG CASEDIR: runs PROG with the words of CASEDIR/args from inside CASEDIR and
# compares stdout, stderr and the exit status byte for byte with expected.out,
# expected.err (absent means empty) and expected.rc (absent means 0).
golden() {
	local prog=$1 dir=$2 rc_want=0 args
	read -r -a args <"$dir/args"
	[ -f "$dir/expected.rc" ] && rc_want=$(cat "$dir/expected.rc")
	status=0
	(cd "$dir" && "$prog" "${args[@]}") >"$BATS_TEST_TMPDIR/out" 2>"$BATS_TEST_TMPDIR/err" ||
		status=$?
	refute_signal
	if [ -f "$dir/expected.out" ]; then
		diff -u "$dir/expected.out" "$BATS_TEST_TMPDIR/out" || fail "stdout differs"
	fi
	if [ -f "$dir/expected.err" ]; then
		diff -u "$dir/expected.err" "$BATS_TEST_TMPDIR/err" || fail "stderr differs"
	else
		diff -u /dev/null "$BATS_TEST_TMPDIR/err" || fail "unexpected stderr"
	fi
	[ "$status" -eq "$rc_want" ] || fail "exit status $status, want $rc_want"
}
