#!/usr/bin/env bats
# schemadiff + sqlemit: Atlas's baselines byte for byte; make atlas-migrate-diff on an
# empty directory; bad input.

load helpers

H=$CORPUS/_history

# baseline HCL ATLAS_SQL DIALECT PROFILE: the pipeline from an empty database writes
# exactly the file Atlas wrote from the same HCL.
baseline() {
	local emit=sqlemit-pg
	[ "$3" = mysql ] && emit=sqlemit-my
	run_split hcl2json --dialect "$3" "$1"
	[ "$status" -eq 0 ] || fail "hcl2json: $err"
	cp "$BATS_TEST_TMPDIR/stdout" "$BATS_TEST_TMPDIR/to.json"
	run_split schemadiff --profile "$4" /dev/null "$BATS_TEST_TMPDIR/to.json"
	[ "$status" -eq 0 ] || fail "schemadiff: $err"
	cp "$BATS_TEST_TMPDIR/stdout" "$BATS_TEST_TMPDIR/plan.json"
	run_split "$emit" "$BATS_TEST_TMPDIR/plan.json"
	[ "$status" -eq 0 ] || fail "$emit: $err"
	diff -u "$2" "$BATS_TEST_TMPDIR/stdout" || fail "not Atlas's baseline"
}

@test "baseline: postgres watch (newest) byte for byte, postgres@18" {
	baseline "$CORPUS/tools/atlas/schemas/postgres/watch.hcl" "$CORPUS"/tools/atlas/migrations/postgres/watch/*.sql postgres postgres@18
}
@test "baseline: postgres keygen (newest) byte for byte, postgres@18" {
	baseline "$CORPUS/tools/atlas/schemas/postgres/keygen.hcl" "$CORPUS"/tools/atlas/migrations/postgres/keygen/*.sql postgres postgres@18
}
@test "baseline: postgres sign (newest) byte for byte, postgres@18" {
	baseline "$CORPUS/tools/atlas/schemas/postgres/sign.hcl" "$CORPUS"/tools/atlas/migrations/postgres/sign/*.sql postgres postgres@18
}
@test "baseline: mysql watch (newest) byte for byte, mysql@8" {
	baseline "$CORPUS/tools/atlas/schemas/mysql/watch.hcl" "$CORPUS"/tools/atlas/migrations/mysql/watch/*.sql mysql mysql@8
}
@test "baseline: mysql keygen (newest) byte for byte, mysql@8" {
	baseline "$CORPUS/tools/atlas/schemas/mysql/keygen.hcl" "$CORPUS"/tools/atlas/migrations/mysql/keygen/*.sql mysql mysql@8
}
@test "baseline: mysql sign (newest) byte for byte, mysql@8" {
	baseline "$CORPUS/tools/atlas/schemas/mysql/sign.hcl" "$CORPUS"/tools/atlas/migrations/mysql/sign/*.sql mysql mysql@8
}
@test "baseline: e14f0d6a postgres (native enum types) byte for byte" {
	local s
	for s in watch keygen sign; do
		baseline "$H/e14f0d6a/tools/atlas/schemas/postgres/$s.hcl" "$H"/e14f0d6a/tools/atlas/migrations/postgres/$s/*.sql postgres postgres@18
	done
}
@test "baseline: f218c812 postgres (varchar + CHECK) byte for byte" {
	local s
	for s in watch keygen sign; do
		baseline "$H/f218c812/tools/atlas/schemas/postgres/$s.hcl" "$H"/f218c812/tools/atlas/migrations/postgres/$s/*.sql postgres postgres@18
	done
}
@test "baseline: edab984e mysql byte for byte" {
	local s
	for s in watch keygen sign; do
		baseline "$H/edab984e/tools/atlas/schemas/mysql/$s.hcl" "$H"/edab984e/tools/atlas/migrations/mysql/$s/*.sql mysql mysql@8
	done
}
@test "baseline: 03abc279 mysql keygen (schema charset and collation) byte for byte" {
	baseline "$H/03abc279/tools/atlas/schemas/mysql/keygen.hcl" "$H"/03abc279/tools/atlas/migrations/mysql/keygen/*.sql mysql mysql@8
}
@test "baseline: 0e0be991 mysql keygen byte for byte" {
	baseline "$H/0e0be991/tools/atlas/schemas/mysql/keygen.hcl" "$H"/0e0be991/tools/atlas/migrations/mysql/keygen/*.sql mysql mysql@8
}

@test "the example in docs/plan-json.md is what schemadiff and sqlemit-pg print" {
	local doc=$ROOT/docs/plan-json.md t=$BATS_TEST_TMPDIR
	printf 'schema "public" {}\ntable "users" {\n  schema = schema.public\n  column "id" {\n    type = bigint\n  }\n  primary_key {\n    columns = [column.id]\n  }\n}\n' >"$t/u.hcl"
	awk '/^```json$/{f=1;next} /^```$/{f=0} f' "$doc" >"$t/plan.want"
	awk '/^```sql$/{f=1;next} /^```$/{f=0} f' "$doc" >"$t/sql.want"
	hcl2json --dialect postgres "$t/u.hcl" >"$t/u.json"
	run_split schemadiff /dev/null "$t/u.json"
	[ "$status" -eq 0 ] && diff -u "$t/plan.want" "$t/stdout"
	cp "$t/stdout" "$t/plan.json"
	run_split sqlemit-pg "$t/plan.json"
	[ "$status" -eq 0 ] && diff -u "$t/sql.want" "$t/stdout"
}

@test "schemadiff: no changes is an empty plan; --exit-code says 1 only for changes" {
	local t=$BATS_TEST_TMPDIR
	hcl2json --dialect mysql "$ROOT/schemas/mysql/sign.hcl" >"$t/s.json"
	run_split schemadiff --exit-code "$t/s.json" "$t/s.json"
	[ "$status" -eq 0 ] || fail "$err"
	[ "$(python3 -c 'import json,sys; print(len(json.load(sys.stdin)["changes"]))' <"$t/stdout")" = 0 ]
	run_split schemadiff --exit-code /dev/null "$t/s.json"
	[ "$status" -eq 1 ]
}

@test "schemadiff: bad input is trouble, exit 2, with a clear message" {
	local t=$BATS_TEST_TMPDIR
	printf '{"format": "schema/1", "dialect": "postgres", "schemas": [' >"$t/bad.json"
	run_split schemadiff /dev/null "$t/bad.json"
	[ "$status" -eq 2 ] && [ -z "$out" ]
	[[ "$err" == "schemadiff: $t/bad.json:1:"*": malformed JSON: "* ]] || fail "$err"
	printf '{"format": "plan/1"}' >"$t/plan.json"
	run_split schemadiff /dev/null "$t/plan.json"
	[ "$status" -eq 2 ]
	[ "$err" = "schemadiff: $t/plan.json: unsupported format 'plan/1' (expected 'schema/1')" ] || fail "$err"
	hcl2json --dialect mysql "$ROOT/schemas/mysql/sign.hcl" >"$t/my.json"
	hcl2json --dialect postgres "$ROOT/schemas/postgres/sign.hcl" >"$t/pg.json"
	run_split schemadiff "$t/my.json" "$t/pg.json"
	[ "$status" -eq 2 ]
	[[ "$err" == *"mysql"*"postgres"* ]] || fail "$err"
	run_split schemadiff --profile oracle@19 /dev/null "$t/pg.json"
	[ "$status" -eq 2 ]
	[[ "$err" == *"unknown server family 'oracle'"* ]] || fail "$err"
	run_split schemadiff --skip drop_everything /dev/null "$t/pg.json"
	[ "$status" -eq 2 ]
	[ "$err" = "schemadiff: --skip: unknown change kind 'drop_everything'" ]
	# A file that is not there is not an empty database: no plan that creates everything.
	run_split schemadiff "$t/missing.json" "$t/pg.json"
	[ "$status" -eq 2 ] && [ -z "$out" ] || fail "status $status: $out"
	[ "$err" = "schemadiff: $t/missing.json: No such file or directory" ] || fail "$err"
}

@test "sqlemit: a plan for the other dialect, the wrong format, malformed JSON: exit 2, nothing written" {
	local t=$BATS_TEST_TMPDIR
	hcl2json --dialect mysql "$ROOT/schemas/mysql/sign.hcl" >"$t/my.json"
	schemadiff /dev/null "$t/my.json" >"$t/plan.json"
	run_split sqlemit-pg "$t/plan.json"
	[ "$status" -eq 2 ] && [ -z "$out" ]
	[ "$err" = "sqlemit-pg: the plan is for mysql; use sqlemit-my" ]
	run_split sqlemit-my "$t/my.json"
	[ "$status" -eq 2 ] && [ -z "$out" ]
	[[ "$err" == "sqlemit-my: $t/my.json: not a plan: expected \"format\": \"plan/1\", not schema/1" ]] || fail "$err"
	printf '{"format":' >"$t/broken.json"
	run_split sqlemit-my "$t/broken.json"
	[ "$status" -eq 2 ] && [ -z "$out" ]
	[[ "$err" == "sqlemit-my: $t/broken.json:1:"*"malformed JSON"* ]] || fail "$err"
}

@test "sqlemit-pg: reordering enum values is refused, naming the enum, nothing written" {
	local t=$BATS_TEST_TMPDIR
	printf 'schema "public" {}\nenum "e" {\n  schema = schema.public\n  values = ["a", "b"]\n}\n' >"$t/a.hcl"
	printf 'schema "public" {}\nenum "e" {\n  schema = schema.public\n  values = ["b", "a"]\n}\n' >"$t/b.hcl"
	hcl2json --dialect postgres "$t/a.hcl" >"$t/a.json"
	hcl2json --dialect postgres "$t/b.hcl" >"$t/b.json"
	schemadiff "$t/a.json" "$t/b.json" >"$t/plan.json"
	run_split sqlemit-pg "$t/plan.json"
	[ "$status" -eq 2 ] && [ -z "$out" ]
	[ "$err" = "sqlemit-pg: enum 'e': PostgreSQL cannot remove or reorder enum values (only add them)" ]
}

# A throwaway copy of the project's make graph, schemas and migrations, using our build.
project_copy() {
	P=$BATS_TEST_TMPDIR/project
	mkdir -p "$P"
	# cp -a keeps the times: make finds the shared build up to date and rebuilds nothing.
	cp -a "$ROOT/Makefile" "$ROOT/mk" "$ROOT/scripts" "$ROOT/schemas" "$ROOT/atlas.hcl" "$ROOT/tools" "$P/"
	mkdir -p "$P/migrations/postgres" "$P/migrations/mysql"
}

@test "make atlas-migrate-diff on an empty directory writes Atlas's baseline and atlas.sum" {
	project_copy
	run_split make -s -C "$P" B="$MIGKIT_BIN/.." atlas-migrate-diff SCHEMA=keygen NAME=initial_schema DB_DIALECT=mysql
	[ "$status" -eq 0 ] || fail "$err"
	local f
	f=$(ls "$P"/migrations/mysql/keygen/*.sql)
	[[ "$(basename "$f")" =~ ^[0-9]{14}_initial_schema\.sql$ ]] || fail "name $f"
	cmp "$f" "$CORPUS"/tools/atlas/migrations/mysql/keygen/*.sql
	sumhash --check "$P/migrations/mysql/keygen"
	[ "$(stat -c %a "$f")" = 644 ]
	[ -z "$(find "$P/migrations" -name '.*')" ] || fail "temporary file left behind"
}

@test "make atlas-migrate-diff: PROFILE=mariadb@10.11 writes what MariaDB runs" {
	project_copy
	run_split make -s -C "$P" B="$MIGKIT_BIN/.." atlas-migrate-diff SCHEMA=sign NAME=init DB_DIALECT=mysql PROFILE=mariadb@10.11
	[ "$status" -eq 0 ] || fail "$err"
	local f
	f=$(ls "$P"/migrations/mysql/sign/*.sql)
	grep -q 'COLLATE utf8mb4_general_ci' "$f"
	! grep -q 'utf8mb4_0900_ai_ci' "$f"
}

@test "make atlas-migrate-diff refuses a bad atlas.sum and a missing NAME; nothing written" {
	project_copy
	cp -r "$ROOT/migrations/postgres/watch" "$P/migrations/postgres/"
	echo '-- edited' >>"$P"/migrations/postgres/watch/*.sql
	local before
	before=$(ls -la "$P/migrations/postgres/watch" | md5sum)
	run_split make -s -C "$P" B="$MIGKIT_BIN/.." atlas-migrate-diff SCHEMA=watch NAME=x
	[ "$status" -ne 0 ]
	[[ "$out" == *"You have a checksum error in your migration directory."* ]] || fail "$out"
	[ "$(ls -la "$P/migrations/postgres/watch" | md5sum)" = "$before" ]
	run_split make -s -C "$P" B="$MIGKIT_BIN/.." atlas-migrate-diff SCHEMA=sign
	[ "$status" -ne 0 ]
	[[ "$err" == *"atlas-migrate-diff needs NAME=<migration name>"* ]] || fail "$err"
	run_split make -s -C "$P" B="$MIGKIT_BIN/.." atlas-migrate-diff SCHEMA=sign NAME=x DB_DIALECT=oracle
	[ "$status" -ne 0 ]
	[[ "$err" == *"DB_DIALECT must be postgres or mysql, not 'oracle'"* ]] || fail "$err"
	[ ! -e "$P/migrations/postgres/sign" ] || [ -z "$(ls "$P/migrations/postgres/sign")" ]
}

@test "make atlas-migrate-diff right after each postgres baseline says synced, writes nothing" {
	project_copy
	cp -r "$ROOT/migrations/postgres/"* "$P/migrations/postgres/"
	local s before
	for s in watch keygen sign; do
		before=$(ls -la "$P/migrations/postgres/$s" | md5sum)
		run_split make -s -C "$P" B="$MIGKIT_BIN/.." atlas-migrate-diff SCHEMA=$s NAME=again
		[ "$status" -eq 0 ] || fail "$s: $err"
		[ "$out" = "The migration directory is synced with the desired state, no changes to be made" ] || fail "$s: $out"
		[ "$(ls -la "$P/migrations/postgres/$s" | md5sum)" = "$before" ] || fail "$s: directory changed"
	done
}

@test "make atlas-migrate-diff, postgres: add_col, NOT NULL with a default, a new index, a check" {
	load lib-db
	project_copy
	cp -r "$ROOT/migrations/postgres/keygen" "$P/migrations/postgres/"
	local hcl=$P/schemas/postgres/keygen.hcl f db=mdiff_keygen
	# add_col: a nullable column on seed, as the card's example.
	python3 - "$hcl" <<'PY'
import sys
p = sys.argv[1]; s = open(p).read()
anchor = 'table "seed" {\n  schema  = schema.public\n  comment = "table for seed"\n'
assert anchor in s
s = s.replace(anchor, anchor + '\n  column "add_col" {\n    type    = varchar(64)\n    null    = true\n    comment = "added"\n  }\n', 1)
open(p, "w").write(s)
PY
	run_split make -s -C "$P" B="$MIGKIT_BIN/.." atlas-migrate-diff SCHEMA=keygen NAME=add_col
	[ "$status" -eq 0 ] || fail "$err"
	f=$(ls "$P"/migrations/postgres/keygen/*_add_col.sql)
	grep -q 'ALTER TABLE "public"."seed" ADD COLUMN "add_col" character varying(64) NULL;' "$f" || fail "$(cat "$f")"
	grep -q "COMMENT ON COLUMN \"public\".\"seed\".\"add_col\" IS 'added';" "$f" || fail "$(cat "$f")"
	sumhash --check "$P/migrations/postgres/keygen"
	# A NOT NULL column with a default, an index on it and a check, in a second migration.
	python3 - "$hcl" <<'PY'
import sys
p = sys.argv[1]; s = open(p).read()
anchor = '  column "add_col" {'
s = s.replace(anchor, '  column "level" {\n    type    = integer\n    default = 1\n  }\n\n' + anchor, 1)
anchor = '  index "idx_seed_coin" {'
s = s.replace(anchor, '  index "idx_seed_level" {\n    columns = [column.level]\n  }\n\n  check "chk_seed_level" {\n    expr = "level > 0"\n  }\n\n' + anchor, 1)
open(p, "w").write(s)
PY
	sleep 1
	run_split make -s -C "$P" B="$MIGKIT_BIN/.." atlas-migrate-diff SCHEMA=keygen NAME=level
	[ "$status" -eq 0 ] || fail "$err"
	f=$(ls "$P"/migrations/postgres/keygen/*_level.sql)
	grep -q 'ADD COLUMN "level" integer NOT NULL DEFAULT 1' "$f" || fail "$(cat "$f")"
	grep -q 'ADD CONSTRAINT "chk_seed_level" CHECK (level > 0)' "$f" || fail "$(cat "$f")"
	grep -q 'CREATE INDEX "idx_seed_level" ON "public"."seed" ("level");' "$f" || fail "$(cat "$f")"
	# The next diff is synced; the directory applied for real equals a fresh build of the HCL.
	run_split make -s -C "$P" B="$MIGKIT_BIN/.." atlas-migrate-diff SCHEMA=keygen NAME=nothing
	[ "$out" = "The migration directory is synced with the desired state, no changes to be made" ] || fail "$out $err"
	pg_create "${db}_dir"
	pg_create "${db}_hcl"
	for f in "$P"/migrations/postgres/keygen/*.sql; do pg_apply "${db}_dir" "$f"; done
	hcl2json --dialect postgres "$hcl" >"$BATS_TEST_TMPDIR/k.json"
	schemadiff /dev/null "$BATS_TEST_TMPDIR/k.json" | sqlemit-pg >"$BATS_TEST_TMPDIR/k.sql"
	pg_apply "${db}_hcl" "$BATS_TEST_TMPDIR/k.sql"
	local same=0
	diff -u <(pg_catalog "${db}_dir" | sort) <(pg_catalog "${db}_hcl" | sort) && same=1
	pg_drop "${db}_dir"
	pg_drop "${db}_hcl"
	[ "$same" = 1 ] || fail "the migrated database differs from a fresh build of the HCL"
}

@test "make atlas-migrate-diff caches the replayed state by the directory's fingerprint" {
	project_copy
	cp -r "$ROOT/migrations/postgres/sign" "$P/migrations/postgres/"
	local cache=$MIGKIT_BIN/../cache/replay key
	key=$(sumhash --xxh3 "$P/migrations/postgres/sign")
	rm -f "$cache"/local_postgres_sign-"$key"-*
	run_split make -s -C "$P" B="$MIGKIT_BIN/.." atlas-migrate-diff SCHEMA=sign NAME=x
	[ "$status" -eq 0 ] || fail "$err"
	[ "$(ls "$cache"/local_postgres_sign-"$key"-* | wc -l)" = 1 ] || fail "no cache entry"
	# A poisoned cache entry is what the next run reads: proof it does not replay again.
	echo '{}' >"$(ls "$cache"/local_postgres_sign-"$key"-*)"
	run_split make -s -C "$P" B="$MIGKIT_BIN/.." atlas-migrate-diff SCHEMA=sign NAME=x
	[ "$status" -eq 0 ] || fail "$err"
	[ "$(ls "$P"/migrations/postgres/sign/*_x.sql | wc -l)" = 1 ] || fail "the cache was not used"
	rm -f "$cache"/local_postgres_sign-"$key"-*
}
