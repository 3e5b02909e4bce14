/*
 * db: a small driver table over the database client libraries, as SQLite's VFS is over
 * the operating system: libpq for PostgreSQL (db_pg.c) and the MariaDB Connector/C for
 * MySQL and MariaDB (db_my.c). Only the programs that talk to databases link them.
 *
 * Invariants:
 * - A struct db is one open connection, opaque, owned by its driver; close() frees it.
 * - No message ever holds a password: connection errors name the user, host, port and
 *   database, never the URL as given.
 * - Drivers print nothing; a failure fills the caller's struct db_error and returns -1.
 * - Text in and out is the connection's: UTF-8 (client_encoding UTF8, charset utf8mb4).
 *
 * URLs are Atlas's:
 *   postgres://user:pass@host:port/db?sslmode=disable&search_path=s   (also postgresql://)
 *   mysql://user:pass@host:port/db?charset=utf8mb4&parseTime=True     (also mariadb://)
 * User and password are percent-decoded. PostgreSQL query parameters are libpq connection
 * keywords, except search_path, which binds the URL to that schema (as Atlas reads it).
 * A MySQL URL's database binds it to that schema; its query parameters are the Go driver's
 * (charset is honoured, the others are accepted and ignored).
 */
#ifndef MIGKIT_DB_H
#define MIGKIT_DB_H

#include <stddef.h>

#include "buf.h"
#include "diag.h"

struct db_driver;

enum db_dialect { DB_POSTGRES, DB_MYSQL };

/*
 * An open connection. Drivers embed this as the first member of their own struct (as
 * SQLite's VFS embeds sqlite3_file) and callers only ever hold the pointer.
 */
struct db {
	const struct db_driver *drv;
};

/* What went wrong, so that a program can say which (and tests can check it). */
enum db_errkind {
	DB_ERR_NONE = 0,
	DB_ERR_URL,  /* the URL is malformed or names an unknown scheme or parameter */
	DB_ERR_DOWN, /* no server there: refused, unreachable, unknown host, timed out */
	DB_ERR_AUTH, /* the server refused the user or password */
	DB_ERR_NODB, /* the database named in the URL does not exist */
	DB_ERR_CONN, /* another connection failure */
	DB_ERR_SQL,  /* the server rejected a statement */
	DB_ERR_LOST, /* the connection broke */
	DB_ERR_NOMEM,
};

struct db_error {
	enum db_errkind kind;
	char sqlstate[6]; /* "" when unknown */
	unsigned code;	  /* MySQL's error number; 0 for PostgreSQL */
	size_t stmt;	  /* in a batch, the 0-based index of the statement that failed */
	/*
	 * The message, as Atlas's Go drivers word it:
	 *   PostgreSQL: ERROR: relation "t" already exists (SQLSTATE 42P07)
	 *   MySQL:      Error 1050 (42S01): Table 't' already exists
	 * and for connection failures a sentence that says which kind it is.
	 */
	char msg[1024];
};

/* Rows of a query, every value as text (NULL for SQL NULL), row-major; owned, freed by
 * db_rows_free. */
struct db_rows {
	size_t nrows, ncols;
	char **cell;
};

void db_rows_free(struct db_rows *r);

/* The value at row i, column j, or NULL. */
const char *db_cell(const struct db_rows *r, size_t i, size_t j);

struct db_driver {
	const char *name; /* "postgres", "mysql" */
	enum db_dialect dialect;
	/* Opens a connection for url. */
	int (*open)(const char *url, struct db **out, struct db_error *e);
	void (*close)(struct db *db);
	/*
	 * Runs sql (len bytes): one statement, or several separated by ';' (a batch, sent in
	 * one round trip), discarding any rows. On failure e->stmt says which statement of the
	 * batch failed; the ones before it ran. PostgreSQL runs a batch outside an explicit
	 * transaction as one implicit transaction: all or nothing.
	 */
	int (*exec)(struct db *db, const char *sql, size_t len, struct db_error *e);
	/* Runs one query and returns its rows in *rows (which the caller frees). */
	int (*query)(struct db *db, const char *sql, struct db_rows *rows, struct db_error *e);
	int (*begin)(struct db *db, struct db_error *e);
	int (*commit)(struct db *db, struct db_error *e);
	int (*rollback)(struct db *db, struct db_error *e);
	/*
	 * Takes the session-level advisory lock 'name', waiting up to timeout_ms (0: one try).
	 * PostgreSQL polls pg_try_advisory_lock on the FNV-1 32-bit hash of the name with
	 * jittered exponential back-off (25ms doubling, at most 1s); MySQL asks
	 * GET_LOCK(name, whole seconds). Returns 0 when held, 1 when another session still
	 * holds it at the deadline, -1 on error.
	 */
	int (*lock)(struct db *db, const char *name, long long timeout_ms, struct db_error *e);
	int (*unlock)(struct db *db, const char *name, struct db_error *e);
	/* Appends s (n bytes) as a string literal for this connection: 'it''s' / 'it\'s'. */
	int (*quote)(struct db *db, const char *s, size_t n, struct buf *out, struct diag *d);
	/* The schema the URL binds to (search_path, or the MySQL database), or NULL. */
	const char *(*schema)(const struct db *db);
	/* "user@host:port/db", for messages. */
	const char *(*where)(const struct db *db);
};

extern const struct db_driver db_pg_driver;
extern const struct db_driver db_my_driver;

/*
 * The driver for url by its scheme (postgres, postgresql, mysql, mariadb), or NULL with
 * e->kind DB_ERR_URL and a message naming the scheme.
 */
const struct db_driver *db_driver_for(const char *url, struct db_error *e);

/* db_driver_for, then its open(). */
int db_open(const char *url, struct db **db, struct db_error *e);

/* Fills *e (cleared first) with kind and the formatted message; returns -1. For drivers. */
int db_set_error(struct db_error *e, enum db_errkind kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The driver's functions, through db->drv. */
void db_close(struct db *db);
int db_exec(struct db *db, const char *sql, size_t len, struct db_error *e);
int db_query(struct db *db, const char *sql, struct db_rows *rows, struct db_error *e);

/* Appends name quoted as an identifier of the dialect: "a""b" / `a``b`. */
int db_quote_ident(enum db_dialect dialect, const char *name, struct buf *out, struct diag *d);

/* FNV-1 (not 1a) 32-bit hash, the key Atlas locks PostgreSQL with:
 * "atlas_migrate_execute" -> 2686470616. */
unsigned long db_fnv1_32(const char *s);

/*
 * The parts of a database URL, percent-decoded, in storage owned by the struct (the
 * parameters point into it). Shared by the drivers.
 */
struct db_url {
	char scheme[16];
	char user[256], password[256], host[256], port[16], path[256];
	size_t nparams;
	struct {
		char *key, *value;
	} param[32];
	char store[2048];
	size_t used;
};

/* Splits url into *u. Fails with DB_ERR_URL and a message that does not repeat the URL. */
int db_url_parse(const char *url, struct db_url *u, struct db_error *e);

/* The value of query parameter key, or NULL. */
const char *db_url_param(const struct db_url *u, const char *key);

#endif
