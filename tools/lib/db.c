/*
 * db: what both drivers share: URL parsing, the driver lookup, the calls through the
 * driver table, rows, identifier quoting and the lock key's hash.
 */
#include "db.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int db_set_error(struct db_error *e, enum db_errkind kind, const char *fmt, ...)
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
		return db_set_error(e, DB_ERR_URL,
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
			return db_set_error(e, DB_ERR_URL, "bad URL: invalid user name encoding");
		if (c &&
		    pct_decode(c + 1, (size_t)(at - c - 1), 0, u->password, sizeof(u->password)))
			return db_set_error(e, DB_ERR_URL, "bad URL: invalid password encoding");
		hp = at + 1;
	}
	if (*hp == '[') { /* [v6]:port */
		const char *rb = memchr(hp, ']', (size_t)(auth_end - hp));

		if (!rb)
			return db_set_error(e, DB_ERR_URL, "bad URL: unclosed '[' in the host");
		n = (size_t)(rb - hp - 1);
		if (n >= sizeof(u->host))
			return db_set_error(e, DB_ERR_URL, "bad URL: host name too long");
		memcpy(u->host, hp + 1, n);
		colon = rb + 1 < auth_end && rb[1] == ':' ? rb + 1 : NULL;
	} else {
		colon = memchr(hp, ':', (size_t)(auth_end - hp));
		n = (size_t)((colon ? colon : auth_end) - hp);
		if (pct_decode(hp, n, 0, u->host, sizeof(u->host)))
			return db_set_error(e, DB_ERR_URL, "bad URL: invalid host name");
	}
	if (colon) {
		n = (size_t)(auth_end - colon - 1);
		if (n == 0 || n >= sizeof(u->port) || strspn(colon + 1, "0123456789") < n)
			return db_set_error(e, DB_ERR_URL, "bad URL: the port must be a number");
		memcpy(u->port, colon + 1, n);
	}
	if (*auth_end == '/') {
		const char *pe = auth_end + 1 + strcspn(auth_end + 1, "?#");

		if (pct_decode(auth_end + 1, (size_t)(pe - auth_end - 1), 0, u->path,
			       sizeof(u->path)))
			return db_set_error(e, DB_ERR_URL, "bad URL: invalid database name");
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
					return db_set_error(e, DB_ERR_URL,
							    "bad URL: too many parameters");
				k = store(u, q, (size_t)((eq ? eq : amp) - q), 1);
				v = eq ? store(u, eq + 1, (size_t)(amp - eq - 1), 1)
				       : store(u, "", 0, 1);
				if (!k || !v)
					return db_set_error(
						e, DB_ERR_URL,
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
	db_set_error(e, DB_ERR_URL,
		     "bad URL: unknown scheme '%.*s' (expected postgres:// or mysql://)",
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
