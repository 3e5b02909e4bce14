#!/usr/bin/env bats
# hclfmt: 'atlas schema fmt', re-spacing only, as Atlas's formatter (hclwrite) does it.

load helpers

CASES=$BATS_TEST_DIRNAME/hclfmt

setup() {
	W=$BATS_TEST_TMPDIR/w
	mkdir -p "$W"
}

# stdin_hclfmt ARGS...: hclfmt with the input.hcl of the current directory on its standard
# input; golden runs it from inside the case.
stdin_hclfmt() {
	hclfmt "$@" <input.hcl
}

# fmt_case NAME: the golden case tests/hclfmt/NAME (args, input.hcl, expected.*), run on a
# copy so that no mode can write into the tree.
fmt_case() {
	cp -R "$CASES/$1" "$W/$1"
	golden stdin_hclfmt "$W/$1"
}

# corpus_files: every .hcl file of the corpus (newest, _history, atlas.hcl), sorted.
corpus_files() {
	find "$CORPUS" -name '*.hcl' | sort
}

# atlas_form FILE: FILE as 'atlas schema fmt' leaves it. The corpus was formatted by Atlas
# except one spelling: three postgres watch.hcl write 'numeric(26,10)', and hclwrite always
# puts a space after a comma (the mysql files, formatted, have 'decimal(26, 10)').
atlas_form() {
	sed 's/numeric(26,10)/numeric(26, 10)/g' "$1"
}

mtime() {
	stat -c %Y "$1"
}

@test "corpus: every .hcl file comes out byte for byte as Atlas formatted it" {
	local f bad=()
	while IFS= read -r f; do
		run_split hclfmt - <"$f"
		[ "$status" -eq 0 ] || fail "${f#"$CORPUS"/}: $err"
		atlas_form "$f" | cmp -s - "$BATS_TEST_TMPDIR/stdout" || bad+=("${f#"$CORPUS"/}")
	done < <(corpus_files)
	[ "${#bad[@]}" -eq 0 ] || fail "formatted differently: ${bad[*]}"
}

@test "corpus: --check lists exactly the files Atlas would rewrite (numeric(26,10))" {
	local files want
	mapfile -t files < <(corpus_files)
	want=$(grep -l 'numeric(26,10)' "${files[@]}")
	[ "$(printf '%s\n' "$want" | wc -l)" -eq 3 ]
	run_split hclfmt --check "${files[@]}"
	[ "$status" -eq 1 ] || fail "status $status: $err"
	[ "$out" = "$want" ] || fail "listed: $out"
}

@test "corpus: indentation and '=' alignment are rebuilt from scratch" {
	local f
	while IFS= read -r f; do
		# No line is indented and no name padded before its '='.
		sed -E 's/^[ \t]+//; s/^([a-z_]+) +=/\1 =/' "$f" >"$W/flat.hcl"
		run_split hclfmt - <"$W/flat.hcl"
		[ "$status" -eq 0 ] || fail "${f#"$CORPUS"/}: $err"
		atlas_form "$f" | cmp -s - "$BATS_TEST_TMPDIR/stdout" || fail "${f#"$CORPUS"/} differs"
	done < <(corpus_files)
}

@test "idempotence: formatting the output again changes nothing (every input)" {
	local f
	for f in "$CASES"/*/input.hcl $(corpus_files); do
		run_split hclfmt - <"$f"
		[ "$status" -eq 0 ] || continue # the lex-error cases
		cp "$BATS_TEST_TMPDIR/stdout" "$W/once"
		run_split hclfmt - <"$W/once"
		[ "$status" -eq 0 ] || fail "$f: $err"
		cmp -s "$W/once" "$BATS_TEST_TMPDIR/stdout" || fail "not idempotent: $f"
	done
}

@test "golden: the example of atlas-hcl.md section 9" { fmt_case spec-example; }
@test "golden: indentation rebuilt, 2 spaces per level" { fmt_case indent; }
@test "golden: tabs become spaces, tabs in strings and comments stay" { fmt_case tabs; }
@test "golden: '=' groups end at a blank line" { fmt_case align-blank-lines; }
@test "golden: '=' groups end at block headers and '}'" { fmt_case align-block-headers; }
@test "golden: '=' groups end at comment lines" { fmt_case align-comment-lines; }
@test "golden: '=' groups end at a multi-line value" { fmt_case align-multiline-values; }
@test "golden: trailing comments aligned within runs" { fmt_case trailing-comments; }
@test "golden: heredoc body and closing marker untouched" { fmt_case heredoc; }
@test "golden: flush heredoc (<<-) untouched" { fmt_case heredoc-flush; }
@test "golden: nested lists and objects over lines" { fmt_case nested-lists-objects; }
@test "golden: calls: varchar(255), sql(\"now()\"), numeric(10, 2)" { fmt_case calls; }
@test "golden: unary minus and '!'" { fmt_case unary; }
@test "golden: braces: {} tight, { a = 1 } padded" { fmt_case braces; }
@test "golden: comments #, //, /* */ kept as written" { fmt_case comments; }
@test "golden: CRLF line ends stay CRLF" { fmt_case crlf; }
@test "golden: interpolations re-spaced inside, literals untouched" { fmt_case interpolation; }
@test "golden: blank lines emptied, trailing blanks gone, no final newline added" {
	fmt_case blank-and-trailing-space
}
@test "golden: conditionals, object colons and for expressions" { fmt_case conditional-colon; }
@test "golden: alignment counts characters, not bytes" { fmt_case unicode; }
@test "golden: lex error: unterminated string, exit 2, caret" { fmt_case lex-error-string; }
@test "golden: lex error inside an interpolation, exit 2, caret" { fmt_case lex-error-interp; }
@test "golden: lex error: unterminated heredoc, exit 2, caret" { fmt_case lex-error-heredoc; }
@test "golden: --check - says <stdin> would change, exit 1" { fmt_case check-stdin; }
@test "golden: --check - on formatted input, exit 0" { fmt_case check-stdin-formatted; }

@test "in place: a directory's unformatted *.hcl are rewritten and printed, nothing else" {
	mkdir -p "$W/d/sub"
	cp "$CASES/spec-example/expected.out" "$W/d/a.hcl"
	cp "$CASES/spec-example/input.hcl" "$W/d/b.hcl"
	cp "$CASES/spec-example/input.hcl" "$W/d/c.txt"
	cp "$CASES/spec-example/input.hcl" "$W/d/sub/d.hcl"
	touch -d '2020-01-01 00:00:00' "$W/d/a.hcl" "$W/d/b.hcl" "$W/d/c.txt" "$W/d/sub/d.hcl"
	run_split hclfmt "$W/d"
	[ "$status" -eq 0 ] || fail "status $status: $err"
	[ "$out" = "$W/d/b.hcl" ] || fail "printed: $out"
	[ -z "$err" ]
	cmp "$CASES/spec-example/expected.out" "$W/d/b.hcl"
	[ "$(mtime "$W/d/a.hcl")" = "$(date -d '2020-01-01 00:00:00' +%s)" ] ||
		fail "a formatted file was rewritten"
	cmp "$CASES/spec-example/input.hcl" "$W/d/c.txt"
	cmp "$CASES/spec-example/input.hcl" "$W/d/sub/d.hcl" # not recursed
	[ "$(ls -A "$W/d")" = "$(printf 'a.hcl\nb.hcl\nc.txt\nsub')" ] || fail "left: $(ls -A "$W/d")"
}

@test "in place: file operands; a formatted one is neither printed nor touched" {
	cp "$CASES/spec-example/expected.out" "$W/a.hcl"
	cp "$CASES/calls/input.hcl" "$W/b.hcl"
	touch -d '2020-01-01 00:00:00' "$W/a.hcl"
	run_split hclfmt "$W/a.hcl" "$W/b.hcl"
	[ "$status" -eq 0 ] || fail "status $status: $err"
	[ "$out" = "$W/b.hcl" ] || fail "printed: $out"
	cmp "$CASES/calls/expected.out" "$W/b.hcl"
	[ "$(mtime "$W/a.hcl")" = "$(date -d '2020-01-01 00:00:00' +%s)" ]
	run_split hclfmt "$W/a.hcl" "$W/b.hcl"
	[ "$status" -eq 0 ]
	[ -z "$out" ]
	[ -z "$err" ]
}

@test "--check: lists the files that would change, exits 1, writes nothing" {
	mkdir -p "$W/d"
	cp "$CASES/spec-example/expected.out" "$W/d/a.hcl"
	cp "$CASES/spec-example/input.hcl" "$W/d/b.hcl"
	cp "$CASES/unary/input.hcl" "$W/d/c.hcl"
	touch -d '2020-01-01 00:00:00' "$W/d"/*.hcl
	run_split hclfmt --check "$W/d"
	[ "$status" -eq 1 ] || fail "status $status: $err"
	[ "$out" = "$(printf '%s\n' "$W/d/b.hcl" "$W/d/c.hcl")" ] || fail "listed: $out"
	cmp "$CASES/spec-example/input.hcl" "$W/d/b.hcl"
	cmp "$CASES/unary/input.hcl" "$W/d/c.hcl"
	for f in "$W/d"/*.hcl; do
		[ "$(mtime "$f")" = "$(date -d '2020-01-01 00:00:00' +%s)" ] || fail "$f touched"
	done
	[ "$(ls -A "$W/d")" = "$(printf 'a.hcl\nb.hcl\nc.hcl')" ]
}

@test "--check: formatted files, exit 0 and no output" {
	cp "$CASES/spec-example/expected.out" "$W/a.hcl"
	run_split hclfmt --check "$W/a.hcl" "$W"
	[ "$status" -eq 0 ]
	[ -z "$out" ]
	[ -z "$err" ]
}

@test "stdin: '-' writes the formatted text to stdout and touches no file" {
	cp "$CASES/spec-example/input.hcl" "$W/b.hcl"
	run_split hclfmt - <"$W/b.hcl"
	[ "$status" -eq 0 ] || fail "$err"
	cmp "$CASES/spec-example/expected.out" "$BATS_TEST_TMPDIR/stdout"
	cmp "$CASES/spec-example/input.hcl" "$W/b.hcl"
}

@test "a lex error: exit 2, located; that file untouched, the others still formatted" {
	mkdir -p "$W/d"
	cp "$CASES/lex-error-string/input.hcl" "$W/d/a.hcl"
	cp "$CASES/spec-example/input.hcl" "$W/d/b.hcl"
	run_split hclfmt "$W/d"
	[ "$status" -eq 2 ]
	[ "$out" = "$W/d/b.hcl" ] || fail "printed: $out"
	[ "$err" = "hclfmt: $W/d/a.hcl:3:13: unterminated string
      comment = \"never closed
                ^" ] || fail "stderr: $err"
	cmp "$CASES/lex-error-string/input.hcl" "$W/d/a.hcl"
	cmp "$CASES/spec-example/expected.out" "$W/d/b.hcl"
	[ "$(ls -A "$W/d")" = "$(printf 'a.hcl\nb.hcl')" ] || fail "left: $(ls -A "$W/d")"
}

@test "in place: the file keeps its mode; a symbolic link's target is rewritten" {
	cp "$CASES/spec-example/input.hcl" "$W/t.hcl"
	chmod 640 "$W/t.hcl"
	ln -s t.hcl "$W/link.hcl"
	run_split hclfmt "$W/link.hcl"
	[ "$status" -eq 0 ] || fail "$err"
	[ "$out" = "$W/link.hcl" ]
	[ -L "$W/link.hcl" ] || fail "the link was replaced"
	cmp "$CASES/spec-example/expected.out" "$W/t.hcl"
	[ "$(stat -c %a "$W/t.hcl")" = 640 ]
}

@test "paths are printed as Atlas joins them: no doubled '/', no leading './'" {
	mkdir -p "$W/d"
	cp "$CASES/spec-example/input.hcl" "$W/d/b.hcl"
	cd "$W"
	run_split hclfmt --check ./d/
	[ "$status" -eq 1 ]
	[ "$out" = "d/b.hcl" ] || fail "printed: $out"
	cd d
	run_split hclfmt --check
	[ "$status" -eq 1 ]
	[ "$out" = "b.hcl" ] || fail "no operand: $out"
}

@test "trouble: a missing file exits 2 and names it; '-' must stand alone" {
	run_split hclfmt "$W/nope.hcl"
	[ "$status" -eq 2 ]
	[ "$err" = "hclfmt: $W/nope.hcl: No such file or directory" ] || fail "$err"
	run_split hclfmt - "$W/nope.hcl"
	[ "$status" -eq 2 ]
	[[ "$err" == "hclfmt: '-' must be the only operand"* ]] || fail "$err"
	run_split hclfmt --bogus
	[ "$status" -eq 2 ]
}

@test "--help: usage on stdout, exit 0" {
	run_split hclfmt --help
	[ "$status" -eq 0 ]
	[[ "$out" == "usage: hclfmt [--check] [FILE|DIR]..."* ]] || fail "$out"
	[ -z "$err" ]
}
