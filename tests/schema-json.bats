#!/usr/bin/env bats
# hcl2json on the real schemas, the documented example, and atlas.hcl.

load helpers

REAL=$BATS_TEST_DIRNAME/schema-json/real
H=$CORPUS/_history

# real DIALECT DB: the golden JSON of schemas/DIALECT/DB.hcl, which must also agree with
# the CREATE TABLEs Atlas generated from the same HCL (tests/tools/crosscheck-atlas-sql.py).
real() {
	run_split hcl2json --dialect "$1" "$ROOT/schemas/$1/$2.hcl"
	[ "$status" -eq 0 ] || fail "$err"
	diff -u "$REAL/$1-$2.json" "$BATS_TEST_TMPDIR/stdout" || fail "JSON differs from the golden file"
	python3 "$ROOT/tests/tools/crosscheck-atlas-sql.py" "$BATS_TEST_TMPDIR/stdout" \
		"$CORPUS"/tools/atlas/migrations/"$1"/"$2"/*.sql || fail "model disagrees with Atlas's SQL"
}

# history COMMIT DIALECT DB: the model of an older HCL agrees with Atlas's baseline of it.
history() {
	run_split hcl2json --dialect "$2" "$H/$1/tools/atlas/schemas/$2/$3.hcl"
	[ "$status" -eq 0 ] || fail "$err"
	python3 "$ROOT/tests/tools/crosscheck-atlas-sql.py" "$BATS_TEST_TMPDIR/stdout" \
		"$H/$1"/tools/atlas/migrations/"$2"/"$3"/*.sql || fail "model disagrees with Atlas's SQL"
}

@test "real schema: postgres watch" { real postgres watch; }
@test "real schema: postgres keygen" { real postgres keygen; }
@test "real schema: postgres sign" { real postgres sign; }
@test "real schema: mysql watch" { real mysql watch; }
@test "real schema: mysql keygen" { real mysql keygen; }
@test "real schema: mysql sign" { real mysql sign; }
@test "the project's schemas are the corpus's" {
	local f
	for f in postgres/watch postgres/keygen postgres/sign mysql/watch mysql/keygen mysql/sign; do
		# The corpus spells numeric(26,10), which Atlas's own fmt writes numeric(26, 10).
		diff -u <(sed "s/numeric(26,10)/numeric(26, 10)/" "$CORPUS/tools/atlas/schemas/$f.hcl") "$ROOT/schemas/$f.hcl"
	done
}

@test "history: e14f0d6a postgres (native enum types) agrees with Atlas's baselines" {
	history e14f0d6a postgres watch
	history e14f0d6a postgres keygen
	history e14f0d6a postgres sign
}
@test "history: f218c812 postgres agrees with Atlas's baselines" {
	history f218c812 postgres watch
	history f218c812 postgres keygen
	history f218c812 postgres sign
}
@test "history: edab984e, 03abc279, 0e0be991 mysql agree with Atlas's baselines" {
	history edab984e mysql watch
	history edab984e mysql keygen
	history edab984e mysql sign
	history 03abc279 mysql keygen
	history 0e0be991 mysql keygen
}

@test "the example in docs/schema-json.md is what hcl2json prints" {
	local doc=$ROOT/docs/schema-json.md
	awk '/^```hcl$/{f=1;next} /^```$/{f=0} f' "$doc" >"$BATS_TEST_TMPDIR/ex.hcl"
	awk '/^```json$/{f=1;next} /^```$/{f=0} f' "$doc" >"$BATS_TEST_TMPDIR/ex.json"
	[ -s "$BATS_TEST_TMPDIR/ex.hcl" ] && [ -s "$BATS_TEST_TMPDIR/ex.json" ]
	run_split hcl2json --dialect postgres "$BATS_TEST_TMPDIR/ex.hcl"
	[ "$status" -eq 0 ] || fail "$err"
	diff -u "$BATS_TEST_TMPDIR/ex.json" "$BATS_TEST_TMPDIR/stdout"
}

@test "a directory merges its .hcl files in name order" {
	local d=$BATS_TEST_TMPDIR/dir
	mkdir -p "$d"
	printf 'schema "public" {}\n' >"$d/0_schema.hcl"
	printf 'table "b" {\n  schema = schema.public\n  column "id" {\n    type = int\n  }\n}\n' >"$d/2_b.hcl"
	printf 'table "a" {\n  schema = schema.public\n  column "id" {\n    type = int\n  }\n}\n' >"$d/1_a.hcl"
	printf 'not hcl' >"$d/notes.txt"
	run_split hcl2json --dialect postgres "$d"
	[ "$status" -eq 0 ] || fail "$err"
	[ "$(python3 -c 'import json,sys; print(",".join(t["name"] for t in json.load(sys.stdin)["schemas"][0]["tables"]))' <"$BATS_TEST_TMPDIR/stdout")" = "a,b" ]
}

@test "atlas.hcl: every env of the seed loads, with its dialect and files" {
	local d s k
	for d in postgres mysql; do for s in watch keygen sign; do for k in local admin; do
		run_split hcl2json --config "$ROOT/atlas.hcl" --env "${k}_${d}_$s"
		[ "$status" -eq 0 ] || fail "${k}_${d}_$s: $err"
		[[ "$out" == *"\"dialect\": \"$d\""* ]] || fail "${k}_${d}_$s: wrong dialect"
		diff -u "$REAL/$d-$s.json" "$BATS_TEST_TMPDIR/stdout" || fail "${k}_${d}_$s: not its schema"
	done; done; done
}

@test "atlas.hcl: an unknown env lists the envs, exit 2" {
	run_split hcl2json --config "$ROOT/atlas.hcl" --env local_sqlite_watch
	[ "$status" -eq 2 ]
	[[ "$err" == "hcl2json: $ROOT/atlas.hcl: no env 'local_sqlite_watch' (the envs are: local_mysql_watch, "* ]]
	[ -z "$out" ]
}

@test "atlas.hcl: variables and diff.skip are evaluated; a bad --var is an error" {
	local c=$BATS_TEST_TMPDIR/atlas.hcl
	sed 's/default     = false/default     = "no"/' "$ROOT/atlas.hcl" >"$c"
	run_split hcl2json --config "$c" --env local_postgres_watch
	[ "$status" -eq 2 ]
	[[ "$err" == "hcl2json: $c:12:17: variable 'destructive': a bool is required, not 'no'"* ]] || fail "$err"
	run_split hcl2json --config "$ROOT/atlas.hcl" --env local_postgres_watch --var destructive=maybe
	[ "$status" -eq 2 ]
	[[ "$err" == *"variable 'destructive': a bool is required, not 'maybe'"* ]] || fail "$err"
	run_split hcl2json --config "$ROOT/atlas.hcl" --env local_postgres_watch --var destructive=true
	[ "$status" -eq 0 ] || fail "$err"
}

@test "atlas.hcl: a password in a URL never appears in an error" {
	local c=$BATS_TEST_TMPDIR/atlas.hcl
	cat >"$c" <<-'HCL'
	env "x" {
	  url = "postgres://admin:s3cr3tpw@127.0.0.1:5432/db"
	  src = "ftp://admin:s3cr3tpw@host/schema.hcl"
	}
	HCL
	run_split hcl2json --config "$c" --env x
	[ "$status" -eq 2 ]
	[[ "$err" != *s3cr3tpw* ]] || fail "password leaked: $err"
	[[ "$err" == *"only file:// sources and directories are supported, not 'ftp://'"* ]] || fail "$err"
}
