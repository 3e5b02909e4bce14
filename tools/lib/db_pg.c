/*
 * db_pg: the PostgreSQL driver over libpq; also the parts of db.h both drivers share (URL
 * parsing, the driver lookup, rows), which live here until the module gets a db.c.
 */
#include "db.h"

#include <errno.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- shared by both drivers */

static int set_err(struct db_error *e, enum db_errkind kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int set_err(struct db_error *e, enum db_errkind kind, const char *fmt, ...)
{
	va_list ap;

	memset(e, 0, sizeof(*e));
	e->kind = kind;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	return -1;
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Percent-decodes p[0..n) into out (size outsz); '+' is a space in query parts. */
static int pct_decode(const char *p, size_t n, int query, char *out, size_t outsz)
{
	size_t o = 0;

	for (size_t i = 0; i < n; i++) {
		int c = (unsigned char)p[i];

		if (c == '%') {
			int h, l;

			if (i + 2 >= n)
				return -1;
			h = hexval((unsigned char)p[i + 1]);
			l = hexval((unsigned char)p[i + 2]);
			if (h < 0 || l < 0)
				return -1;
			c = h * 16 + l;
			i += 2;
		} else if (c == '+' && query) {
			c = ' ';
		}
		if (o + 1 >= outsz)
			return -2;
		out[o++] = (char)c;
	}
	out[o] = '\0';
	return 0;
}

static char *store(struct db_url *u, const char *p, size_t n, int query)
{
	char *at = u->store + u->used;

	if (pct_decode(p, n, query, at, sizeof(u->store) - u->used))
		return NULL;
	u->used += strlen(at) + 1;
	return at;
}

int db_url_parse(const char *url, struct db_url *u, struct db_error *e)
{
	const char *sep = strstr(url, "://"), *auth, *auth_end, *at = NULL, *hp, *colon;
	size_t n;

	memset(u, 0, sizeof(*u));
	if (!sep || sep == url || (size_t)(sep - url) >= sizeof(u->scheme))
		return set_err(e, DB_ERR_URL,
			       "bad URL: no scheme (expected postgres:// or mysql://)");
	memcpy(u->scheme, url, (size_t)(sep - url));
	auth = sep + 3;
	auth_end = auth + strcspn(auth, "/?#");
	for (const char *p = auth; p < auth_end; p++)
		if (*p == '@')
			at = p;
	hp = auth;
	if (at) {
		const char *c = memchr(auth, ':', (size_t)(at - auth));
		const char *uend = c ? c : at;

		if (pct_decode(auth, (size_t)(uend - auth), 0, u->user, sizeof(u->user)))
			return set_err(e, DB_ERR_URL, "bad URL: invalid user name encoding");
		if (c &&
		    pct_decode(c + 1, (size_t)(at - c - 1), 0, u->password, sizeof(u->password)))
			return set_err(e, DB_ERR_URL, "bad URL: invalid password encoding");
		hp = at + 1;
	}
	if (*hp == '[') { /* [v6]:port */
		const char *rb = memchr(hp, ']', (size_t)(auth_end - hp));

		if (!rb)
			return set_err(e, DB_ERR_URL, "bad URL: unclosed '[' in the host");
		n = (size_t)(rb - hp - 1);
		if (n >= sizeof(u->host))
			return set_err(e, DB_ERR_URL, "bad URL: host name too long");
		memcpy(u->host, hp + 1, n);
		colon = rb + 1 < auth_end && rb[1] == ':' ? rb + 1 : NULL;
	} else {
		colon = memchr(hp, ':', (size_t)(auth_end - hp));
		n = (size_t)((colon ? colon : auth_end) - hp);
		if (pct_decode(hp, n, 0, u->host, sizeof(u->host)))
			return set_err(e, DB_ERR_URL, "bad URL: invalid host name");
	}
	if (colon) {
		n = (size_t)(auth_end - colon - 1);
		if (n == 0 || n >= sizeof(u->port) || strspn(colon + 1, "0123456789") < n)
			return set_err(e, DB_ERR_URL, "bad URL: the port must be a number");
		memcpy(u->port, colon + 1, n);
	}
	if (*auth_end == '/') {
		const char *pe = auth_end + 1 + strcspn(auth_end + 1, "?#");

		if (pct_decode(auth_end + 1, (size_t)(pe - auth_end - 1), 0, u->path,
			       sizeof(u->path)))
			return set_err(e, DB_ERR_URL, "bad URL: invalid database name");
		auth_end = pe;
	}
	if (*auth_end == '?') {
		const char *q = auth_end + 1;

		while (*q && *q != '#') {
			const char *amp = q + strcspn(q, "&#"),
				   *eq = memchr(q, '=', (size_t)(amp - q));
			char *k, *v;

			if (amp > q) {
				if (u->nparams == sizeof(u->param) / sizeof(u->param[0]))
					return set_err(e, DB_ERR_URL,
						       "bad URL: too many parameters");
				k = store(u, q, (size_t)((eq ? eq : amp) - q), 1);
				v = eq ? store(u, eq + 1, (size_t)(amp - eq - 1), 1)
				       : store(u, "", 0, 1);
				if (!k || !v)
					return set_err(e, DB_ERR_URL,
						       "bad URL: invalid or too long parameter");
				u->param[u->nparams].key = k;
				u->param[u->nparams++].value = v;
			}
			q = *amp == '&' ? amp + 1 : amp;
		}
	}
	return 0;
}

const char *db_url_param(const struct db_url *u, const char *key)
{
	for (size_t i = 0; i < u->nparams; i++)
		if (strcmp(u->param[i].key, key) == 0)
			return u->param[i].value;
	return NULL;
}

const struct db_driver *db_driver_for(const char *url, struct db_error *e)
{
	static const struct {
		const char *scheme;
		const struct db_driver *drv;
	} schemes[] = {
		{ "postgres://", &db_pg_driver }, { "postgresql://", &db_pg_driver },
		{ "mysql://", &db_my_driver },	  { "mariadb://", &db_my_driver },
		{ "maria://", &db_my_driver },
	};
	size_t n = strcspn(url, ":");

	for (size_t i = 0; i < sizeof(schemes) / sizeof(schemes[0]); i++)
		if (strncmp(url, schemes[i].scheme, strlen(schemes[i].scheme)) == 0)
			return schemes[i].drv;
	set_err(e, DB_ERR_URL, "bad URL: unknown scheme '%.*s' (expected postgres:// or mysql://)",
		(int)(n < 20 ? n : 20), url);
	return NULL;
}

int db_open(const char *url, struct db **db, struct db_error *e)
{
	const struct db_driver *drv = db_driver_for(url, e);

	*db = NULL;
	return drv ? drv->open(url, db, e) : -1;
}

void db_close(struct db *db)
{
	if (db)
		db->drv->close(db);
}

int db_exec(struct db *db, const char *sql, size_t len, struct db_error *e)
{
	return db->drv->exec(db, sql, len, e);
}

int db_query(struct db *db, const char *sql, struct db_rows *rows, struct db_error *e)
{
	return db->drv->query(db, sql, rows, e);
}

void db_rows_free(struct db_rows *r)
{
	if (r->cell)
		for (size_t i = 0; i < r->nrows * r->ncols; i++)
			free(r->cell[i]);
	free(r->cell);
	memset(r, 0, sizeof(*r));
}

const char *db_cell(const struct db_rows *r, size_t i, size_t j)
{
	return i < r->nrows && j < r->ncols ? r->cell[i * r->ncols + j] : NULL;
}

int db_quote_ident(enum db_dialect dialect, const char *name, struct buf *out, struct diag *d)
{
	char q = dialect == DB_POSTGRES ? '"' : '`';

	if (buf_add(out, &q, 1, d))
		return -1;
	for (const char *p = name; *p; p++) {
		if (*p == q && buf_add(out, &q, 1, d))
			return -1;
		if (buf_add(out, p, 1, d))
			return -1;
	}
	return buf_add(out, &q, 1, d);
}

unsigned long db_fnv1_32(const char *s)
{
	unsigned long h = 2166136261UL;

	for (; *s; s++) {
		h = (h * 16777619UL) & 0xffffffffUL;
		h ^= (unsigned char)*s;
	}
	return h;
}

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
		set_err(e, DB_ERR_NOMEM, "out of memory");
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
		set_err(e, DB_ERR_NOMEM, "out of memory");
		goto out;
	}
	if (PQstatus(p->c) != CONNECTION_OK) {
		const char *m = PQerrorMessage(p->c);
		enum db_errkind kind = pg_conn_kind(m);
		const char *srv = strstr(m, "FATAL:");

		first_line(what, sizeof(what), srv ? srv + 6 + strspn(srv + 6, " ") : m);
		switch (kind) {
		case DB_ERR_AUTH:
			set_err(e, kind, "authentication failed for %s: %s", p->where, what);
			break;
		case DB_ERR_NODB:
			set_err(e, kind, "database '%s' does not exist on %s:%s", u->path,
				u->host[0] ? u->host : "localhost", u->port[0] ? u->port : "5432");
			break;
		case DB_ERR_DOWN:
			set_err(e, kind, "server down or unreachable: cannot connect to %s:%s (%s)",
				u->host[0] ? u->host : "localhost", u->port[0] ? u->port : "5432",
				strstr(m, "Connection refused") ? "connection refused" : what);
			break;
		case DB_ERR_URL:
			set_err(e, kind, "bad URL: %s", what);
			break;
		default:
			set_err(e, kind, "cannot connect to %s: %s", p->where, what);
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
		set_err(e, DB_ERR_SQL, "%s: %s (SQLSTATE %s)", sev ? sev : "ERROR", prim,
			state ? state : "?????");
		snprintf(e->sqlstate, sizeof(e->sqlstate), "%s", state ? state : "");
	} else {
		char m[900];

		first_line(m, sizeof(m), PQerrorMessage(p->c));
		set_err(e, PQstatus(p->c) == CONNECTION_OK ? DB_ERR_SQL : DB_ERR_LOST, "%s",
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
		return set_err(e, DB_ERR_SQL, "a statement holds a NUL byte");
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
		return set_err(e, DB_ERR_NOMEM, "out of memory");
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
				return set_err(e, DB_ERR_NOMEM, "out of memory");
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
		rc = set_err(e, DB_ERR_SQL, "the transaction was rolled back by the server");
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
