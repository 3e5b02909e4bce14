# Scratch databases on the local servers (scripts/devdb), for suites that check what a
# server really holds: create one, run a SQL file in it, dump its catalog, drop it.
# `load lib-db` after `load helpers`.
#
# The settings are scripts/devdb's, from the environment with the same defaults:
#   PG_HOST=127.0.0.1 PG_PORT=5432 PG_USER=postgres PG_PASSWORD=postgres
#   MY_HOST=127.0.0.1 MY_PORT=3306 MY_USER=root MY_PASSWORD=root
# Every function returns non-zero with the client's message on stderr when the server
# refuses or cannot be reached: a test that needs a database fails then, it never skips.
# Database names are not quoted for the clients beyond "..." / `...`: use [a-z0-9_].

PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}
PG_USER=${PG_USER:-postgres}
PG_PASSWORD=${PG_PASSWORD:-postgres}
MY_HOST=${MY_HOST:-127.0.0.1}
MY_PORT=${MY_PORT:-3306}
MY_USER=${MY_USER:-root}
MY_PASSWORD=${MY_PASSWORD:-root}

# Seconds a connection attempt may take: a hung server fails the test, it does not hang it.
DB_CONNECT_TIMEOUT=${DB_CONNECT_TIMEOUT:-5}

# ---- PostgreSQL

# pg_client PROG DB ARGS...: PROG (psql, pg_dump) against database DB over TCP with the
# configured login, no password prompt and no NOTICE messages.
pg_client() {
	local prog=$1 db=$2
	shift 2
	PGPASSWORD=$PG_PASSWORD PGCONNECT_TIMEOUT=$DB_CONNECT_TIMEOUT PGSSLMODE=disable \
		PGOPTIONS='-c client_min_messages=warning' \
		"$prog" -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$db" -w "$@"
}

# pg_q DB SQL: SQL in DB, rows unaligned on stdout; stops at the first error.
pg_q() {
	pg_client psql "$1" -X -q -At -v ON_ERROR_STOP=1 -c "$2"
}

# pg_create DB: a new empty database DB (dropped first if a failed run left it).
pg_create() {
	pg_client psql postgres -X -q -v ON_ERROR_STOP=1 \
		-c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" -c "CREATE DATABASE \"$1\""
}

# pg_drop DB: drops DB if it exists, closing whatever connections it still has.
pg_drop() {
	pg_q postgres "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)"
}

# pg_apply DB FILE: runs the SQL file in DB in one transaction, as 'atlas migrate apply'
# runs a file by default; the first error rolls it all back and fails.
pg_apply() {
	pg_client psql "$1" -X -q -v ON_ERROR_STOP=1 --single-transaction -f "$2" >/dev/null
}

# pg_catalog DB [PG_DUMP-ARGS...]: DB's schema as pg_dump writes it (no owners, no grants),
# without its comment lines, SET lines and blank lines, on stdout; nor the \restrict and
# \unrestrict lines of newer pg_dumps, whose key is random at every run. ARGS go to
# pg_dump (--exclude-schema=S).
pg_catalog() {
	local dump db=$1
	shift
	dump=$(pg_client pg_dump "$db" --schema-only --no-owner --no-privileges "$@") || return 1
	grep -v -e '^--' -e '^SET ' -e '^$' -e '^\\restrict ' -e '^\\unrestrict ' <<<"$dump" || true
}

# ---- MariaDB

# my_client DB ARGS...: the mariadb client against DB over TCP with the configured login,
# no option files read.
my_client() {
	local db=$1
	shift
	MYSQL_PWD=$MY_PASSWORD mariadb --no-defaults --protocol=TCP -h "$MY_HOST" -P "$MY_PORT" \
		-u "$MY_USER" --connect-timeout="$DB_CONNECT_TIMEOUT" "$@" "$db"
}

# my_q DB SQL: SQL in DB, raw rows (tab-separated, no headers) on stdout.
my_q() {
	my_client "$1" -N -B -r -e "$2"
}

# my_create DB: a new empty database DB (dropped first if a failed run left it), with
# utf8mb4_general_ci: the default collation the mariadb@10.11 profile takes the server to
# have (Debian's server says utf8mb4_unicode_ci).
my_create() {
	my_drop "$1" &&
		my_q mysql "CREATE DATABASE \`$1\` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci"
}

# my_drop DB: drops DB if it exists.
my_drop() {
	my_q mysql "DROP DATABASE IF EXISTS \`$1\`"
}

# my_apply DB FILE: runs the SQL file in DB, stopping at the first error (MySQL DDL
# commits statement by statement: there is no transaction to roll back).
my_apply() {
	my_client "$1" -N -B <"$2" >/dev/null
}

# my_catalog DB: SHOW CREATE TABLE of every table of DB, by table name, on stdout.
my_catalog() {
	local tables t
	tables=$(my_q "$1" "SELECT table_name FROM information_schema.tables
		WHERE table_schema = DATABASE() ORDER BY table_name") || return 1
	for t in $tables; do
		my_q "$1" "SHOW CREATE TABLE \`$t\`" || return 1
	done
}

# my_baseline SCHEMA DIR: DIR/1_base.sql creates schemas/mysql/SCHEMA.hcl for MariaDB
# (hcl2json | schemadiff --profile mariadb@10.11 | sqlemit-my; work files in $W): the
# project's MySQL files are MySQL 8 text that MariaDB cannot run.
my_baseline() {
	mkdir -p "$2"
	hcl2json --dialect mysql "$ROOT/schemas/mysql/$1.hcl" >"$W/$1.to.json" || fail "hcl2json $1"
	schemadiff --profile mariadb@10.11 /dev/null "$W/$1.to.json" >"$W/$1.plan.json" ||
		fail "schemadiff $1"
	sqlemit-my "$W/$1.plan.json" >"$2/1_base.sql" || fail "sqlemit-my $1"
	grep -q 'CREATE TABLE' "$2/1_base.sql" || fail "no tables in the $1 baseline"
}

# mariadb_copy SRC DST: the directory's files with MySQL 8's default collation swapped
# for MariaDB's, which is all that keeps MariaDB from running them.
mariadb_copy() {
	local f
	mkdir -p "$2"
	for f in "$1"/*.sql; do
		sed 's/utf8mb4_0900_ai_ci/utf8mb4_general_ci/g' "$f" >"$2/$(basename "$f")"
	done
}
