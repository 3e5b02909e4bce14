#!/usr/bin/env bats
# migdiff: the whole of atlas-migrate-diff in one process. Its answer must be the
# pipeline's (sql2json | schemadiff | sqlemit), and Atlas's where Atlas wrote the file.

load helpers

setup() {
	P=$BATS_TEST_TMPDIR/p
	mkdir -p "$P/migrations/postgres" "$P/migrations/mysql"
	cp -r "$ROOT/schemas" "$ROOT/atlas.hcl" "$P/"
}

# pipeline DIALECT SCHEMA PROFILE: the migration the separate programs write for the copy's
# directory and schema, on stdout.
pipeline() {
	local emit=sqlemit-pg env=local_$1_$2
	[ "$1" = mysql ] && emit=sqlemit-my
	sql2json --config "$P/atlas.hcl" --env "$env" --profile "$3" >"$BATS_TEST_TMPDIR/from.json"
	hcl2json --config "$P/atlas.hcl" --env "$env" >"$BATS_TEST_TMPDIR/to.json"
	schemadiff --config "$P/atlas.hcl" --env "$env" --profile "$3" \
		"$BATS_TEST_TMPDIR/from.json" "$BATS_TEST_TMPDIR/to.json" >"$BATS_TEST_TMPDIR/plan.json"
	"$emit" "$BATS_TEST_TMPDIR/plan.json"
}

# add_note FILE: a new nullable column "note" at the top of table "seed" of the HCL file.
add_note() {
	perl -0pi -e 's/(table "seed" \{.*?\n)(  column)/$1  column "note" {\n    null = true\n    type = varchar(40)\n  }\n$2/s' "$1"
}

@test "from an empty directory: Atlas's six baselines byte for byte, then synced" {
	local d s f
	for d in postgres mysql; do
		for s in watch keygen sign; do
			run_split migdiff --config "$P/atlas.hcl" --env "local_${d}_$s" --name initial
			[ "$status" -eq 0 ] || fail "$d/$s: $err"
			f=$out
			[[ "$f" == "$P/migrations/$d/$s/"[0-9]*_initial.sql ]] || fail "$d/$s: printed $f"
			cmp "$f" "$CORPUS"/tools/atlas/migrations/$d/$s/*.sql || fail "$d/$s: not Atlas's"
			sumhash --check "$P/migrations/$d/$s"
			run_split migdiff --config "$P/atlas.hcl" --env "local_${d}_$s" --name again
			[ "$status" -eq 0 ] && [[ "$out" == "The migration directory is synced"* ]] ||
				fail "$d/$s: not synced: $out $err"
			[ "$(ls "$P/migrations/$d/$s" | wc -l)" = 2 ] || fail "$d/$s: wrote again"
		done
	done
}

@test "an edit on top of the project's directories: the same text as the pipeline, both dialects" {
	local d prof
	for d in postgres mysql; do
		prof=postgres@18
		[ "$d" = mysql ] && prof=mysql@8
		cp -r "$ROOT/migrations/$d/keygen" "$P/migrations/$d/"
		add_note "$P/schemas/$d/keygen.hcl"
		run_split migdiff --config "$P/atlas.hcl" --env "local_${d}_keygen" --check
		[ "$status" -eq 1 ] || fail "$d: --check on a change is exit 1 ($status): $err"
		[[ "$out" == *ADD\ COLUMN\ ?note?\ *varying\(40\)* || "$out" == *ADD\ COLUMN\ ?note?\ varchar\(40\)* ]] || fail "$d: the new column is not in: $out"
		cp "$BATS_TEST_TMPDIR/stdout" "$BATS_TEST_TMPDIR/migdiff.sql"
		pipeline "$d" keygen "$prof" >"$BATS_TEST_TMPDIR/pipe.sql"
		diff -u "$BATS_TEST_TMPDIR/pipe.sql" "$BATS_TEST_TMPDIR/migdiff.sql" || fail "$d: differs"
		[ "$(ls "$P/migrations/$d/keygen" | wc -l)" = "$(ls "$ROOT/migrations/$d/keygen" | wc -l)" ] ||
			fail "$d: --check wrote something"
	done
}

@test "--current: a state given as schema JSON is diffed as the replayed one" {
	cp -r "$ROOT/migrations/postgres/sign" "$P/migrations/postgres/"
	sql2json --config "$P/atlas.hcl" --env local_postgres_sign >"$BATS_TEST_TMPDIR/cur.json"
	run_split migdiff --config "$P/atlas.hcl" --env local_postgres_sign --current "$BATS_TEST_TMPDIR/cur.json"
	[ "$status" -eq 0 ] && [[ "$out" == "The migration directory is synced"* ]] || fail "$out $err"
	# an empty state: the whole schema again, as from an empty directory
	: >"$BATS_TEST_TMPDIR/empty.json"
	run_split migdiff --config "$P/atlas.hcl" --env local_postgres_sign --check --current "$BATS_TEST_TMPDIR/empty.json"
	[ "$status" -eq 1 ] || fail "$status $err"
	diff -u "$CORPUS"/tools/atlas/migrations/postgres/sign/*.sql "$BATS_TEST_TMPDIR/stdout"
}

@test "a statement the replay does not model: exit 2 with file:line, nothing written" {
	local dir=$P/migrations/postgres/watch
	cp -r "$ROOT/migrations/postgres/watch" "$P/migrations/postgres/"
	printf 'SELECT 1;\nCREATE VIEW v AS SELECT 1;\n' >"$dir/99990101000000_view.sql"
	sumhash "$dir"
	local before
	before=$(ls -l --time-style=full-iso "$dir" | md5sum)
	run_split migdiff --config "$P/atlas.hcl" --env local_postgres_watch --name x
	[ "$status" -eq 2 ] || fail "status $status: $err"
	[[ "$err" == *"99990101000000_view.sql:2:"* ]] || fail "no file:line: $err"
	[[ "$err" == *"dev-database"* ]] || fail "no hint: $err"
	[ "$(ls -l --time-style=full-iso "$dir" | md5sum)" = "$before" ] || fail "the directory changed"
}

@test "checksum error: Atlas's message, exit 1, nothing written" {
	local dir=$P/migrations/mysql/sign
	cp -r "$ROOT/migrations/mysql/sign" "$P/migrations/mysql/"
	echo '-- edited' >>"$dir"/*.sql
	perl -0pi -e 's/(table "[a-z_]+" \{)/$1\n  comment = "x"/' "$P/schemas/mysql/sign.hcl"
	run_split migdiff --config "$P/atlas.hcl" --env local_mysql_sign --name x
	[ "$status" -eq 1 ] || fail "status $status: $err"
	[[ "$out" == "You have a checksum error in your migration directory."* ]] || fail "$out"
	[[ "$out" == *"was edited"* ]] || fail "$out"
	[ "$(ls "$dir" | wc -l)" = 2 ] || fail "something was written"
}

@test "a version already in the directory is never reused: the next free second" {
	local dir=$P/migrations/postgres/keygen now k v
	cp -r "$ROOT/migrations/postgres/keygen" "$P/migrations/postgres/"
	now=$(date -u +%s)
	for ((k = 0; k < 4; k++)); do
		v=$(date -u -d "@$((now + k))" +%Y%m%d%H%M%S)
		echo "SELECT $k;" >"$dir/${v}_taken.sql"
	done
	sumhash "$dir"
	add_note "$P/schemas/postgres/keygen.hcl"
	run_split migdiff --config "$P/atlas.hcl" --env local_postgres_keygen --name mine
	[ "$status" -eq 0 ] || fail "$err"
	[ "$(ls "$dir"/*_mine.sql | wc -l)" = 1 ] || fail "$(ls "$dir")"
	v=$(basename "$out")
	v=${v%%_*}
	[ "$(ls "$dir" | grep -c "^$v")" = 1 ] || fail "version $v reused: $(ls "$dir")"
	[ "$v" \> "$(date -u -d "@$((now + 3))" +%Y%m%d%H%M%S)" ] || fail "$v is not after the taken ones"
	sumhash --check "$dir"
	[ -z "$(find "$dir" -name '.*')" ] || fail "temporary file left behind"
}

@test "usage: no --config, a bad --name, an env that does not exist, a profile of the other dialect" {
	run_split migdiff --env local_postgres_sign
	[ "$status" -eq 2 ] && [[ "$err" == *"--config and --env are required"* ]] || fail "$err"
	run_split migdiff --config "$P/atlas.hcl" --env local_postgres_sign --name "a b"
	[ "$status" -eq 2 ] && [[ "$err" == *"--name must be"* ]] || fail "$err"
	run_split migdiff --config "$P/atlas.hcl" --env local_postgres_sing
	[ "$status" -eq 2 ] && [[ "$err" == *"local_postgres_sing"* ]] || fail "$err"
	run_split migdiff --config "$P/atlas.hcl" --env local_postgres_sign --profile mysql@8
	[ "$status" -eq 2 ] && [[ "$err" == *"not for postgres"* ]] || fail "$err"
	[ -z "$(ls "$P/migrations/postgres")" ] || [ -z "$(ls "$P/migrations/postgres/"*)" ] ||
		fail "something was written"
}
