#!/usr/bin/env bats
# sqlc-extract: the sqlc schema files the seed extracts from a dump of a migrated database
# (pg_dump --schema-only / mysqldump --no-data, filtered with awk and sed: seed-project.md
# §6), written from the schema model instead, byte for byte.
#
#   - the corpus's six files, from the project's HCL (hcl2json) and from its migration
#     directories replayed offline (sql2json, as `make regenerate-all-from-atlas` does);
#   - real servers: a scratch database runs the files, its dump goes through the seed's
#     filter (sqlc-extract/seed-filter-{postgres,mysql}.sh, written anew from §6), and that
#     must equal sqlc-extract of db2json of the database and of sql2json of the files;
#   - errors, --exclude, -o.

load helpers
load lib-db

FIX=$BATS_TEST_DIRNAME/sqlc-extract
SQLC=$CORPUS/tools/sqlc/schemas

setup() {
	W=$BATS_TEST_TMPDIR/w
	mkdir -p "$W"
	PG_SCRATCH=()
	MY_SCRATCH=()
}

teardown() {
	local db
	for db in "${PG_SCRATCH[@]}"; do pg_drop "$db"; done
	for db in "${MY_SCRATCH[@]}"; do my_drop "$db"; done
}

pg_url() { echo "postgres://$PG_USER:$PG_PASSWORD@$PG_HOST:$PG_PORT/$1?sslmode=disable"; }
my_url() { printf 'mysql://%s:%s@%s:%s/%s' "$MY_USER" "$MY_PASSWORD" "$MY_HOST" "$MY_PORT" "$1"; }

# num DB: the corpus file's number (01_watch, 02_keygen, 03_sign).
num() {
	case $1 in
	watch) echo 01 ;;
	keygen) echo 02 ;;
	sign) echo 03 ;;
	esac
}

# excl DB: the seed's extra exclusions (sign shares seed and musig2_nonces with keygen).
excl() {
	if [ "$1" = sign ]; then echo "--exclude seed,musig2_nonces"; fi
}

# extract NAME JSON ARGS...: sqlc-extract ARGS JSON into $W/NAME.sql; it must succeed
# and be silent on stderr.
extract() {
	local name=$1 json=$2
	shift 2
	run_split sqlc-extract "$@" "$json"
	[ "$status" -eq 0 ] || fail "$name: sqlc-extract $*: status $status: $err"
	[ -z "$err" ] || fail "$name: sqlc-extract wrote on stderr: $err"
	cp "$BATS_TEST_TMPDIR/stdout" "$W/$name.sql"
}

# same WANT GOT WHAT: the two files are equal byte for byte (diff -u shows how not).
same() {
	cmp -s "$1" "$2" && return 0
	diff -u "$1" "$2" || true
	fail "$3"
}

# ---- the corpus

@test "postgres: the corpus's three files, from the HCL and from the migrations" {
	local s
	for s in watch keygen sign; do
		hcl2json -d postgres "$ROOT/schemas/postgres/$s.hcl" >"$W/$s.hcl.json" ||
			fail "hcl2json $s"
		extract "hcl_$s" "$W/$s.hcl.json" --db "$s" $(excl "$s")
		same "$SQLC/postgres/$(num "$s")_$s.sql" "$W/hcl_$s.sql" "$s from the HCL"
		sql2json --dialect postgres "$ROOT/migrations/postgres/$s" >"$W/$s.mig.json" ||
			fail "sql2json $s"
		extract "mig_$s" "$W/$s.mig.json" --db "$s" $(excl "$s")
		same "$SQLC/postgres/$(num "$s")_$s.sql" "$W/mig_$s.sql" "$s from the migrations"
	done
}

# corpus_mysql DB: the corpus's MySQL file of DB with its two known deviations from
# mysqldump's text put back, in $W/want_DB.sql. (1) The header's dump name is the
# extraction's input file, dump_watch.sql for watch: passed with --dump-name, not
# changed here. (2) keygen's eth_account_key.account_extended_privkey line was edited by
# hand (seed-project.md §6): `varchar(255) NULL COMMENT`, which no mysqldump prints for a
# varchar; exactly that line, once, is replaced by mysqldump's `DEFAULT NULL`.
corpus_mysql() {
	local f=$SQLC/mysql/$(num "$1")_$1.sql want=$W/want_$1.sql
	local hand="  account_extended_privkey varchar(255) NULL COMMENT 'BIP32 account-level extended private key for offline signing derivation',"
	local dump="  account_extended_privkey varchar(255) DEFAULT NULL COMMENT 'BIP32 account-level extended private key for offline signing derivation',"

	if [ "$1" != keygen ]; then
		cp "$f" "$want"
		return
	fi
	[ "$(grep -cxF -e "$hand" "$f")" = 1 ] || fail "the hand-edited line is not in $f once"
	[ "$(grep -c ' NULL COMMENT' "$f")" = "$(grep -c 'DEFAULT NULL COMMENT' "$f")" ] &&
		fail "the hand-edited line is gone from $f"
	awk -v hand="$hand" -v dump="$dump" '$0 == hand { $0 = dump } { print }' "$f" >"$want"
	[ "$(diff "$f" "$want" | grep -c '^[<>]')" = 2 ] || fail "more than one line replaced"
}

# dump_name DB: the corpus header's dump name where it is not the default.
dump_name() {
	if [ "$1" = watch ]; then echo "--dump-name dump_watch.sql"; fi
}

@test "mysql: the corpus's three files (mysql@8), from the HCL and from the migrations" {
	local s
	for s in watch keygen sign; do
		corpus_mysql "$s"
		hcl2json -d mysql "$ROOT/schemas/mysql/$s.hcl" >"$W/$s.hcl.json" ||
			fail "hcl2json $s"
		extract "hcl_$s" "$W/$s.hcl.json" --profile mysql@8 --db "$s" $(dump_name "$s") \
			$(excl "$s")
		same "$W/want_$s.sql" "$W/hcl_$s.sql" "$s from the HCL"
		sql2json --dialect mysql --schema "$s" "$ROOT/migrations/mysql/$s" >"$W/$s.mig.json" ||
			fail "sql2json $s"
		extract "mig_$s" "$W/$s.mig.json" --profile mysql@8 --db "$s" $(dump_name "$s") \
			$(excl "$s")
		same "$W/want_$s.sql" "$W/mig_$s.sql" "$s from the migrations"
	done
	# the deviations are real: without them the comparison fails
	extract raw_keygen "$W/keygen.hcl.json" --profile mysql@8
	! cmp -s "$SQLC/mysql/02_keygen.sql" "$W/raw_keygen.sql" ||
		fail "the hand edit is not a deviation"
	extract raw_watch "$W/watch.hcl.json" --profile mysql@8
	grep -qxF -- '-- Extracted from dump_watch.mysql.sql' "$W/raw_watch.sql" ||
		fail "default dump name: $(sed -n 2p "$W/raw_watch.sql")"
}

# ---- PostgreSQL, a real server

# pg_case NAME DB FILE|DIR...: a scratch database runs the files (a directory: its *.sql in
# name order, one transaction each); its pg_dump, saved as dump_DB.postgres.sql, through
# the seed's filter must equal sqlc-extract --db DB of db2json of it and of sql2json of the
# files. DB says the header and the seed's exclusions.
pg_case() {
	local name=$1 db=$2 scratch=sx_${BATS_TEST_NUMBER}_$$_$1 f dump
	shift 2
	PG_SCRATCH+=("$scratch")
	pg_create "$scratch" >/dev/null || fail "cannot create $scratch"
	for f in $(for p in "$@"; do if [ -d "$p" ]; then ls "$p"/*.sql; else echo "$p"; fi; done); do
		pg_apply "$scratch" "$f" || fail "$name: the server refused $f"
	done
	mkdir -p "$W/$name"
	dump=$W/$name/dump_$db.postgres.sql
	pg_client pg_dump "$scratch" --schema-only >"$dump" || fail "$name: pg_dump"
	grep -q '^CREATE TABLE' "$dump" || fail "$name: no tables in the dump"
	"$FIX/seed-filter-postgres.sh" "$db" "$dump" >"$W/$name/want.sql" ||
		fail "$name: the seed's filter failed"
	db2json "$(pg_url "$scratch")" >"$W/$name/real.json" || fail "$name: db2json"
	extract "$name/real" "$W/$name/real.json" --db "$db" $(excl "$db")
	same "$W/$name/want.sql" "$W/$name/real.sql" "$name: db2json | sqlc-extract differs from the dump"
	sql2json --dialect postgres "$@" >"$W/$name/offline.json" || fail "$name: sql2json"
	extract "$name/offline" "$W/$name/offline.json" --db "$db" $(excl "$db")
	same "$W/$name/want.sql" "$W/$name/offline.sql" "$name: sql2json | sqlc-extract differs from the dump"
	pg_drop "$scratch"
}

@test "postgres: pg_dump of the migrated databases, filtered as the seed does" {
	local s
	for s in watch keygen sign; do
		pg_case "$s" "$s" "$ROOT/migrations/postgres/$s"
		# and that is the corpus's file: the filter is the seed's
		same "$SQLC/postgres/$(num "$s")_$s.sql" "$W/$s/want.sql" "$s: the filter is not the seed's"
	done
}

@test "postgres: pg_dump of the features fixture, filtered as the seed does" {
	pg_case feat feat "$FIX/pg-features.sql"
	local w=$W/feat/want.sql
	# what the fixture is for is in the dump
	grep -qxF 'CREATE TABLE other.t (' "$w" || fail "other.t"
	grep -qF 'GENERATED BY DEFAULT AS IDENTITY' "$w" || fail "identity"
	grep -qF 'ALTER COLUMN always_identity_column' "$w" && fail "an ALWAYS identity's ALTER is kept"
	grep -qF 'FOREIGN KEY' "$w" || fail "foreign keys"
	# a table comes just before its identity sequence whose cut name sorts before it
	grep '^CREATE TABLE a_table' "$w" >"$W/order"
	printf '%s\n' 'CREATE TABLE a_table_name_that_is_long_enough_to_be_cut_too_always_xxxxxxxx (' \
		'CREATE TABLE a_table_name_that_is_long_enough_to_be_cut_by_postgres_xxxxx (' \
		'CREATE TABLE a_table_name_that_is_long_enough_to_b (' | diff -u - "$W/order" ||
		fail "the order of the long names"
}

@test "postgres: the seed's filter excludes sign's shared tables, and so does --exclude" {
	pg_case sign sign "$ROOT/migrations/postgres/sign"
	grep -q 'seed\|musig2_nonces' "$W/sign/want.sql" && fail "the filter kept a shared table"
	grep -q '^CREATE TABLE musig2_nonces' "$W/sign/dump_sign.postgres.sql" ||
		grep -q '^CREATE TABLE public.musig2_nonces' "$W/sign/dump_sign.postgres.sql" ||
		fail "the dump lacks musig2_nonces"
	# without --exclude the shared tables are there, with their sequences and keys
	extract all "$W/sign/offline.json" --db sign
	grep -qx 'CREATE TABLE musig2_nonces (' "$W/all.sql" || fail "no musig2_nonces"
	grep -qx 'CREATE TABLE seed (' "$W/all.sql" || fail "no seed"
	grep -qF 'ADD CONSTRAINT seed_pkey PRIMARY KEY (id);' "$W/all.sql" || fail "no seed_pkey"
	# one excluded table, repeated --exclude, leaves exactly its own blocks out
	extract one "$W/sign/offline.json" --db sign -x seed --exclude musig2_nonces
	same "$W/sign/want.sql" "$W/one.sql" "repeated --exclude"
	extract seed "$W/sign/offline.json" --db sign --exclude seed
	grep -q 'seed' "$W/seed.sql" && fail "seed is still there"
	grep -qx 'CREATE TABLE musig2_nonces (' "$W/seed.sql" || fail "musig2_nonces went too"
}

# ---- MariaDB, a real server

# my_case NAME DB FILE|DIR...: as pg_case, on MariaDB with the mariadb@10.11 profile; the
# dump is mariadb-dump's (mysqldump --no-data), saved as dump_DB.mysql.sql.
my_case() {
	local name=$1 db=$2 scratch=sx_${BATS_TEST_NUMBER}_$$_$1 f dump
	shift 2
	MY_SCRATCH+=("$scratch")
	my_create "$scratch" || fail "cannot create $scratch"
	for f in $(for p in "$@"; do if [ -d "$p" ]; then ls "$p"/*.sql; else echo "$p"; fi; done); do
		my_apply "$scratch" "$f" || fail "$name: the server refused $f"
	done
	mkdir -p "$W/$name"
	dump=$W/$name/dump_$db.mysql.sql
	MYSQL_PWD=$MY_PASSWORD mariadb-dump --no-defaults --protocol=TCP -h "$MY_HOST" \
		-P "$MY_PORT" -u "$MY_USER" --no-data --skip-triggers "$scratch" >"$dump" ||
		fail "$name: mariadb-dump"
	grep -q '^CREATE TABLE' "$dump" || fail "$name: no tables in the dump"
	"$FIX/seed-filter-mysql.sh" "$db" "$dump" >"$W/$name/want.sql" ||
		fail "$name: the seed's filter failed"
	db2json --profile mariadb@10.11 "$(my_url "$scratch")" >"$W/$name/real.json" ||
		fail "$name: db2json"
	extract "$name/real" "$W/$name/real.json" --db "$db" $(excl "$db")
	same "$W/$name/want.sql" "$W/$name/real.sql" "$name: db2json | sqlc-extract differs from the dump"
	sql2json --dialect mysql --schema "$db" --profile mariadb@10.11 "$@" \
		>"$W/$name/offline.json" || fail "$name: sql2json"
	extract "$name/offline" "$W/$name/offline.json" --db "$db" $(excl "$db")
	same "$W/$name/want.sql" "$W/$name/offline.sql" "$name: sql2json | sqlc-extract differs from the dump"
	my_drop "$scratch"
}

@test "mariadb: mariadb-dump of the migrations (MariaDB's collation), filtered as the seed does" {
	local s
	for s in watch keygen sign; do
		mariadb_copy "$ROOT/migrations/mysql/$s" "$W/mig-$s"
		my_case "mig_$s" "$s" "$W/mig-$s"
	done
	# two blank lines after every table, as in the corpus, and sign without its shared two
	grep -c '^CREATE TABLE' "$W/mig_sign/want.sql" | grep -qx 1 || fail "sign: $(cat "$W/mig_sign/want.sql")"
	[ "$(tail -c 4 "$W/mig_watch/want.sql" | od -An -c | tr -d ' ')" = ';\n\n\n' ] ||
		fail "not two blank lines at the end"
	[ "$(($(grep -c '^) ENGINE=' "$W/mig_watch/want.sql") * 2))" = \
		"$(grep -A2 '^) ENGINE=' "$W/mig_watch/want.sql" | grep -c '^$')" ] ||
		fail "not two blank lines after every table"
}

@test "mariadb: mariadb-dump of the MariaDB baselines of the HCL, filtered as the seed does" {
	local s
	for s in watch keygen sign; do
		my_baseline "$s" "$W/base-$s"
		my_case "base_$s" "$s" "$W/base-$s"
	done
}

@test "mariadb: mariadb-dump of the features fixture, filtered as the seed does" {
	my_case feat feat "$FIX/my-features.sql"
	local w=$W/feat/want.sql
	grep -qF "COMMENT='it''s the parent'" "$w" || fail "the backticks in the comment"
	grep -qF 'FULLTEXT KEY ft_body (body)' "$w" || fail "FULLTEXT"
	grep -qF 'CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE SET NULL ON UPDATE CASCADE' "$w" ||
		fail "the foreign key"
	grep -qF 'AUTO_INCREMENT=100' "$w" || fail "AUTO_INCREMENT"
}

# ---- errors and options

@test "a form that is not covered exits 2 naming the table and the column" {
	printf 'CREATE TABLE t (id int PRIMARY KEY);\nCREATE TABLE counters (id serial PRIMARY KEY, n int);\n' >"$W/serial.sql"
	sql2json --dialect postgres "$W/serial.sql" >"$W/serial.json" || fail "sql2json"
	run_split sqlc-extract --db x "$W/serial.json"
	[ "$status" -eq 2 ] && [ -z "$out" ] || fail "status $status: $out"
	[ "$err" = "sqlc-extract: table 'counters', column 'id': a serial type is not covered by sqlc-extract: serial" ] ||
		fail "$err"
	printf 'CREATE TABLE t (id int, r int4multirange);\n' >"$W/type.sql"
	sql2json --dialect postgres "$W/type.sql" >"$W/type.json" || fail "sql2json"
	run_split sqlc-extract --db x "$W/type.json"
	[ "$status" -eq 2 ] && [ -z "$out" ] || fail "status $status: $out"
	[ "$err" = "sqlc-extract: table 't', column 'r': the type is not covered by sqlc-extract: int4multirange" ] ||
		fail "$err"
	# an HCL check without a name: the server would name it, the model cannot know how
	cat >"$W/unnamed.hcl" <<'EOF'
schema "public" {}
table "t" {
  schema = schema.public
  column "n" {
    type = integer
  }
  check {
    expr = "n > 0"
  }
}
EOF
	hcl2json -d postgres "$W/unnamed.hcl" >"$W/unnamed.json" || fail "hcl2json"
	run_split sqlc-extract --db x "$W/unnamed.json"
	[ "$status" -eq 2 ] && [ -z "$out" ] || fail "status $status: $out"
	[ "$err" = "sqlc-extract: table 't': an unnamed check is not covered by sqlc-extract: name it" ] ||
		fail "$err"
}

@test "bad JSON exits 2 with a located message; a wrong dialect or no --db are usage errors" {
	printf '{"format": "schema/1",\n  "dialect": "postgres",\n  "schemas": [ }\n' >"$W/bad.json"
	run_split sqlc-extract --db x "$W/bad.json"
	[ "$status" -eq 2 ] && [ -z "$out" ] || fail "status $status: $out"
	[[ "$err" == "sqlc-extract: $W/bad.json:3:"* ]] || fail "not located: $err"
	run_split sqlc-extract --db x <"$W/bad.json"
	[ "$status" -eq 2 ] && [ -z "$out" ] || fail "status $status: $out"
	[[ "$err" == "sqlc-extract: <stdin>:3:"* || "$err" == "sqlc-extract: -:3:"* ]] ||
		fail "not located: $err"
	hcl2json -d postgres "$ROOT/schemas/postgres/sign.hcl" >"$W/sign.json"
	run_split sqlc-extract "$W/sign.json"
	[ "$status" -eq 2 ] && [ -z "$out" ] || fail "status $status: $out"
	[[ "$err" == *"--db"* ]] || fail "$err"
	run_split sqlc-extract --db sign --profile mariadb@10.11 "$W/sign.json"
	[ "$status" -eq 2 ] && [ -z "$out" ] || fail "status $status: $out"
	[[ "$err" == *"profile mariadb@10.11 is for mysql, the schema is postgres"* ]] || fail "$err"
	# a file that is not there is trouble, not an empty database
	run_split sqlc-extract --db sign --profile postgres@18 "$W/no-such.json"
	[ "$status" -eq 2 ] && [ -z "$out" ] || fail "status $status: $out"
	[ "$err" = "sqlc-extract: $W/no-such.json: No such file or directory" ] || fail "$err"
	# while an empty document is an empty database: the header only
	run_split sqlc-extract --db x --profile postgres@18 - </dev/null
	[ "$status" -eq 0 ] || fail "status $status: $err"
	[ "$out" = "$(printf -- '-- Code generated by `make extract-sqlc-schema-postgres-x`. DO NOT EDIT.\n-- Extracted from dump_x.postgres.sql')" ] ||
		fail "$out"
}

@test "-o writes the file atomically, then says unchanged; a change is written again" {
	hcl2json -d postgres "$ROOT/schemas/postgres/sign.hcl" >"$W/sign.json"
	hcl2json -d postgres "$ROOT/schemas/postgres/keygen.hcl" >"$W/keygen.json"
	mkdir "$W/out"
	run_split sqlc-extract --db sign --exclude seed,musig2_nonces -o "$W/out/03_sign.sql" "$W/sign.json"
	[ "$status" -eq 0 ] && [ -z "$err" ] || fail "status $status: $err"
	[ "$out" = "$W/out/03_sign.sql: written" ] || fail "$out"
	same "$SQLC/postgres/03_sign.sql" "$W/out/03_sign.sql" "the written file"
	[ "$(ls -A "$W/out")" = 03_sign.sql ] || fail "left behind: $(ls -A "$W/out")"
	touch -d '2001-01-01' "$W/out/03_sign.sql"
	run_split sqlc-extract --db sign --exclude seed,musig2_nonces -o "$W/out/03_sign.sql" "$W/sign.json"
	[ "$status" -eq 0 ] && [ "$out" = "$W/out/03_sign.sql: unchanged" ] || fail "status $status: $out"
	[ "$(stat -c %Y "$W/out/03_sign.sql")" = "$(date -d 2001-01-01 +%s)" ] ||
		fail "an unchanged file was rewritten"
	# other content replaces the file (a new inode: renamed into place, never truncated)
	ino=$(stat -c %i "$W/out/03_sign.sql")
	run_split sqlc-extract --db sign -o "$W/out/03_sign.sql" "$W/sign.json"
	[ "$status" -eq 0 ] && [ "$out" = "$W/out/03_sign.sql: written" ] || fail "status $status: $out"
	grep -qx 'CREATE TABLE seed (' "$W/out/03_sign.sql" || fail "not rewritten"
	[ "$(stat -c %i "$W/out/03_sign.sql")" != "$ino" ] || fail "written in place"
	[ "$(ls -A "$W/out")" = 03_sign.sql ] || fail "left behind: $(ls -A "$W/out")"
	# a failure leaves the old file as it was
	cp "$W/out/03_sign.sql" "$W/before.sql"
	printf '{' >"$W/broken.json"
	run_split sqlc-extract --db sign -o "$W/out/03_sign.sql" "$W/broken.json"
	[ "$status" -eq 2 ] && [ -z "$out" ] || fail "status $status: $out"
	same "$W/before.sql" "$W/out/03_sign.sql" "a failure touched the file"
	[ "$(ls -A "$W/out")" = 03_sign.sql ] || fail "left behind: $(ls -A "$W/out")"
}
