/*
 * db_my: the MySQL / MariaDB driver over the MariaDB Connector/C (<mysql.h>).
 *
 * Connections always use TCP, as Atlas's Go driver does ('localhost' would otherwise mean
 * the Unix socket), and allow multi-statement batches, which exec() needs.
 */
#include "db.h"

#include <errmsg.h>
#include <mysql.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct mydb {
	struct db base;
	MYSQL *m;
	char schema[256];
	int has_schema;
	char where[1024];
};

/* The error of the last call, worded as Go's MySQL driver words it. */
static int my_err(struct mydb *p, size_t stmt, struct db_error *e)
{
	unsigned code = mysql_errno(p->m);
	enum db_errkind kind = DB_ERR_SQL;

	if (code == CR_SERVER_GONE_ERROR || code == CR_SERVER_LOST || code == CR_CONN_HOST_ERROR)
		kind = DB_ERR_LOST;
	else if (code == CR_OUT_OF_MEMORY)
		kind = DB_ERR_NOMEM;
	db_set_error(e, kind, "Error %u (%s): %s", code, mysql_sqlstate(p->m), mysql_error(p->m));
	snprintf(e->sqlstate, sizeof(e->sqlstate), "%s", mysql_sqlstate(p->m));
	e->code = code;
	e->stmt = stmt;
	return -1;
}

/* "10s", "500ms", "1m": Go durations as the DSN's timeout takes them, to whole seconds. */
static unsigned dsn_seconds(const char *v, unsigned dflt)
{
	char *end;
	double x = strtod(v, &end);

	if (end == v || x < 0)
		return dflt;
	if (strcmp(end, "ms") == 0)
		x /= 1000;
	else if (strcmp(end, "m") == 0)
		x *= 60;
	else if (strcmp(end, "h") == 0)
		x *= 3600;
	else if (*end && strcmp(end, "s") != 0)
		return dflt;
	return x < 1 ? 1 : (unsigned)(x + 0.999);
}

static int my_open(const char *url, struct db **out, struct db_error *e)
{
	struct db_url *u;
	struct mydb *p;
	const char *charset, *host, *tmo;
	unsigned port = 3306, timeout = 10, proto = MYSQL_PROTOCOL_TCP;
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
	if (u->port[0])
		port = (unsigned)strtoul(u->port, NULL, 10);
	host = u->host[0] ? u->host : "localhost";
	charset = db_url_param(u, "charset");
	if (!charset || !charset[0])
		charset = "utf8mb4";
	else if (strchr(charset, ',')) /* Go's driver takes a list; the first one wins */
		*strchr((char *)charset, ',') = '\0';
	if ((tmo = db_url_param(u, "timeout")))
		timeout = dsn_seconds(tmo, timeout);
	snprintf(p->where, sizeof(p->where), "%s@%s:%u/%s", u->user[0] ? u->user : "(default)",
		 host, port, u->path);
	if (u->path[0]) {
		snprintf(p->schema, sizeof(p->schema), "%s", u->path);
		p->has_schema = 1;
	}
	p->base.drv = &db_my_driver;
	if (!(p->m = mysql_init(NULL))) {
		db_set_error(e, DB_ERR_NOMEM, "out of memory");
		goto out;
	}
	mysql_options(p->m, MYSQL_OPT_PROTOCOL, &proto);
	mysql_options(p->m, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	mysql_options(p->m, MYSQL_SET_CHARSET_NAME, charset);
	if (!mysql_real_connect(p->m, host, u->user[0] ? u->user : NULL,
				u->password[0] ? u->password : NULL, u->path[0] ? u->path : NULL,
				port, NULL, CLIENT_MULTI_STATEMENTS | CLIENT_MULTI_RESULTS)) {
		unsigned code = mysql_errno(p->m);

		switch (code) {
		case 1045: /* ER_ACCESS_DENIED_ERROR */
		case 1044: /* ER_DBACCESS_DENIED_ERROR */
		case 1698: /* ER_ACCESS_DENIED_NO_PASSWORD_ERROR */
			db_set_error(e, DB_ERR_AUTH, "authentication failed for %s: %s", p->where,
				     mysql_error(p->m));
			break;
		case 1049: /* ER_BAD_DB_ERROR */
			db_set_error(e, DB_ERR_NODB, "database '%s' does not exist on %s:%u",
				     u->path, host, port);
			break;
		case CR_CONNECTION_ERROR:
		case CR_CONN_HOST_ERROR:
		case CR_UNKNOWN_HOST:
		case CR_SERVER_LOST:
		case CR_SERVER_GONE_ERROR:
			db_set_error(e, DB_ERR_DOWN,
				     "server down or unreachable: cannot connect to %s:%u (%s)",
				     host, port, mysql_error(p->m));
			break;
		case 1115: /* ER_UNKNOWN_CHARACTER_SET */
		case 2019: /* CR_CANT_READ_CHARSET */
			db_set_error(e, DB_ERR_URL, "bad URL: unknown charset '%s'", charset);
			break;
		default:
			db_set_error(e, DB_ERR_CONN, "cannot connect to %s: %s", p->where,
				     mysql_error(p->m));
			break;
		}
		e->code = code;
		goto out;
	}
	*out = &p->base;
	p = NULL;
	rc = 0;
out:
	if (p) {
		if (p->m)
			mysql_close(p->m);
		free(p);
	}
	if (u) {
		memset(u, 0, sizeof(*u));
		free(u);
	}
	return rc;
}

static void my_close(struct db *db)
{
	struct mydb *p = (struct mydb *)db;

	mysql_close(p->m);
	free(p);
}

static int my_exec(struct db *db, const char *sql, size_t len, struct db_error *e)
{
	struct mydb *p = (struct mydb *)db;
	size_t done = 0;
	int st;

	if (mysql_real_query(p->m, sql, (unsigned long)len))
		return my_err(p, 0, e);
	do {
		MYSQL_RES *res = mysql_store_result(p->m);

		if (res)
			mysql_free_result(res);
		else if (mysql_field_count(p->m) != 0)
			return my_err(p, done, e);
		done++;
		st = mysql_next_result(p->m);
		if (st > 0)
			return my_err(p, done, e);
	} while (st == 0);
	return 0;
}

static int my_query(struct db *db, const char *sql, struct db_rows *rows, struct db_error *e)
{
	struct mydb *p = (struct mydb *)db;
	MYSQL_RES *res;
	MYSQL_ROW row;
	size_t nr, nc, i = 0;

	memset(rows, 0, sizeof(*rows));
	if (mysql_real_query(p->m, sql, (unsigned long)strlen(sql)))
		return my_err(p, 0, e);
	if (!(res = mysql_store_result(p->m)))
		return mysql_field_count(p->m) ? my_err(p, 0, e) : 0;
	nr = (size_t)mysql_num_rows(res);
	nc = mysql_num_fields(res);
	rows->cell = calloc(nr * nc + 1, sizeof(*rows->cell));
	if (!rows->cell) {
		mysql_free_result(res);
		return db_set_error(e, DB_ERR_NOMEM, "out of memory");
	}
	rows->nrows = nr;
	rows->ncols = nc;
	while ((row = mysql_fetch_row(res))) {
		unsigned long *lens = mysql_fetch_lengths(res);

		for (size_t j = 0; j < nc; j++) {
			char *v;

			if (!row[j])
				continue;
			if (!(v = malloc(lens[j] + 1))) {
				mysql_free_result(res);
				db_rows_free(rows);
				return db_set_error(e, DB_ERR_NOMEM, "out of memory");
			}
			memcpy(v, row[j], lens[j]);
			v[lens[j]] = '\0';
			rows->cell[i * nc + j] = v;
		}
		i++;
	}
	mysql_free_result(res);
	while (mysql_next_result(p->m) == 0) { /* a CALL's extra result sets */
		if ((res = mysql_store_result(p->m)))
			mysql_free_result(res);
	}
	return 0;
}

static int my_cmd(struct db *db, const char *cmd, struct db_error *e)
{
	return my_exec(db, cmd, strlen(cmd), e);
}

static int my_begin(struct db *db, struct db_error *e)
{
	return my_cmd(db, "START TRANSACTION", e);
}

static int my_commit(struct db *db, struct db_error *e)
{
	return my_cmd(db, "COMMIT", e);
}

static int my_rollback(struct db *db, struct db_error *e)
{
	return my_cmd(db, "ROLLBACK", e);
}

static int my_lock(struct db *db, const char *name, long long timeout_ms, struct db_error *e)
{
	struct mydb *p = (struct mydb *)db;
	struct db_rows r;
	struct buf sql;
	struct diag d;
	const char *v;
	int rc;

	buf_init(&sql, 0);
	diag_init(&d);
	if (buf_adds(&sql, "SELECT GET_LOCK(", &d) ||
	    db_my_driver.quote(db, name, strlen(name), &sql, &d) ||
	    buf_addf(&sql, &d, ", %lld)", timeout_ms <= 0 ? 0 : (timeout_ms + 999) / 1000)) {
		buf_release(&sql);
		return db_set_error(e, DB_ERR_NOMEM, "out of memory");
	}
	rc = my_query(db, sql.data, &r, e);
	buf_release(&sql);
	if (rc)
		return -1;
	v = db_cell(&r, 0, 0);
	rc = !v ? db_set_error(e, DB_ERR_SQL, "GET_LOCK failed on %s", p->where)
		: strcmp(v, "1") != 0;
	db_rows_free(&r);
	return rc;
}

static int my_unlock(struct db *db, const char *name, struct db_error *e)
{
	struct db_rows r;
	struct buf sql;
	struct diag d;
	int rc;

	buf_init(&sql, 0);
	diag_init(&d);
	if (buf_adds(&sql, "SELECT RELEASE_LOCK(", &d) ||
	    db_my_driver.quote(db, name, strlen(name), &sql, &d) || buf_adds(&sql, ")", &d)) {
		buf_release(&sql);
		return db_set_error(e, DB_ERR_NOMEM, "out of memory");
	}
	rc = my_query(db, sql.data, &r, e);
	buf_release(&sql);
	if (!rc)
		db_rows_free(&r);
	return rc;
}

static int my_quote(struct db *db, const char *s, size_t n, struct buf *out, struct diag *d)
{
	struct mydb *p = (struct mydb *)db;
	unsigned long w;

	if (buf_grow(out, 2 * n + 3, d))
		return -1;
	out->data[out->len++] = '\'';
	w = mysql_real_escape_string(p->m, out->data + out->len, s, (unsigned long)n);
	if (w == (unsigned long)-1)
		return diag_set(d, DIAG_IO, NULL, 0, 0, "cannot quote a string");
	out->len += w;
	out->data[out->len++] = '\'';
	out->data[out->len] = '\0';
	return 0;
}

static const char *my_schema(const struct db *db)
{
	const struct mydb *p = (const struct mydb *)db;

	return p->has_schema ? p->schema : NULL;
}

static const char *my_where(const struct db *db)
{
	return ((const struct mydb *)db)->where;
}

const struct db_driver db_my_driver = {
	.name = "mysql",
	.dialect = DB_MYSQL,
	.open = my_open,
	.close = my_close,
	.exec = my_exec,
	.query = my_query,
	.begin = my_begin,
	.commit = my_commit,
	.rollback = my_rollback,
	.lock = my_lock,
	.unlock = my_unlock,
	.quote = my_quote,
	.schema = my_schema,
	.where = my_where,
};
