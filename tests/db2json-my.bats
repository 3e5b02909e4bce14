#!/usr/bin/env bats
# db2json on MariaDB: a database that ran a migration directory reads back exactly as
# sql2json replays the directory offline ("offline equals real"), under the mariadb@10.11
# profile. The corpus is written for MySQL 8 (utf8mb4_0900_ai_ci, which MariaDB lacks), so
# its schemas are first turned into MariaDB baselines with our own hcl2json | schemadiff
# | sqlemit-my.

load helpers
load lib-db

CASES=$BATS_TEST_DIRNAME/db2json-my
PROFILE=mariadb@10.11

setup() {
	W=$BATS_TEST_TMPDIR/w
	mkdir -p "$W"
	SCRATCH=()
}

teardown() {
	local db
	for db in "${SCRATCH[@]}"; do my_drop "$db"; done
}

my_url() {
	printf 'mysql://%s:%s@%s:%s/%s' "$MY_USER" "$MY_PASSWORD" "$MY_HOST" "$MY_PORT" "$1"
}

# files FILE|DIR...: the SQL files, a directory's in name order.
files() {
	local p
	for p in "$@"; do if [ -d "$p" ]; then ls "$p"/*.sql; else echo "$p"; fi; done
}

# offline_equals_real NAME FILE|DIR...: a fresh database d2j_NAME runs the files; db2json
# of it and sql2json of the files print the same JSON.
offline_equals_real() {
	local name=$1 db=d2j_$1 f
	shift
	SCRATCH+=("$db")
	my_create "$db" || fail "cannot create $db"
	for f in $(files "$@"); do
		my_apply "$db" "$f" || fail "the server refused $f"
	done
	run_split sql2json --dialect mysql --schema "$db" --profile "$PROFILE" "$@"
	[ "$status" -eq 0 ] || fail "sql2json $*: $err"
	cp "$BATS_TEST_TMPDIR/stdout" "$W/$name.offline.json"
	run_split db2json --profile "$PROFILE" "$(my_url "$db")"
	[ "$status" -eq 0 ] || fail "db2json $db: $err"
	cp "$BATS_TEST_TMPDIR/stdout" "$W/$name.real.json"
	[ -s "$W/$name.real.json" ] || fail "db2json printed nothing"
	diff -u --label "sql2json $*" --label "db2json $db" "$W/$name.offline.json" \
		"$W/$name.real.json" || fail "offline differs from real for $*"
}

@test "mysql: the MariaDB baselines of watch, keygen and sign read back as replayed" {
	local s
	for s in watch keygen sign; do
		my_baseline "$s" "$W/base-$s"
		offline_equals_real "base_$s" "$W/base-$s"
	done
}

@test "mysql: the real migration directories (MariaDB's collation) read back as replayed" {
	local s
	for s in watch keygen sign; do
		mariadb_copy "$ROOT/migrations/mysql/$s" "$W/mig-$s"
		offline_equals_real "mig_$s" "$W/mig-$s"
	done
}

@test "mysql: the hand-written add_eth_account_extended_privkey (0474fc30) reads back" {
	local h=$CORPUS/_history/0474fc30/tools/atlas/migrations/mysql/keygen
	mariadb_copy "$h" "$W/k0474"
	grep -q 'account_extended_privkey' "$W"/k0474/*_add_eth_account_extended_privkey.sql
	offline_equals_real k0474 "$W/k0474"
	grep -q '"account_extended_privkey"' "$W/k0474.real.json" || fail "the new column is missing"
}

@test "mysql: the replay-my fixtures MariaDB runs read back as replayed" {
	local f
	for f in alter-columns alter-keys alter-order alter-options foreign-keys charset tables; do
		offline_equals_real "fx_${f//-/_}" "$ROOT/tests/replay-my/$f.sql"
	done
}

@test "mysql: hand-written ALTERs, defaults, enums, charsets, keys and checks read back" {
	offline_equals_real handwritten "$CASES/handwritten.sql"
	# what the server holds, spot-checked: the forms that differ most between the two
	grep -q '"value": "CURRENT_TIMESTAMP(6)"' "$W/handwritten.real.json"
	grep -q '"on_update": "CURRENT_TIMESTAMP(3)"' "$W/handwritten.real.json"
	grep -q '"value": "x'"'"'y"' "$W/handwritten.real.json"
	grep -q '"value": "b'"'"'101'"'"'"' "$W/handwritten.real.json"
	grep -q '"sql": "int unsigned"' "$W/handwritten.real.json"
	grep -q '"name": "bounds"' "$W/handwritten.real.json"
}

@test "mysql: atlas_schema_revisions is left out" {
	local db=d2j_revisions
	SCRATCH+=("$db")
	my_baseline keygen "$W/dir"
	sumhash "$W/dir" || fail "sumhash"
	my_create "$db"
	run_split migapply --url "$(my_url "$db")" --dir "$W/dir"
	[ "$status" -eq 0 ] || fail "migapply: $err"
	[ "$(my_q "$db" "SELECT COUNT(*) FROM atlas_schema_revisions")" -gt 0 ] ||
		fail "migapply left no revisions table"
	run_split db2json --profile "$PROFILE" "$(my_url "$db")"
	[ "$status" -eq 0 ] || fail "db2json: $err"
	[[ "$out" != *atlas_schema_revisions* ]] || fail "the revisions table is in the output"
	cp "$BATS_TEST_TMPDIR/stdout" "$W/real.json"
	sql2json --dialect mysql --schema "$db" --profile "$PROFILE" "$W/dir" >"$W/offline.json"
	diff -u "$W/offline.json" "$W/real.json"
}

@test "mysql: a wrong password or a missing database exits 2, saying which, no password" {
	SCRATCH+=(d2j_auth)
	my_create d2j_auth
	run_split db2json "mysql://$MY_USER:Wr0ngSecret@$MY_HOST:$MY_PORT/d2j_auth"
	[ "$status" -eq 2 ] && [ -z "$out" ] || fail "status $status: $out"
	[[ "$err" == "db2json: authentication failed for $MY_USER@"* ]] || fail "$err"
	[[ "$err" != *Wr0ngSecret* ]] || fail "the password is in the message: $err"
	run_split db2json "$(my_url d2j_no_such_db)"
	[ "$status" -eq 2 ] && [ -z "$out" ] || fail "status $status: $out"
	[ "$err" = "db2json: database 'd2j_no_such_db' does not exist on $MY_HOST:$MY_PORT" ] ||
		fail "$err"
	[[ "$err" != *"$MY_PASSWORD@"* ]] || fail "the password is in the message: $err"
	run_split db2json --schema d2j_no_such_db "mysql://$MY_USER:$MY_PASSWORD@$MY_HOST:$MY_PORT/"
	[ "$status" -eq 2 ] && [ -z "$out" ] || fail "status $status: $out"
	[ "$err" = "db2json: schema 'd2j_no_such_db' does not exist" ] || fail "$err"
}

@test "mysql: only the database the URL names is read" {
	SCRATCH+=(d2j_one d2j_other)
	my_create d2j_one && my_create d2j_other
	my_q d2j_one "CREATE TABLE mine (id int)"
	my_q d2j_other "CREATE TABLE theirs (id int)"
	run_split db2json --profile "$PROFILE" "$(my_url d2j_one)"
	[ "$status" -eq 0 ] || fail "$err"
	[[ "$out" == *'"name": "mine"'* ]] || fail "$out"
	[[ "$out" != *theirs* ]] || fail "another database leaked in: $out"
}

# refused FILE LINE WHAT: sql2json stops at FILE:LINE naming WHAT, with the DEV=1 hint.
refused() {
	run_split sql2json --dialect mysql --schema d2j "$1"
	[ "$status" -eq 2 ] && [ -z "$out" ] || fail "status $status: $out"
	[[ "$err" == "sql2json: $1:$2:1: $3 is not modelled by the offline replay; run the diff in the dev-database mode (DEV=1) for this directory"* ]] ||
		fail "$err"
}

@test "mysql: statements the replay does not model stop sql2json, located, with the hint" {
	printf 'CREATE TABLE t (id int);\nCREATE TRIGGER tr BEFORE INSERT ON t\n  FOR EACH ROW SET NEW.id = 1;\n' >"$W/trigger.sql"
	refused "$W/trigger.sql" 2 "'CREATE TRIGGER'"
	[[ "$err" == *"CREATE TRIGGER tr BEFORE INSERT ON t"* ]] || fail "no statement: $err"
	printf 'CREATE TABLE t (id int);\n\nCREATE VIEW v AS SELECT id FROM t;\n' >"$W/view.sql"
	refused "$W/view.sql" 3 "'CREATE VIEW'"
	printf 'CREATE TABLE t (id int);\nDELIMITER //\nCREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\nEND//\nDELIMITER ;\n' >"$W/proc.sql"
	refused "$W/proc.sql" 3 "'CREATE PROCEDURE'"
	printf 'CREATE TABLE t (id int);\nALTER TABLE t\n  PARTITION BY HASH (id) PARTITIONS 4;\n' >"$W/part.sql"
	refused "$W/part.sql" 3 "'ALTER TABLE ... PARTITION'"
}

@test "mysql: RENAME TABLE is modelled: offline equals real" {
	# the server renames the foreign keys it named: b_ibfk_1 becomes b3_ibfk_1
	printf 'CREATE TABLE a (id int PRIMARY KEY);\nCREATE TABLE b (a_id int, x int, FOREIGN KEY (a_id) REFERENCES a (id), CONSTRAINT FOREIGN KEY (x) REFERENCES a (id));\nRENAME TABLE a TO a2, b TO b2;\nALTER TABLE b2 RENAME TO b3;\nALTER TABLE b3 ADD INDEX ix (x), ADD FOREIGN KEY (x) REFERENCES a2 (id);\n' >"$W/rename.sql"
	offline_equals_real rename "$W/rename.sql"
	grep -q '"ref_table": "a2"' "$W/rename.real.json" || fail "the foreign key does not follow"
	grep -q '"name": "b3_ibfk_3"' "$W/rename.real.json" || fail "no b3_ibfk_3"
}
