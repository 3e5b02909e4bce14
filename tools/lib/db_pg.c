/*
 * db_pg: the PostgreSQL driver over libpq.
 */
#include "db.h"

#include <errno.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- the PostgreSQL driver */

struct pgdb {
	struct db base;
	PGconn *c;
	char schema[256];
	int has_schema;
	char where[1024];
};

static void no_notices(void *arg, const char *msg)
{
	(void)arg;
	(void)msg;
}

/* Sorts a failed connection by its libpq message: which of down, auth, no database. */
static enum db_errkind pg_conn_kind(const char *m)
{
	if (strstr(m, "password authentication failed") || strstr(m, "no password supplied") ||
	    strstr(m, "authentication failed") ||
	    (strstr(m, "role \"") && strstr(m, "does not exist")) || strstr(m, "pg_hba.conf"))
		return DB_ERR_AUTH;
	if (strstr(m, "database \"") && strstr(m, "does not exist"))
		return DB_ERR_NODB;
	if (strstr(m, "Connection refused") || strstr(m, "could not translate host name") ||
	    strstr(m, "timeout expired") || strstr(m, "No such file or directory") ||
	    strstr(m, "Network is unreachable") || strstr(m, "No route to host") ||
	    strstr(m, "could not connect"))
		return DB_ERR_DOWN;
	if (strstr(m, "invalid connection option") || strstr(m, "invalid sslmode value") ||
	    strstr(m, "invalid integer value") || strstr(m, "invalid value for parameter"))
		return DB_ERR_URL;
	return DB_ERR_CONN;
}

/* libpq's message, first line only and without its trailing newline. */
static void first_line(char *out, size_t outsz, const char *m)
{
	size_t n = strcspn(m, "\n");

	if (n >= outsz)
		n = outsz - 1;
	memcpy(out, m, n);
	out[n] = '\0';
}

static int pg_open(const char *url, struct db **out, struct db_error *e)
{
	const char *kw[48], *val[48];
	char options[600] = "", what[400];
	struct db_url *u;
	struct pgdb *p;
	size_t k = 0;
	int rc = -1;

	*out = NULL;
	u = calloc(1, sizeof(*u));
	p = calloc(1, sizeof(*p));
	if (!u || !p) {
		db_set_error(e, DB_ERR_NOMEM, "out of memory");
		goto out;
	}
	if (db_url_parse(url, u, e))
		goto out;
	kw[k] = "host", val[k++] = u->host[0] ? u->host : "localhost";
	kw[k] = "port", val[k++] = u->port[0] ? u->port : "5432";
	if (u->user[0])
		kw[k] = "user", val[k++] = u->user;
	if (u->password[0])
		kw[k] = "password", val[k++] = u->password;
	if (u->path[0])
		kw[k] = "dbname", val[k++] = u->path;
	for (size_t i = 0; i < u->nparams && k < 40; i++) {
		const char *key = u->param[i].key, *v = u->param[i].value;

		if (strcmp(key, "search_path") == 0) {
			size_t o = strlen(options);

			/* A libpq options string: -c name=value, spaces and backslashes escaped. */
			o += (size_t)snprintf(options + o, sizeof(options) - o,
					      "%s-c search_path=", o ? " " : "");
			for (; *v && o + 3 < sizeof(options); v++) {
				if (*v == ' ' || *v == '\\')
					options[o++] = '\\';
				options[o++] = *v;
			}
			options[o] = '\0';
			snprintf(p->schema, sizeof(p->schema), "%s", u->param[i].value);
			p->has_schema = 1;
		} else if (strcmp(key, "options") == 0) {
			size_t o = strlen(options);

			snprintf(options + o, sizeof(options) - o, "%s%s", o ? " " : "", v);
		} else {
			kw[k] = key, val[k++] = v;
		}
	}
	if (options[0])
		kw[k] = "options", val[k++] = options;
	if (!db_url_param(u, "connect_timeout"))
		kw[k] = "connect_timeout", val[k++] = "10";
	kw[k] = "client_encoding", val[k++] = "UTF8";
	kw[k] = "fallback_application_name", val[k++] = "migkit";
	kw[k] = NULL, val[k] = NULL;
	snprintf(p->where, sizeof(p->where), "%s@%s:%s/%s", u->user[0] ? u->user : "(default)",
		 u->host[0] ? u->host : "localhost", u->port[0] ? u->port : "5432",
		 u->path[0] ? u->path : "");
	p->base.drv = &db_pg_driver;
	p->c = PQconnectdbParams(kw, val, 0);
	if (!p->c) {
		db_set_error(e, DB_ERR_NOMEM, "out of memory");
		goto out;
	}
	if (PQstatus(p->c) != CONNECTION_OK) {
		const char *m = PQerrorMessage(p->c);
		enum db_errkind kind = pg_conn_kind(m);
		const char *srv = strstr(m, "FATAL:");

		first_line(what, sizeof(what), srv ? srv + 6 + strspn(srv + 6, " ") : m);
		switch (kind) {
		case DB_ERR_AUTH:
			db_set_error(e, kind, "authentication failed for %s: %s", p->where, what);
			break;
		case DB_ERR_NODB:
			db_set_error(e, kind, "database '%s' does not exist on %s:%s", u->path,
				     u->host[0] ? u->host : "localhost",
				     u->port[0] ? u->port : "5432");
			break;
		case DB_ERR_DOWN:
			db_set_error(
				e, kind, "server down or unreachable: cannot connect to %s:%s (%s)",
				u->host[0] ? u->host : "localhost", u->port[0] ? u->port : "5432",
				strstr(m, "Connection refused") ? "connection refused" : what);
			break;
		case DB_ERR_URL:
			db_set_error(e, kind, "bad URL: %s", what);
			break;
		default:
			db_set_error(e, kind, "cannot connect to %s: %s", p->where, what);
			break;
		}
		goto out;
	}
	PQsetNoticeProcessor(p->c, no_notices, NULL);
	*out = &p->base;
	p = NULL;
	rc = 0;
out:
	if (p) {
		if (p->c)
			PQfinish(p->c);
		free(p);
	}
	if (u) {
		memset(u, 0, sizeof(*u)); /* the password */
		free(u);
	}
	return rc;
}

static void pg_close(struct db *db)
{
	struct pgdb *p = (struct pgdb *)db;

	PQfinish(p->c);
	free(p);
}

/* Fills e from a failed result (or from the connection when res carries nothing). */
static int pg_result_err(struct pgdb *p, PGresult *res, size_t stmt, struct db_error *e)
{
	const char *prim = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	const char *sev = res ? PQresultErrorField(res, PG_DIAG_SEVERITY_NONLOCALIZED) : NULL;

	if (prim) {
		db_set_error(e, DB_ERR_SQL, "%s: %s (SQLSTATE %s)", sev ? sev : "ERROR", prim,
			     state ? state : "?????");
		snprintf(e->sqlstate, sizeof(e->sqlstate), "%s", state ? state : "");
	} else {
		char m[900];

		first_line(m, sizeof(m), PQerrorMessage(p->c));
		db_set_error(e, PQstatus(p->c) == CONNECTION_OK ? DB_ERR_SQL : DB_ERR_LOST, "%s",
			     m[0] ? m : "unknown error");
	}
	if (PQstatus(p->c) != CONNECTION_OK)
		e->kind = DB_ERR_LOST;
	e->stmt = stmt;
	return -1;
}

static int pg_exec(struct db *db, const char *sql, size_t len, struct db_error *e)
{
	struct pgdb *p = (struct pgdb *)db;
	PGresult *res;
	size_t done = 0;
	int failed = 0;

	if (memchr(sql, '\0', len) || sql[len] != '\0')
		return db_set_error(e, DB_ERR_SQL, "a statement holds a NUL byte");
	if (!PQsendQuery(p->c, sql))
		return pg_result_err(p, NULL, 0, e);
	while ((res = PQgetResult(p->c))) {
		switch (PQresultStatus(res)) {
		case PGRES_COMMAND_OK:
		case PGRES_TUPLES_OK:
		case PGRES_EMPTY_QUERY:
			done++;
			break;
		case PGRES_COPY_IN:
			PQputCopyEnd(p->c, "COPY FROM STDIN is not supported in migrations");
			break;
		case PGRES_COPY_OUT: {
			char *buf;

			while (PQgetCopyData(p->c, &buf, 0) > 0)
				PQfreemem(buf);
			break;
		}
		default:
			if (!failed)
				pg_result_err(p, res, done, e);
			failed = 1;
			break;
		}
		PQclear(res);
	}
	if (!failed && PQstatus(p->c) != CONNECTION_OK)
		return pg_result_err(p, NULL, done, e);
	return failed ? -1 : 0;
}

static int pg_query(struct db *db, const char *sql, struct db_rows *rows, struct db_error *e)
{
	struct pgdb *p = (struct pgdb *)db;
	PGresult *res = PQexec(p->c, sql);
	size_t nr, nc;

	memset(rows, 0, sizeof(*rows));
	if (!res || PQresultStatus(res) != PGRES_TUPLES_OK) {
		pg_result_err(p, res, 0, e);
		PQclear(res);
		return -1;
	}
	nr = (size_t)PQntuples(res);
	nc = (size_t)PQnfields(res);
	rows->cell = calloc(nr * nc + 1, sizeof(*rows->cell));
	if (!rows->cell) {
		PQclear(res);
		return db_set_error(e, DB_ERR_NOMEM, "out of memory");
	}
	rows->nrows = nr;
	rows->ncols = nc;
	for (size_t i = 0; i < nr; i++)
		for (size_t j = 0; j < nc; j++) {
			if (PQgetisnull(res, (int)i, (int)j))
				continue;
			rows->cell[i * nc + j] = strdup(PQgetvalue(res, (int)i, (int)j));
			if (!rows->cell[i * nc + j]) {
				PQclear(res);
				db_rows_free(rows);
				return db_set_error(e, DB_ERR_NOMEM, "out of memory");
			}
		}
	PQclear(res);
	return 0;
}

/* Runs one transaction-control command; a COMMIT the server turned into ROLLBACK fails. */
static int pg_cmd(struct db *db, const char *cmd, struct db_error *e)
{
	struct pgdb *p = (struct pgdb *)db;
	PGresult *res = PQexec(p->c, cmd);
	int rc = 0;

	if (!res || PQresultStatus(res) != PGRES_COMMAND_OK)
		rc = pg_result_err(p, res, 0, e);
	else if (strcmp(cmd, "COMMIT") == 0 && strcmp(PQcmdStatus(res), "ROLLBACK") == 0)
		rc = db_set_error(e, DB_ERR_SQL, "the transaction was rolled back by the server");
	PQclear(res);
	return rc;
}

static int pg_begin(struct db *db, struct db_error *e)
{
	return pg_cmd(db, "BEGIN", e);
}

static int pg_commit(struct db *db, struct db_error *e)
{
	return pg_cmd(db, "COMMIT", e);
}

static int pg_rollback(struct db *db, struct db_error *e)
{
	return pg_cmd(db, "ROLLBACK", e);
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void sleep_ms(long long ms)
{
	struct timespec ts = { (time_t)(ms / 1000), (long)(ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
		;
}

static int pg_lock(struct db *db, const char *name, long long timeout_ms, struct db_error *e)
{
	char sql[96];
	long long start = now_ms(), delay = 25;
	unsigned seed = (unsigned)(start ^ (long long)(size_t)db);

	snprintf(sql, sizeof(sql), "SELECT pg_try_advisory_lock(%lu)", db_fnv1_32(name));
	for (;;) {
		struct db_rows r;
		int got;

		if (pg_query(db, sql, &r, e))
			return -1;
		got = db_cell(&r, 0, 0) && db_cell(&r, 0, 0)[0] == 't';
		db_rows_free(&r);
		if (got)
			return 0;
		{
			long long left = timeout_ms - (now_ms() - start), wait;

			if (left <= 0)
				return 1;
			/* Jitter: somewhere in the upper half of the current delay. */
			seed = seed * 1103515245u + 12345u;
			wait = delay / 2 + (long long)((seed >> 8) % (unsigned)(delay / 2 + 1));
			sleep_ms(wait < left ? wait : left);
			delay = delay * 2 > 1000 ? 1000 : delay * 2;
		}
	}
}

static int pg_unlock(struct db *db, const char *name, struct db_error *e)
{
	char sql[96];
	struct db_rows r;

	snprintf(sql, sizeof(sql), "SELECT pg_advisory_unlock(%lu)", db_fnv1_32(name));
	if (pg_query(db, sql, &r, e))
		return -1;
	db_rows_free(&r);
	return 0;
}

static int pg_quote(struct db *db, const char *s, size_t n, struct buf *out, struct diag *d)
{
	struct pgdb *p = (struct pgdb *)db;
	int err = 0;
	size_t w;

	if (buf_grow(out, 2 * n + 3, d))
		return -1;
	out->data[out->len++] = '\'';
	w = PQescapeStringConn(p->c, out->data + out->len, s, n, &err);
	if (err)
		return diag_set(d, DIAG_IO, NULL, 0, 0, "cannot quote a string: %s",
				PQerrorMessage(p->c));
	out->len += w;
	out->data[out->len++] = '\'';
	out->data[out->len] = '\0';
	return 0;
}

static const char *pg_schema(const struct db *db)
{
	const struct pgdb *p = (const struct pgdb *)db;

	return p->has_schema ? p->schema : NULL;
}

static const char *pg_where(const struct db *db)
{
	return ((const struct pgdb *)db)->where;
}

const struct db_driver db_pg_driver = {
	.name = "postgres",
	.dialect = DB_POSTGRES,
	.open = pg_open,
	.close = pg_close,
	.exec = pg_exec,
	.query = pg_query,
	.begin = pg_begin,
	.commit = pg_commit,
	.rollback = pg_rollback,
	.lock = pg_lock,
	.unlock = pg_unlock,
	.quote = pg_quote,
	.schema = pg_schema,
	.where = pg_where,
};
