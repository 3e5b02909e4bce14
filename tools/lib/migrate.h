/*
 * migrate: 'atlas migrate apply' and 'atlas migrate status' over a migration directory and
 * a live database, with Atlas's revisions table, so that either tool can take over a
 * database the other migrated (reference/atlas-migrate.md §4, §5.1).
 *
 * The order of work, and what stops it:
 *   1. atlas.sum against the directory: a mismatch returns 1 before any connection.
 *   2. connect (db.h), take the advisory lock 'atlas_migrate_execute' (lock_timeout_ms).
 *   3. the revisions table: schema 'revisions_schema', else the schema the URL binds to,
 *      else 'atlas_schema_revisions' (created with the table, Atlas's DDL, when missing).
 *   4. the history: every fully applied revision's file must still be there with the hash
 *      it was applied with (files added out of order later are allowed for; files before
 *      the last checkpoint may be gone). Atlas does not check this; a mismatch returns 1.
 *   5. pending files as Atlas computes them (baseline, allow-dirty, checkpoints, exec order,
 *      a partially applied last revision resumed at statement applied+1 after its partial
 *      hashes are checked).
 *   6. execution file by file under the transaction mode.
 *
 * Revision rows are written as Atlas writes them: type 2 (1 for a baseline), applied and
 * total statement counts, executed_at when the file started, execution_time in
 * nanoseconds (here the file's run time until its last statement was sent; Atlas's own
 * value is as rough), error and error_stmt '' when none, hash = the file's
 * atlas.sum hash without 'h1:', partial_hashes = JSON array of "h1:<b64>" cumulative
 * SHA-256 over the statement texts while the file is partial and JSON null once complete,
 * operator_version = MIGRATE_OPERATOR_VERSION.
 *
 * Crash safety. Each statement and the revision update that records it travel in one
 * batch (one round trip): on PostgreSQL outside a transaction the server runs the pair as
 * one implicit transaction; on MySQL the server finishes the batch even when the client
 * dies mid-way. So a killed migapply leaves 'applied' equal to the statements that took
 * effect, and the next run resumes at the right one. (PostgreSQL statements that refuse to
 * run in a transaction block, such as CREATE INDEX CONCURRENTLY, run alone, with their
 * update right after.) In PostgreSQL 'file' and 'all' modes the file is one transaction,
 * so the revision is written once, with the last statement, and BEGIN and COMMIT travel
 * with the first and last statements: Atlas's intermediate writes there could only ever
 * be rolled back, and a one-statement file costs one round trip.
 *
 * Everything returned lives in the report's or status's arena. The library prints
 * nothing; progress goes to the event callback.
 */
#ifndef MIGKIT_MIGRATE_H
#define MIGKIT_MIGRATE_H

#include <stddef.h>

#include "arena.h"
#include "diag.h"

/*
 * operator_version of the rows we write. Atlas writes "Atlas CLI v1.1.0" and reads the
 * column back only to show it; it parses nothing out of it, so any non-empty string of at
 * most 255 characters keeps the rows valid for Atlas. We say who wrote the row.
 */
#define MIGRATE_OPERATOR_VERSION "migkit v0.1.0"
#define MIGRATE_LOCK_NAME	 "atlas_migrate_execute"
#define MIGRATE_REVISIONS	 "atlas_schema_revisions"
#define MIGRATE_LOCK_TIMEOUT_MS	 10000

enum migrate_txmode { MIGRATE_TX_FILE, MIGRATE_TX_ALL, MIGRATE_TX_NONE };
enum migrate_order { MIGRATE_LINEAR, MIGRATE_LINEAR_SKIP, MIGRATE_NON_LINEAR };

/* A migration file of the directory. */
struct migrate_file {
	const char *name, *version, *desc; /* "1_a.sql" -> "1", "a"; "3.sql" -> "3", "" */
	const char *hash;		   /* its atlas.sum hash, no 'h1:'; NULL if sum-ignored */
	const char *data;		   /* its bytes, NUL-terminated */
	size_t len;
	int checkpoint; /* carries a file-level atlas:checkpoint directive */
};

enum migrate_event_kind {
	MIGRATE_EV_START,     /* from (NULL if none), to, npending */
	MIGRATE_EV_FILE,      /* file starts; skip = statements applied by an earlier run */
	MIGRATE_EV_STMT,      /* index (1-based in the file) and stmt are about to run */
	MIGRATE_EV_STMT_DONE, /* statement index ran (and, where it matters, was recorded) */
	MIGRATE_EV_FILE_DONE, /* the file is complete; ns is its run time */
	MIGRATE_EV_ERROR,     /* the file failed: error (and stmt when a statement did) */
};

struct migrate_event {
	enum migrate_event_kind kind;
	const struct migrate_file *file;
	size_t index, skip, npending;
	const char *stmt, *error, *from, *to;
	long long ns;
};

typedef void migrate_event_fn(void *ctx, const struct migrate_event *ev);

struct migrate_opts {
	const char *url; /* required */
	const char *dir; /* required: the migration directory */
	const char *revisions_schema;
	const char *baseline; /* excludes allow_dirty */
	enum migrate_txmode txmode;
	enum migrate_order order;
	int allow_dirty, dry_run;
	long long lock_timeout_ms; /* 0 means one try */
	size_t amount;		   /* 0: every pending file */
	migrate_event_fn *event;   /* may be NULL */
	void *ctx;
};

/* Fills o with Atlas's defaults: tx file, linear, lock timeout 10s. */
void migrate_opts_init(struct migrate_opts *o);

/* A file of this run, as Atlas's log records it. */
struct migrate_applied {
	const struct migrate_file *file;
	long long start_ns, end_ns; /* wall clock, ns since the epoch */
	size_t skipped;		    /* statements applied by an earlier run */
	const char **stmts;	    /* executed, the failing one last */
	size_t nstmts;
	const char *error_stmt, *error; /* NULL when the file went through */
};

struct migrate_report {
	struct arena arena; /* owns everything below */
	const char *driver; /* "postgres" / "mysql" */
	const struct migrate_file **pending;
	size_t npending;
	struct migrate_applied *applied;
	size_t napplied;
	const char *current, *target; /* versions; current NULL without revisions */
	long long start_ns, end_ns;
	const char *error; /* a failure not tied to a statement, as logged */
	/* A checksum mismatch: first differing atlas.sum line, file and reason. */
	int sum_mismatch;
	unsigned sum_line;
	const char *sum_file, *sum_reason;
};

void migrate_report_init(struct migrate_report *r);
void migrate_report_release(struct migrate_report *r);

/*
 * Applies the pending migrations of o->dir to o->url. Returns 0 when everything pending
 * was applied (r->npending 0: nothing was), 1 when the answer is no: a statement failed, the
 * directory does not match atlas.sum (r->sum_mismatch), or the database's history does not
 * match the directory (out of order, changed, missing); -1 on trouble: usage, I/O, a file
 * that does not scan, the database (d says which: bad URL, server down, authentication,
 * no such database), the lock, a database that is not clean. d says why in all but 0.
 */
int migrate_apply(const struct migrate_opts *o, struct migrate_report *r, struct diag *d);

/*
 * Runs the statements of one script (path names it in messages; src, len bytes) on o->url
 * under the advisory lock, outside the migration directory and without revisions: the
 * plan of a schema apply. PostgreSQL runs it in one transaction (not with txmode none),
 * so a failure changes nothing; MySQL commits each DDL statement itself, so there r->applied[0]
 * says which statements ran before the one that failed. o->dry_run only reports the statements.
 * Returns 0, 1 when a statement failed (r->applied[0].error), -1 on trouble.
 */
int migrate_exec_script(const struct migrate_opts *o, const char *path, const char *src, size_t len,
			struct migrate_report *r, struct diag *d);

/* A row of the revisions table. */
struct migrate_revision {
	const char *version, *description;
	unsigned type; /* 1 baseline, 2 executed, 4 resolved */
	long long applied, total;
	long long executed_at_ns; /* since the epoch */
	long long execution_time; /* ns */
	const char *error, *error_stmt, *hash, *operator_version;
	const char **partial; /* partial_hashes, "h1:..." */
	size_t npartial;
};

struct migrate_status {
	struct arena arena;
	const char *driver;
	const char *status;	    /* "OK" or "PENDING" */
	const char *current, *next; /* as Atlas words them */
	int from_checkpoint;
	size_t count, total; /* total > 0: the last revision is partial */
	const char *error, *sql;
	const struct migrate_revision *applied;
	size_t napplied;
	const struct migrate_file **available, **pending, **out_of_order;
	size_t navailable, npending, nout_of_order;
	int sum_mismatch;
	unsigned sum_line;
	const char *sum_file, *sum_reason;
};

void migrate_status_init(struct migrate_status *s);
void migrate_status_release(struct migrate_status *s);

/*
 * Atlas's 'migrate status': reads only (no lock, no table created). Returns 0, 1 for a
 * checksum mismatch (s->sum_mismatch), -1 on trouble.
 */
int migrate_status(const struct migrate_opts *o, struct migrate_status *s, struct diag *d);

/* A Go duration ("10s", "1m30s", "500ms", "0") in milliseconds; -1 if malformed. */
int migrate_parse_duration(const char *s, long long *ms);

/* ns as Go's time.Duration.String(): "0s", "150µs", "1.234567ms", "2.5s", "1m0.5s". */
void migrate_fmt_duration(long long ns, char *out, size_t outsz);

#endif
