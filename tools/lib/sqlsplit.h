/*
 * sqlsplit: migration files cut into statements exactly as Atlas's scanner cuts them
 * (sql/migrate/lex.go), and the file-level directives Atlas reads (atlas:txmode,
 * atlas:checkpoint, atlas:nolint, atlas:sum, atlas:delimiter).
 *
 * Why exactness matters: the text of each statement feeds the cumulative statement hashes
 * Atlas stores in its revisions table (partial_hashes), and the number of statements is the
 * revision's 'total'. A statement cut or trimmed one byte differently would make a database
 * migrated by one tool look changed to the other.
 *
 * Invariants: everything returned lives in the caller's arena; the input buffer may be freed
 * afterwards. Offsets are bytes; lines and columns are 1-based. Nothing here touches a
 * database or the file system.
 *
 * The scanner, per dialect (Atlas's ScannerOptions):
 *
 *   option                        POSTGRES  MYSQL  GENERIC (migrate.Stmts)
 *   BEGIN ... END blocks             yes     yes     no
 *   BEGIN ATOMIC ... END             yes     no      yes
 *   $tag$ dollar quotes              yes     no      yes
 *   backslash escapes in strings     no      yes     no
 *   # comments                       no      yes     no
 *
 * PostgreSQL's E'...' strings: Atlas enables its escape-string option for PostgreSQL, but
 * its check looks at the byte before the opening quote's successor, which is the quote
 * itself, so it never fires; E'...' strings are scanned without backslash escapes there,
 * and so they are here.
 *
 * Rules (all from lex.go): leading white space is skipped; ( ) must balance outside quotes;
 * '...' "..." `...` are quoted runs; a statement starting with DELIMITER <d> (any case,
 * any dialect) sets the delimiter for the rest of the file and is not a statement; at depth 0
 * the delimiter ends a statement (checked before comments, so '-- end' can be one); -- and
 * slash-star comments (and # for MySQL) before any statement text are detached into the
 * statement's comment group, which a blank line after them discards; comments inside a
 * statement stay in its text; remaining text at the end of the file is a last statement.
 * Emitted text is trimmed of Unicode white space; the default ';' is kept, a custom
 * delimiter is cut off. A first line '-- atlas:delimiter <d>' (prefix exactly '-- ';
 * \n \r \t escapes decoded) sets the delimiter and is dropped before scanning.
 *
 *   "-- c1\nCREATE TABLE a(x int); -- tail\n\n-- orphan\n\nSELECT 1"
 *     -> "CREATE TABLE a(x int);" (comments: "-- c1\n"), "SELECT 1" (no comments)
 */
#ifndef MIGKIT_SQLSPLIT_H
#define MIGKIT_SQLSPLIT_H

#include <stddef.h>

#include "arena.h"
#include "diag.h"

enum sqlsplit_dialect {
	SQLSPLIT_GENERIC,  /* Atlas's driver-less migrate.Stmts */
	SQLSPLIT_POSTGRES, /* the PostgreSQL driver's ScanStmts */
	SQLSPLIT_MYSQL,	   /* the MySQL/MariaDB driver's ScanStmts */
};

struct sqlsplit_stmt {
	const char *text; /* NUL-terminated, exactly Atlas's Stmt.Text */
	size_t len;	  /* strlen(text), but text may hold NUL bytes from the file */
	size_t off;	  /* byte offset in the file of the statement's first byte */
	unsigned line;	  /* 1-based line of off in the file */
	/*
	 * Atlas's Stmt.Pos, which counts from the start of the scanned input: equal to off,
	 * except that a leading '-- atlas:delimiter' line is not counted.
	 */
	size_t atlas_pos;
	const char *const *comments; /* the comment group, each as written (newline kept) */
	size_t ncomments;
};

/*
 * Cuts the file src (len bytes; need not be NUL-terminated) into statements. path names the
 * file in errors. On success *out is an arena array of *n statements (NULL and 0 for a file
 * without statements). Fails with DIAG_PARSE and the line, column and source line of
 * Atlas's scan errors: "unexpected ')'", "unclosed '('", "unclosed quote '\\''", "empty
 * delimiter", "no input found after delimiter \"//\"".
 */
int sqlsplit(struct arena *a, enum sqlsplit_dialect dialect, const char *path, const char *src,
	     size_t len, struct sqlsplit_stmt **out, size_t *n, struct diag *d);

/*
 * Atlas's directive pattern ^([ -~]*)atlas:(\w+)(?: +(.+))* matched at the start of s (n
 * bytes; the match stops at the first newline). Returns 1 when it matches with directive
 * name 'name' and, if prefix is not NULL, with exactly that text before 'atlas:'; then *arg
 * and *arglen (both may be NULL) give the argument: the rest of the line after the first run
 * of spaces, "" when there is none. The prefix is the longest printable run that still
 * leaves 'atlas:' and a word character, as the greedy pattern takes it.
 *   "-- atlas:txmode none"  name "txmode" -> 1, arg "none"
 *   "--atlas:nolint DS102"  name "nolint", prefix "-- " -> 0
 */
int sqlsplit_directive(const char *s, size_t n, const char *name, const char *prefix,
		       const char **arg, size_t *arglen);

/*
 * The file-level directives named 'name' of a migration file, as Atlas's LocalFile.Directive
 * reads them: the leading lines that start with '#' or '--' count only when the line after
 * them is empty ("\n" right away); each is trimmed and matched with any prefix. *args is an
 * arena array of *n NUL-terminated arguments, in file order.
 */
int sqlsplit_file_directives(struct arena *a, const char *src, size_t len, const char *name,
			     const char ***args, size_t *n, struct diag *d);

/* Per-file transaction mode from '-- atlas:txmode': */
enum sqlsplit_txmode {
	SQLSPLIT_TXMODE_UNSET, /* no directive: the run's mode applies */
	SQLSPLIT_TXMODE_NONE,
	SQLSPLIT_TXMODE_FILE,
};

/*
 * The file's atlas:txmode directive. More than one, 'all', or an unknown mode is a
 * DIAG_PARSE error naming path, with Atlas's wording: "multiple txmode values found in file",
 * "txmode \"all\" is not allowed in file directive ... Use \"file\" instead", "unknown txmode".
 */
int sqlsplit_txmode(struct arena *a, const char *path, const char *src, size_t len,
		    enum sqlsplit_txmode *mode, struct diag *d);

/* 1 when the file carries a file-level atlas:checkpoint directive (with or without tag). */
int sqlsplit_is_checkpoint(const char *src, size_t len);

#endif
