#!/usr/bin/env bats
# db2json on PostgreSQL: what the server holds, read from pg_catalog, is what the offline
# replay says a migration directory leaves ("offline equals real"). Each directory is applied
# to a fresh database on the local PostgreSQL 15 (scripts/devdb); then
# sql2json --profile postgres@15 DIR and db2json --profile postgres@15 URL must print the
# same JSON byte for byte.

load helpers
load lib-db

FIX=$BATS_TEST_DIRNAME/db2json

setup() {
	W=$BATS_TEST_TMPDIR/w
	mkdir -p "$W"
	SCRATCH=()
}

teardown() {
	local db
	for db in "${SCRATCH[@]}"; do
		pg_drop "$db"
	done
}

pg_url() { echo "postgres://$PG_USER:$PG_PASSWORD@$PG_HOST:$PG_PORT/$1?sslmode=disable"; }

# scratch NAME: a fresh database named after the test, the run and NAME; its name in $DB.
scratch() {
	DB=d2j_${BATS_TEST_NUMBER}_$$_$1
	SCRATCH+=("$DB")
	pg_create "$DB" >/dev/null || fail "cannot create database $DB"
}

# same NAME FILE|DIR...: the files (a directory: its *.sql in name order) run on a fresh
# database, one transaction each, as atlas migrate apply runs them; then the replay of the
# same files and the server's catalog must print the same JSON.
same() {
	local name=$1 f
	shift
	scratch "$name"
	for f in $(for p in "$@"; do if [ -d "$p" ]; then ls "$p"/*.sql; else echo "$p"; fi; done); do
		pg_apply "$DB" "$f" || fail "$name: the server refused $f"
	done
	run_split sql2json --dialect postgres --profile postgres@15 "$@"
	[ "$status" -eq 0 ] || fail "$name: sql2json: $err"
	cp "$BATS_TEST_TMPDIR/stdout" "$W/$name.offline.json"
	run_split db2json --profile postgres@15 "$(pg_url "$DB")"
	[ "$status" -eq 0 ] || fail "$name: db2json: $err"
	[ -z "$err" ] || fail "$name: db2json wrote on stderr: $err"
	cp "$BATS_TEST_TMPDIR/stdout" "$W/$name.real.json"
	diff -u "$W/$name.offline.json" "$W/$name.real.json" ||
		fail "$name: the offline replay of $* differs from what the server holds"
	pg_drop "$DB"
}

@test "the project's migration directories: offline equals real" {
	local s
	for s in watch keygen sign; do
		same "$s" "$ROOT/migrations/postgres/$s"
	done
}

@test "the corpus's migration directories, current and historic: offline equals real" {
	local s h
	for s in watch keygen sign; do
		same "c_$s" "$CORPUS/tools/atlas/migrations/postgres/$s"
		for h in e14f0d6a f218c812; do
			same "h${h}_$s" "$CORPUS/_history/$h/tools/atlas/migrations/postgres/$s"
		done
	done
}

@test "the hand-written add_eth_account_extended_privkey (0474fc30): offline equals real" {
	same x_keygen "$CORPUS/_history/0474fc30/tools/atlas/migrations/postgres/keygen"
}

@test "the corpus's sqlc schema files: offline equals real" {
	local f
	for f in "$CORPUS"/tools/sqlc/schemas/postgres/*.sql; do
		same "sqlc_$(basename "$f" .sql)" "$f"
	done
}

@test "hand-written forms: server-chosen names, serials, casts, arrays, enums, index options" {
	same handwritten "$BATS_TEST_DIRNAME/sql2json/pg-handwritten.sql"
	same forms "$FIX/pg-forms.sql"
}

@test "every postgres diff case, 'from' built and the golden migration run on top" {
	local dir name
	echo '{}' >"$W/empty.json"
	for dir in "$BATS_TEST_DIRNAME"/diff/pg-*/; do
		name=$(basename "$dir")
		mkdir -p "$W/$name"
		hcl2json --dialect postgres "$dir/from.hcl" >"$W/$name/from.json" ||
			fail "$name: hcl2json"
		schemadiff "$W/empty.json" "$W/$name/from.json" >"$W/$name/from.plan" ||
			fail "$name: schemadiff"
		sqlemit-pg "$W/$name/from.plan" >"$W/$name/1_from.sql" || fail "$name: sqlemit-pg"
		cp "$dir/expected.sql" "$W/$name/2_migration.sql"
		same "${name//-/_}" "$W/$name"
	done
}

@test "the revisions table migapply keeps is not part of the state" {
	scratch revs
	run_split migapply --url "$(pg_url "$DB")" --dir "$ROOT/migrations/postgres/sign"
	[ "$status" -eq 0 ] || fail "migapply: $err"
	[ "$(pg_q "$DB" "SELECT count(*) FROM pg_tables WHERE tablename = 'atlas_schema_revisions'")" = 1 ] ||
		fail "migapply left no revisions table"
	run_split db2json --profile postgres@15 "$(pg_url "$DB")"
	[ "$status" -eq 0 ] || fail "db2json: $err"
	[[ "$out" != *atlas_schema_revisions* ]] || fail "the revisions table is in the output"
	[ "$(jq -r '[.schemas[].name] | join(",")' "$BATS_TEST_TMPDIR/stdout")" = public ] ||
		fail "schemas: $(jq -c '[.schemas[].name]' "$BATS_TEST_TMPDIR/stdout")"
	[ "$(jq '.schemas[0].tables | length' "$BATS_TEST_TMPDIR/stdout")" -gt 0 ] ||
		fail "no tables read"
}

@test "--schema reads that schema only; a missing one is an error" {
	scratch schemas
	pg_apply "$DB" "$FIX/pg-forms.sql" || fail "the server refused pg-forms.sql"
	run_split db2json --profile postgres@15 --schema extra "$(pg_url "$DB")"
	[ "$status" -eq 0 ] || fail "db2json: $err"
	[ "$(jq -r '[.schemas[].name] | join(",")' "$BATS_TEST_TMPDIR/stdout")" = extra ] ||
		fail "schemas: $out"
	[ "$(jq -r '[.schemas[0].tables[].name] | join(",")' "$BATS_TEST_TMPDIR/stdout")" = thing ] ||
		fail "tables: $out"
	run_split db2json --profile postgres@15 "$(pg_url "$DB")&search_path=extra"
	[ "$status" -eq 0 ] || fail "db2json with search_path: $err"
	[ "$(jq -r '[.schemas[].name] | join(",")' "$BATS_TEST_TMPDIR/stdout")" = extra ] ||
		fail "search_path schemas: $out"
	run_split db2json --profile postgres@15 --schema nope "$(pg_url "$DB")"
	[ "$status" -eq 2 ] && [ -z "$out" ] || fail "status $status, out: $out"
	[ "$err" = "db2json: schema 'nope' does not exist" ] || fail "$err"
}

@test "connection failures exit 2 with a clear message and never the password" {
	scratch conn
	run_split db2json "postgres://$PG_USER:wrong-Secret7@$PG_HOST:$PG_PORT/$DB?sslmode=disable"
	[ "$status" -eq 2 ] && [ -z "$out" ] || fail "wrong password: status $status"
	[[ "$err" == db2json:*password* || "$err" == db2json:*authentication* ]] || fail "$err"
	[[ "$err" != *wrong-Secret7* ]] || fail "the password is in the message: $err"

	run_split db2json "postgres://$PG_USER:down-Secret7@127.0.0.1:1/$DB?sslmode=disable&connect_timeout=3"
	[ "$status" -eq 2 ] && [ -z "$out" ] || fail "down server: status $status"
	[[ "$err" == db2json:* ]] && [[ "$err" != *down-Secret7* ]] || fail "$err"
	[[ "$err" == *127.0.0.1* ]] || fail "the message does not say where: $err"

	run_split db2json "postgres://$PG_USER:$PG_PASSWORD@$PG_HOST:$PG_PORT/${DB}_missing?sslmode=disable"
	[ "$status" -eq 2 ] && [ -z "$out" ] || fail "missing database: status $status"
	[[ "$err" == db2json:*"${DB}_missing"* ]] || fail "$err"
	[[ "$err" != *"$PG_PASSWORD"@* ]] || fail "the password is in the message: $err"
}
