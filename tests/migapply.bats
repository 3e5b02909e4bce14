#!/usr/bin/env bats
# migapply against the real local servers (scripts/devdb): what the database holds after
# every run, every kind of failure and every kill, not what the program said it did.
# Every test works in its own scratch databases (mkap_<test>_<pid>), dropped afterwards.

load helpers
load lib-db

FIX=$BATS_TEST_DIRNAME/migapply
MIG=$CORPUS/tools/atlas/migrations
SECRET=s3cr3t-pw-9431

setup() {
	W=$BATS_TEST_TMPDIR/w
	mkdir -p "$W"
	DB=mkap_${BATS_TEST_NUMBER}_$$
	PGDBS=()
	MYDBS=()
	BG=()
}

teardown() {
	local p d
	for p in "${BG[@]}"; do kill -9 "$p" 2>/dev/null || true; done
	for d in "${PGDBS[@]}"; do pg_drop "$d" >/dev/null 2>&1 || true; done
	for d in "${MYDBS[@]}"; do my_drop "$d" >/dev/null 2>&1 || true; done
}

pg_url() { echo "postgres://$PG_USER:$PG_PASSWORD@$PG_HOST:$PG_PORT/$1?sslmode=disable"; }
my_url() { echo "mysql://$MY_USER:$MY_PASSWORD@$MY_HOST:$MY_PORT/$1"; }
pgdb() { pg_create "$1" >/dev/null || fail "cannot create $1"; PGDBS+=("$1"); }
mydb() { my_create "$1" || fail "cannot create $1"; MYDBS+=("$1"); }

# The revisions rows, one line each, every column.
PGREV="SELECT version, description, type, applied, total, error, error_stmt, hash,
	coalesce(jsonb_typeof(partial_hashes), 'SQL NULL'), operator_version
	FROM atlas_schema_revisions.atlas_schema_revisions ORDER BY version"
MYREV="SELECT version, description, type, applied, total, error, error_stmt, hash,
	coalesce(partial_hashes, 'SQL NULL'), operator_version
	FROM atlas_schema_revisions ORDER BY version"

# sum_hash DIR FILE: FILE's atlas.sum hash without 'h1:'.
sum_hash() { sed -n "s/^$2 h1://p" "$1/atlas.sum"; }

# cum_hashes STMT...: Atlas's partial hashes, computed here with openssl: h1:base64 of the
# SHA-256 of all statement texts so far, comma-separated.
cum_hashes() {
	local acc= s out=
	for s; do
		acc+=$s
		out+=${out:+,}h1:$(printf '%s' "$acc" | openssl dgst -sha256 -binary | base64)
	done
	echo "$out"
}

# pg_dump_app DB: the schema without the revisions table, for comparing catalogs.
pg_dump_app() {
	pg_client pg_dump "$1" --schema-only --no-owner --no-privileges -N atlas_schema_revisions |
		grep -v -e '^--' -e '^SET ' -e '^$' -e '^\\restrict ' -e '^\\unrestrict ' \
			-e 'SELECT pg_catalog.set_config'
}

my_dump_app() {
	local t
	for t in $(my_q "$1" "SELECT table_name FROM information_schema.tables WHERE
		table_schema = DATABASE() AND table_name <> 'atlas_schema_revisions' ORDER BY 1"); do
		my_q "$1" "SHOW CREATE TABLE \`$t\`"
	done
}

# wait_for CMD...: retries CMD for up to 10 seconds.
wait_for() {
	local i
	for i in $(seq 200); do
		"$@" && return 0
		sleep 0.05
	done
	return 1
}

# copy FIXTURE: a writable copy of a fixture directory, in $W/FIXTURE.
copy() { cp -r "$FIX/$1" "$W/$1"; }

# no_timings: the log without its durations, which change from run to run.
no_timings() { sed -E -e 's/-- ok \([^)]*\)/-- ok (T)/' -e 's/^  -- [0-9.]+(µs|ms|s|m[0-9.]+s)$/  -- T/'; }

# ---------------------------------------------------------------- corpus, every column

corpus_pg() {
	local db=$1 dir=$MIG/postgres/$1 f ver n t0 t1 h
	f=$(basename "$dir"/*.sql)
	ver=${f%%_*}
	n=$(grep -c '^-- ' "$dir/$f") # Atlas writes one comment line per statement
	h=$(sum_hash "$dir" "$f")
	pgdb "$DB"
	pgdb "${DB}_ref"
	t0=$(date +%s)
	run_split migapply --url "$(pg_url "$DB")" --dir "$dir"
	t1=$(($(date +%s) + 1))
	[ "$status" -eq 0 ] || fail "apply failed: $err"
	[[ $out == "Migrating to version $ver (1 migrations in total):"* ]] || fail "header: $out"
	[[ $out == *"-- 1 migration"$'\n'"  -- $n sql statements" ]] || fail "footer: $out"
	assert_equal "$(pg_q "$DB" "$PGREV")" \
		"$ver|initial_schema|2|$n|$n|||$h|null|migkit v0.1.0"
	assert_equal "$(pg_q "$DB" "SELECT count(*) FROM atlas_schema_revisions.atlas_schema_revisions
		WHERE executed_at BETWEEN to_timestamp($t0) AND to_timestamp($t1)
		AND execution_time > 0 AND execution_time < 60000000000
		AND error IS NOT NULL AND error_stmt IS NOT NULL")" 1
	# What the database holds equals the file run by psql in one transaction.
	pg_apply "${DB}_ref" "$dir/$f"
	diff <(pg_dump_app "${DB}_ref") <(pg_dump_app "$DB") || fail "catalog differs from psql's"
	run_split migapply --url "$(pg_url "$DB")" --dir "$dir"
	[ "$status" -eq 0 ] && [ "$out" = "No migration files to execute" ] || fail "second run: $out $err"
}

# The MySQL corpus files say utf8mb4_0900_ai_ci, a MySQL 8 collation MariaDB 10.11 lacks: a
# copy with utf8mb4_unicode_ci instead, re-hashed with sumhash, is applied.
corpus_my() {
	local db=$1 src=$MIG/mysql/$1 dir=$W/$1 f ver n t0 t1 h
	mkdir -p "$dir"
	f=$(basename "$src"/*.sql)
	sed 's/utf8mb4_0900_ai_ci/utf8mb4_unicode_ci/g' "$src/$f" >"$dir/$f"
	sumhash "$dir"
	ver=${f%%_*}
	n=$(grep -c '^-- ' "$dir/$f")
	h=$(sum_hash "$dir" "$f")
	mydb "$DB"
	mydb "${DB}_ref"
	t0=$(date +%s)
	run_split migapply --url "$(my_url "$DB")?charset=utf8mb4&parseTime=True&loc=Local" --dir "$dir"
	t1=$(($(date +%s) + 1))
	[ "$status" -eq 0 ] || fail "apply failed: $err"
	[[ $out == *"-- 1 migration"$'\n'"  -- $n sql statements" ]] || fail "footer: $out"
	assert_equal "$(my_q "$DB" "$MYREV")" \
		"$(printf '%s\tinitial_schema\t2\t%s\t%s\t\t\t%s\tnull\tmigkit v0.1.0' "$ver" "$n" "$n" "$h")"
	assert_equal "$(my_q "$DB" "SELECT count(*) FROM atlas_schema_revisions
		WHERE UNIX_TIMESTAMP(executed_at) BETWEEN $t0 AND $t1
		AND execution_time > 0 AND execution_time < 60000000000
		AND error IS NOT NULL AND error_stmt IS NOT NULL")" 1
	my_apply "${DB}_ref" "$dir/$f"
	diff <(my_dump_app "${DB}_ref") <(my_dump_app "$DB") || fail "catalog differs from the client's"
	run_split migapply --url "$(my_url "$DB")" --dir "$dir"
	[ "$status" -eq 0 ] && [ "$out" = "No migration files to execute" ] || fail "second run: $out $err"
}

@test "corpus postgres/watch: applied, every revision column as Atlas writes it, catalog = psql's" { corpus_pg watch; }
@test "corpus postgres/keygen: applied, every revision column as Atlas writes it, catalog = psql's" { corpus_pg keygen; }
@test "corpus postgres/sign: applied, every revision column as Atlas writes it, catalog = psql's" { corpus_pg sign; }
@test "corpus mysql/watch (collation for MariaDB, re-hashed): applied, every column, catalog = client's" { corpus_my watch; }
@test "corpus mysql/keygen (collation for MariaDB, re-hashed): applied, every column, catalog = client's" { corpus_my keygen; }
@test "corpus mysql/sign (collation for MariaDB, re-hashed): applied, every column, catalog = client's" { corpus_my sign; }

@test "revisions table: Atlas's DDL on PostgreSQL (schema atlas_schema_revisions) and MariaDB" {
	pgdb "$DB"
	mydb "$DB"
	migapply --url "$(pg_url "$DB")" --dir "$FIX/pg" >/dev/null
	migapply --url "$(my_url "$DB")" --dir "$FIX/my" >/dev/null
	assert_equal "$(pg_q "$DB" "SELECT column_name, data_type, is_nullable, coalesce(column_default, '')
		FROM information_schema.columns WHERE table_schema = 'atlas_schema_revisions'
		AND table_name = 'atlas_schema_revisions' ORDER BY ordinal_position")" \
		"version|character varying|NO|
description|character varying|NO|
type|bigint|NO|2
applied|bigint|NO|0
total|bigint|NO|0
executed_at|timestamp with time zone|NO|
execution_time|bigint|NO|
error|text|YES|
error_stmt|text|YES|
hash|character varying|NO|
partial_hashes|jsonb|YES|
operator_version|character varying|NO|"
	assert_equal "$(pg_q "$DB" "SELECT pg_get_constraintdef(oid) FROM pg_constraint
		WHERE conrelid = 'atlas_schema_revisions.atlas_schema_revisions'::regclass")" \
		"PRIMARY KEY (version)"
	diff -u - <(my_q "$DB" "SHOW CREATE TABLE atlas_schema_revisions" | cut -f2) <<'EOF'
CREATE TABLE `atlas_schema_revisions` (
  `version` varchar(255) NOT NULL,
  `description` varchar(255) NOT NULL,
  `type` bigint(20) unsigned NOT NULL DEFAULT 2,
  `applied` bigint(20) NOT NULL DEFAULT 0,
  `total` bigint(20) NOT NULL DEFAULT 0,
  `executed_at` timestamp NOT NULL,
  `execution_time` bigint(20) NOT NULL,
  `error` longtext DEFAULT NULL,
  `error_stmt` longtext DEFAULT NULL,
  `hash` varchar(255) NOT NULL,
  `partial_hashes` longtext DEFAULT NULL CHECK (json_valid(`partial_hashes`)),
  `operator_version` varchar(255) NOT NULL,
  PRIMARY KEY (`version`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin
EOF
}

# ---------------------------------------------------------------- the log and the splitter

@test "apply log: Atlas's shape, statements as Atlas cuts them (dollar quotes, BEGIN ATOMIC, comments)" {
	pgdb "$DB"
	run_split migapply --url "$(pg_url "$DB")" --dir "$FIX/split-pg"
	[ "$status" -eq 0 ] || fail "$err"
	diff -u - <(no_timings <<<"$out") <<'EOF'
Migrating to version 20240101000001 (1 migrations in total):

  -- migrating version 20240101000001
    -> CREATE TABLE t1 (id int, note text DEFAULT ';');
    -> CREATE FUNCTION f1() RETURNS int LANGUAGE sql AS $body$ SELECT 1; $body$;
    -> CREATE FUNCTION f2() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END;
    -> DO $$ BEGIN PERFORM 1; END $$;
    -> SELECT 'it''s', "id" FROM t1 -- trailing
       ;
    -> SELECT 1 AS "x;y"
  -- ok (T)

  -------------------------
  -- T
  -- 1 migration
  -- 6 sql statements
EOF
	assert_equal "$(pg_q "$DB" "SELECT f1() + f2()")" 3
}

@test "MySQL splitting: atlas:delimiter, DELIMITER, # comments, backslash escapes, BEGIN ... END" {
	mydb "$DB"
	run_split migapply --url "$(my_url "$DB")" --dir "$FIX/split-my"
	[ "$status" -eq 0 ] || fail "$err"
	diff -u - <(no_timings <<<"$out") <<'EOF'
Migrating to version 20240101000002 (2 migrations in total):

  -- migrating version 20240101000001
    -> CREATE TABLE t1 (id int)
    -> CREATE PROCEDURE p1()
       BEGIN
         SELECT 1;
       END
  -- ok (T)

  -- migrating version 20240101000002
    -> CREATE TABLE t2 (s varchar(10) DEFAULT 'a\'b;');
    -> CREATE TRIGGER t2_bi BEFORE INSERT ON t2 FOR EACH ROW
       BEGIN
         SET NEW.s = CONCAT(NEW.s, ';');
       END
    -> INSERT INTO t2 VALUES ('x');
  -- ok (T)

  -------------------------
  -- T
  -- 2 migrations
  -- 5 sql statements
EOF
	assert_equal "$(my_q "$DB" "SELECT s FROM t2")" "x;"
	assert_equal "$(my_q "$DB" "SELECT total FROM atlas_schema_revisions ORDER BY version")" "2
3"
}

@test "--json: Atlas's report fields; nothing pending says so" {
	pgdb "$DB"
	run_split migapply --json --url "$(pg_url "$DB")" --dir "$FIX/pg" 2
	[ "$status" -eq 0 ] || fail "$err"
	assert_equal "$(jq -c '[.Driver, .Target, (.Pending|map(.Name)), (.Applied|map(.Applied|length)), .Message]' <<<"$out")" \
		'["postgres","20240101000002",["20240101000001_create.sql","20240101000002_func.sql"],[2,2],"Migrated to version 20240101000002 from  (2 migrations in total)"]'
	run_split migapply --json --url "$(pg_url "$DB")" --dir "$FIX/pg" 5
	assert_equal "$(jq -r '.Current + " " + .Target' <<<"$out")" "20240101000002 20240101000003"
	run_split migapply --json --url "$(pg_url "$DB")" --dir "$FIX/pg"
	assert_equal "$(jq -r .Message <<<"$out")" "No migration files to execute"
}

# ---------------------------------------------------------------- status

@test "status: nothing applied, part applied, all applied (text as Atlas prints it)" {
	pgdb "$DB"
	run_split migapply --status --url "$(pg_url "$DB")" --dir "$FIX/pg"
	[ "$status" -eq 0 ] || fail "$err"
	assert_equal "$out" "Migration Status: PENDING
  -- Current Version: No migration applied yet
  -- Next Version:    20240101000001
  -- Executed Files:  0
  -- Pending Files:   3"
	pg_q "$DB" "SELECT 1 FROM pg_namespace WHERE nspname = 'atlas_schema_revisions'" | grep -q 1 &&
		fail "status created the revisions schema"
	migapply --url "$(pg_url "$DB")" --dir "$FIX/pg" 1 >/dev/null
	run_split migapply --status --url "$(pg_url "$DB")" --dir "$FIX/pg"
	assert_equal "$out" "Migration Status: PENDING
  -- Current Version: 20240101000001
  -- Next Version:    20240101000002
  -- Executed Files:  1
  -- Pending Files:   2"
	migapply --url "$(pg_url "$DB")" --dir "$FIX/pg" >/dev/null
	run_split migapply --status --url "$(pg_url "$DB")" --dir "$FIX/pg"
	assert_equal "$out" "Migration Status: OK
  -- Current Version: 20240101000003
  -- Next Version:    Already at latest version
  -- Executed Files:  3
  -- Pending Files:   0"
	run_split migapply --status --json --url "$(pg_url "$DB")" --dir "$FIX/pg"
	assert_equal "$(jq -c '[.Status, .Current, .Next, (.Applied|map(.Type+":"+(.Applied|tostring)+"/"+(.Total|tostring))), .Env.Driver]' <<<"$out")" \
		'["OK","20240101000003","Already at latest version",["applied:2/2","applied:2/2","applied:3/3"],"postgres"]'
}

@test "failure on MariaDB: partial revision (applied, error, error_stmt, partial hashes), status, fixed file resumes at the failed statement" {
	mydb "$DB"
	copy fail
	run_split migapply --url "$(my_url "$DB")" --dir "$W/fail"
	[ "$status" -eq 1 ] || fail "status $status: $out $err"
	[[ $out == *"    Error 1050 (42S01): Table 'a' already exists"$'\n\n'"  -------------------------"* ]] || fail "$out"
	[[ $out == *"-- 1 migration with errors"$'\n'"  -- 1 sql statement ok, 1 with errors" ]] || fail "$out"
	assert_equal "$err" "migapply: $W/fail/20240101000001_fail.sql:2: statement 2 failed: Error 1050 (42S01): Table 'a' already exists"
	assert_equal "$(my_q "$DB" "SELECT applied, total, error, error_stmt, partial_hashes, type FROM atlas_schema_revisions")" \
		"$(printf "1\t3\tError 1050 (42S01): Table 'a' already exists\tCREATE TABLE a (id int);\t[\"%s\"]\t2" \
			"$(cum_hashes 'CREATE TABLE a (id int);')")"
	# As Atlas words it: with every file of the directory pending, even a partly applied
	# one, the current version reads "No migration applied yet".
	run_split migapply --status --url "$(my_url "$DB")" --dir "$W/fail"
	assert_equal "$out" "Migration Status: PENDING
  -- Current Version: No migration applied yet (1 statements applied)
  -- Next Version:    20240101000001 (2 statements left)
  -- Executed Files:  1 (last one partially)
  -- Pending Files:   1

Last migration attempt had errors:
  -- SQL:   CREATE TABLE a (id int);
  -- ERROR: Error 1050 (42S01): Table 'a' already exists"
	# Fix the failing statement, re-hash: the run starts at statement 2, so statement 1
	# (which would fail again) is not run twice.
	sed -i '2s/TABLE a/TABLE b/' "$W/fail/20240101000001_fail.sql"
	sumhash "$W/fail"
	run_split migapply --url "$(my_url "$DB")" --dir "$W/fail"
	[ "$status" -eq 0 ] || fail "resume: $out $err"
	[[ $out == *"-> CREATE TABLE b (id int);"$'\n'"    -> CREATE TABLE c (id int);"$'\n'"  -- ok"* ]] || fail "$out"
	[[ $out != *"TABLE a"* ]] || fail "statement 1 ran again: $out"
	assert_equal "$(my_q "$DB" "$MYREV")" \
		"$(printf '20240101000001\tfail\t2\t3\t3\t\t\t%s\tnull\tmigkit v0.1.0' "$(sum_hash "$W/fail" 20240101000001_fail.sql)")"
	assert_equal "$(my_q "$DB" "SHOW TABLES" | tr '\n' ' ')" "a atlas_schema_revisions b c "
}

@test "failure on PostgreSQL (tx file): the file is rolled back whole, no revision row, Atlas's footer" {
	pgdb "$DB"
	run_split migapply --url "$(pg_url "$DB")" --dir "$FIX/fail"
	[ "$status" -eq 1 ] || fail "status $status"
	[[ $out == *"    ERROR: relation \"a\" already exists (SQLSTATE 42P07)"* ]] || fail "$out"
	[[ $out == *"-- 1 migration with errors"$'\n'"  -- 1 sql statement ok, 1 with errors" ]] || fail "$out"
	assert_equal "$(pg_q "$DB" "SELECT count(*) FROM atlas_schema_revisions.atlas_schema_revisions")" 0
	assert_equal "$(pg_q "$DB" "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")" 0
}

@test "history changed: an applied statement of a partial file edited -> refused, nothing runs" {
	mydb "$DB"
	copy fail
	migapply --url "$(my_url "$DB")" --dir "$W/fail" >/dev/null 2>&1 || true
	sed -i '1s/TABLE a/TABLE z/' "$W/fail/20240101000001_fail.sql"
	sumhash "$W/fail"
	before=$(my_q "$DB" "$MYREV")
	run_split migapply --url "$(my_url "$DB")" --dir "$W/fail"
	[ "$status" -eq 1 ] || fail "status $status: $err"
	assert_equal "$err" "migapply: $W/fail: history changed: statement 1 from file \"20240101000001_fail.sql\" changed"
	assert_equal "$(my_q "$DB" "$MYREV")" "$before"
	assert_equal "$(my_q "$DB" "SHOW TABLES" | tr '\n' ' ')" "a atlas_schema_revisions "
}

# ---------------------------------------------------------------- concurrency

concurrent() { # DIALECT: 8 runs started together on one database
	local d=$1 url i p rc=0 applied=0 nothing=0
	if [ "$d" = pg ]; then pgdb "$DB"; url=$(pg_url "$DB"); else mydb "$DB"; url=$(my_url "$DB"); fi
	local pids=()
	for i in 1 2 3 4 5 6 7 8; do
		migapply --url "$url" --dir "$FIX/concurrent-$d" >"$W/out.$i" 2>"$W/err.$i" &
		pids+=($!)
	done
	for i in 1 2 3 4 5 6 7 8; do
		wait "${pids[$((i - 1))]}" || { rc=$?; echo "run $i: $rc $(cat "$W/err.$i")" >&2; }
		grep -q '^Migrating to version 20240101000005 (5 migrations in total):' "$W/out.$i" && applied=$((applied + 1))
		[ "$(cat "$W/out.$i")" = "No migration files to execute" ] && nothing=$((nothing + 1))
	done
	[ "$rc" -eq 0 ] || fail "a run failed"
	assert_equal "$applied $nothing" "1 7"
	if [ "$d" = pg ]; then
		assert_equal "$(pg_q "$DB" "SELECT string_agg(v::text, ',' ORDER BY v) FROM log")" "1,2,3,4,5"
		assert_equal "$(pg_q "$DB" "SELECT count(*), sum(applied), sum(total) FROM atlas_schema_revisions.atlas_schema_revisions")" "5|12|12"
	else
		assert_equal "$(my_q "$DB" "SELECT group_concat(v ORDER BY v) FROM log")" "1,2,3,4,5"
		assert_equal "$(my_q "$DB" "SELECT count(*), sum(applied), sum(total) FROM atlas_schema_revisions")" "$(printf '5\t12\t12')"
	fi
}

@test "concurrency on PostgreSQL: 8 runs at once, each file applied exactly once, the others waited" { concurrent pg; }
@test "concurrency on MariaDB: 8 runs at once, each file applied exactly once, the others waited" { concurrent my; }

pg_lock_held() { test "$(pg_q "$DB" "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = 2686470616 AND granted")" = 1; }
my_lock_held() { test "$(my_q "$DB" "SELECT IS_USED_LOCK('atlas_migrate_execute') IS NOT NULL")" = 1; }

@test "lock held by another session past --lock-timeout: exit 2, a clear message, nothing done" {
	pgdb "$DB"
	mydb "$DB"
	pg_client psql "$DB" -X -q -c "SELECT pg_advisory_lock(2686470616)" -c "SELECT pg_sleep(8)" >/dev/null 2>&1 &
	BG+=($!)
	my_client "$DB" -e "SELECT GET_LOCK('atlas_migrate_execute', 0); SELECT SLEEP(8)" >/dev/null 2>&1 &
	BG+=($!)
	wait_for pg_lock_held || fail "the PostgreSQL lock was never taken"
	wait_for my_lock_held || fail "the MariaDB lock was never taken"
	run_split migapply --url "$(pg_url "$DB")" --dir "$FIX/pg" --lock-timeout 1s
	[ "$status" -eq 2 ] || fail "status $status"
	assert_equal "$err" "migapply: acquiring database lock: lock 'atlas_migrate_execute' is held by another session (another migapply or atlas run on $PG_USER@$PG_HOST:$PG_PORT/$DB?); waited 1s (--lock-timeout)"
	run_split migapply --url "$(my_url "$DB")" --dir "$FIX/my" --lock-timeout 0
	[ "$status" -eq 2 ] && [[ $err == *"lock 'atlas_migrate_execute' is held by another session"* ]] || fail "$status $err"
	assert_equal "$(pg_q "$DB" "SELECT count(*) FROM pg_namespace WHERE nspname = 'atlas_schema_revisions'")" 0
	assert_equal "$(my_q "$DB" "SHOW TABLES")" ""
	# MariaDB's lock is server-wide: end the holder's session now, not when its client dies.
	my_q mysql "KILL $(my_q mysql "SELECT IS_USED_LOCK('atlas_migrate_execute')")"
}

# ---------------------------------------------------------------- crash safety

STMTS=("CREATE TABLE log (s int);" "INSERT INTO log VALUES (2);" "CREATE TABLE t3 (id int);"
	"INSERT INTO log VALUES (4);" "CREATE TABLE t5 (id int);")

# crash DIALECT MODE K: kill -9 once statement K of the 5 has run (0: the file has
# started), check what the kill left, run again, check nothing ran twice or was skipped.
crash() {
	local d=$1 mode=$2 k=$3 url q pid left
	if [ "$d" = pg ]; then
		pgdb "$DB"
		url=$(pg_url "$DB")
		q() { pg_q "$DB" "$1"; }
	else
		mydb "$DB"
		url=$(my_url "$DB")
		q() { my_q "$DB" "$1"; }
	fi
	rm -f "$W/err"
	MIGAPPLY_TEST_PAUSE=20240101000001:$k migapply --url "$url" --dir "$FIX/crash" --tx-mode "$mode" >"$W/out" 2>"$W/err" &
	pid=$!
	BG+=("$pid")
	wait_for grep -q "test pause after statement $k " "$W/err" || fail "no pause: $(cat "$W/err")"
	kill -9 "$pid"
	wait "$pid" 2>/dev/null || true
	local rev=atlas_schema_revisions
	[ "$d" = pg ] && rev=atlas_schema_revisions.atlas_schema_revisions
	left=$(q "SELECT applied FROM $rev")
	if [ "$d" = my ] && [ "$mode" = file ] && [ "$k" = 0 ]; then
		# Nothing committed yet: the first statement is the first DDL, which commits.
		assert_equal "$left" ""
	elif [ "$d" = pg ] && [ "$mode" = file ] && [ "$k" -lt 5 ]; then
		# One transaction: the kill rolled all of it back.
		assert_equal "$left" ""
		assert_equal "$(q "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")" 0
	else
		# (PostgreSQL tx file, k = 5: the COMMIT went with the last statement.)
		assert_equal "$left" "$k"
		if [ "$k" -gt 0 ] && [ "$k" -lt 5 ]; then
			local ph
			if [ "$d" = pg ]; then
				ph=$(q "SELECT string_agg(x, ',') FROM $rev, jsonb_array_elements_text(partial_hashes) x")
			else
				ph=$(q "SELECT partial_hashes FROM $rev")
				assert_equal "$ph" "[\"$(cum_hashes "${STMTS[@]:0:$k}" | sed 's/,/","/g')\"]"
				ph=$(tr -d '[]"' <<<"$ph")
			fi
			assert_equal "$ph" "$(cum_hashes "${STMTS[@]:0:$k}")"
		fi
	fi
	run_split migapply --url "$url" --dir "$FIX/crash" --tx-mode "$mode"
	[ "$status" -eq 0 ] || fail "rerun after kill at $k: $out $err"
	# A statement run twice would have failed (CREATE TABLE) or doubled a row; one skipped
	# would miss its table or row.
	if [ "$d" = pg ]; then
		assert_equal "$(q "SELECT string_agg(s::text, ',' ORDER BY s) FROM log")" "2,4"
		assert_equal "$(q "SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = 'public'")" "log,t3,t5"
		assert_equal "$(q "SELECT applied, total, error, coalesce(jsonb_typeof(partial_hashes), 'SQL NULL') FROM $rev")" "5|5||null"
	else
		assert_equal "$(q "SELECT group_concat(s ORDER BY s) FROM log")" "2,4"
		assert_equal "$(q "SHOW TABLES" | tr '\n' ',')" "atlas_schema_revisions,log,t3,t5,"
		assert_equal "$(q "SELECT applied, total, error, partial_hashes FROM $rev")" "$(printf '5\t5\t\tnull')"
	fi
}

@test "kill -9 at every statement position, PostgreSQL tx file: rolled back, the rerun finishes" {
	for k in 0 1 2 3 4 5; do crash pg file $k; teardown; setup; done
}
@test "kill -9 at every statement position, PostgreSQL tx none: resumes at the next statement" {
	for k in 0 1 2 3 4 5; do crash pg none $k; teardown; setup; done
}
@test "kill -9 at every statement position, MariaDB tx none: resumes at the next statement" {
	for k in 0 1 2 3 4 5; do crash my none $k; teardown; setup; done
}
@test "kill -9 at every statement position, MariaDB tx file (DDL commits): resumes too" {
	for k in 0 1 2 3 4 5; do crash my file $k; teardown; setup; done
}

# running DIALECT K: the server is running slow statement K of crash-slow-*.
running() {
	if [ "$1" = pg ]; then
		test "$(pg_q "$DB" "SELECT count(*) FROM pg_stat_activity WHERE state = 'active'
			AND query LIKE '%AS k$2 FROM%' AND pid <> pg_backend_pid()")" = 1
	else
		test "$(my_q "$DB" "SELECT count(*) FROM information_schema.PROCESSLIST
			WHERE INFO LIKE '%AS k$2 FROM%' AND ID <> CONNECTION_ID()")" = 1
	fi
}

# kill_during DIALECT MODE K: kill -9 while slow statement K (2..4) runs on the server.
kill_during() {
	local d=$1 mode=$2 k=$3 url pid
	if [ "$d" = pg ]; then
		pgdb "$DB"
		url=$(pg_url "$DB")
	else
		mydb "$DB"
		url=$(my_url "$DB")
	fi
	migapply --url "$url" --dir "$FIX/crash-slow-$d" --tx-mode "$mode" >"$W/out" 2>"$W/err" &
	pid=$!
	BG+=("$pid")
	wait_for running "$d" "$k" || fail "statement $k never seen running"
	kill -9 "$pid"
	wait "$pid" 2>/dev/null || true
	run_split migapply --url "$url" --dir "$FIX/crash-slow-$d" --tx-mode "$mode"
	[ "$status" -eq 0 ] || fail "rerun after a kill during statement $k: $out $err"
	if [ "$d" = pg ]; then
		assert_equal "$(pg_q "$DB" "SELECT string_agg(s::text, ',' ORDER BY s) FROM log") $(pg_q "$DB" "SELECT k3 FROM t3")" "2,4 3"
		assert_equal "$(pg_q "$DB" "SELECT applied, total FROM atlas_schema_revisions.atlas_schema_revisions")" "4|4"
	else
		assert_equal "$(my_q "$DB" "SELECT group_concat(s ORDER BY s) FROM log") $(my_q "$DB" "SELECT k3 FROM t3")" "2,4 3"
		assert_equal "$(my_q "$DB" "SELECT applied, total FROM atlas_schema_revisions")" "$(printf '4\t4')"
	fi
}

@test "kill -9 while a statement runs on the server (PostgreSQL file and none, MariaDB none): no statement twice or skipped" {
	for k in 2 3 4; do
		kill_during pg file $k; teardown; setup
		kill_during pg none $k; teardown; setup
		kill_during my none $k; teardown; setup
	done
}

# ---------------------------------------------------------------- refusals

# snapshot DIALECT: the catalog and the revisions rows, to show a refused run changed nothing.
snapshot() {
	if [ "$1" = pg ]; then
		pg_dump_app "$DB"
		pg_q "$DB" "SELECT version, type, applied, total, hash, executed_at, execution_time FROM atlas_schema_revisions.atlas_schema_revisions ORDER BY 1"
	else
		my_dump_app "$DB"
		my_q "$DB" "SELECT version, type, applied, total, hash, executed_at, execution_time FROM atlas_schema_revisions ORDER BY 1"
	fi
}

applied_pg_copy() { # a copy of the pg fixture, its first two files applied
	pgdb "$DB"
	copy pg
	migapply --url "$(pg_url "$DB")" --dir "$W/pg" 2 >/dev/null
	snapshot pg >"$W/before"
}

@test "edited applied file, atlas.sum not updated: checksum error (exit 1), database untouched" {
	applied_pg_copy
	echo "-- edited" >>"$W/pg/20240101000001_create.sql"
	run_split migapply --url "$(pg_url "$DB")" --dir "$W/pg"
	[ "$status" -eq 1 ] || fail "status $status"
	assert_equal "$out" "You have a checksum error in your migration directory.

	L2: 20240101000001_create.sql was edited

Please check your migration files and run 'sumhash $W/pg' to re-hash the contents"
	assert_equal "$err" "migapply: $W/pg: checksum mismatch"
	diff "$W/before" <(snapshot pg)
}

@test "edited applied file, re-hashed: refused (exit 1), database untouched" {
	applied_pg_copy
	sed -i 's/"name" text NULL/"name" varchar(9) NULL/' "$W/pg/20240101000001_create.sql"
	sumhash "$W/pg"
	run_split migapply --url "$(pg_url "$DB")" --dir "$W/pg"
	[ "$status" -eq 1 ] || fail "status $status: $out"
	[[ $err == "migapply: $W/pg: applied migration '20240101000001_create.sql' no longer matches what was applied"* ]] || fail "$err"
	assert_equal "$out" ""
	diff "$W/before" <(snapshot pg)
}

@test "reordered directory (applied files renamed into another order), re-hashed: refused, untouched" {
	applied_pg_copy
	mv "$W/pg/20240101000002_func.sql" "$W/pg/20231231000000_func.sql"
	sumhash "$W/pg"
	run_split migapply --url "$(pg_url "$DB")" --dir "$W/pg"
	[ "$status" -eq 1 ] || fail "status $status: $out"
	assert_equal "$err" "migapply: $W/pg: version '20240101000002' was applied but its file (20240101000002_func.sql) is no longer in the migration directory (removed or renamed after it was applied)"
	diff "$W/before" <(snapshot pg)
	# Swapping two files' contents under the same names is caught by the hashes.
	cp -r "$FIX/pg/." "$W/pg2" && rm -f "$W/pg/"*.sql && cp "$W/pg2/"*.sql "$W/pg/"
	cp "$W/pg2/20240101000001_create.sql" "$W/pg/20240101000002_func.sql"
	cp "$W/pg2/20240101000002_func.sql" "$W/pg/20240101000001_create.sql"
	sumhash "$W/pg"
	run_split migapply --url "$(pg_url "$DB")" --dir "$W/pg"
	[ "$status" -eq 1 ] && [[ $err == *"applied migration '20240101000001_create.sql' no longer matches"* ]] || fail "$status $err"
	diff "$W/before" <(snapshot pg)
}

@test "removed applied file: checksum error, and once re-hashed refused; database untouched" {
	applied_pg_copy
	rm "$W/pg/20240101000002_func.sql"
	run_split migapply --url "$(pg_url "$DB")" --dir "$W/pg"
	[ "$status" -eq 1 ] && [[ $out == *"L3: 20240101000002_func.sql was removed"* ]] || fail "$status $out"
	sumhash "$W/pg"
	run_split migapply --url "$(pg_url "$DB")" --dir "$W/pg"
	[ "$status" -eq 1 ] || fail "status $status"
	[[ $err == *"version '20240101000002' was applied but its file (20240101000002_func.sql) is no longer in the migration directory"* ]] || fail "$err"
	diff "$W/before" <(snapshot pg)
}

@test "out of order: linear refuses (Atlas's message, status too), linear-skip skips, non-linear runs it" {
	mydb "$DB"
	copy my
	mv "$W/my/20240101000002_proc.sql" "$W/proc.sql"
	sumhash "$W/my"
	migapply --url "$(my_url "$DB")" --dir "$W/my" >/dev/null
	mv "$W/proc.sql" "$W/my/20240101000002_proc.sql"
	sumhash "$W/my"
	snapshot my >"$W/before"
	run_split migapply --url "$(my_url "$DB")" --dir "$W/my"
	[ "$status" -eq 1 ] || fail "status $status"
	assert_equal "$err" "migapply: $W/my: migration file 20240101000002_proc.sql was added out of order. See: https://atlasgo.io/versioned/apply#non-linear-error"
	diff "$W/before" <(snapshot my)
	run_split migapply --status --url "$(my_url "$DB")" --dir "$W/my"
	assert_equal "$out" "Migration Status: PENDING
  -- Current Version: 20240101000003
  -- Next Version:    UNKNOWN
  -- Executed Files:  2
  -- Pending Files:   1 (out of order)

  ERROR: migration file 20240101000002_proc.sql was added out of order. See: https://atlasgo.io/versioned/apply#non-linear-error"
	run_split migapply --url "$(my_url "$DB")" --dir "$W/my" --exec-order linear-skip
	[ "$status" -eq 0 ] && [ "$out" = "No migration files to execute" ] || fail "$status $out $err"
	run_split migapply --url "$(my_url "$DB")" --dir "$W/my" --exec-order non-linear
	[ "$status" -eq 0 ] && [[ $out == "Migrating to version 20240101000002 from 20240101000003 (1 migrations in total):"* ]] || fail "$status $out $err"
	assert_equal "$(my_q "$DB" "SELECT group_concat(s ORDER BY s) FROM log")" "2,3"
	run_split migapply --url "$(my_url "$DB")" --dir "$W/my"
	[ "$status" -eq 0 ] && [ "$out" = "No migration files to execute" ] || fail "after non-linear: $status $out $err"
}

# ---------------------------------------------------------------- connections

@test "bad URLs: exit 2, 'bad URL', no password shown" {
	for u in "postgres//u:$SECRET@h/db" "ftp://u:$SECRET@h/db" "postgres://u:$SECRET@h:port/db" \
		"postgres://u:$SECRET@127.0.0.1:$PG_PORT/db?nosuchoption=1"; do
		run_split migapply --url "$u" --dir "$FIX/pg"
		[ "$status" -eq 2 ] || fail "$u: status $status"
		[[ $err == "migapply: bad URL"* ]] || fail "$u: $err"
		[[ $out$err != *"$SECRET"* ]] || fail "password shown: $err"
	done
}

@test "wrong password: exit 2, 'authentication failed', no password shown (PostgreSQL, MariaDB)" {
	run_split migapply --url "postgres://$PG_USER:$SECRET@$PG_HOST:$PG_PORT/postgres?sslmode=disable" --dir "$FIX/pg"
	[ "$status" -eq 2 ] || fail "status $status"
	[[ $err == "migapply: authentication failed for $PG_USER@$PG_HOST:$PG_PORT/postgres:"* ]] || fail "$err"
	[[ $out$err != *"$SECRET"* ]] || fail "password shown"
	run_split migapply --url "mysql://$MY_USER:$SECRET@$MY_HOST:$MY_PORT/mysql" --dir "$FIX/my"
	[ "$status" -eq 2 ] || fail "status $status"
	[[ $err == "migapply: authentication failed for $MY_USER@$MY_HOST:$MY_PORT/mysql:"* ]] || fail "$err"
	[[ $out$err != *"$SECRET"* ]] || fail "password shown"
}

@test "server down (nothing listens on the port): exit 2, 'server down', no password shown" {
	run_split migapply --url "postgres://u:$SECRET@127.0.0.1:1/db?sslmode=disable" --dir "$FIX/pg"
	[ "$status" -eq 2 ] || fail "status $status"
	assert_equal "$err" "migapply: server down or unreachable: cannot connect to 127.0.0.1:1 (connection refused)"
	run_split migapply --url "mysql://u:$SECRET@127.0.0.1:1/db" --dir "$FIX/my"
	[ "$status" -eq 2 ] && [[ $err == "migapply: server down or unreachable: cannot connect to 127.0.0.1:1 ("* ]] || fail "$err"
	[[ $out$err != *"$SECRET"* ]] || fail "password shown"
}

@test "database does not exist: exit 2, says which database, no password shown" {
	run_split migapply --url "postgres://$PG_USER:$PG_PASSWORD@$PG_HOST:$PG_PORT/mkap_none_$$?sslmode=disable" --dir "$FIX/pg"
	[ "$status" -eq 2 ] || fail "status $status"
	assert_equal "$err" "migapply: database 'mkap_none_$$' does not exist on $PG_HOST:$PG_PORT"
	run_split migapply --url "mysql://$MY_USER:$MY_PASSWORD@$MY_HOST:$MY_PORT/mkap_none_$$" --dir "$FIX/my"
	[ "$status" -eq 2 ] || fail "status $status"
	assert_equal "$err" "migapply: database 'mkap_none_$$' does not exist on $MY_HOST:$MY_PORT"
	[[ $out$err != *"$PG_PASSWORD@"* ]] || fail "password shown"
}

# ---------------------------------------------------------------- options

@test "--baseline and --allow-dirty on a database that is not clean" {
	pgdb "$DB"
	pg_apply "$DB" "$FIX/pg/20240101000001_create.sql"
	run_split migapply --url "$(pg_url "$DB")" --dir "$FIX/pg"
	[ "$status" -eq 2 ] || fail "status $status"
	assert_equal "$err" "migapply: connected database is not clean: found schema \"public\". baseline version or allow-dirty is required"
	run_split migapply --url "$(pg_url "$DB")" --dir "$FIX/pg" --baseline 20240101000001 --allow-dirty
	[ "$status" -eq 2 ] && [[ $err == *"baseline and allow-dirty are mutually exclusive"* ]] || fail "$err"
	run_split migapply --url "$(pg_url "$DB")" --dir "$FIX/pg" --baseline 20240101000009
	[ "$status" -eq 2 ] && [ "$err" = 'migapply: baseline version "20240101000009" not found' ] || fail "$err"
	run_split migapply --url "$(pg_url "$DB")" --dir "$FIX/pg" --baseline 20240101000001
	[ "$status" -eq 0 ] || fail "$err"
	[[ $out == "Migrating to version 20240101000003 from 20240101000001 (2 migrations in total):"* ]] || fail "$out"
	assert_equal "$(pg_q "$DB" "$PGREV" | head -1)" "20240101000001|create|1|0|0||||null|migkit v0.1.0"
	assert_equal "$(pg_q "$DB" "SELECT count(*) FROM atlas_schema_revisions.atlas_schema_revisions")" 3
	pgdb "${DB}_b"
	pg_q "${DB}_b" "CREATE TABLE other (x int)"
	run_split migapply --url "$(pg_url "${DB}_b")" --dir "$FIX/pg" --allow-dirty
	[ "$status" -eq 0 ] && [[ $out == *"-- 3 migrations"* ]] || fail "$out $err"
}

@test "AMOUNT, --dry-run (nothing written, not even the revisions table), bad amounts" {
	pgdb "$DB"
	run_split migapply --url "$(pg_url "$DB")" --dir "$FIX/pg" --dry-run
	[ "$status" -eq 0 ] && [[ $out == *"    -> INSERT INTO \"log\" VALUES ('3');"$'\n'"  -- ok"* ]] || fail "$out $err"
	assert_equal "$(pg_q "$DB" "SELECT count(*) FROM pg_namespace WHERE nspname = 'atlas_schema_revisions'") $(pg_q "$DB" "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")" "0 0"
	run_split migapply --url "$(pg_url "$DB")" --dir "$FIX/pg" 1
	[ "$status" -eq 0 ] && [[ $out == "Migrating to version 20240101000001 (1 migrations in total):"* ]] || fail "$out"
	assert_equal "$(pg_q "$DB" "SELECT string_agg(version, ',') FROM atlas_schema_revisions.atlas_schema_revisions")" 20240101000001
	run_split migapply --url "$(pg_url "$DB")" --dir "$FIX/pg" 0
	[ "$status" -eq 2 ] && [[ $err == "migapply: cannot apply '0' migration files"$'\n'* ]] || fail "$err"
	run_split migapply --url "$(pg_url "$DB")" --dir "$FIX/pg" x
	[ "$status" -eq 2 ] && [[ $err == "migapply: invalid amount argument 'x'"* ]] || fail "$err"
}

@test "--tx-mode all: a failure rolls back every file of the run" {
	pgdb "$DB"
	copy pg
	cp "$FIX/fail/20240101000001_fail.sql" "$W/pg/20240101000004_fail.sql"
	sumhash "$W/pg"
	run_split migapply --url "$(pg_url "$DB")" --dir "$W/pg" --tx-mode all
	[ "$status" -eq 1 ] || fail "status $status"
	[[ $out == *"-- 3 migrations ok, 1 with errors"* ]] || fail "$out"
	assert_equal "$(pg_q "$DB" "SELECT count(*) FROM atlas_schema_revisions.atlas_schema_revisions") $(pg_q "$DB" "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")" "0 0"
}

@test "-- atlas:txmode none in a file: its statements stay when it fails; refused under --tx-mode all" {
	pgdb "$DB"
	run_split migapply --url "$(pg_url "$DB")" --dir "$FIX/txmode"
	[ "$status" -eq 1 ] || fail "status $status"
	assert_equal "$(pg_q "$DB" "SELECT applied, total, error FROM atlas_schema_revisions.atlas_schema_revisions")" \
		'1|2|ERROR: relation "a" already exists (SQLSTATE 42P07)'
	assert_equal "$(pg_q "$DB" "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")" a
	pgdb "${DB}_b"
	run_split migapply --url "$(pg_url "${DB}_b")" --dir "$FIX/txmode" --tx-mode all
	[ "$status" -eq 2 ] || fail "status $status"
	assert_equal "$err" "migapply: $FIX/txmode/20240101000001_none.sql: cannot set txmode directive to \"none\" when txmode \"all\" is set globally"
}

@test "checkpoint: a fresh database starts at the last checkpoint; later runs skip checkpoints" {
	pgdb "$DB"
	copy checkpoint
	run_split migapply --url "$(pg_url "$DB")" --dir "$W/checkpoint"
	[ "$status" -eq 0 ] || fail "$err"
	[[ $out == "Migrating to version 20240101000003 (2 migrations in total):"* ]] || fail "$out"
	assert_equal "$(pg_q "$DB" "SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = 'public'")" "t1,t2,t3"
	printf 'CREATE TABLE t4 (id int);\n' >"$W/checkpoint/20240101000004_d.sql"
	sumhash "$W/checkpoint"
	run_split migapply --url "$(pg_url "$DB")" --dir "$W/checkpoint"
	[ "$status" -eq 0 ] && [[ $out == "Migrating to version 20240101000004 from 20240101000003 (1 migrations in total):"* ]] || fail "$out $err"
}

@test "--config atlas.hcl --env: url, dir, revisions_schema, lock_timeout from the env; flags win" {
	pgdb "$DB"
	mkdir -p "$W/proj"
	cp -r "$FIX/pg" "$W/proj/migs"
	cat >"$W/proj/atlas.hcl" <<EOF
variable "db" {
  type = string
}
env "t" {
  url = "postgres://$PG_USER:$PG_PASSWORD@$PG_HOST:$PG_PORT/\${var.db}?sslmode=disable"
  migration {
    dir              = "file://migs"
    revisions_schema = "mk_revs"
    lock_timeout     = "5s"
    exec_order       = LINEAR_SKIP
  }
}
EOF
	run_split migapply --config "file://$W/proj/atlas.hcl" --env t --var "db=$DB" 1
	[ "$status" -eq 0 ] || fail "$err"
	assert_equal "$(pg_q "$DB" "SELECT version FROM mk_revs.atlas_schema_revisions")" 20240101000001
	pgdb "${DB}_b"
	run_split migapply --config "$W/proj/atlas.hcl" --env t --var "db=$DB" --url "$(pg_url "${DB}_b")"
	[ "$status" -eq 0 ] || fail "$err"
	assert_equal "$(pg_q "${DB}_b" "SELECT count(*) FROM mk_revs.atlas_schema_revisions") $(pg_q "$DB" "SELECT count(*) FROM mk_revs.atlas_schema_revisions")" "3 1"
	run_split migapply --config "$W/proj/atlas.hcl" --env nope --var "db=$DB"
	[ "$status" -eq 2 ] && [[ $err == *"no env 'nope'"* ]] || fail "$err"
}

@test "Atlas's own rows: a database Atlas migrated (its row, its operator_version) is taken over" {
	pgdb "$DB"
	pg_apply "$DB" "$FIX/pg/20240101000001_create.sql"
	pg_q "$DB" 'CREATE SCHEMA "atlas_schema_revisions"' >/dev/null
	pg_q "$DB" 'CREATE TABLE "atlas_schema_revisions"."atlas_schema_revisions" ("version" character varying NOT NULL, "description" character varying NOT NULL, "type" bigint NOT NULL DEFAULT 2, "applied" bigint NOT NULL DEFAULT 0, "total" bigint NOT NULL DEFAULT 0, "executed_at" timestamptz NOT NULL, "execution_time" bigint NOT NULL, "error" text NULL, "error_stmt" text NULL, "hash" character varying NOT NULL, "partial_hashes" jsonb NULL, "operator_version" character varying NOT NULL, PRIMARY KEY ("version"))' >/dev/null
	pg_q "$DB" "INSERT INTO atlas_schema_revisions.atlas_schema_revisions VALUES
		('.atlas_cloud_identifier', '7b1c6c8e-0000-4000-8000-000000000000', 2, 0, 0, now(), 0, NULL, NULL, '', NULL, 'Atlas CLI v1.1.0'),
		('20240101000001', 'create', 2, 2, 2, now(), 1234567, '', '', '$(sum_hash "$FIX/pg" 20240101000001_create.sql)', 'null', 'Atlas CLI v1.1.0')" >/dev/null
	run_split migapply --url "$(pg_url "$DB")" --dir "$FIX/pg"
	[ "$status" -eq 0 ] || fail "$err"
	[[ $out == "Migrating to version 20240101000003 from 20240101000001 (2 migrations in total):"* ]] || fail "$out"
	assert_equal "$(pg_q "$DB" "SELECT string_agg(operator_version, ',' ORDER BY version) FROM atlas_schema_revisions.atlas_schema_revisions")" \
		"Atlas CLI v1.1.0,Atlas CLI v1.1.0,migkit v0.1.0,migkit v0.1.0"
}

@test "tx none on PostgreSQL: CREATE INDEX CONCURRENTLY (no transaction block allowed) still applies" {
	pgdb "$DB"
	mkdir -p "$W/cic"
	printf -- '-- atlas:txmode none\n\nCREATE TABLE x (id int);\nCREATE INDEX CONCURRENTLY x_id ON x (id);\n' >"$W/cic/20240101000001_cic.sql"
	sumhash "$W/cic"
	run_split migapply --url "$(pg_url "$DB")" --dir "$W/cic"
	[ "$status" -eq 0 ] || fail "$out $err"
	assert_equal "$(pg_q "$DB" "SELECT indexname FROM pg_indexes WHERE tablename = 'x'") $(pg_q "$DB" "SELECT applied FROM atlas_schema_revisions.atlas_schema_revisions")" "x_id 2"
}

@test "usage: no URL, unknown tx-mode, unknown exec order, bad lock timeout, missing directory" {
	run_split migapply --dir "$FIX/pg"
	[ "$status" -eq 2 ] && [[ $err == "migapply: no database URL"* ]] || fail "$err"
	run_split migapply --url "$(pg_url postgres)" --dir "$FIX/pg" --tx-mode some
	[ "$status" -eq 2 ] && [[ $err == "migapply: unknown tx-mode 'some'"* ]] || fail "$err"
	run_split migapply --url "$(pg_url postgres)" --dir "$FIX/pg" --exec-order sideways
	[ "$status" -eq 2 ] && [[ $err == "migapply: unknown execution order 'sideways'"* ]] || fail "$err"
	run_split migapply --url "$(pg_url postgres)" --dir "$FIX/pg" --lock-timeout soon
	[ "$status" -eq 2 ] && [[ $err == "migapply: invalid lock timeout 'soon'"* ]] || fail "$err"
	run_split migapply --url "$(pg_url postgres)" --dir "$W/nonexistent"
	[ "$status" -eq 2 ] && [[ $err == "migapply: $W/nonexistent"*"No such file or directory" ]] || fail "$err"
}

@test "a URL bound to a schema (search_path): the revisions table lives there; empty files count" {
	pgdb "$DB"
	pg_q "$DB" "CREATE SCHEMA app" >/dev/null
	mkdir -p "$W/d"
	printf 'CREATE TABLE t (id int);\n' >"$W/d/20240101000001_t.sql"
	: >"$W/d/20240101000002_empty.sql"
	printf -- '-- only a comment, no statement\n' >"$W/d/20240101000003_comment.sql"
	sumhash "$W/d"
	run_split migapply --url "$(pg_url "$DB")&search_path=app" --dir "$W/d"
	[ "$status" -eq 0 ] || fail "$out $err"
	[[ $out == *"-- 3 migrations"$'\n'"  -- 1 sql statement" ]] || fail "$out"
	assert_equal "$(pg_q "$DB" "SELECT version, applied, total FROM app.atlas_schema_revisions ORDER BY 1")" \
		"20240101000001|1|1
20240101000002|0|0
20240101000003|0|0"
	assert_equal "$(pg_q "$DB" "SELECT schemaname FROM pg_tables WHERE tablename = 't'")" app
	pgdb "${DB}_b"
	pg_q "${DB}_b" "CREATE SCHEMA app; CREATE TABLE app.other (x int)" >/dev/null
	run_split migapply --url "$(pg_url "${DB}_b")&search_path=app" --dir "$W/d"
	[ "$status" -eq 2 ] || fail "status $status"
	assert_equal "$err" "migapply: connected database is not clean: found table \"other\" in schema \"app\". baseline version or allow-dirty is required"
}
