#!/usr/bin/env bats
# sumhash: atlas.sum written and checked exactly as Atlas does.

load helpers

CASES=$BATS_TEST_DIRNAME/sumhash

setup() {
	W=$BATS_TEST_TMPDIR/w
	mkdir -p "$W"
}

# corpus_sum DIR: the atlas.sum sumhash writes for DIR's .sql files equals DIR/atlas.sum.
corpus_sum() {
	local dir=$CORPUS/$1
	[ -f "$dir/atlas.sum" ] || fail "no corpus atlas.sum in $1"
	cp "$dir"/*.sql "$W/"
	run_split sumhash "$W"
	[ "$status" -eq 0 ] || fail "sumhash failed: $err"
	cmp "$dir/atlas.sum" "$W/atlas.sum" || fail "atlas.sum differs from Atlas's for $1"
	run_split sumhash --check "$dir"
	[ "$status" -eq 0 ] || fail "--check rejects Atlas's own atlas.sum: $out $err"
}

# base DIR: a directory of three migrations with a fresh atlas.sum, for the --check cases.
base() {
	mkdir -p "$1"
	printf 'CREATE TABLE a (id int);\n' >"$1/20240101000001_a.sql"
	printf 'CREATE TABLE b (id int);\n' >"$1/20240101000002_b.sql"
	printf 'CREATE TABLE c (id int);\n' >"$1/20240101000003_c.sql"
	sumhash "$1"
}

report() { # the report --check prints for line $1, file $2, reason $3 and directory $4
	printf 'You have a checksum error in your migration directory.\n\n\tL%s: %s was %s\n\nPlease check your migration files and run '"'"'sumhash %s'"'"' to re-hash the contents\n' "$1" "$2" "$3" "$4"
}

@test "corpus: postgres/watch (newest) byte for byte" { corpus_sum tools/atlas/migrations/postgres/watch; }
@test "corpus: postgres/keygen (newest) byte for byte" { corpus_sum tools/atlas/migrations/postgres/keygen; }
@test "corpus: postgres/sign (newest) byte for byte" { corpus_sum tools/atlas/migrations/postgres/sign; }
@test "corpus: mysql/watch (newest) byte for byte" { corpus_sum tools/atlas/migrations/mysql/watch; }
@test "corpus: mysql/keygen (newest) byte for byte" { corpus_sum tools/atlas/migrations/mysql/keygen; }
@test "corpus: mysql/sign (newest) byte for byte" { corpus_sum tools/atlas/migrations/mysql/sign; }
@test "corpus: e14f0d6a postgres/watch" { corpus_sum _history/e14f0d6a/tools/atlas/migrations/postgres/watch; }
@test "corpus: e14f0d6a postgres/keygen" { corpus_sum _history/e14f0d6a/tools/atlas/migrations/postgres/keygen; }
@test "corpus: e14f0d6a postgres/sign" { corpus_sum _history/e14f0d6a/tools/atlas/migrations/postgres/sign; }
@test "corpus: f218c812 postgres/watch" { corpus_sum _history/f218c812/tools/atlas/migrations/postgres/watch; }
@test "corpus: f218c812 postgres/keygen" { corpus_sum _history/f218c812/tools/atlas/migrations/postgres/keygen; }
@test "corpus: f218c812 postgres/sign" { corpus_sum _history/f218c812/tools/atlas/migrations/postgres/sign; }
@test "corpus: edab984e mysql/watch" { corpus_sum _history/edab984e/tools/atlas/migrations/mysql/watch; }
@test "corpus: edab984e mysql/keygen" { corpus_sum _history/edab984e/tools/atlas/migrations/mysql/keygen; }
@test "corpus: edab984e mysql/sign" { corpus_sum _history/edab984e/tools/atlas/migrations/mysql/sign; }
@test "corpus: 03abc279 mysql/keygen" { corpus_sum _history/03abc279/tools/atlas/migrations/mysql/keygen; }
@test "corpus: 0e0be991 mysql/keygen" { corpus_sum _history/0e0be991/tools/atlas/migrations/mysql/keygen; }

@test "corpus: two-file directories give the sums computed in the corpus README" {
	local c
	for c in 0474fc30:postgres 0474fc30:mysql 568deb92:mysql; do
		run_split sumhash --print "$CORPUS/_history/${c%%:*}/tools/atlas/migrations/${c##*:}/keygen"
		[ "$status" -eq 0 ] || fail "$c: $err"
		diff -u "$CASES/computed/${c%%:*}-${c##*:}-keygen.sum" "$BATS_TEST_TMPDIR/stdout" ||
			fail "$c differs"
	done
}

@test "the project's migration directories hold their atlas.sum" {
	local d
	for d in "$ROOT"/migrations/*/*/; do
		run_split sumhash --check "$d"
		[ "$status" -eq 0 ] || fail "$d: $out $err"
	done
}

@test "vector 0: an empty directory" {
	run_split sumhash --print "$W"
	[ "$status" -eq 0 ]
	[ "$out" = "h1:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=" ]
	run_split sumhash --check "$W"
	[ "$status" -eq 0 ] # no atlas.sum and no migration: Atlas accepts it
}

@test "vector 1: an ignored file and a non-.sql file" { golden sumhash "$CASES/vector1"; }
@test "vector 2: an ignored file in the middle still feeds its name" { golden sumhash "$CASES/vector2"; }
@test "CRLF content is hashed as it is" { golden sumhash "$CASES/crlf"; }
@test "the forms of the atlas:sum ignore directive" { golden sumhash "$CASES/directives"; }
@test "non-.sql files, a subdirectory, upper-case .SQL, hidden and empty files" { golden sumhash "$CASES/mixed"; }
@test "files are ordered byte-wise by name" { golden sumhash "$CASES/order"; }

@test "sumhash DIR writes atlas.sum equal to --print, mode 0644" {
	cp "$CASES/vector1/dir/"* "$W/"
	run_split sumhash "$W"
	[ "$status" -eq 0 ] && [ -z "$out" ] && [ -z "$err" ]
	cmp "$W/atlas.sum" "$CASES/vector1/expected.out"
	[ "$(stat -c %a "$W/atlas.sum")" = 644 ]
	[ -z "$(find "$W" -name 'atlas.sum.*')" ] || fail "temporary file left behind"
}

@test "an unchanged directory leaves atlas.sum untouched" {
	base "$W"
	touch -d '2001-01-01' "$W/atlas.sum"
	run_split sumhash "$W"
	[ "$status" -eq 0 ]
	[ "$(stat -c %Y "$W/atlas.sum")" = "$(date -d 2001-01-01 +%s)" ] || fail "atlas.sum rewritten"
}

@test "check: an intact directory passes silently" {
	base "$W"
	run_split sumhash --check "$W"
	[ "$status" -eq 0 ] && [ -z "$out" ] && [ -z "$err" ]
}

@test "check: an edited file is reported at its line" {
	base "$W"
	echo '-- edited' >>"$W/20240101000002_b.sql"
	run_split sumhash --check "$W"
	[ "$status" -eq 1 ]
	[ "$out" = "$(report 3 20240101000002_b.sql edited "$W")" ]
	[ "$err" = "sumhash: $W: checksum mismatch" ]
}

@test "check: a removed file is reported" {
	base "$W"
	rm "$W/20240101000002_b.sql"
	run_split sumhash --check "$W"
	[ "$status" -eq 1 ]
	[ "$out" = "$(report 3 20240101000002_b.sql removed "$W")" ]
}

@test "check: a renamed file is reported as removed under its old name" {
	base "$W"
	mv "$W/20240101000003_c.sql" "$W/20240101000004_c.sql"
	run_split sumhash --check "$W"
	[ "$status" -eq 1 ]
	[ "$out" = "$(report 4 20240101000003_c.sql removed "$W")" ]
}

@test "check: a file added at the end is reported on the line after the last" {
	base "$W"
	printf 'CREATE TABLE d (id int);\n' >"$W/20240101000004_d.sql"
	run_split sumhash --check "$W"
	[ "$status" -eq 1 ]
	[ "$out" = "$(report 5 20240101000004_d.sql added "$W")" ]
}

@test "check: a file added in the middle is reported where it now sits" {
	base "$W"
	printf 'CREATE TABLE ab (id int);\n' >"$W/20240101000001_ab.sql"
	run_split sumhash --check "$W"
	[ "$status" -eq 1 ]
	[ "$out" = "$(report 3 20240101000001_ab.sql added "$W")" ]
}

@test "check: an edit to an ignored file is not a mismatch, a rename of it is" {
	base "$W"
	printf -- '-- atlas:sum ignore\nSELECT 1;\n' >"$W/20240101000002_x.sql"
	sumhash "$W"
	echo 'SELECT 2;' >>"$W/20240101000002_x.sql"
	run_split sumhash --check "$W"
	[ "$status" -eq 0 ] || fail "$out"
	mv "$W/20240101000002_x.sql" "$W/20240101000002_y.sql"
	run_split sumhash --check "$W"
	[ "$status" -eq 1 ]
	[ "$out" = "$(report 4 20240101000003_c.sql edited "$W")" ]
}

@test "check: migrations without atlas.sum" {
	printf 'SELECT 1;\n' >"$W/1.sql"
	run_split sumhash --check "$W"
	[ "$status" -eq 1 ]
	[ "$err" = "sumhash: $W/atlas.sum: checksum file not found" ]
}

@test "check: an atlas.sum edited by hand disagrees with itself" {
	base "$W"
	sed -i '2s/h1:./h1:A/' "$W/atlas.sum"
	run_split sumhash --check "$W"
	[ "$status" -eq 1 ]
	[ "$err" = "sumhash: $W/atlas.sum:1:4: checksum mismatch: the total does not match the entries" ]
}

@test "check: a malformed atlas.sum is trouble, with line, column and caret" {
	base "$W"
	printf 'h1:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n20240101000001_a.sql h2:xyz\n' >"$W/atlas.sum"
	run_split sumhash --check "$W"
	[ "$status" -eq 2 ]
	[ "$err" = "sumhash: $W/atlas.sum:2:1: checksum file format invalid: no 'h1:' on this line
    20240101000001_a.sql h2:xyz
    ^" ]
}

@test "check: a truncated hash is trouble at its column" {
	base "$W"
	sed -i '3s/=$//' "$W/atlas.sum"
	run_split sumhash --check "$W"
	[ "$status" -eq 2 ]
	assert_equal "$(head -n 1 <<<"$err")" "sumhash: $W/atlas.sum:3:25: checksum file format invalid: the hash is not a base64 sha-256"
}

@test "check: an atlas.sum with CRLF line ends is read as Atlas reads it" {
	base "$W"
	sed -i 's/$/\r/' "$W/atlas.sum"
	run_split sumhash --check "$W"
	[ "$status" -eq 0 ] || fail "$err"
}

@test "a missing directory is trouble, exit 2" {
	run_split sumhash "$W/nope"
	[ "$status" -eq 2 ]
	[ "$err" = "sumhash: $W/nope: No such file or directory" ]
	run_split sumhash --check "$W/nope"
	[ "$status" -eq 2 ]
	run_split sumhash --xxh3 "$W/nope"
	[ "$status" -eq 2 ]
	[ ! -e "$W/nope" ]
}

@test "an unreadable file is trouble and atlas.sum stays as it was" {
	local d=/tmp/sumhash-unreadable.$$
	rm -rf "$d" && mkdir -p "$d" && chmod 755 "$d"
	base "$d"
	cp "$d/atlas.sum" "$BATS_TEST_TMPDIR/before"
	chmod 755 "$d" && chmod 000 "$d/20240101000002_b.sql"
	echo 'SELECT 1;' >>"$d/20240101000003_c.sql"
	chmod 777 "$d"
	# root reads anything: run as nobody so the permission bits count.
	run_split setpriv --reuid=65534 --regid=65534 --clear-groups "$BIN/sumhash" "$d"
	rm -rf "$d.keep" && cp -a "$d" "$d.keep" 2>/dev/null || true
	[ "$status" -eq 2 ] || { rm -rf "$d" "$d.keep"; fail "status $status: $err"; }
	[ "$err" = "sumhash: $d/20240101000002_b.sql: Permission denied" ] || { rm -rf "$d" "$d.keep"; fail "$err"; }
	cmp "$BATS_TEST_TMPDIR/before" "$d/atlas.sum" || { rm -rf "$d" "$d.keep"; fail "atlas.sum changed"; }
	rm -rf "$d" "$d.keep"
}

@test "a directory named *.sql is trouble, not skipped" {
	base "$W"
	mkdir "$W/20240101000009_dir.sql"
	run_split sumhash --check "$W"
	[ "$status" -eq 2 ]
	[ "$err" = "sumhash: $W/20240101000009_dir.sql: not a regular file" ]
}

@test "xxh3: the XXH3-128 of the documented byte stream, checked with xxhsum" {
	cp "$CASES/mixed/dir/"*.sql "$W/"
	cp "$CASES/mixed/dir/.4_hidden.sql" "$W/"
	local stream=$BATS_TEST_TMPDIR/stream f n
	: >"$stream"
	for f in $(cd "$W" && LC_ALL=C ls -A | LC_ALL=C sort); do
		case $f in *.sql) ;; *) continue ;; esac
		python3 -c 'import struct,sys; n=sys.argv[1].encode(); d=open(sys.argv[2],"rb").read(); sys.stdout.buffer.write(struct.pack("<Q",len(n))+n+struct.pack("<Q",len(d))+d)' "$f" "$W/$f" >>"$stream"
	done
	n=$(xxhsum -H2 "$stream" | cut -d' ' -f1)
	run_split sumhash --xxh3 "$W"
	[ "$status" -eq 0 ]
	[ "$out" = "$n" ] || fail "sumhash $out, xxhsum $n"
}

@test "xxh3: changes with a byte, a name, a new file; ignores non-.sql files" {
	base "$W"
	local a b
	a=$(sumhash --xxh3 "$W")
	[[ "$a" =~ ^[0-9a-f]{32}$ ]]
	echo x >"$W/notes.txt"
	[ "$(sumhash --xxh3 "$W")" = "$a" ]
	echo ' ' >>"$W/20240101000001_a.sql"
	b=$(sumhash --xxh3 "$W")
	[ "$b" != "$a" ]
	mv "$W/20240101000003_c.sql" "$W/20240101000004_c.sql"
	[ "$(sumhash --xxh3 "$W")" != "$b" ]
}

@test "usage errors exit 2; --help exits 0" {
	run_split sumhash
	[ "$status" -eq 2 ] && [[ "$err" == *"expected one directory"* ]]
	run_split sumhash --check --print "$W"
	[ "$status" -eq 2 ] && [[ "$err" == *"exclude each other"* ]]
	run_split sumhash --bogus "$W"
	[ "$status" -eq 2 ]
	run_split sumhash --help
	[ "$status" -eq 0 ] && [[ "$out" == usage:* ]]
}
