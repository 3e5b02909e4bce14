#!/usr/bin/env bats
# sql2json: the state a migration directory leaves, replayed offline, checked against a
# real server that ran the same files.

load helpers
load lib-db

CASES=$BATS_TEST_DIRNAME/sql2json

setup() {
	W=$BATS_TEST_TMPDIR/w
	mkdir -p "$W"
	SCRATCH=()
}

teardown() {
	local db
	for db in "${SCRATCH[@]}"; do
		case "$db" in
		pg:*) pg_drop "${db#pg:}" ;;
		my:*) my_drop "${db#my:}" ;;
		esac
	done
}

# synced DIALECT MIGDIR HCL: the replayed directory is the HCL's state: no changes.
synced() {
	local emit=sqlemit-pg
	[ "$1" = mysql ] && emit=sqlemit-my
	run_split sql2json --dialect "$1" ${4:+--schema "$4"} "$2"
	[ "$status" -eq 0 ] || fail "sql2json: $err"
	cp "$BATS_TEST_TMPDIR/stdout" "$W/current.json"
	hcl2json --dialect "$1" "$3" >"$W/desired.json"
	run_split schemadiff --exit-code "$W/current.json" "$W/desired.json"
	[ "$status" -eq 0 ] || fail "not synced: $(schemadiff "$W/current.json" "$W/desired.json" | $emit)"
}

# pg_offline_equals_real NAME FILE|DIR...: a database that ran the files, and one built
# from what sql2json says they leave, hold the same catalog (pg_dump --schema-only).
pg_offline_equals_real() {
	local name=$1 f
	shift
	SCRATCH+=("pg:s2j_${name}_real" "pg:s2j_${name}_offline")
	pg_create "s2j_${name}_real"
	pg_create "s2j_${name}_offline"
	for f in $(for p in "$@"; do if [ -d "$p" ]; then ls "$p"/*.sql; else echo "$p"; fi; done); do
		pg_apply "s2j_${name}_real" "$f" || fail "the server refused $f"
	done
	run_split sql2json --dialect postgres "$@"
	[ "$status" -eq 0 ] || fail "sql2json: $err"
	cp "$BATS_TEST_TMPDIR/stdout" "$W/model.json"
	schemadiff /dev/null "$W/model.json" | sqlemit-pg >"$W/rebuild.sql"
	pg_apply "s2j_${name}_offline" "$W/rebuild.sql" || fail "the rebuild from the model failed"
	diff -u <(pg_catalog "s2j_${name}_real") <(pg_catalog "s2j_${name}_offline") ||
		fail "offline model differs from the server"
}

@test "postgres: each real migration directory replays to its schema (synced)" {
	local s
	for s in watch keygen sign; do
		synced postgres "$ROOT/migrations/postgres/$s" "$ROOT/schemas/postgres/$s.hcl"
	done
}

@test "postgres: the historic directories replay to their schemas (enums, checks)" {
	local h s
	for h in e14f0d6a f218c812; do for s in watch keygen sign; do
		synced postgres "$CORPUS/_history/$h/tools/atlas/migrations/postgres/$s" \
			"$CORPUS/_history/$h/tools/atlas/schemas/postgres/$s.hcl"
	done; done
}

@test "postgres: the hand-written add_eth_account_extended_privkey (0474fc30) replays" {
	synced postgres "$CORPUS/_history/0474fc30/tools/atlas/migrations/postgres/keygen" \
		"$CORPUS/_history/0474fc30/tools/atlas/schemas/postgres/keygen.hcl"
}

@test "postgres: offline equals real for every corpus directory" {
	local s
	for s in watch keygen sign; do
		pg_offline_equals_real "$s" "$CORPUS/tools/atlas/migrations/postgres/$s"
	done
	pg_offline_equals_real enum_keygen "$CORPUS/_history/e14f0d6a/tools/atlas/migrations/postgres/keygen"
	pg_offline_equals_real x_keygen "$CORPUS/_history/0474fc30/tools/atlas/migrations/postgres/keygen"
}

@test "postgres: offline equals real for hand-written forms (ALTER, RENAME, enums, DML)" {
	pg_offline_equals_real handwritten "$CASES/pg-handwritten.sql"
}

@test "postgres: a statement the replay does not model stops it, located, with the hint" {
	run_split sql2json --dialect postgres "$CASES/pg-view.sql"
	[ "$status" -eq 2 ] && [ -z "$out" ]
	[[ "$err" == "sql2json: $CASES/pg-view.sql:4:1: ViewStmt is not modelled by the offline replay; run the diff in the dev-database mode (DEV=1) for this directory"* ]] || fail "$err"
}

@test "postgres: a statement that contradicts the state is an error at its line" {
	printf 'CREATE TABLE t (id int);\nALTER TABLE t DROP COLUMN nope;\n' >"$W/1.sql"
	run_split sql2json --dialect postgres "$W/1.sql"
	[ "$status" -eq 2 ]
	[[ "$err" == "sql2json: $W/1.sql:2:1: column 'nope' of table 't' does not exist"* ]] || fail "$err"
	printf 'CREATE TABLE t (id int;\n' >"$W/2.sql"
	run_split sql2json --dialect postgres "$W/2.sql"
	[ "$status" -eq 2 ]
	[[ "$err" == "sql2json: $W/2.sql:1:"* ]] || fail "$err"
}
