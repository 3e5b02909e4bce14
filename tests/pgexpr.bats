#!/usr/bin/env bats
# pgexpr: the postgres dialect profile prints expressions exactly as PostgreSQL does.
#
# Every case of pgexpr/cases.tsv is checked twice: pgexpr-norm prints the expected text, and a
# real PostgreSQL server (the devdb one, 127.0.0.1:5432; see scripts/devdb) prints the same
# text from its catalog for the same DDL. pgexpr/errors.tsv pins the failures, message and
# caret, and records whether the server accepts the DDL (a form left out of the profile) or
# rejects it too. The server tests fail, never skip, when the server is not reachable.

load helpers

CASES=$BATS_TEST_DIRNAME/pgexpr/cases.tsv
ERRORS=$BATS_TEST_DIRNAME/pgexpr/errors.tsv
DB=pgexpr_test

PG=(psql -X -q -A -t -v ON_ERROR_STOP=0 -h "${PG_HOST:-127.0.0.1}" -p "${PG_PORT:-5432}"
	-U "${PG_USER:-postgres}")
export PGPASSWORD=${PG_PASSWORD:-postgres} PGCONNECT_TIMEOUT=5

setup_file() {
	# Failures here show up in the server tests, which check the connection themselves.
	"${PG[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" \
		>/dev/null 2>&1 || true
}

teardown_file() {
	"${PG[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
}

# pg_ready: the scratch database answers, or the test fails saying how to start the server.
pg_ready() {
	"${PG[@]}" -d "$DB" -c 'SELECT 1' >/dev/null 2>&1 ||
		fail "PostgreSQL is not reachable at ${PG_HOST:-127.0.0.1}:${PG_PORT:-5432} (database $DB): run scripts/devdb up"
}

# read_cases FILE: the data lines of a case file into the array LINES.
read_cases() {
	mapfile -t LINES < <(grep -v -e '^#' -e '^$' "$1")
}

# norm KIND COLUMNS EXPR: runs pgexpr-norm for one case (run_split: $status, $out, $err).
norm() {
	local kind=$1 cols=$2 expr=$3 args=() defs d
	case $kind in
	default) run_split pgexpr-norm default "$cols" "$expr" ;;
	type) run_split pgexpr-norm type "$expr" ;;
	*)
		IFS=';' read -r -a defs <<<"$cols"
		for d in "${defs[@]}"; do
			d=${d# }
			args+=(-c "${d%% *}:${d#* }")
		done
		run_split pgexpr-norm "${args[@]}" "$kind" "$expr"
		;;
	esac
}

# ddl I KIND COLUMNS EXPR: SQL that builds case I and prints "R<TAB>I<TAB>text" with what
# the catalog holds, and for a CHECK also "D<TAB>I<TAB>pg_get_constraintdef".
ddl() {
	local i=$1 kind=$2 cols=$3 expr=$4 defs d sql="" first=""
	if [ "$kind" != default ] && [ "$kind" != type ]; then
		IFS=';' read -r -a defs <<<"$cols"
		for d in "${defs[@]}"; do
			d=${d# }
			sql+="${sql:+, }\"${d%% *}\" ${d#* }"
			first=${first:-\"${d%% *}\"}
		done
	fi
	printf 'SAVEPOINT s;\n'
	case $kind in
	check)
		printf 'CREATE TABLE t%d (%s, CONSTRAINT k%d CHECK (%s));\n' "$i" "$sql" "$i" "$expr"
		printf "SELECT 'R\t%d\t' || pg_get_expr(conbin, conrelid) FROM pg_constraint WHERE conname = 'k%d';\n" "$i" "$i"
		printf "SELECT 'D\t%d\t' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'k%d';\n" "$i" "$i"
		;;
	predicate)
		printf 'CREATE TABLE t%d (%s);\nCREATE INDEX i%d ON t%d (%s) WHERE %s;\n' "$i" "$sql" "$i" "$i" "$first" "$expr"
		printf "SELECT 'R\t%d\t' || coalesce(pg_get_expr(indpred, indrelid), '<no predicate>') FROM pg_index WHERE indexrelid = 'i%d'::regclass;\n" "$i" "$i"
		;;
	index)
		printf 'CREATE TABLE t%d (%s);\nCREATE INDEX i%d ON t%d ((%s));\n' "$i" "$sql" "$i" "$i" "$expr"
		printf "SELECT 'R\t%d\t' || pg_get_indexdef('i%d'::regclass, 1, false);\n" "$i" "$i"
		;;
	default)
		printf 'CREATE TABLE t%d (c %s DEFAULT %s);\n' "$i" "$cols" "$expr"
		printf "SELECT 'R\t%d\t' || coalesce((SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 't%d'::regclass), '<no default>');\n" "$i" "$i"
		;;
	type)
		printf 'CREATE TABLE t%d (c %s);\n' "$i" "$expr"
		printf "SELECT 'R\t%d\t' || format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 't%d'::regclass AND attname = 'c';\n" "$i" "$i"
		;;
	esac
	printf 'ROLLBACK TO SAVEPOINT s;\nRELEASE SAVEPOINT s;\n'
}

# server FILE: builds every case of FILE on the server in one transaction (rolled back) and
# leaves its answers in $BATS_TEST_TMPDIR/server: "R|D<TAB>index<TAB>text" lines.
server() {
	local i kind cols expr rest
	read_cases "$1"
	{
		printf 'BEGIN;\n'
		for i in "${!LINES[@]}"; do
			IFS=$'\t' read -r kind cols expr rest <<<"${LINES[$i]}"
			ddl "$i" "$kind" "$cols" "$expr"
		done
		printf 'ROLLBACK;\n'
	} >"$BATS_TEST_TMPDIR/cases.sql"
	"${PG[@]}" -d "$DB" -f "$BATS_TEST_TMPDIR/cases.sql" >"$BATS_TEST_TMPDIR/server" \
		2>"$BATS_TEST_TMPDIR/server.err" || true
}

# answer KIND I: the server's answer of kind R or D for case I, or nothing.
answer() {
	awk -F'\t' -v k="$1" -v i="$2" '$1 == k && $2 == i { sub(/^[^\t]*\t[^\t]*\t/, ""); print }' \
		"$BATS_TEST_TMPDIR/server"
}

# Atlas writes "CHECK " and then pg_get_expr()'s text; pg_get_constraintdef() would add one
# more pair of parentheses around it.
@test "corpus: coin IN ('btc', 'bch') on character varying(10), as Atlas wrote it" {
	run_split pgexpr-norm -c 'coin:character varying(10)' check "coin IN ('btc', 'bch')"
	[ "$status" -eq 0 ] || fail "$err"
	assert_equal "$out" "((coin)::text = ANY ((ARRAY['btc'::character varying, 'bch'::character varying])::text[]))"
	grep -qF "CHECK $out" "$CORPUS/tools/atlas/migrations/postgres/keygen/"*.sql ||
		fail "Atlas's keygen migrations do not hold CHECK $out"
}

@test "corpus: coin IN ('xrp') on character varying(10) becomes a plain =" {
	run_split pgexpr-norm -c 'coin:character varying(10)' check "coin IN ('xrp')"
	[ "$status" -eq 0 ] || fail "$err"
	assert_equal "$out" "((coin)::text = 'xrp'::text)"
	grep -qF "CHECK $out" "$CORPUS/tools/atlas/migrations/postgres/keygen/"*.sql ||
		fail "Atlas's keygen migrations do not hold CHECK $out"
}

# The server pushes the cast of (ARRAY[...])::text[] into each element when it parses
# Atlas's text again (a migration replayed): the corpus's sqlc schemas, dumped from a
# database the migrations built, hold that form, and it reads back unchanged.
@test "corpus: Atlas's text for coin IN ('btc', 'bch'), replayed, is stored with the cast in each element" {
	local atlas="((coin)::text = ANY ((ARRAY['btc'::character varying, 'bch'::character varying])::text[]))"
	local settled="((coin)::text = ANY (ARRAY[('btc'::character varying)::text, ('bch'::character varying)::text]))"
	run_split pgexpr-norm -c 'coin:character varying(10)' check "$atlas"
	[ "$status" -eq 0 ] || fail "$err"
	assert_equal "$out" "$settled"
	grep -qF "CHECK ($out)" "$CORPUS/tools/sqlc/schemas/postgres/"*.sql ||
		fail "the corpus's dumped schemas do not hold CHECK ($out)"
	run_split pgexpr-norm -c 'coin:character varying(10)' check "$settled"
	[ "$status" -eq 0 ] || fail "$err"
	assert_equal "$out" "$settled"
}

@test "cases.tsv holds at least 40 CHECK cases and cases of every kind" {
	read_cases "$CASES"
	[ "${#LINES[@]}" -ge 40 ] || fail "only ${#LINES[@]} cases"
	[ "$(printf '%s\n' "${LINES[@]}" | grep -c '^check')" -ge 40 ] || fail "fewer than 40 checks"
	for kind in predicate index default type; do
		printf '%s\n' "${LINES[@]}" | grep -q "^$kind" || fail "no $kind case"
	done
}

@test "pgexpr-norm prints every case of cases.tsv as expected" {
	local kind cols expr want failures="" n=0
	read_cases "$CASES"
	for line in "${LINES[@]}"; do
		IFS=$'\t' read -r kind cols expr want <<<"$line"
		norm "$kind" "$cols" "$expr"
		n=$((n + 1))
		if [ "$status" -ne 0 ]; then
			failures+=$'\n'"$kind [$cols] $expr: exit $status: $err"
		elif [ "$out" != "$want" ]; then
			failures+=$'\n'"$kind [$cols] $expr:"$'\n'"   want $want"$'\n'"   got  $out"
		fi
	done
	[ -z "$failures" ] || fail "of $n cases:$failures"
}

@test "PostgreSQL prints every case of cases.tsv as expected" {
	local i kind cols expr want got def failures=""
	pg_ready
	server "$CASES"
	for i in "${!LINES[@]}"; do
		IFS=$'\t' read -r kind cols expr want <<<"${LINES[$i]}"
		got=$(answer R "$i")
		if [ "$got" != "$want" ]; then
			failures+=$'\n'"$kind [$cols] $expr:"$'\n'"   want   $want"$'\n'"   server ${got:-(failed)}"
		elif [ "$kind" = check ] && [ "$(answer D "$i")" != "CHECK ($want)" ]; then
			failures+=$'\n'"$kind [$cols] $expr: pg_get_constraintdef is $(answer D "$i")"
		fi
	done
	[ -z "$failures" ] || fail "of ${#LINES[@]} cases:$failures"$'\n'"server said: $(head -c 2000 "$BATS_TEST_TMPDIR/server.err")"
}

@test "pgexpr-norm fails on every case of errors.tsv with the expected message" {
	local kind cols expr srv want failures="" n=0
	read_cases "$ERRORS"
	for line in "${LINES[@]}"; do
		IFS=$'\t' read -r kind cols expr srv want <<<"$line"
		want=${want//\\n/$'\n'}
		norm "$kind" "$cols" "$expr"
		n=$((n + 1))
		if [ "$status" -ne 2 ] || [ -n "$out" ] || [ "$err" != "$want" ]; then
			failures+=$'\n'"$kind [$cols] $expr: exit $status, stdout '$out', stderr:"$'\n'"$err"$'\n'"want:"$'\n'"$want"
		fi
	done
	[ "$n" -ge 10 ] || fail "only $n error cases"
	[ -z "$failures" ] || fail "of $n cases:$failures"
}

@test "PostgreSQL accepts or rejects every case of errors.tsv as recorded" {
	local i kind cols expr srv got failures=""
	pg_ready
	server "$ERRORS"
	for i in "${!LINES[@]}"; do
		IFS=$'\t' read -r kind cols expr srv _ <<<"${LINES[$i]}"
		got=rejects
		grep -q "^R"$'\t'"$i"$'\t' "$BATS_TEST_TMPDIR/server" && got=accepts
		[ "$got" = "$srv" ] || failures+=$'\n'"$kind [$cols] $expr: the server $got it, not $srv"
	done
	[ -z "$failures" ] || fail "$failures"
}

@test "pgexpr-norm: usage errors exit 2" {
	run_split pgexpr-norm
	[ "$status" -eq 2 ] || fail "no mode: exit $status"
	run_split pgexpr-norm check
	[ "$status" -eq 2 ] || fail "no expression: exit $status"
	run_split pgexpr-norm -c coin check 'coin > 0'
	[ "$status" -eq 2 ] || fail "column without a type: exit $status"
	assert_equal "$(head -n 1 <<<"$err")" "pgexpr-norm: a column is written NAME:TYPE"
	run_split pgexpr-norm -c a:int default integer 0
	[ "$status" -eq 2 ] || fail "--column with default: exit $status"
	run_split pgexpr-norm frobnicate x
	[ "$status" -eq 2 ] || fail "unknown mode: exit $status"
}

@test "pgexpr-norm: an expression that starts with a minus sign is not an option" {
	run_split pgexpr-norm -c a:integer check '-a < 0'
	[ "$status" -eq 0 ] || fail "$err"
	assert_equal "$out" "((- a) < 0)"
}

@test "pgexpr-norm: nesting past the profile's limit fails cleanly" {
	local deep
	deep=$(printf 'a + %.0s' {1..1200})
	run_split pgexpr-norm -c a:integer check "${deep}a > 0"
	[ "$status" -eq 2 ] || fail "exit $status"
	assert_equal "$(head -n 1 <<<"$err")" "pgexpr-norm: expression form 'deep nesting' is not covered by the postgres profile: maximum parsing depth reached near '{'"
}
