#!/usr/bin/env bats
# The declarative and development targets on the real servers: migapply --exec (the
# executor of a schema apply), make atlas-schema-apply / -all, atlas-dev-clean,
# atlas-dev-reset, and atlas-migrate-diff's dev-database mode (DEV=1).
#
# Each test works on its own databases: a copy of atlas.hcl whose URLs name them
# (wf_<test>_<pid>_<db>), next to links to the real schemas/ and a copy of migrations/.

load helpers
load lib-db

PGU="postgres://$PG_USER:$PG_PASSWORD@$PG_HOST:$PG_PORT"
MYU="mysql://$MY_USER:$MY_PASSWORD@$MY_HOST:$MY_PORT"

setup() {
	P=wf_${BATS_TEST_NUMBER}_$$
	W=$BATS_TEST_TMPDIR/proj
	mkdir -p "$W"
	cp -r "$ROOT/schemas" "$ROOT/migrations" "$W/"
	chmod -R u+w "$W"
	# Every database URL of the project points at this test's databases instead.
	sed -e "s#5432/\\(dev_\\)\\{0,1\\}\\(watch\\|keygen\\|sign\\)?#5432/${P}_\\1\\2?#" \
		-e "s#3306/\\(dev_\\)\\{0,1\\}\\(watch\\|keygen\\|sign\\)\\([?\"]\\)#3306/${P}_\\1\\2\\3#" \
		"$ROOT/atlas.hcl" >"$W/atlas.hcl"
	grep -q "${P}_watch" "$W/atlas.hcl" || fail "the test config names no test database"
}

teardown() {
	local d
	for d in watch keygen sign sign2 dev_watch dev_keygen dev_sign x; do
		pg_drop "${P}_$d" >/dev/null 2>&1 || true
		my_drop "${P}_$d" >/dev/null 2>&1 || true
	done
}

# mk TARGET VARS...: make TARGET against the test's project copy.
mk() {
	run_split make --no-print-directory -C "$ROOT" "$@" B="${BIN%/bin}" \
		ATLAS_CONFIG="$W/atlas.hcl" \
		SIGN2_URL_postgres="$PGU/${P}_sign2?sslmode=disable" \
		SIGN2_URL_mysql="$MYU/${P}_sign2?charset=utf8mb4"
}

# ---- migapply --exec

@test "migapply --exec: PostgreSQL runs the plan in one transaction; a failure leaves nothing" {
	pg_create "${P}_x"
	printf 'CREATE TABLE a (id int);\nCREATE TABLE a (id int);\n' >"$BATS_TEST_TMPDIR/p.sql"
	run_split migapply --url "$PGU/${P}_x?sslmode=disable" --exec "$BATS_TEST_TMPDIR/p.sql"
	[ "$status" -eq 1 ] || fail "status $status: $err"
	assert_equal "$(pg_q "${P}_x" "SELECT count(*) FROM pg_class WHERE relname = 'a'")" 0
	[[ $err == *'relation "a" already exists'* ]] || fail "no server message: $err"
	printf 'CREATE TABLE a (id int);\nCREATE INDEX a_id ON a (id);\n' >"$BATS_TEST_TMPDIR/q.sql"
	run_split migapply --url "$PGU/${P}_x?sslmode=disable" --exec "$BATS_TEST_TMPDIR/q.sql" --dry-run
	[ "$status" -eq 0 ] || fail "dry run: $err"
	[[ $out == *"CREATE INDEX a_id ON a (id);"* ]] || fail "dry run does not print: $out"
	assert_equal "$(pg_q "${P}_x" "SELECT count(*) FROM pg_class WHERE relname = 'a'")" 0
	run_split migapply --url "$PGU/${P}_x?sslmode=disable" --exec "$BATS_TEST_TMPDIR/q.sql"
	[ "$status" -eq 0 ] || fail "$err"
	assert_equal "$(pg_q "${P}_x" "SELECT count(*) FROM pg_class WHERE relname IN ('a', 'a_id')")" 2
	# No revisions: a plan is not a migration.
	assert_equal "$(pg_q "${P}_x" "SELECT count(*) FROM pg_namespace WHERE nspname = 'atlas_schema_revisions'")" 0
}

@test "migapply --exec: MySQL names the statement that failed; the ones before it stay" {
	my_create "${P}_x"
	printf 'CREATE TABLE a (id int);\nCREATE TABLE b (id int);\nCREATE TABLE a (id int);\nCREATE TABLE c (id int);\n' \
		>"$BATS_TEST_TMPDIR/p.sql"
	run_split migapply --url "$MYU/${P}_x" --exec "$BATS_TEST_TMPDIR/p.sql"
	[ "$status" -eq 1 ] || fail "status $status: $err"
	[[ $out == *"Error 1050 (42S01): Table 'a' already exists"* ]] || fail "no error line: $out"
	assert_equal "$(my_q "${P}_x" "SELECT GROUP_CONCAT(table_name ORDER BY table_name) FROM information_schema.tables WHERE table_schema = DATABASE()")" "a,b"
}

# ---- atlas-dev-reset

@test "atlas-dev-reset: unchanged directories are not touched; a changed one becomes one baseline" {
	local before after
	before=$(cd "$W/migrations/postgres" && find . -type f -printf '%p %s %T@\n' | sort)
	mk atlas-dev-reset DB_DIALECT=postgres ATLAS_CONFIG="$W/atlas.hcl"
	[ "$status" -eq 0 ] || fail "$err"
	after=$(cd "$W/migrations/postgres" && find . -type f -printf '%p %s %T@\n' | sort)
	assert_equal "$after" "$before"
	[[ $out == *"watch: unchanged"*"keygen: unchanged"*"sign: unchanged"* ]] || fail "$out"

	# Widen one column of keygen: only keygen is regenerated.
	sed -i '0,/varchar(10)/s//varchar(12)/' "$W/schemas/postgres/keygen.hcl"
	mk atlas-dev-reset DB_DIALECT=postgres
	[ "$status" -eq 0 ] || fail "$err"
	[[ $out == *"keygen: regenerated "*_initial_schema.sql* ]] || fail "$out"
	after=$(cd "$W/migrations/postgres" && find . -type f -printf '%p %s %T@\n' | grep -v '^./keygen/' | sort)
	assert_equal "$after" "$(grep -v '^./keygen/' <<<"$before")"
	run ls "$W/migrations/postgres/keygen"
	[ "${#lines[@]}" -eq 2 ] || fail "keygen holds: $output"
	sumhash --check "$W/migrations/postgres/keygen"
	grep -q 'character varying(12)' "$W"/migrations/postgres/keygen/*.sql
	# The new baseline is what the HCL says: the next diff is synced.
	run_split env CONFIG="$W/atlas.hcl" DIR="$W/migrations/postgres/keygen" CHECK=1 \
		B="${BIN%/bin}" "$ROOT/scripts/migrate-diff" postgres keygen next
	[ "$status" -eq 0 ] || fail "not synced after the reset: $out $err"
	[ -z "$(ls -A "$W/migrations/postgres" | grep '^\.')" ] || fail "left work files behind"
}

@test "atlas-dev-reset: a directory with a hand-written migration that matches the HCL is kept" {
	local d=$W/migrations/postgres/keygen
	printf 'ALTER TABLE "seed" ALTER COLUMN "coin" TYPE character varying(12);\n' \
		>"$d/20990101000000_widen.sql"
	sumhash "$d"
	sed -i '0,/varchar(10)/s//varchar(12)/' "$W/schemas/postgres/keygen.hcl" # seed.coin
	mk atlas-dev-reset DB_DIALECT=postgres
	[ "$status" -eq 0 ] || fail "$err"
	[[ $out == *"keygen: unchanged"* ]] || fail "$out"
	[ -f "$d/20990101000000_widen.sql" ] || fail "the hand-written file is gone"
}

# ---- atlas-schema-apply

@test "atlas-schema-apply (postgres): an empty database gets the HCL; the catalog equals the baseline's; again: synced" {
	pg_create "${P}_keygen"
	pg_create "${P}_x"
	mk atlas-schema-apply SCHEMA=keygen DB_DIALECT=postgres
	[ "$status" -eq 0 ] || fail "$out $err"
	[[ $out == *"CREATE TABLE"* ]] || fail "no statements shown: $out"
	# The same HCL through a migration baseline for PostgreSQL 15, on another database.
	hcl2json --config "$W/atlas.hcl" --env local_postgres_keygen >"$BATS_TEST_TMPDIR/to.json"
	schemadiff --profile postgres@15 /dev/null "$BATS_TEST_TMPDIR/to.json" >"$BATS_TEST_TMPDIR/plan.json"
	sqlemit-pg "$BATS_TEST_TMPDIR/plan.json" >"$BATS_TEST_TMPDIR/base.sql"
	pg_apply "${P}_x" "$BATS_TEST_TMPDIR/base.sql"
	diff -u <(pg_catalog "${P}_x") <(pg_catalog "${P}_keygen") || fail "catalogs differ"
	mk atlas-schema-apply SCHEMA=keygen DB_DIALECT=postgres
	[ "$status" -eq 0 ] || fail "$err"
	assert_equal "$out" "Schema is synced, no changes to be made"
}

@test "atlas-schema-apply (postgres): changes, DRY_RUN, skipped drops, DESTRUCTIVE=true, a failing plan changes nothing" {
	local h=$W/schemas/postgres/keygen.hcl db=${P}_keygen
	pg_create "$db"
	mk atlas-schema-apply SCHEMA=keygen DB_DIALECT=postgres
	[ "$status" -eq 0 ] || fail "$err"
	# A new nullable column.
	sed -i '0,/^table "seed" {/s//table "seed" {\n  column "note" {\n    null = true\n    type = text\n  }/' "$h"
	mk atlas-schema-apply SCHEMA=keygen DB_DIALECT=postgres DRY_RUN=1
	[ "$status" -eq 0 ] || fail "$err"
	[[ $out == *'ALTER TABLE "public"."seed" ADD COLUMN "note" text NULL'* ]] || fail "plan: $out"
	assert_equal "$(pg_q "$db" "SELECT count(*) FROM information_schema.columns WHERE table_name = 'seed' AND column_name = 'note'")" 0
	mk atlas-schema-apply SCHEMA=keygen DB_DIALECT=postgres
	[ "$status" -eq 0 ] || fail "$err"
	assert_equal "$(pg_q "$db" "SELECT count(*) FROM information_schema.columns WHERE table_name = 'seed' AND column_name = 'note'")" 1
	# Dropping the column again is destructive: skipped and said, unless DESTRUCTIVE=true.
	cp "$ROOT/schemas/postgres/keygen.hcl" "$h"
	mk atlas-schema-apply SCHEMA=keygen DB_DIALECT=postgres
	[ "$status" -eq 0 ] || fail "$err"
	[[ $err == *drop_column* || $err == *"drop column"* || $out$err == *skip* ]] || fail "the skipped drop is not said: $out $err"
	assert_equal "$(pg_q "$db" "SELECT count(*) FROM information_schema.columns WHERE table_name = 'seed' AND column_name = 'note'")" 1
	mk atlas-schema-apply SCHEMA=keygen DB_DIALECT=postgres DESTRUCTIVE=true
	[ "$status" -eq 0 ] || fail "$err"
	assert_equal "$(pg_q "$db" "SELECT count(*) FROM information_schema.columns WHERE table_name = 'seed' AND column_name = 'note'")" 0
	# A plan that fails half-way (a NOT NULL column without default on a table with rows,
	# after another change) is rolled back whole.
	pg_q "$db" "INSERT INTO seed (coin, seed) VALUES ('btc', 'x')" || pg_q "$db" "SELECT 1"
	local before
	before=$(pg_catalog "$db")
	sed -i '0,/^table "seed" {/s//table "seed" {\n  column "must" {\n    type = text\n  }/' "$h"
	sed -i '0,/^table "seed" {/s//table "seed" {\n  column "aaa_ok" {\n    null = true\n    type = text\n  }/' "$h"
	if [ "$(pg_q "$db" "SELECT count(*) FROM seed")" -gt 0 ]; then
		mk atlas-schema-apply SCHEMA=keygen DB_DIALECT=postgres
		[ "$status" -ne 0 ] || fail "status $status: $out $err"
		diff -u <(echo "$before") <(pg_catalog "$db") || fail "a failed plan changed the database"
	fi
}

@test "atlas-schema-apply-all (postgres): watch, keygen, sign and sign2, each synced afterwards" {
	local d
	for d in watch keygen sign sign2; do pg_create "${P}_$d"; done
	mk atlas-schema-apply-all DB_DIALECT=postgres
	[ "$status" -eq 0 ] || fail "$out $err"
	for d in watch keygen sign sign2; do
		[ "$(pg_q "${P}_$d" "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")" -gt 0 ] ||
			fail "$d has no tables"
	done
	diff -u <(pg_catalog "${P}_sign") <(pg_catalog "${P}_sign2") || fail "sign2 is not sign"
	mk atlas-schema-apply-all DB_DIALECT=postgres
	[ "$status" -eq 0 ] || fail "$err"
	assert_equal "$(grep -c 'Schema is synced' <<<"$out")" 4
}

@test "atlas-schema-apply (mysql on MariaDB): the server's profile is used; the tables are the HCL's; again: synced" {
	my_create "${P}_keygen"
	mk atlas-schema-apply SCHEMA=keygen DB_DIALECT=mysql
	[ "$status" -eq 0 ] || fail "$out $err"
	local want got
	want=$(grep -o '^table "[a-z_0-9]*"' "$W/schemas/mysql/keygen.hcl" | sed 's/table "\(.*\)"/\1/' | sort | tr '\n' ' ')
	got=$(my_q "${P}_keygen" "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY table_name" | tr '\n' ' ')
	assert_equal "$got" "$want"
	mk atlas-schema-apply SCHEMA=keygen DB_DIALECT=mysql
	[ "$status" -eq 0 ] || fail "$err"
	assert_equal "$out" "Schema is synced, no changes to be made"
}

@test "atlas-schema-apply: a database that does not exist is exit 2 and says so, no password" {
	mk atlas-schema-apply SCHEMA=watch DB_DIALECT=postgres
	[ "$status" -eq 2 ] || fail "status $status"
	[[ $err == *"${P}_watch"*"does not exist"* ]] || fail "$err"
	[[ $err != *"$PG_PASSWORD@"* ]] || fail "password shown: $err"
}

# ---- atlas-dev-clean

@test "atlas-dev-clean: refuses without a terminal or YES=1; with YES=1 drops, recreates and builds all four" {
	local d
	for d in watch keygen sign sign2; do pg_create "${P}_$d"; done
	pg_q "${P}_watch" "CREATE TABLE leftover (id int)"
	mk atlas-dev-clean DB_DIALECT=postgres </dev/null
	[ "$status" -eq 2 ] || fail "status $status"
	[[ $err == *"YES=1"* ]] || fail "$err"
	assert_equal "$(pg_q "${P}_watch" "SELECT count(*) FROM pg_tables WHERE tablename = 'leftover'")" 1
	mk atlas-dev-clean DB_DIALECT=postgres YES=1
	[ "$status" -eq 0 ] || fail "$out $err"
	assert_equal "$(pg_q "${P}_watch" "SELECT count(*) FROM pg_tables WHERE tablename = 'leftover'")" 0
	mk atlas-schema-apply-all DB_DIALECT=postgres
	assert_equal "$(grep -c 'Schema is synced' <<<"$out")" 4
}

# ---- atlas-migrate-diff DEV=1

@test "atlas-migrate-diff DEV=1 (postgres): synced after each baseline, like the offline replay" {
	local s
	for s in watch keygen sign; do
		run_split env CONFIG="$W/atlas.hcl" DIR="$W/migrations/postgres/$s" DEV=1 \
			B="${BIN%/bin}" "$ROOT/scripts/migrate-diff" postgres "$s" none
		[ "$status" -eq 0 ] || fail "$s: $err"
		assert_equal "$out" "The migration directory is synced with the desired state, no changes to be made"
	done
	# The scratch databases are gone again.
	assert_equal "$(pg_q postgres "SELECT count(*) FROM pg_database WHERE datname LIKE '${P}_dev_%'")" 0
}

@test "atlas-migrate-diff DEV=1 (postgres): writes the same migration as the offline mode" {
	local d=$W/migrations/postgres/keygen
	sed -i '0,/varchar(10)/s//varchar(12)/' "$W/schemas/postgres/keygen.hcl"
	run_split env CONFIG="$W/atlas.hcl" DIR="$d" DEV=1 CHECK=1 B="${BIN%/bin}" \
		"$ROOT/scripts/migrate-diff" postgres keygen widen
	[ "$status" -eq 1 ] || fail "$status: $err"
	local dev=$out
	run_split env CONFIG="$W/atlas.hcl" DIR="$d" CHECK=1 B="${BIN%/bin}" \
		"$ROOT/scripts/migrate-diff" postgres keygen widen
	[ "$status" -eq 1 ] || fail "$status: $err"
	assert_equal "$dev" "$out"
	[[ $out == *"character varying(12)"* ]] || fail "$out"
}

@test "atlas-migrate-diff DEV=1 (mysql on MariaDB): baselines synced on the server, an edit written as offline" {
	local s d
	# The project's MySQL files are MySQL 8 text; MariaDB gets baselines for its own profile.
	for s in watch keygen sign; do
		d=$W/migrations/mysql/$s
		rm -rf "$d"
		mk atlas-migrate-diff DB_DIALECT=mysql SCHEMA=$s NAME=initial PROFILE=mariadb@10.11 DIR="$d"
		[ "$status" -eq 0 ] || fail "$s baseline: $err"
		mk atlas-migrate-diff DB_DIALECT=mysql SCHEMA=$s NAME=again PROFILE=mariadb@10.11 DIR="$d" DEV=1
		[ "$status" -eq 0 ] || fail "$s DEV=1: $err"
		assert_equal "$out" "The migration directory is synced with the desired state, no changes to be made"
	done
	d=$W/migrations/mysql/keygen
	sed -i '0,/varchar(20)/s//varchar(24)/' "$W/schemas/mysql/keygen.hcl"
	# (make turns every failing status into 2: CHECK=1's "1, there is a migration" is the
	# script's own)
	run_split env CONFIG="$W/atlas.hcl" DIR="$d" PROFILE=mariadb@10.11 DEV=1 CHECK=1 \
		B="${BIN%/bin}" "$ROOT/scripts/migrate-diff" mysql keygen widen
	[ "$status" -eq 1 ] || fail "$status: $err"
	local dev=$out
	run_split env CONFIG="$W/atlas.hcl" DIR="$d" PROFILE=mariadb@10.11 CHECK=1 \
		B="${BIN%/bin}" "$ROOT/scripts/migrate-diff" mysql keygen widen
	[ "$status" -eq 1 ] || fail "$status: $err"
	assert_equal "$dev" "$out"
	[[ $out == *"varchar(24)"* ]] || fail "$out"
	# The scratch databases are gone again.
	assert_equal "$(my_q "" "SELECT count(*) FROM information_schema.schemata WHERE schema_name LIKE '${P}_dev_%'")" 0
}

@test "atlas-migrate-diff DEV=1: a directory that does not apply on the dev database is exit 2, nothing written" {
	local d=$W/migrations/postgres/watch
	printf 'ALTER TABLE "nope" ADD COLUMN "x" int;\n' >"$d/20990101000000_bad.sql"
	sumhash "$d"
	local before
	before=$(ls "$d")
	run_split env CONFIG="$W/atlas.hcl" DIR="$d" DEV=1 B="${BIN%/bin}" \
		"$ROOT/scripts/migrate-diff" postgres watch next
	[ "$status" -eq 2 ] || fail "status $status"
	[[ $err == *'relation "nope" does not exist'* ]] || fail "$err"
	assert_equal "$(ls "$d")" "$before"
	assert_equal "$(pg_q postgres "SELECT count(*) FROM pg_database WHERE datname LIKE '${P}_dev_%'")" 0
}

# ---- the sqlc schema files and regenerate-all-from-atlas

# sqlc_sums: checksums of the test's sqlc schema files.
sqlc_sums() { (cd "$W/sqlc" && find . -type f -exec sha256sum {} + | sort); }

@test "extract-sqlc-schema-all: the project's sqlc/schemas are what its migrations give; PostgreSQL's are the seed's bytes" {
	local d f
	for d in postgres mysql; do
		run_split make --no-print-directory -C "$ROOT" extract-sqlc-schema-all CHECK=1 \
			DB_DIALECT=$d B="${BIN%/bin}"
		[ "$status" -eq 0 ] || fail "$d: $out $err"
		[ "$(grep -c ': up to date$' <<<"$out")" -eq 3 ] || fail "$d: $out"
	done
	for f in 01_watch 02_keygen 03_sign; do
		cmp "$ROOT/sqlc/schemas/postgres/$f.sql" "$CORPUS/tools/sqlc/schemas/postgres/$f.sql" ||
			fail "$f differs from the seed's file"
	done
}

@test "regenerate-all-from-atlas (postgres): an HCL edit regenerates that database only; a real database built from the new migrations dumps to the new sqlc file" {
	local before
	mk regenerate-all-from-atlas DB_DIALECT=postgres SQLC_DIR="$W/sqlc"
	[ "$status" -eq 0 ] || fail "$out $err"
	[[ $out == *"watch: unchanged"*"keygen: unchanged"*"sign: unchanged"* ]] || fail "$out"
	[ "$(grep -c ': written$' <<<"$out")" -eq 3 ] || fail "$out"
	diff -r "$ROOT/sqlc/schemas/postgres" "$W/sqlc/schemas/postgres" || fail "not the project's files"
	before=$(sqlc_sums)

	sed -i '0,/varchar(10)/s//varchar(12)/' "$W/schemas/postgres/keygen.hcl"
	mk regenerate-all-from-atlas DB_DIALECT=postgres SQLC_DIR="$W/sqlc"
	[ "$status" -eq 0 ] || fail "$out $err"
	[[ $out == *"keygen: regenerated "*"02_keygen.sql: written"* ]] || fail "$out"
	[ "$(grep -c ': unchanged$' <<<"$out")" -eq 2 ] || fail "watch and sign rewritten: $out"
	assert_equal "$(sqlc_sums | grep -v 02_keygen)" "$(grep -v 02_keygen <<<"$before")"
	grep -q 'character varying(12)' "$W/sqlc/schemas/postgres/02_keygen.sql" || fail "no widened column"

	# What the seed would have extracted: the new migrations applied, dumped and filtered.
	pg_create "${P}_keygen"
	run_split migapply --config "$W/atlas.hcl" --env local_postgres_keygen
	[ "$status" -eq 0 ] || fail "migapply: $err"
	pg_client pg_dump "${P}_keygen" --schema-only >"$BATS_TEST_TMPDIR/dump_keygen.postgres.sql"
	sh "$BATS_TEST_DIRNAME/sqlc-extract/seed-filter-postgres.sh" keygen \
		"$BATS_TEST_TMPDIR/dump_keygen.postgres.sql" >"$BATS_TEST_TMPDIR/seed.sql"
	diff -u "$BATS_TEST_TMPDIR/seed.sql" "$W/sqlc/schemas/postgres/02_keygen.sql" ||
		fail "the dump of the migrated database says otherwise"
}

@test "extract-sqlc-schema-all (mysql): a directory that does not replay fails, located; CHECK=1 finds a stale file; nothing is written" {
	local before d=$W/migrations/mysql/watch
	mk extract-sqlc-schema-all DB_DIALECT=mysql SQLC_DIR="$W/sqlc"
	[ "$status" -eq 0 ] || fail "$out $err"
	diff -r "$ROOT/sqlc/schemas/mysql" "$W/sqlc/schemas/mysql" || fail "not the project's files"
	printf '\n' >>"$W/sqlc/schemas/mysql/03_sign.sql"
	before=$(sqlc_sums)
	mk extract-sqlc-schema-all DB_DIALECT=mysql SQLC_DIR="$W/sqlc" CHECK=1
	[ "$status" -ne 0 ] || fail "a stale file passed: $out"
	[[ $err == *"03_sign.sql: out of date with the migrations"* ]] || fail "$err"
	[[ $out == *"01_watch.sql: up to date"* ]] || fail "$out"

	printf 'CREATE VIEW v AS SELECT 1;\n' >"$d/20990101000000_view.sql"
	sumhash "$d"
	mk extract-sqlc-schema-watch DB_DIALECT=mysql SQLC_DIR="$W/sqlc"
	[ "$status" -ne 0 ] || fail "a view passed: $out"
	[[ $err == *"20990101000000_view.sql:1:1"* ]] || fail "not located: $err"
	assert_equal "$(sqlc_sums)" "$before"
}

# ---- make workflow, the main job (it owns the local databases watch, keygen, sign, sign2)

@test "make workflow: validate, synced diffs, PostgreSQL migrated and equal to the HCL, MariaDB built" {
	run_split make --no-print-directory -C "$ROOT" B="${BIN%/bin}" workflow
	[ "$status" -eq 0 ] || fail "status $status: $err"
	[[ $out == *"== done"* ]] || fail "$out"
	local db n
	for db in watch keygen sign sign2; do
		# one revision row, the project's baseline, on each PostgreSQL database
		n=$(pg_q "$db" "SELECT count(*) FROM atlas_schema_revisions.atlas_schema_revisions WHERE type = 2 AND applied = total")
		assert_equal "$n" 1
		# MariaDB: the HCL's tables, built declaratively
		n=$(my_q "$db" "SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE()")
		[ "$n" -gt 0 ] || fail "$db: no tables on MariaDB"
	done
	assert_equal "$(pg_q keygen "SELECT version FROM atlas_schema_revisions.atlas_schema_revisions")" \
		"$(basename "$ROOT"/migrations/postgres/keygen/*.sql | cut -d_ -f1)"
}
