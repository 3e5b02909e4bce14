#!/usr/bin/env bats
# schemadiff + sqlemit-pg / sqlemit-my: 'atlas migrate diff', one golden case per folder of
# tests/diff, named pg-* (PostgreSQL) or my-* (MySQL). A case holds from.hcl and to.hcl,
# optionally args (more schemadiff flags, e.g. --skip drop_table) and applied.hcl (the
# schema the migration leaves when it is not to.hcl: what a skip kept), and the expected
# expected.plan.json, expected.sql and, when schemadiff has something to say,
# expected.err.
#
# Each test (1) runs hcl2json -> schemadiff -> sqlemit and compares the plan, the SQL and
# schemadiff's stderr byte for byte with the expected files, then (2) applies the
# migration for real: 'from' is built on a fresh database from the SQL that takes an empty
# database to it, the migration runs on top, 'to' (or applied.hcl) is built the same way on
# a second fresh database, and the two catalogs must be equal: pg_dump --schema-only, or
# SHOW CREATE TABLE of every table. Both databases are dropped after the test.
#
# The MySQL goldens use the default profile, mysql@8 (collation utf8mb4_0900_ai_ci, as
# Atlas's corpus was written against MySQL 8). The local server is MariaDB 10.11, which has
# no utf8mb4_0900_ai_ci: there the whole pipeline (from, migration, to) runs again with
# --profile mariadb@10.11, and that migration is the one applied. PostgreSQL cases apply
# the golden SQL itself (default profile postgres@18; nothing in them is newer than the
# local PostgreSQL 15).

load helpers
load lib-db

CASES=$BATS_TEST_DIRNAME/diff

setup() {
	W=$BATS_TEST_TMPDIR/w
	mkdir -p "$W"
	echo '{}' >"$W/empty.json"
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

# tool OUT PROG ARGS...: PROG's stdout into OUT and its stderr into OUT.err; the program
# must not die by a signal. Sets $status.
tool() {
	local out=$1
	shift
	status=0
	"$@" >"$out" 2>"$out.err" || status=$?
	if [ "$status" -ge 128 ]; then
		fail "$1 killed by signal $((status - 128)): $(cat "$out.err")"
	fi
}

# ok OUT PROG ARGS...: tool, which must succeed and say nothing on stderr.
ok() {
	tool "$@"
	[ "$status" -eq 0 ] || fail "$2 failed ($status): $(cat "$1.err")"
	[ ! -s "$1.err" ] || fail "$2 wrote on stderr: $(cat "$1.err")"
}

# schema_json HCL JSON: hcl2json of the case's dialect.
schema_json() {
	ok "$2" hcl2json --dialect "$DIALECT" "$1"
}

# migration FROM.json TO.json SQL [SCHEMADIFF-FLAGS...]: the migration text from one
# state to the other (its plan in SQL.plan), which must come with no message.
migration() {
	local from=$1 to=$2 sql=$3
	shift 3
	ok "$sql.plan" schemadiff "$@" "$from" "$to"
	ok "$sql" "$EMIT" "$sql.plan"
}

# build DB JSON SQL [PROFILE-FLAGS...]: a fresh database DB holding the schema JSON, built
# from the migration that takes an empty database there (kept in SQL).
build() {
	local db=$1 json=$2 sql=$3
	shift 3
	migration "$W/empty.json" "$json" "$sql" "$@"
	db_create "$db"
	db_apply "$db" "$sql" || fail "building $db: the SQL of $json fails on the server"
}

db_create() {
	SCRATCH+=("$ENGINE:$1")
	"${ENGINE}_create" "$1" || fail "cannot create database $1 ($ENGINE)"
}

db_apply() { "${ENGINE}_apply" "$@"; }

db_catalog() {
	"${ENGINE}_catalog" "$1" >"$2" || fail "cannot read the catalog of $1"
}

# diff_case NAME: the golden case tests/diff/NAME, both steps.
diff_case() {
	local name=$1 dir=$CASES/$1 args=() profile=() want db
	case "$name" in
	pg-*) DIALECT=postgres ENGINE=pg EMIT=sqlemit-pg ;;
	my-*) DIALECT=mysql ENGINE=my EMIT=sqlemit-my ;;
	*) fail "case $name: the name must start with pg- or my-" ;;
	esac
	if [ -f "$dir/args" ]; then read -r -a args <"$dir/args" || true; fi

	# 1. The plan and the SQL, byte for byte.
	schema_json "$dir/from.hcl" "$W/from.json"
	schema_json "$dir/to.hcl" "$W/to.json"
	tool "$W/plan.json" schemadiff "${args[@]}" "$W/from.json" "$W/to.json"
	[ "$status" -eq 0 ] || fail "schemadiff failed ($status): $(cat "$W/plan.json.err")"
	if [ -f "$dir/expected.err" ]; then
		diff -u "$dir/expected.err" "$W/plan.json.err" || fail "schemadiff's stderr differs"
	else
		diff -u /dev/null "$W/plan.json.err" || fail "schemadiff wrote on stderr"
	fi
	diff -u "$dir/expected.plan.json" "$W/plan.json" || fail "the plan differs"
	ok "$W/migration.sql" "$EMIT" "$W/plan.json"
	diff -u "$dir/expected.sql" "$W/migration.sql" || fail "the SQL differs"

	# 2. Applied for real. MariaDB cannot take mysql@8's collation: see the top.
	if [ "$ENGINE" = my ]; then profile=(--profile mariadb@10.11); fi
	want=$W/to.json
	if [ -f "$dir/applied.hcl" ]; then
		schema_json "$dir/applied.hcl" "$W/applied.json"
		want=$W/applied.json
	fi
	db=diff_${name//-/_}
	build "$db" "$W/from.json" "$W/from.sql" "${profile[@]}"
	if [ "$ENGINE" = my ]; then
		tool "$W/apply.sql.plan" schemadiff "${profile[@]}" "${args[@]}" "$W/from.json" "$W/to.json"
		[ "$status" -eq 0 ] || fail "schemadiff ${profile[*]} failed: $(cat "$W/apply.sql.plan.err")"
		ok "$W/apply.sql" "$EMIT" "$W/apply.sql.plan"
	else
		cp "$W/migration.sql" "$W/apply.sql"
	fi
	db_apply "$db" "$W/apply.sql" || fail "the migration fails on the server"
	build "${db}_to" "$want" "$W/to.sql" "${profile[@]}"
	db_catalog "$db" "$W/got.catalog"
	db_catalog "${db}_to" "$W/want.catalog"
	diff -u "$W/want.catalog" "$W/got.catalog" ||
		fail "the migrated database differs from one built from ${want##*/}"
}

@test "every case folder has its test, and every test its folder" {
	local d name listed
	listed=$(sed -n 's/^@test .*{ diff_case \([a-z0-9-]*\); }$/\1/p' "$BATS_TEST_FILENAME" | sort)
	for d in "$CASES"/*/; do
		name=$(basename "$d")
		grep -qx "$name" <<<"$listed" || fail "tests/diff/$name has no @test"
	done
	for name in $listed; do
		[ -f "$CASES/$name/expected.sql" ] || fail "no tests/diff/$name/expected.sql"
	done
}

# One test per folder of tests/diff (the test above checks that none is missing).
@test "my-add-column-after" { diff_case my-add-column-after; }
@test "my-add-column-first" { diff_case my-add-column-first; }
@test "my-add-column" { diff_case my-add-column; }
@test "my-auto-increment" { diff_case my-auto-increment; }
@test "my-check-add" { diff_case my-check-add; }
@test "my-check-change" { diff_case my-check-change; }
@test "my-check-drop" { diff_case my-check-drop; }
@test "my-column-charset" { diff_case my-column-charset; }
@test "my-column-charset-only" { diff_case my-column-charset-only; }
@test "my-column-collate" { diff_case my-column-collate; }
@test "my-column-not-null" { diff_case my-column-not-null; }
@test "my-column-null" { diff_case my-column-null; }
@test "my-column-type" { diff_case my-column-type; }
@test "my-comment-column-change" { diff_case my-comment-column-change; }
@test "my-comment-column-drop" { diff_case my-comment-column-drop; }
@test "my-comment-column-set" { diff_case my-comment-column-set; }
@test "my-create-cycle" { diff_case my-create-cycle; }
@test "my-create-order" { diff_case my-create-order; }
@test "my-create-parent-child" { diff_case my-create-parent-child; }
@test "my-create-table" { diff_case my-create-table; }
@test "my-create-table-prefix" { diff_case my-create-table-prefix; }
@test "my-decimal-default" { diff_case my-decimal-default; }
@test "my-default-change" { diff_case my-default-change; }
@test "my-default-drop" { diff_case my-default-drop; }
@test "my-default-set" { diff_case my-default-set; }
@test "my-drop-column" { diff_case my-drop-column; }
@test "my-drop-parent-child" { diff_case my-drop-parent-child; }
@test "my-drop-table" { diff_case my-drop-table; }
@test "my-enum-add-value" { diff_case my-enum-add-value; }
@test "my-fk-actions" { diff_case my-fk-actions; }
@test "my-fk-add" { diff_case my-fk-add; }
@test "my-fk-drop" { diff_case my-fk-drop; }
@test "my-fk-no-action" { diff_case my-fk-no-action; }
@test "my-index-drop" { diff_case my-index-drop; }
@test "my-index-prefix" { diff_case my-index-prefix; }
@test "my-pk-add" { diff_case my-pk-add; }
@test "my-pk-change" { diff_case my-pk-change; }
@test "my-pk-drop" { diff_case my-pk-drop; }
@test "my-schema-attrs-scoped" { diff_case my-schema-attrs-scoped; }
@test "my-schema-comment" { diff_case my-schema-comment; }
@test "my-skip-drop-column" { diff_case my-skip-drop-column; }
@test "my-skip-drop-table" { diff_case my-skip-drop-table; }
@test "my-table-charset" { diff_case my-table-charset; }
@test "my-table-charset-columns" { diff_case my-table-charset-columns; }
@test "my-table-collate" { diff_case my-table-collate; }
@test "my-table-collate-columns" { diff_case my-table-collate-columns; }
@test "my-table-comment-change" { diff_case my-table-comment-change; }
@test "my-table-comment-drop" { diff_case my-table-comment-drop; }
@test "my-table-comment-set" { diff_case my-table-comment-set; }
@test "pg-add-column" { diff_case pg-add-column; }
@test "pg-check-add" { diff_case pg-check-add; }
@test "pg-check-change" { diff_case pg-check-change; }
@test "pg-check-drop" { diff_case pg-check-drop; }
@test "pg-column-not-null" { diff_case pg-column-not-null; }
@test "pg-column-null" { diff_case pg-column-null; }
@test "pg-column-type" { diff_case pg-column-type; }
@test "pg-comment-column-change" { diff_case pg-comment-column-change; }
@test "pg-comment-column-drop" { diff_case pg-comment-column-drop; }
@test "pg-comment-column-set" { diff_case pg-comment-column-set; }
@test "pg-create-cycle" { diff_case pg-create-cycle; }
@test "pg-create-order" { diff_case pg-create-order; }
@test "pg-create-parent-child" { diff_case pg-create-parent-child; }
@test "pg-create-table" { diff_case pg-create-table; }
@test "pg-default-change" { diff_case pg-default-change; }
@test "pg-default-drop" { diff_case pg-default-drop; }
@test "pg-default-set" { diff_case pg-default-set; }
@test "pg-drop-column" { diff_case pg-drop-column; }
@test "pg-drop-column-indexed" { diff_case pg-drop-column-indexed; }
@test "pg-drop-parent-child" { diff_case pg-drop-parent-child; }
@test "pg-drop-table" { diff_case pg-drop-table; }
@test "pg-enum-add-before" { diff_case pg-enum-add-before; }
@test "pg-enum-add-middle" { diff_case pg-enum-add-middle; }
@test "pg-enum-add-mixed" { diff_case pg-enum-add-mixed; }
@test "pg-enum-add-value" { diff_case pg-enum-add-value; }
@test "pg-enum-create" { diff_case pg-enum-create; }
@test "pg-enum-drop" { diff_case pg-enum-drop; }
@test "pg-fk-actions" { diff_case pg-fk-actions; }
@test "pg-fk-add" { diff_case pg-fk-add; }
@test "pg-fk-column" { diff_case pg-fk-column; }
@test "pg-fk-drop" { diff_case pg-fk-drop; }
@test "pg-fk-no-action" { diff_case pg-fk-no-action; }
@test "pg-identity-add" { diff_case pg-identity-add; }
@test "pg-identity-drop" { diff_case pg-identity-drop; }
@test "pg-index-add" { diff_case pg-index-add; }
@test "pg-index-comment" { diff_case pg-index-comment; }
@test "pg-index-desc" { diff_case pg-index-desc; }
@test "pg-index-drop" { diff_case pg-index-drop; }
@test "pg-index-expr" { diff_case pg-index-expr; }
@test "pg-index-method" { diff_case pg-index-method; }
@test "pg-index-normalize" { diff_case pg-index-normalize; }
@test "pg-index-partial" { diff_case pg-index-partial; }
@test "pg-index-parts" { diff_case pg-index-parts; }
@test "pg-index-unique" { diff_case pg-index-unique; }
@test "pg-pk-add" { diff_case pg-pk-add; }
@test "pg-pk-change" { diff_case pg-pk-change; }
@test "pg-pk-drop" { diff_case pg-pk-drop; }
@test "pg-schema-add" { diff_case pg-schema-add; }
@test "pg-schema-drop" { diff_case pg-schema-drop; }
@test "pg-skip-drop-column" { diff_case pg-skip-drop-column; }
@test "pg-skip-drop-table" { diff_case pg-skip-drop-table; }
@test "pg-table-comment-change" { diff_case pg-table-comment-change; }
@test "pg-table-comment-drop" { diff_case pg-table-comment-drop; }
@test "pg-table-comment-set" { diff_case pg-table-comment-set; }
