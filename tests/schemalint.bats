#!/usr/bin/env bats
# schemalint: 'atlas migrate lint' offline, and atlas.hcl's naming rule.
#
# Where the expectations come from (never from schemalint's own output): the diagnostics
# (which ones, their lines and texts) are those of Atlas's golden tests,
# internal/integration/testdata/{mysql,postgres}/cli-migrate-lint-*.txt (modify-nullability,
# add-notnull, unique-index, condrop, destructive, incompatible, inlineref, ignore), of
# reference/atlas-migrate.md 5.3-5.4, and of Atlas's analyzer sources (sqlcheck/destructive,
# datadepend, condrop, incompatible, naming; mysqlcheck, postgrescheck) for the cases those
# golden files lack. The report around them is Atlas's DefaultTemplate
# (cmd/atlas/internal/migratelint/run.go), whose golden form is in 5.3; durations are
# masked as DUR, as Atlas's own tests match them with '.+'.

load helpers

CASES=$BATS_TEST_DIRNAME/schemalint

setup() {
	W=$BATS_TEST_TMPDIR/w
	mkdir -p "$W"
}

# mask FILE: Atlas's durations (the file's "-- ok (...)" and the total) as DUR.
mask() {
	sed -E -e 's/^  -- ok \(.*\)$/  -- ok (DUR)/' \
		-e '/^  -------------------------$/{n;s/^  -- .*$/  -- DUR/}' "$1"
}

# lint_case NAME: runs schemalint with the words of CASE/args inside CASE and compares the
# masked stdout with expected.out and the exit status with expected.rc (absent: 0).
lint_case() {
	local dir=$CASES/$1 rc_want=0 args
	read -r -a args <"$dir/args"
	[ -f "$dir/expected.rc" ] && rc_want=$(cat "$dir/expected.rc")
	status=0
	(cd "$dir" && schemalint "${args[@]}") >"$W/out" 2>"$W/err" || status=$?
	refute_signal
	mask "$W/out" >"$W/masked"
	diff -u "$dir/expected.out" "$W/masked" || fail "stdout differs"
	diff -u /dev/null "$W/err" || fail "unexpected stderr"
	[ "$status" -eq "$rc_want" ] || fail "exit status $status, want $rc_want"
}

# ---- destructive

@test "DS102: a dropped table is an error with Atlas's suggested fix (exit 1)" {
	lint_case pg-ds102
}

@test "destructive: what the file creates and drops itself is not reported" {
	lint_case pg-ds-temporary
}

@test "DS101: dropping a schema, empty and with tables" {
	lint_case pg-ds101
}

@test "DS103: one diagnostic per statement, names joined as Atlas joins them" {
	lint_case pg-ds103
}

@test "DS103: a virtual generated column may go, a stored one not" {
	lint_case my-ds103-virtual
}

@test "destructive (mysql golden): a rename is not a drop, nolint by analyzer name" {
	lint_case my-destructive-1
	lint_case my-destructive-2
	lint_case my-destructive-3
}

# ---- data_depend

@test "MF104 (postgres golden): SET NOT NULL unless an UPDATE filled the column first" {
	lint_case pg-mf104-1
	lint_case pg-mf104-2
	lint_case pg-mf104-3
	lint_case pg-mf104-4
}

@test "MF104 (mysql golden): MODIFY COLUMN ... NOT NULL" {
	lint_case my-mf104-1
	lint_case my-mf104-2
	lint_case my-mf104-3
	lint_case my-mf104-4
}

@test "MF103: a non-nullable column without default on an existing table, not a new one" {
	lint_case pg-mf103
}

@test "MY101 (mysql golden): implicit values, unless an UPDATE fills them or AUTO_INCREMENT" {
	lint_case my-my101-1
	lint_case my-my101-2
	lint_case my-my101-3
	lint_case my-my101-4
	lint_case my-my101-5
}

@test "MY101 and MF103 per MySQL type, and MariaDB's values with its profile" {
	mkdir -p "$W/m"
	echo 'CREATE TABLE t (a int);' >"$W/m/1.sql"
	cat >"$W/m/2.sql" <<-'EOF'
	ALTER TABLE t ADD COLUMN d datetime NOT NULL;
	ALTER TABLE t ADD COLUMN e enum('x','y') NOT NULL;
	ALTER TABLE t ADD COLUMN h text NOT NULL;
	ALTER TABLE t ADD COLUMN y year NOT NULL;
	EOF
	run_split schemalint --dialect mysql --dir "$W/m" --latest 1
	[ "$status" -eq 0 ] || fail "exit $status: $err"
	# mysqlcheck: MySQL 8 fails datetime, fills enum with its first value, text with ''.
	assert_equal "$(grep -c -- '-- L' <<<"$out")" 3
	grep -q 'L1: Adding a non-nullable "datetime" column "d" will fail in case table "t" is not' <<<"$out" ||
		fail "no MF103 for datetime: $out"
	grep -q 'L2: Adding a non-nullable "enum" column "e" on table "t" without a default value' <<<"$out" ||
		fail "no MY101 for enum: $out"
	grep -q 'implicitly sets existing rows with "x"' <<<"$out" || fail "enum value: $out"
	grep -q 'L4: Adding a non-nullable "year" column "y"' <<<"$out" || fail "year: $out"
	run_split schemalint --dialect mysql --profile mariadb@10.11 --dir "$W/m" --latest 1
	[ "$status" -eq 0 ] || fail "exit $status: $err"
	# MariaDB fills datetime with 00:00:00 and text with "" (mysqlcheck's drv.Maria()).
	grep -q 'L1: Adding a non-nullable "datetime" column "d" on table "t" without a default' <<<"$out" ||
		fail "mariadb datetime: $out"
	grep -q 'L3: Adding a non-nullable "text" column "h"' <<<"$out" || fail "mariadb text: $out"
}

@test "MF101 (mysql golden): a unique index on an existing column; a renamed index is not" {
	lint_case my-mf101-1
	lint_case my-mf101-2
}

# ---- condrop, incompatible, inline references

@test "CD101 (mysql golden): a dropped foreign key, unless its column goes too" {
	lint_case my-cd101
}

@test "BC101/BC102 (postgres golden): renames the replay sees" {
	lint_case pg-bc101
	lint_case pg-bc102
	lint_case pg-bc-added-back
}

@test "BC101/BC102 (mysql golden): renames, and a column added back" {
	lint_case my-bc101
	lint_case my-bc102
	lint_case my-bc-added-back
}

@test "incompatible: renaming a table the file created is not reported" {
	lint_case pg-bc-created
}

@test "MY102 (mysql golden): inline REFERENCES, which MySQL ignores (never an error)" {
	lint_case my-my102
}

# ---- nolint

@test "nolint (mysql golden): none, by analyzer, all, and several names" {
	lint_case my-nolint-none
	lint_case my-nolint-destructive
	lint_case my-nolint-data-depend
	lint_case my-nolint-all
	lint_case my-nolint-names
}

@test "nolint by code applies to its statement only" {
	lint_case pg-nolint-code
}

@test "nolint prefixes: --atlas:nolint, /*atlas:nolint*/; another code does not match" {
	lint_case pg-nolint-prefixes
}

@test "file-level nolint: bare skips the file, with a code applies to every statement" {
	lint_case pg-nolint-file
}

# ---- the lint block of atlas.hcl

@test "destructive { error = false } makes DS102 a warning (exit 0)" {
	lint_case pg-error-false
}

@test "data_depend { error = true } makes MF103 an error (exit 1)" {
	lint_case pg-error-true
}

@test "an unknown analyzer in the lint block is trouble (exit 2)" {
	printf 'lint {\n  destructiv {\n    error = true\n  }\n}\n' >"$W/atlas.hcl"
	printf 'env "t" {\n  url = "postgres://x/y"\n}\n' >>"$W/atlas.hcl"
	run_split schemalint --config "$W/atlas.hcl" --env t --dir "$W" --latest 1
	[ "$status" -eq 2 ] || fail "exit $status"
	assert_equal "$err" "schemalint: $W/atlas.hcl:2:3: lint: unknown analyzer 'destructiv'
      destructiv {
      ^"
}

# ---- naming

@test "naming on new files: created and renamed names (NM102-NM104)" {
	lint_case pg-naming
}

@test "naming { error = true } fails the run" {
	lint_case pg-naming-error
}

@test "a first file over 10 statements is one change at L1; up to 10, per statement" {
	lint_case pg-naming-batch
	lint_case pg-naming-stmts
}

@test "naming on HCL: every schema, table, column, index, foreign key and check label" {
	local m="Table and column names must be lowercase with underscores"
	cd "$CASES/naming-hcl"
	run_split schemalint --naming --config atlas.hcl --env t
	[ "$status" -eq 1 ] || fail "exit $status: $err"
	assert_equal "$out" "schema.hcl:3:7: Table named \"Users\" violates the naming policy: $m (NM102)
schema.hcl:8:10: Column named \"eMail\" violates the naming policy: $m (NM103)
schema.hcl:14:9: Index named \"IdxMail\" violates the naming policy: $m (NM104)
schema.hcl:17:9: Check constraint named \"Positive\" violates the naming policy: $m (NM106)
schema.hcl:30:15: Foreign-key constraint named \"PetOwner\" violates the naming policy: $m (NM105)"
	assert_equal "$err" ""
}

@test "naming on HCL: a per-resource rule, and error = false makes findings warnings" {
	cd "$CASES/naming-hcl"
	run_split schemalint --naming --config atlas.hcl --env tables
	[ "$status" -eq 1 ] || fail "exit $status: $err"
	assert_equal "$out" \
		'schema.hcl:3:7: Table named "Users" violates the naming policy: lowercase tables (NM102)'
	run_split schemalint --naming --config atlas.hcl --env warn
	[ "$status" -eq 0 ] || fail "exit $status: $err"
	assert_equal "$(wc -l <<<"$out")" 5
}

@test "naming on HCL: --json" {
	cd "$CASES/naming-hcl"
	run_split schemalint --naming --config atlas.hcl --env t --json
	[ "$status" -eq 1 ] || fail "exit $status: $err"
	assert_equal "$(jq -r '.format' <<<"$out")" "naming/1"
	assert_equal "$(jq -r '.findings[0] | "\(.file) \(.line) \(.col) \(.code) \(.name)"' <<<"$out")" \
		"schema.hcl 3 7 NM102 Users"
	assert_equal "$(jq '.findings | length' <<<"$out")" 5
}

# ---- the real project

@test "the six real schemas keep the seed's naming rule" {
	local d s
	cd "$ROOT"
	for d in postgres mysql; do for s in watch keygen sign; do
		run_split schemalint --naming --config atlas.hcl --env "local_${d}_$s"
		[ "$status" -eq 0 ] || fail "schemas/$d/$s.hcl: exit $status: $out$err"
		assert_equal "$out" ""
	done; done
}

@test "the six real migration directories lint clean (their baselines only create)" {
	local d s v
	cd "$ROOT"
	for d in postgres mysql; do for s in watch keygen sign; do
		run_split schemalint --config atlas.hcl --env "local_${d}_$s" --latest 1
		[ "$status" -eq 0 ] || fail "migrations/$d/$s: exit $status: $out$err"
		v=$(basename "$(ls migrations/$d/$s/*.sql | tail -n 1)" | cut -d_ -f1)
		grep -qx "Analyzing changes until version $v (1 migration in total):" <<<"$out" ||
			fail "heading: $out"
		grep -qx '    -- no diagnostics found' <<<"$out" || fail "diagnostics: $out"
		grep -qx '  -- 1 version ok' <<<"$out" || fail "status: $out"
	done; done
}

@test "make atlas-lint passes on both dialects" {
	local b=${MIGKIT_BIN:-$ROOT/build/bin}
	b=${b%/bin}
	for d in postgres mysql; do
		run make -C "$ROOT" --no-print-directory B="$b" atlas-lint DB_DIALECT=$d
		refute_signal
		[ "$status" -eq 0 ] || fail "make atlas-lint DB_DIALECT=$d: $output"
		assert_equal "$(grep -c '^== ' <<<"$output")" 3
	done
}

# ---- trouble, integrity, options

@test "a statement the replay cannot model is exit 2 with its file and line" {
	mkdir -p "$W/m"
	echo 'CREATE TABLE t (a int);' >"$W/m/1.sql"
	printf 'ALTER TABLE t ADD COLUMN b int;\nCREATE VIEW v AS SELECT a FROM t;\n' >"$W/m/2.sql"
	run_split schemalint --dialect postgres --dir "$W/m" --latest 1
	[ "$status" -eq 2 ] || fail "exit $status"
	assert_equal "$out" ""
	[[ "$err" == "schemalint: $W/m/2.sql:2:1: "* ]] || fail "no file:line: $err"
}

@test "a statement that contradicts the state is exit 2 too" {
	mkdir -p "$W/m"
	echo 'CREATE TABLE t (a int);' >"$W/m/1.sql"
	printf '\nDROP TABLE nosuch;\n' >"$W/m/2.sql"
	run_split schemalint --dialect postgres --dir "$W/m" --latest 1
	[ "$status" -eq 2 ] || fail "exit $status"
	[[ "$err" == "schemalint: $W/m/2.sql:2:1: "* ]] || fail "no file:line: $err"
}

@test "an edited file fails atlas.sum: Atlas's Error line, exit 1" {
	mkdir -p "$W/m"
	echo 'CREATE TABLE t (a int);' >"$W/m/1.sql"
	echo 'DROP TABLE t;' >"$W/m/2.sql"
	sumhash "$W/m"
	echo 'CREATE TABLE t (a bigint);' >"$W/m/1.sql"
	run_split schemalint --dialect postgres --dir "$W/m" --latest 1
	[ "$status" -eq 1 ] || fail "exit $status: $err"
	mask "$BATS_TEST_TMPDIR/stdout" >"$W/masked"
	diff -u - "$W/masked" <<-'EOF' || fail "stdout differs"
	Analyzing changes (1 migration in total):

	  Error: checksum mismatch (atlas.sum): L2: 1.sql was edited

	  -------------------------
	  -- DUR
	  -- 1 version with errors
	EOF
}

@test "--git-base: the files git added since the base branch are the new ones" {
	command -v git >/dev/null || skip "no git"
	cd "$W"
	git init -q -b main .
	mkdir m
	echo 'CREATE TABLE t (a int);' >m/1.sql
	git add m && git -c user.name=t -c user.email=t@t commit -qm base
	git checkout -qb feature
	echo 'CREATE TABLE u (a int);' >m/2.sql
	echo 'DROP TABLE t;' >m/3.sql
	git add m && git -c user.name=t -c user.email=t@t commit -qm feature
	run_split schemalint --dialect postgres --dir m --git-base main
	[ "$status" -eq 1 ] || fail "exit $status: $err"
	grep -qx 'Analyzing changes from version 1 to 3 (2 migrations in total):' <<<"$out" ||
		fail "heading: $out"
	grep -qx '      -- L1: Dropping table "t" https://atlasgo.io/lint/analyzers#DS102' <<<"$out" ||
		fail "DS102: $out"
	run_split schemalint --dialect postgres --dir m --git-base nosuch
	[ "$status" -eq 2 ] || fail "exit $status"
	[[ "$err" == "schemalint: git diff: exit status 128"* ]] || fail "$err"
}

@test "--json: the lint/1 shape" {
	run_split schemalint --dialect postgres --dir "$CASES/pg-ds102/migrations" --latest 1 --json
	[ "$status" -eq 1 ] || fail "exit $status: $err"
	assert_equal "$(jq -c '[.format, .from, .to, .total, .summary.errors, .summary.changes]' <<<"$out")" \
		'["lint/1","1","2",1,1,1]'
	assert_equal "$(jq -c '.files[0].reports[0] | [.analyzer, .text, .error]' <<<"$out")" \
		'["destructive","destructive changes detected",true]'
	assert_equal "$(jq -c '.files[0].reports[0].diagnostics[0] | [.pos, .line, .code, .text]' <<<"$out")" \
		'[0,1,"DS102","Dropping table \"t\""]'
}

@test "no new file prints nothing; usage errors are exit 2" {
	mkdir -p "$W/empty"
	run_split schemalint --dialect postgres --dir "$W/empty" --latest 1
	[ "$status" -eq 0 ] || fail "exit $status: $err"
	assert_equal "$out" ""
	run_split schemalint --dialect postgres --dir "$W/empty"
	[ "$status" -eq 2 ] || fail "exit $status"
	[[ "$err" == "schemalint: --latest or --git-base is required"* ]] || fail "$err"
	run_split schemalint --dialect postgres --dir "$W/empty" --latest 1 --git-base main
	[ "$status" -eq 2 ] || fail "exit $status"
	run_split schemalint --dialect postgres --dir "$W/empty" --latest 0
	[ "$status" -eq 2 ] || fail "exit $status"
}
