#!/usr/bin/env bats
# MySQL CHECK and generated-column expressions compare by their canonical form
# (tools/lib/myexpr.h): the server keeps its own reprint of an expression, and schemadiff
# must take it for the HCL's text when it is the same expression, and only then.
#
# (1) myexpr/checks.hcl (31 checks and 3 generated columns, written as people write them)
# is created on the local MariaDB (scripts/devdb), read back with db2json, and the live
# schema must plan nothing against the HCL, although every stored text differs from the
# HCL's; one check changed in the HCL must then plan exactly that change, with the HCL's
# text, and once applied plan nothing again. The test fails, never skips, without a server.
# (2) myexpr/pairs.tsv: pairs of expressions in two hand-written schema documents, as a
# check and as a generated column; 'same' pairs plan nothing, 'differs' pairs a change.
# (3) myexpr/mysql8: MySQL 8's stored text (charset introducers, full parentheses) equals
# the HCL's; no server. (4) PostgreSQL checks still compare as text.

load helpers
load lib-db

CASES=$BATS_TEST_DIRNAME/myexpr
DB=myexpr_test

setup() {
	W=$BATS_TEST_TMPDIR/w
	mkdir -p "$W"
}

teardown() {
	if [ -n "${DROP_DB:-}" ]; then
		my_drop "$DB" || true
	fi
}

# step OUT PROG ARGS...: PROG's stdout into OUT; it must succeed and not die by a signal.
step() {
	local out=$1
	shift
	status=0
	"$@" >"$out" 2>"$out.err" || status=$?
	refute_signal
	[ "$status" -eq 0 ] || fail "$1 failed ($status): $(cat "$out.err")"
}

# plan_to_sql FROM TO SQL: schemadiff --profile mariadb@10.11 and sqlemit-my, the plan in
# SQL.plan.json and the migration text in SQL.
plan_to_sql() {
	step "$3.plan.json" schemadiff --profile mariadb@10.11 "$1" "$2"
	step "$3" sqlemit-my "$3.plan.json"
}

# read_live OUT: the scratch database's schema as db2json reads it.
read_live() {
	step "$1" db2json --profile mariadb@10.11 \
		"mysql://$MY_USER:$MY_PASSWORD@$MY_HOST:$MY_PORT/$DB"
}

@test "mariadb: checks and generated columns read back from the server plan nothing" {
	DROP_DB=1
	my_create "$DB" || fail "MariaDB is not reachable at $MY_HOST:$MY_PORT: run scripts/devdb up"
	step "$W/to.json" hcl2json --dialect mysql "$CASES/checks.hcl"
	plan_to_sql /dev/null "$W/to.json" "$W/create.sql"
	# MariaDB takes no NULL after a generated column's AS (...) VIRTUAL|STORED, which
	# sqlemit-my writes for a nullable column: left out here, as it changes nothing.
	sed -E 's/ (VIRTUAL|STORED) NULL,$/ \1,/' "$W/create.sql" >"$W/create-mariadb.sql"
	my_apply "$DB" "$W/create-mariadb.sql" || fail "the schema does not apply"
	read_live "$W/live.json"

	# The test means something only if the server changed every text.
	jq -r '.schemas[].tables[] | (.checks[] | "\(.name) \(.expr)"),
		(.columns[] | select(.generated) | "\(.name) \(.generated.expr)")' \
		"$W/to.json" | sort >"$W/hcl.txt"
	jq -r '.schemas[].tables[] | (.checks[] | "\(.name) \(.expr)"),
		(.columns[] | select(.generated) | "\(.name) \(.generated.expr)")' \
		"$W/live.json" | sort >"$W/server.txt"
	[ "$(wc -l <"$W/hcl.txt")" -eq 34 ] || fail "expected 31 checks and 3 generated columns"
	cut -d' ' -f1 "$W/hcl.txt" | diff - <(cut -d' ' -f1 "$W/server.txt") ||
		fail "the server does not hold the same checks"
	[ -z "$(comm -12 "$W/hcl.txt" "$W/server.txt")" ] ||
		fail "the server kept some texts as written: $(comm -12 "$W/hcl.txt" "$W/server.txt")"

	# Both directions plan nothing.
	run_split schemadiff --profile mariadb@10.11 --exit-code "$W/live.json" "$W/to.json"
	[ "$status" -eq 0 ] || fail "live -> hcl plans changes ($status): $out $err"
	plan_to_sql "$W/live.json" "$W/to.json" "$W/again.sql"
	diff -u /dev/null "$W/again.sql" || fail "live -> hcl writes a migration"
	run_split schemadiff --profile mariadb@10.11 --exit-code "$W/to.json" "$W/live.json"
	[ "$status" -eq 0 ] || fail "hcl -> live plans changes ($status): $out $err"

	# A real change is still one: c01 and c06 changed, the rest as the server keeps it.
	sed -e 's/"amount >= 0"/"amount > 0"/' -e 's/BETWEEN 0 AND 1000/BETWEEN 1 AND 1000/' \
		"$CASES/checks.hcl" >"$W/changed.hcl"
	step "$W/changed.json" hcl2json --dialect mysql "$W/changed.hcl"
	plan_to_sql "$W/live.json" "$W/changed.json" "$W/change.sql"
	cat >"$W/want.sql" <<-'EOF'
		-- Modify "t" table
		ALTER TABLE `t` DROP CONSTRAINT `c01_compare`, ADD CONSTRAINT `c01_compare` CHECK (amount > 0), DROP CONSTRAINT `c06_between`, ADD CONSTRAINT `c06_between` CHECK (Qty BETWEEN 1 AND 1000);
	EOF
	diff -u "$W/want.sql" "$W/change.sql" || fail "the change is not what the HCL says"
	my_apply "$DB" "$W/change.sql" || fail "the change does not apply"
	read_live "$W/live2.json"
	grep -q '`amount` > 0' "$W/live2.json" || fail "the server does not hold the new check"
	run_split schemadiff --profile mariadb@10.11 --exit-code "$W/live2.json" "$W/changed.json"
	[ "$status" -eq 0 ] || fail "after the change, live -> hcl plans changes ($status): $out"
}

# doc KIND EXPR: a one-table MySQL schema document with EXPR as the check 'c' (KIND check)
# or as the expression of the generated column 'g' (KIND generated).
doc() {
	jq -n --arg kind "$1" --arg e "$2" '{
		format: "schema/1", dialect: "mysql",
		schemas: [{ name: "s", tables: [{ name: "t",
			columns: ([{ name: "a", type: { sql: "int", kind: "integer" }, null: true }] +
				if $kind == "generated" then
					[{ name: "g", type: { sql: "int", kind: "integer" }, null: true,
					   generated: { expr: $e, type: "VIRTUAL" } }]
				else [] end),
			checks: (if $kind == "check" then [{ name: "c", expr: $e }] else [] end)
		}] }] }'
}

@test "pairs: the same expression plans nothing, a different one plans a change" {
	local verdict from to kind want n=0 bad=()
	while IFS=$'\t' read -r verdict from to; do
		case $verdict in '' | '#'*) continue ;; esac
		want=0
		[ "$verdict" = differs ] && want=1
		for kind in check generated; do
			doc "$kind" "$from" >"$W/from.json"
			doc "$kind" "$to" >"$W/to.json"
			run_split schemadiff --exit-code "$W/from.json" "$W/to.json"
			[ "$status" -eq "$want" ] || bad+=("$verdict ($kind, status $status): $from | $to $err")
		done
		n=$((n + 1))
	done <"$CASES/pairs.tsv"
	[ "$n" -ge 100 ] || fail "only $n pairs read"
	[ "${#bad[@]}" -eq 0 ] || fail "$(printf '%s\n' "${bad[@]}")"
}

@test "pairs: a changed check is written with the new text, as before" {
	doc check '(`a` >= 0)' >"$W/from.json"
	doc check 'a > 0' >"$W/to.json"
	step "$W/plan.json" schemadiff "$W/from.json" "$W/to.json"
	step "$W/out.sql" sqlemit-my "$W/plan.json"
	grep -qF 'ALTER TABLE `t` DROP CHECK `c`, ADD CONSTRAINT `c` CHECK (a > 0);' "$W/out.sql" ||
		fail "unexpected migration: $(cat "$W/out.sql")"
	doc generated 'a - (b - c)' >"$W/from.json"
	doc generated 'a - b - c' >"$W/to.json"
	step "$W/plan.json" schemadiff "$W/from.json" "$W/to.json"
	step "$W/out.sql" sqlemit-my "$W/plan.json"
	grep -qF 'MODIFY COLUMN `g` int AS (a - b - c) VIRTUAL' "$W/out.sql" ||
		fail "unexpected migration: $(cat "$W/out.sql")"
}

@test "mysql@8: the server's introducers and parentheses equal the HCL's text" {
	run_split schemadiff --profile mysql@8 --exit-code "$CASES/mysql8/live.json" \
		"$CASES/mysql8/to.json"
	[ "$status" -eq 0 ] || fail "plans changes ($status): $out $err"
	grep -qF "_utf8mb4'btc'" "$CASES/mysql8/live.json" || fail "fixture lost its introducers"
	grep -qF "coin IN ('btc', 'eth')" "$CASES/mysql8/to.json" || fail "fixture lost the HCL text"
}

# pgdoc EXPR: a one-table PostgreSQL document, as the server holds it, with the check EXPR.
pgdoc() {
	jq -n --arg e "$1" '{ format: "schema/1", dialect: "postgres", normalized: "postgres@18",
		schemas: [{ name: "public", tables: [{ name: "t",
			columns: [{ name: "a", type: { sql: "integer", kind: "integer" }, null: true }],
			checks: [{ name: "c", expr: $e }] }] }] }'
}

@test "postgres: checks still compare as text" {
	# Equal for myexpr; the postgres profile leaves CASE alone (not covered by pgexpr).
	pgdoc 'CASE WHEN a > 0 THEN true ELSE false END' >"$W/from.json"
	pgdoc 'case when (a > 0) then true else false end' >"$W/to.json"
	run_split schemadiff --exit-code "$W/from.json" "$W/to.json"
	[ "$status" -eq 1 ] || fail "status $status, want 1 (a change): $out $err"
}
