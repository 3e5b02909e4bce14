/*
 * lint: 'atlas migrate lint' without a dev database, and the naming rule of atlas.hcl's
 * lint block checked on HCL schema files (schemalint).
 *
 * How a directory is linted (Atlas's cmd/atlas/internal/migratelint, offline): the files
 * are split into a base and new ones (the latest N, or those git added since a revision);
 * the base is replayed into the schema model (replay.h) from its last checkpoint; each new
 * file is replayed one statement at a time and the model before and after each statement
 * is diffed (plan_diff) into the changes that statement made, Atlas's 'sqlcheck.Change'.
 * A statement that renames (RENAME TO, RENAME COLUMN, RENAME INDEX) turns the drop and add
 * the diff sees into a rename, as Atlas's statement parsers do. The first file of an empty
 * base with more than 10 statements is diffed once, as one change at position 0, as Atlas
 * does. Then Atlas's analyzers run over each file, in Atlas's order: destructive (DS101-103),
 * data_depend (MF101-104, MY101), condrop (CD101), incompatible (BC101, BC102), naming
 * (NM101-106) and, for MySQL, inline REFERENCES (MY102); atlas:nolint directives at file and
 * statement level filter what they report. The texts are Atlas's, byte for byte.
 *
 * Invariants: everything a result holds lives in the caller's arena. The library never
 * prints; lint_text() and lint_json() render a result. A statement the replay cannot model
 * (or one that contradicts the state) fails the run with its file and line: the lint never
 * guesses. Positions are Atlas's statement positions (sqlsplit.h atlas_pos), and lines are
 * counted from them as Atlas counts them.
 */
#ifndef MIGKIT_LINT_H
#define MIGKIT_LINT_H

#include <regex.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "hcl.h"
#include "schema.h"

/* The analyzers, in the order Atlas runs them. */
enum lint_analyzer {
	LINT_DESTRUCTIVE,
	LINT_DATA_DEPEND,
	LINT_CONDROP,
	LINT_INCOMPATIBLE,
	LINT_NAMING,
	LINT_INLINE_REF, /* MySQL only; has no name and never fails a run */
	LINT_NANALYZERS
};

/* "destructive", "data_depend", "condrop", "incompatible", "naming"; NULL for inline refs. */
const char *lint_analyzer_name(enum lint_analyzer a);

/* What a naming rule applies to: all resources, or one kind (naming { table { ... } }). */
enum lint_resource {
	LINT_RES_ALL,
	LINT_RES_SCHEMA,
	LINT_RES_TABLE,
	LINT_RES_COLUMN,
	LINT_RES_INDEX,
	LINT_RES_FOREIGN_KEY,
	LINT_RES_CHECK,
	LINT_NRES
};

struct lint_naming_rule {
	const char *match, *message; /* match NULL: no rule */
	regex_t re;		     /* match compiled as a POSIX extended expression */
	int compiled;
};

/*
 * atlas.hcl's lint settings: the global lint block, then the env's over it. error[] holds
 * the effective 'error' of each analyzer (destructive defaults to true, the others to
 * false); error_set[] says the file set it.
 */
struct lint_config {
	int error[LINT_NANALYZERS];
	int error_set[LINT_NANALYZERS];
	struct lint_naming_rule naming[LINT_NRES];
	long latest;			/* lint { latest = N }; 0 unset */
	const char *git_base, *git_dir; /* lint { git { base, dir } }; NULL unset */
};

/* The defaults: destructive { error = true }, nothing else. */
void lint_config_init(struct lint_config *c);

/* Frees the compiled expressions; c is back to its defaults. */
void lint_config_release(struct lint_config *c);

/*
 * Reads the lint blocks of the project file path (global, then env's; env may be NULL)
 * with the --var inputs. Errors (DIAG_PARSE, located): an unknown analyzer or setting, an
 * 'error' that is not a bool, a 'match' that is not a string or does not compile (it is
 * compiled as a POSIX extended expression; Go's RE2-only syntax such as \d is refused).
 */
int lint_config_load(struct arena *a, const char *path, const char *env, const char *const *vars,
		     size_t nvars, struct lint_config *c, struct diag *d);

/* Sets the naming rule of res (match NULL removes it); compiles match. */
int lint_config_naming(struct lint_config *c, enum lint_resource res, const char *match,
		       const char *message, struct diag *d);

/*
 * The naming rule for a resource (its own, else the global one) applied to name: NULL
 * when it matches (or there is no rule, or no name), else Atlas's text, in a, with the
 * code in *code:
 *   table "Users", match "^[a-z]+$", message "m" -> "Table named \"Users\" violates the
 *   naming policy: m", "NM102"
 */
const char *lint_naming_check(struct arena *a, const struct lint_config *c, enum lint_resource res,
			      const char *name, const char **code);

/* s quoted as Go's %q quotes it ("a\"b" for a"b; control bytes escaped), in a. */
char *lint_goquote(struct arena *a, const char *s);

/* ---- migrate lint */

struct lint_opts {
	enum schema_dialect dialect;
	int mariadb;	      /* the server is MariaDB (profile mariadb@...), else MySQL 8 */
	const char *schema;   /* the schema unqualified names are in: public, or the database */
	const char *dir;      /* the migration directory */
	long latest;	      /* > 0: the latest N files are new */
	const char *git_base; /* else: the files git added since this revision, and after */
	const char *git_dir;  /* git's work tree for --git-base (git -C); NULL means "." */
	const struct lint_config *cfg;
};

struct lint_diag {
	size_t pos;	  /* Atlas's position of the statement */
	unsigned line;	  /* its line, as Atlas counts it */
	const char *code; /* "DS102" */
	const char *text; /* "Dropping table \"t\"" */
	const char *fix;  /* a suggested fix, or NULL */
};

struct lint_report {
	enum lint_analyzer analyzer;
	const char *text; /* "destructive changes detected" */
	int error;	  /* the analyzer has error = true: the file fails */
	struct lint_diag *v;
	size_t n, cap;
};

struct lint_file {
	const char *name, *version;
	struct lint_report *reports;
	size_t nreports, capreports;
	const char *error; /* the failing reports' texts joined with "; ", or NULL */
	size_t nchanges;   /* Atlas's schema changes: one per statement (one for a batch) */
	uint64_t ns;	   /* time spent analysing it */
};

struct lint_result {
	const char *dir;
	const char *from, *to;	 /* the last base version and the last new one; NULL when none */
	size_t total;		 /* new files, the nolint-ignored ones included */
	struct lint_file *files; /* the analysed new files, in order (ignored ones left out) */
	size_t nfiles, capfiles;
	const char *sum_error; /* the atlas.sum check failed: Atlas's text; nothing was linted */
	uint64_t ns;
};

/*
 * Lints o->dir into r. Fails (-1, d filled) on usage errors, I/O, a git failure, and a
 * statement the replay cannot model or that contradicts the state (DIAG_PARSE with the
 * file, line and statement). A checksum error is not a failure: r->sum_error says it.
 */
int lint_run(struct arena *a, const struct lint_opts *o, struct lint_result *r, struct diag *d);

/* 1 when the run should exit 1: a failed atlas.sum check, or a report with error set. */
int lint_failed(const struct lint_result *r);

/* Atlas's default report (its template, without colours) of r, appended to out. */
int lint_text(const struct lint_result *r, struct buf *out, struct diag *d);

/* r as "lint/1" JSON (see schemalint(1)), appended to out. */
int lint_json(const struct lint_result *r, struct buf *out, struct diag *d);

/* A duration as Go's time.Duration prints it: 0 -> "0s", 1500 -> "1.5µs", 2e9 -> "2s". */
void lint_duration(uint64_t ns, char *out, size_t n);

/*
 * Atlas's word wrap (the template's maxWidth): the words of s in lines whose letters (not
 * counting the spaces between words) stay within width; each line is appended to out
 * followed by "\n", every line but the first after cont. A first word longer than width
 * yields an empty first line, as Atlas's does.
 */
int lint_wrap(struct buf *out, const char *s, size_t width, const char *cont, struct diag *d);

/* ---- naming of HCL schema files */

struct lint_finding {
	const char *file;
	unsigned line, col; /* of the name's label */
	const char *code;   /* "NM102" */
	const char *name;
	const char *text; /* "Table named \"X\" violates the naming policy: <message>" */
};

/*
 * Checks every schema, table, column, index (unique included), foreign key and check
 * label of the parsed HCL document doc against the naming rules of c. *v is an arena array
 * of *n findings in document order. No rule: no findings.
 */
int lint_naming_hcl(struct arena *a, const struct hcl_body *doc, const struct lint_config *c,
		    struct lint_finding **v, size_t *n, struct diag *d);

/* "file:line:col: text (NM102)\n" per finding. */
int lint_findings_text(const struct lint_finding *v, size_t n, struct buf *out, struct diag *d);

/* {"format": "naming/1", "findings": [...]} (see schemalint(1)). */
int lint_findings_json(const struct lint_finding *v, size_t n, struct buf *out, struct diag *d);

/* ---- statements, read as far as the analyzers need (lint_sql.c) */

enum lint_rename_kind { LINT_RENAME_TABLE, LINT_RENAME_COLUMN, LINT_RENAME_INDEX };

struct lint_rename {
	enum lint_rename_kind kind;
	const char *from, *to; /* unqualified names */
};

enum lint_where { LINT_WHERE_NONE, LINT_WHERE_IS_NULL, LINT_WHERE_EQ, LINT_WHERE_OTHER };

struct lint_set {
	const char *column;
	int null; /* assigned the literal NULL */
};

/*
 * What a statement says, as Atlas's statement parsers read it. Names are unquoted;
 * PostgreSQL folds unquoted names to lower case, MySQL keeps them.
 */
struct lint_stmt {
	/* Renames. */
	int pg_rename;	     /* PostgreSQL ALTER TABLE/INDEX ... RENAME (one RenameStmt) */
	int my_alter;	     /* MySQL ALTER TABLE */
	int my_rename_table; /* MySQL RENAME TABLE */
	const char *table;   /* the ALTER TABLE's table */
	struct lint_rename *renames;
	size_t nrenames;
	/* UPDATE of one table. */
	int update;
	const char *upd_schema, *upd_table; /* upd_schema NULL when unqualified */
	struct lint_set *set;
	size_t nset;
	enum lint_where where;
	const char *where_col, *where_val; /* IS NULL's column; EQ's column and literal */
	/* MySQL columns defined with an inline REFERENCES clause (CREATE TABLE, ADD COLUMN). */
	const char **refcols;
	size_t nrefcols;
	char *stripped; /* the text with those clauses blanked, NUL-terminated; NULL if none */
};

/*
 * Reads the statement text (len bytes) of the dialect into *s. Never fails on SQL it does
 * not follow (that statement just says nothing); fails only when memory runs out.
 *   "ALTER TABLE users RENAME COLUMN id TO uid;" -> pg_rename, renames {column id -> uid}
 *   "UPDATE `users` SET `name` = 'x' WHERE `name` = '';" -> update users, set name,
 *     where EQ name ""
 */
int lint_sql_read(struct arena *a, enum schema_dialect dialect, const char *text, size_t len,
		  struct lint_stmt *s, struct diag *d);

#endif
