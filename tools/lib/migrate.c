/*
 * migrate: the apply engine and status. See migrate.h for the contract; the comments here
 * say where we follow Atlas (sql/migrate/migrate.go, cmd/atlas/internal/cmdapi) and where
 * we go further on purpose.
 */
#include "migrate.h"

#include <errno.h>
#include <jansson.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "db.h"
#include "fsx.h"
#include "sqlsplit.h"
#include "sum.h"

#define CLOUD_ID ".atlas_cloud_identifier"

enum { TYPE_BASELINE = 1, TYPE_EXECUTE = 2, TYPE_RESOLVED = 4 };

/* Return codes inside this file: the answer is no (1) or trouble (-1). */
#define NO 1

struct rev {
	char *version, *description;
	unsigned type;
	long long applied, total, executed_ns, exec_time;
	char *error, *error_stmt, *hash, *opver;
	char **partial;
	size_t npartial;
};

struct run {
	const struct migrate_opts *o;
	struct arena *a;
	struct diag *d;
	struct db *db;
	enum db_dialect dialect;
	enum sqlsplit_dialect split;
	struct migrate_file *files;
	size_t nfiles;
	struct rev *revs;
	size_t nrevs;
	const char *schema; /* of the revisions table */
	char *table;	    /* its quoted, qualified name */
	int table_exists;
	int in_tx; /* a transaction is open on the connection */
	struct buf q;
	struct db_error e;
};

/* ---- small things */

static long long wall_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static long long mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int dberr(struct run *r)
{
	enum diag_kind k = r->e.kind == DB_ERR_NOMEM ? DIAG_NOMEM : DIAG_IO;

	return diag_set(r->d, k, NULL, 0, 0, "%s", r->e.msg);
}

static void emit(struct run *r, struct migrate_event *ev)
{
	if (r->o->event)
		r->o->event(r->o->ctx, ev);
}

void migrate_opts_init(struct migrate_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->txmode = MIGRATE_TX_FILE;
	o->order = MIGRATE_LINEAR;
	o->lock_timeout_ms = MIGRATE_LOCK_TIMEOUT_MS;
}

void migrate_report_init(struct migrate_report *r)
{
	memset(r, 0, sizeof(*r));
	arena_init(&r->arena, 0);
}

void migrate_report_release(struct migrate_report *r)
{
	arena_release(&r->arena);
	memset(r, 0, sizeof(*r));
}

void migrate_status_init(struct migrate_status *s)
{
	memset(s, 0, sizeof(*s));
	arena_init(&s->arena, 0);
}

void migrate_status_release(struct migrate_status *s)
{
	arena_release(&s->arena);
	memset(s, 0, sizeof(*s));
}

int migrate_parse_duration(const char *s, long long *ms)
{
	static const struct {
		const char *unit;
		double ms;
	} units[] = { { "ns", 1e-6 }, { "us", 1e-3 }, { "\xc2\xb5s", 1e-3 }, { "ms", 1 },
		      { "s", 1e3 },   { "m", 6e4 },   { "h", 3.6e6 } };
	double total = 0;

	if (!s || !*s)
		return -1;
	if (strcmp(s, "0") == 0) {
		*ms = 0;
		return 0;
	}
	while (*s) {
		char *end;
		double v;
		size_t best = 0, u = 0;

		errno = 0;
		v = strtod(s, &end);
		if (end == s || errno || v < 0 || (*s != '.' && (*s < '0' || *s > '9')))
			return -1;
		for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
			size_t k = strlen(units[i].unit);

			if (strncmp(end, units[i].unit, k) == 0 && k > best)
				best = k, u = i;
		}
		if (!best)
			return -1;
		total += v * units[u].ms;
		s = end + best;
	}
	*ms = (long long)(total + 0.5);
	return 0;
}

/* Go's fmtFrac: v / 10^prec as "int[.frac]" with trailing zeros dropped. */
static void fmt_frac(char *out, size_t outsz, unsigned long long v, int prec, const char *unit)
{
	unsigned long long p = 1;
	char frac[16];
	int n;

	for (int i = 0; i < prec; i++)
		p *= 10;
	n = snprintf(frac, sizeof(frac), "%0*llu", prec, v % p);
	while (n > 0 && frac[n - 1] == '0')
		frac[--n] = '\0';
	snprintf(out, outsz, "%llu%s%s%s", v / p, n ? "." : "", frac, unit);
}

void migrate_fmt_duration(long long ns, char *out, size_t outsz)
{
	unsigned long long u = ns < 0 ? (unsigned long long)-ns : (unsigned long long)ns;
	char body[64], secs[48];
	size_t o = 0;

	if (ns < 0 && outsz > 1)
		out[o++] = '-';
	if (u == 0)
		snprintf(body, sizeof(body), "0s");
	else if (u < 1000ULL)
		snprintf(body, sizeof(body), "%lluns", u);
	else if (u < 1000000ULL)
		fmt_frac(body, sizeof(body), u, 3, "\xc2\xb5s");
	else if (u < 1000000000ULL)
		fmt_frac(body, sizeof(body), u, 6, "ms");
	else {
		unsigned long long s = u / 1000000000ULL, h = s / 3600, m = s / 60 % 60;

		fmt_frac(secs, sizeof(secs), u % 60000000000ULL, 9, "s");
		if (h)
			snprintf(body, sizeof(body), "%lluh%llum%s", h, m, secs);
		else if (m)
			snprintf(body, sizeof(body), "%llum%s", m, secs);
		else
			snprintf(body, sizeof(body), "%s", secs);
	}
	snprintf(out + o, outsz - o, "%s", body);
}

/* ---- the directory */

static void split_name(struct arena *a, const char *name, const char **version, const char **desc)
{
	size_t n = strlen(name), k;
	const char *us;

	if (n >= 4 && strcmp(name + n - 4, ".sql") == 0)
		n -= 4;
	us = memchr(name, '_', n);
	k = us ? (size_t)(us - name) : n;
	*version = arena_strndup(a, name, k);
	if (!us) {
		*desc = "";
	} else {
		/* Atlas: the part after the first '_' of the full name, '.sql' trimmed. */
		const char *rest = us + 1;
		size_t rl = strlen(rest);

		if (rl >= 4 && strcmp(rest + rl - 4, ".sql") == 0)
			rl -= 4;
		*desc = arena_strndup(a, rest, rl);
	}
}

/*
 * The atlas.sum check, then every migration file read into the arena with its version,
 * description, hash and checkpoint mark. Returns 1 on a checksum mismatch.
 */
static int load_dir(struct run *r, int *mismatch, unsigned *line, const char **file,
		    const char **reason)
{
	struct sum_file stored, now;
	struct sum_mismatch m;
	char **names = NULL;
	size_t n = 0, e = 0;
	struct buf b;
	int rc;

	sum_file_init(&stored);
	sum_file_init(&now);
	buf_init(&b, 0);
	rc = sum_check(r->o->dir, &stored, &now, &m, r->d);
	if (rc == 1) {
		*mismatch = 1;
		*line = m.file ? m.line : 0;
		*file = m.file ? arena_strdup(r->a, m.file) : NULL;
		*reason = m.file ? sum_reason_name(m.reason) : NULL;
		goto out;
	}
	if (rc < 0 || fsx_list(r->o->dir, ".sql", &names, &n, r->d)) {
		rc = -1;
		goto out;
	}
	r->files = arena_alloc(r->a, (n + 1) * sizeof(*r->files));
	if (!r->files) {
		rc = diag_nomem(r->d);
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		struct migrate_file *f = &r->files[i];
		char path[4096];
		char *data;

		if (fsx_join(path, sizeof(path), r->o->dir, names[i], r->d) ||
		    fsx_read(path, &b, r->d)) {
			rc = -1;
			goto out;
		}
		if (!(data = arena_alloc(r->a, b.len + 1)) ||
		    !(f->name = arena_strdup(r->a, names[i]))) {
			rc = diag_nomem(r->d);
			goto out;
		}
		memcpy(data, b.data, b.len);
		f->data = data;
		f->len = b.len;
		split_name(r->a, names[i], &f->version, &f->desc);
		if (!f->version || !f->desc) {
			rc = diag_nomem(r->d);
			goto out;
		}
		/* Both lists are in name order: walk the sum entries alongside. */
		while (e < now.n && strcmp(now.v[e].name, names[i]) < 0)
			e++;
		if (e < now.n && strcmp(now.v[e].name, names[i]) == 0)
			f->hash = arena_strdup(r->a, now.v[e].hash);
		f->checkpoint = sqlsplit_is_checkpoint(f->data, f->len);
	}
	r->nfiles = n;
	rc = 0;
out:
	buf_release(&b);
	fsx_names_free(names, n);
	sum_file_release(&stored);
	sum_file_release(&now);
	return rc;
}

/* The last file with version v, as Atlas's FilesLastIndex; checkpoints too unless skipped. */
static struct migrate_file *file_by_version(struct run *r, const char *v, int skip_ckpt)
{
	for (size_t i = r->nfiles; i-- > 0;)
		if (strcmp(r->files[i].version, v) == 0 && !(skip_ckpt && r->files[i].checkpoint))
			return &r->files[i];
	return NULL;
}

static struct rev *rev_by_version(struct run *r, const char *v)
{
	size_t lo = 0, hi = r->nrevs;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(r->revs[mid].version, v);

		if (c == 0)
			return &r->revs[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* ---- SQL text */

static int q_lit(struct run *r, const char *s)
{
	return r->db->drv->quote(r->db, s ? s : "", s ? strlen(s) : 0, &r->q, r->d);
}

static int q_ident(struct run *r, const char *s)
{
	return db_quote_ident(r->dialect, s, &r->q, r->d);
}

static int q_str(struct run *r, const char *s)
{
	return buf_adds(&r->q, s, r->d);
}

static int query(struct run *r, const char *sql, struct db_rows *rows)
{
	if (db_query(r->db, sql, rows, &r->e))
		return dberr(r);
	return 0;
}

static int exec(struct run *r, const char *sql, size_t len)
{
	if (db_exec(r->db, sql, len, &r->e))
		return dberr(r);
	return 0;
}

/* ---- the revisions table */

static const struct col {
	const char *name, *pg, *my, *zero;
} cols[] = {
	{ "version", "character varying NOT NULL", "varchar(255) NOT NULL", "''" },
	{ "description", "character varying NOT NULL", "varchar(255) NOT NULL", "''" },
	{ "type", "bigint NOT NULL DEFAULT 2", "bigint unsigned NOT NULL DEFAULT 2", NULL },
	{ "applied", "bigint NOT NULL DEFAULT 0", "bigint NOT NULL DEFAULT 0", NULL },
	{ "total", "bigint NOT NULL DEFAULT 0", "bigint NOT NULL DEFAULT 0", NULL },
	{ "executed_at", "timestamptz NOT NULL", "timestamp NOT NULL", "CURRENT_TIMESTAMP" },
	{ "execution_time", "bigint NOT NULL", "bigint NOT NULL", "0" },
	{ "error", "text NULL", "longtext NULL", NULL },
	{ "error_stmt", "text NULL", "longtext NULL", NULL },
	{ "hash", "character varying NOT NULL", "varchar(255) NOT NULL", "''" },
	{ "partial_hashes", "jsonb NULL", "json NULL", NULL },
	{ "operator_version", "character varying NOT NULL", "varchar(255) NOT NULL", "''" },
};
#define NCOLS (sizeof(cols) / sizeof(cols[0]))

static const char *coldef(const struct run *r, const struct col *c)
{
	return r->dialect == DB_POSTGRES ? c->pg : c->my;
}

/* Atlas's DDL for the table, one line, as its ent migration emits it. */
static int create_table_sql(struct run *r)
{
	buf_reset(&r->q);
	if (q_str(r, "CREATE TABLE ") || q_str(r, r->table) || q_str(r, " ("))
		return -1;
	for (size_t i = 0; i < NCOLS; i++)
		if (q_ident(r, cols[i].name) || q_str(r, " ") || q_str(r, coldef(r, &cols[i])) ||
		    q_str(r, ", "))
			return -1;
	if (q_str(r, "PRIMARY KEY (") || q_ident(r, "version") || q_str(r, "))"))
		return -1;
	if (r->dialect == DB_MYSQL && q_str(r, " CHARSET utf8mb4 COLLATE utf8mb4_bin"))
		return -1;
	return 0;
}

/* The column names of table 'atlas_schema_revisions' in schema s: *n = 0 when absent. */
static int table_columns(struct run *r, const char *s, struct db_rows *rows)
{
	buf_reset(&r->q);
	if (q_str(r, r->dialect == DB_POSTGRES
			     ? "SELECT column_name FROM information_schema.columns "
			       "WHERE table_schema = "
			     : "SELECT COLUMN_NAME FROM information_schema.COLUMNS "
			       "WHERE TABLE_SCHEMA = ") ||
	    q_lit(r, s) ||
	    q_str(r, r->dialect == DB_POSTGRES ? " AND table_name = " : " AND TABLE_NAME = ") ||
	    q_lit(r, MIGRATE_REVISIONS))
		return -1;
	return query(r, r->q.data, rows);
}

static int schema_exists(struct run *r, const char *s, int *yes)
{
	struct db_rows rows;

	buf_reset(&r->q);
	if (q_str(r, r->dialect == DB_POSTGRES
			     ? "SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = "
			     : "SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ") ||
	    q_lit(r, s) || query(r, r->q.data, &rows))
		return -1;
	*yes = rows.nrows > 0;
	db_rows_free(&rows);
	return 0;
}

/*
 * Chooses the schema of the revisions table, refuses Atlas's ambiguous case, and with
 * create set makes the schema, the table and any missing column.
 */
static int revisions_table(struct run *r, int create)
{
	const char *bound = r->db->drv->schema(r->db);
	struct db_rows rows;
	int have[NCOLS] = { 0 }, yes;

	r->schema = r->o->revisions_schema && r->o->revisions_schema[0] ? r->o->revisions_schema
		    : bound && bound[0]					? bound
									: MIGRATE_REVISIONS;
	buf_reset(&r->q);
	if (q_ident(r, r->schema) || q_str(r, ".") || q_ident(r, MIGRATE_REVISIONS) ||
	    !(r->table = arena_strdup(r->a, r->q.data)))
		return r->table ? -1 : diag_nomem(r->d);
	if (table_columns(r, r->schema, &rows))
		return -1;
	for (size_t i = 0; i < rows.nrows; i++)
		for (size_t c = 0; c < NCOLS; c++)
			if (db_cell(&rows, i, 0) && strcmp(db_cell(&rows, i, 0), cols[c].name) == 0)
				have[c] = 1;
	r->table_exists = rows.nrows > 0;
	db_rows_free(&rows);
	/* Atlas's safety check: the old default place holds a table, the bound schema none. */
	if (!r->table_exists && bound && bound[0] &&
	    !(r->o->revisions_schema && r->o->revisions_schema[0]) &&
	    strcmp(bound, MIGRATE_REVISIONS) != 0) {
		if (table_columns(r, MIGRATE_REVISIONS, &rows))
			return -1;
		yes = rows.nrows > 0;
		db_rows_free(&rows);
		if (yes)
			return diag_set(r->d, DIAG_USAGE, NULL, 0, 0,
					"ambiguous revision table: none in the connected schema "
					"'%s' but one in schema '%s'; say which to use with "
					"--revisions-schema, or drop the unused one",
					bound, MIGRATE_REVISIONS);
	}
	if (!create)
		return 0;
	if (!r->table_exists) {
		if (schema_exists(r, r->schema, &yes))
			return -1;
		if (!yes) {
			buf_reset(&r->q);
			if (q_str(r, r->dialect == DB_POSTGRES ? "CREATE SCHEMA "
							       : "CREATE DATABASE ") ||
			    q_ident(r, r->schema) || exec(r, r->q.data, r->q.len))
				return -1;
		}
		if (create_table_sql(r) || exec(r, r->q.data, r->q.len))
			return -1;
		r->table_exists = 1;
		return 0;
	}
	/* A table of an older Atlas: add what is missing (never drop anything). */
	for (size_t c = 0; c < NCOLS; c++) {
		const char *def = coldef(r, &cols[c]);

		if (have[c])
			continue;
		buf_reset(&r->q);
		if (q_str(r, "ALTER TABLE ") || q_str(r, r->table) || q_str(r, " ADD COLUMN ") ||
		    q_ident(r, cols[c].name) || q_str(r, " ") || q_str(r, def))
			return -1;
		if (cols[c].zero && strstr(def, "NOT NULL") && !strstr(def, "DEFAULT") &&
		    (q_str(r, " DEFAULT ") || q_str(r, cols[c].zero)))
			return -1;
		if (exec(r, r->q.data, r->q.len))
			return -1;
	}
	return 0;
}

/* "1700000000.123456" -> ns, without going through a double. */
static long long epoch_ns(const char *s)
{
	long long sec = 0, frac = 0, scale = 1000000000LL;
	int neg = *s == '-';

	if (neg)
		s++;
	for (; *s >= '0' && *s <= '9'; s++)
		sec = sec * 10 + (*s - '0');
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++)
			if (scale > 1) {
				scale /= 10;
				frac += (*s - '0') * scale;
			}
	return (neg ? -1 : 1) * (sec * 1000000000LL + frac);
}

static int cmp_rev(const void *a, const void *b)
{
	return strcmp(((const struct rev *)a)->version, ((const struct rev *)b)->version);
}

static char *dup_cell(struct run *r, const struct db_rows *rows, size_t i, size_t j)
{
	const char *v = db_cell(rows, i, j);

	return arena_strdup(r->a, v ? v : "");
}

/* partial_hashes: a JSON array of strings; JSON null, SQL NULL or '' mean none. */
static int parse_partial(struct run *r, const char *text, struct rev *rv)
{
	json_error_t je;
	json_t *j;
	size_t n;

	rv->partial = NULL;
	rv->npartial = 0;
	if (!text || !*text)
		return 0;
	if (!(j = json_loads(text, JSON_DECODE_ANY, &je)))
		return diag_set(r->d, DIAG_PARSE, NULL, 0, 0,
				"revision '%s': partial_hashes is not JSON: %s", rv->version,
				je.text);
	if (json_is_array(j) && (n = json_array_size(j)) > 0) {
		if (!(rv->partial = arena_alloc(r->a, n * sizeof(*rv->partial)))) {
			json_decref(j);
			return diag_nomem(r->d);
		}
		for (size_t i = 0; i < n; i++) {
			const char *s = json_string_value(json_array_get(j, i));

			if (!(rv->partial[i] = arena_strdup(r->a, s ? s : ""))) {
				json_decref(j);
				return diag_nomem(r->d);
			}
		}
		rv->npartial = n;
	}
	json_decref(j);
	return 0;
}

static int read_revisions(struct run *r)
{
	struct db_rows rows;
	size_t n = 0;

	r->revs = NULL;
	r->nrevs = 0;
	if (!r->table_exists)
		return 0;
	buf_reset(&r->q);
	if (q_str(r,
		  r->dialect == DB_POSTGRES
			  ? "SELECT version, description, type, applied, total, "
			    "extract(epoch FROM executed_at)::text, execution_time, error, "
			    "error_stmt, hash, partial_hashes::text, operator_version FROM "
			  : "SELECT version, description, type, applied, total, "
			    "UNIX_TIMESTAMP(executed_at), execution_time, error, error_stmt, hash, "
			    "partial_hashes, operator_version FROM ") ||
	    q_str(r, r->table) || query(r, r->q.data, &rows))
		return -1;
	r->revs = arena_alloc(r->a, (rows.nrows + 1) * sizeof(*r->revs));
	if (!r->revs) {
		db_rows_free(&rows);
		return diag_nomem(r->d);
	}
	for (size_t i = 0; i < rows.nrows; i++) {
		struct rev *rv = &r->revs[n];
		const char *v = db_cell(&rows, i, 0);

		if (!v || strcmp(v, CLOUD_ID) == 0)
			continue;
		rv->version = dup_cell(r, &rows, i, 0);
		rv->description = dup_cell(r, &rows, i, 1);
		rv->type = (unsigned)strtoul(db_cell(&rows, i, 2) ? db_cell(&rows, i, 2) : "0",
					     NULL, 10);
		rv->applied = atoll(db_cell(&rows, i, 3) ? db_cell(&rows, i, 3) : "0");
		rv->total = atoll(db_cell(&rows, i, 4) ? db_cell(&rows, i, 4) : "0");
		rv->executed_ns = epoch_ns(db_cell(&rows, i, 5) ? db_cell(&rows, i, 5) : "0");
		rv->exec_time = atoll(db_cell(&rows, i, 6) ? db_cell(&rows, i, 6) : "0");
		rv->error = dup_cell(r, &rows, i, 7);
		rv->error_stmt = dup_cell(r, &rows, i, 8);
		rv->hash = dup_cell(r, &rows, i, 9);
		rv->opver = dup_cell(r, &rows, i, 11);
		if (!rv->version || !rv->description || !rv->error || !rv->error_stmt ||
		    !rv->hash || !rv->opver) {
			db_rows_free(&rows);
			return diag_nomem(r->d);
		}
		if (parse_partial(r, db_cell(&rows, i, 10), rv)) {
			db_rows_free(&rows);
			return -1;
		}
		n++;
	}
	db_rows_free(&rows);
	/* Byte order, as Go compares versions; the database's collation may differ. */
	qsort(r->revs, n, sizeof(*r->revs), cmp_rev);
	r->nrevs = n;
	return 0;
}

/* JSON array text of the first n hashes ("h1:..." each); "null" when n is 0 and null set. */
static int partial_json(struct run *r, char **sums, size_t n, struct buf *out)
{
	if (n == 0)
		return buf_adds(out, "null", r->d);
	if (buf_adds(out, "[", r->d))
		return -1;
	for (size_t i = 0; i < n; i++)
		if (buf_addf(out, r->d, "%s\"%s\"", i ? "," : "", sums[i]))
			return -1;
	return buf_adds(out, "]", r->d);
}

static int q_time(struct run *r, long long ns)
{
	return buf_addf(&r->q, r->d, "%s(%lld.%06lld)",
			r->dialect == DB_POSTGRES ? "to_timestamp" : "FROM_UNIXTIME",
			ns / 1000000000LL, ns % 1000000000LL / 1000);
}

static int q_json(struct run *r, const char *json)
{
	if (q_lit(r, json))
		return -1;
	return r->dialect == DB_POSTGRES ? q_str(r, "::jsonb") : 0;
}

/*
 * Appends the upsert of revision rv (partial: the JSON text of partial_hashes). Like
 * Atlas's ent upsert, a conflict updates everything but version, description and
 * executed_at.
 */
static int q_upsert(struct run *r, const struct rev *rv, const char *partial)
{
	static const char *const upd[] = { "type",	     "applied",	       "total",
					   "execution_time", "error",	       "error_stmt",
					   "hash",	     "partial_hashes", "operator_version" };

	if (q_str(r, "INSERT INTO ") || q_str(r, r->table) || q_str(r, " ("))
		return -1;
	for (size_t i = 0; i < NCOLS; i++)
		if ((i && q_str(r, ", ")) || q_ident(r, cols[i].name))
			return -1;
	if (q_str(r, ") VALUES (") || q_lit(r, rv->version) || q_str(r, ", ") ||
	    q_lit(r, rv->description) ||
	    buf_addf(&r->q, r->d, ", %u, %lld, %lld, ", rv->type, rv->applied, rv->total) ||
	    q_time(r, rv->executed_ns) || buf_addf(&r->q, r->d, ", %lld, ", rv->exec_time) ||
	    q_lit(r, rv->error) || q_str(r, ", ") || q_lit(r, rv->error_stmt) || q_str(r, ", ") ||
	    q_lit(r, rv->hash) || q_str(r, ", ") || q_json(r, partial) || q_str(r, ", ") ||
	    q_lit(r, rv->opver) || q_str(r, ")"))
		return -1;
	if (q_str(r, r->dialect == DB_POSTGRES ? " ON CONFLICT (" : " ON DUPLICATE KEY UPDATE "))
		return -1;
	if (r->dialect == DB_POSTGRES && (q_ident(r, "version") || q_str(r, ") DO UPDATE SET ")))
		return -1;
	for (size_t i = 0; i < sizeof(upd) / sizeof(upd[0]); i++) {
		if ((i && q_str(r, ", ")) || q_ident(r, upd[i]) || q_str(r, " = "))
			return -1;
		if (r->dialect == DB_POSTGRES
			    ? (q_str(r, "excluded.") || q_ident(r, upd[i]))
			    : (q_str(r, "VALUES(") || q_ident(r, upd[i]) || q_str(r, ")")))
			return -1;
	}
	return 0;
}

/* ---- the history, the clean check and the pending files */

static const char *last_checkpoint_version(struct run *r)
{
	for (size_t i = r->nfiles; i-- > 0;)
		if (r->files[i].checkpoint)
			return r->files[i].version;
	return NULL;
}

/*
 * The atlas.sum running hash at file 'upto' (an index into r->files), leaving out the
 * files before it for which skip[i] is set: what the hash of 'upto' was when those files
 * were not there yet. out gets the base64 text.
 */
static int running_hash(struct run *r, size_t upto, const unsigned char *skip, char out[64])
{
	EVP_MD_CTX *c = EVP_MD_CTX_new();
	unsigned char md[EVP_MAX_MD_SIZE];
	int rc = -1;

	if (!c || !EVP_DigestInit_ex(c, EVP_sha256(), NULL)) {
		rc = diag_nomem(r->d);
		goto out;
	}
	for (size_t i = 0; i <= upto; i++) {
		const struct migrate_file *f = &r->files[i];

		if (i < upto && skip[i])
			continue;
		EVP_DigestUpdate(c, f->name, strlen(f->name));
		if (!sum_ignored(f->data, f->len))
			EVP_DigestUpdate(c, f->data, f->len);
	}
	if (!EVP_DigestFinal_ex(c, md, NULL)) {
		rc = diag_set(r->d, DIAG_IO, NULL, 0, 0, "sha-256 failed");
		goto out;
	}
	EVP_EncodeBlock((unsigned char *)out, md, 32);
	rc = 0;
out:
	EVP_MD_CTX_free(c);
	return rc;
}

/*
 * Whether revision rv's stored hash is the running hash at file fi once the files added
 * after rv are left out: those without a revision, or with a later one. A revision of the
 * same time (MySQL keeps whole seconds) may be either, so each way is tried, for up to 8
 * of them; with more the answer is yes, as there is no telling.
 */
static int history_matches(struct run *r, const struct rev *rv, size_t fi, unsigned char *late,
			   int *ok)
{
	size_t tie[8], nt = 0;
	char h[64];

	*ok = 0;
	for (size_t k = 0; k < fi; k++) {
		const struct rev *o = rev_by_version(r, r->files[k].version);

		late[k] = !o || o->executed_ns > rv->executed_ns;
		if (o && o->executed_ns == rv->executed_ns) {
			if (nt == sizeof(tie) / sizeof(tie[0])) {
				*ok = 1;
				return 0;
			}
			tie[nt++] = k;
		}
	}
	for (unsigned mask = 0; mask < (1u << nt); mask++) {
		for (size_t t = 0; t < nt; t++)
			late[tie[t]] = (mask >> t) & 1;
		if (running_hash(r, fi, late, h))
			return -1;
		if (strcmp(h, rv->hash) == 0) {
			*ok = 1;
			return 0;
		}
	}
	return 0;
}

/*
 * Beyond Atlas: an applied file must still be in the directory, unchanged. Its stored hash
 * is the running atlas.sum hash at the time it was applied, so it changes as well when a
 * file before it is edited, removed or renamed; that is wanted. Files that came later
 * (out of order: no revision, or a revision not older than this one) are left out of a
 * second try, so that linear-skip and non-linear histories keep passing. Files before the
 * last checkpoint may be gone (squashed into it).
 */
static int check_history(struct run *r)
{
	const char *ckpt = last_checkpoint_version(r);
	const struct rev *last = r->nrevs ? &r->revs[r->nrevs - 1] : NULL;
	unsigned char *late;

	for (size_t i = 0; i < r->nrevs; i++) {
		const struct rev *rv = &r->revs[i];

		if (!(rv->type & TYPE_EXECUTE) || file_by_version(r, rv->version, 0))
			continue;
		if ((ckpt && strcmp(rv->version, ckpt) < 0) ||
		    (rv == last && rv->applied != rv->total))
			continue;
		return diag_set(
			r->d, DIAG_MISMATCH, r->o->dir, 0, 0,
			"version '%s' was applied but its file (%s%s%s.sql) is no longer in "
			"the migration directory (removed or renamed after it was applied)",
			rv->version, rv->version, rv->description[0] ? "_" : "", rv->description);
	}
	if (!(late = arena_alloc(r->a, r->nfiles + 1)))
		return diag_nomem(r->d);
	for (size_t i = 0; i < r->nrevs; i++) {
		const struct rev *rv = &r->revs[i];
		const struct migrate_file *f;
		size_t fi;
		int ok;

		if (!(rv->type & TYPE_EXECUTE) || !rv->hash[0] || rv->applied != rv->total)
			continue;
		if (!(f = file_by_version(r, rv->version, 0)) || !f->hash ||
		    strcmp(f->hash, rv->hash) == 0)
			continue;
		fi = (size_t)(f - r->files);
		if (history_matches(r, rv, fi, late, &ok))
			return -1;
		if (!ok)
			return diag_set(
				r->d, DIAG_MISMATCH, r->o->dir, 0, 0,
				"applied migration '%s' no longer matches what was applied "
				"(atlas.sum hash h1:%s, recorded h1:%s): it, or a file before it, "
				"was edited, removed or renamed after it was applied",
				f->name, f->hash, rv->hash);
	}
	return 0;
}

/*
 * Atlas's CheckClean: nothing but the revisions table (and an empty 'public' on
 * PostgreSQL). *reason is set (arena) when the database is not clean.
 */
static int check_clean(struct run *r, const char **reason)
{
	const char *bound = r->db->drv->schema(r->db);
	struct db_rows rows;
	size_t i = 0;

	*reason = NULL;
	buf_reset(&r->q);
	if (bound && bound[0]) {
		if (q_str(r,
			  r->dialect == DB_POSTGRES
				  ? "SELECT n.nspname, c.relname FROM pg_catalog.pg_class c JOIN "
				    "pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE "
				    "c.relkind IN ('r', 'p') AND n.nspname = "
				  : "SELECT TABLE_SCHEMA, TABLE_NAME FROM "
				    "information_schema.TABLES "
				    "WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_SCHEMA = ") ||
		    q_lit(r, bound) || q_str(r, " ORDER BY 2") || query(r, r->q.data, &rows))
			return -1;
		/* Clean: no table, or only ours. Atlas names the first table; we name the
		 * first that is not ours. */
		for (; i < rows.nrows && !*reason; i++)
			if (strcmp(db_cell(&rows, i, 1), MIGRATE_REVISIONS) != 0 ||
			    strcmp(bound, r->schema) != 0)
				*reason = arena_printf(r->a, "found table \"%s\" in schema \"%s\"",
						       db_cell(&rows, i, 1), db_cell(&rows, i, 0));
		db_rows_free(&rows);
		return 0;
	}
	if (q_str(r,
		  r->dialect == DB_POSTGRES
			  ? "SELECT n.nspname, c.relname FROM pg_catalog.pg_namespace n LEFT JOIN "
			    "pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relkind IN "
			    "('r', 'p') WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> "
			    "'information_schema' ORDER BY 1, 2"
			  : "SELECT s.SCHEMA_NAME, t.TABLE_NAME FROM information_schema.SCHEMATA s "
			    "LEFT JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = "
			    "s.SCHEMA_NAME AND t.TABLE_TYPE = 'BASE TABLE' WHERE s.SCHEMA_NAME NOT "
			    "IN ('mysql', 'information_schema', 'performance_schema', 'sys') "
			    "ORDER BY 1, 2") ||
	    query(r, r->q.data, &rows))
		return -1;
	while (i < rows.nrows && !*reason) {
		const char *s = db_cell(&rows, i, 0);
		size_t j = i, ntab = 0;

		for (; j < rows.nrows && strcmp(db_cell(&rows, j, 0), s) == 0; j++)
			ntab += db_cell(&rows, j, 1) != NULL;
		if (ntab == 0 && r->dialect == DB_POSTGRES && strcmp(s, "public") == 0)
			;
		else if (ntab == 0 || strcmp(s, r->schema) != 0)
			*reason = arena_printf(r->a, "found schema \"%s\"", s);
		else if (ntab > 1)
			*reason = arena_printf(r->a, "found %zu tables in schema \"%s\"", ntab, s);
		else if (strcmp(db_cell(&rows, i, 1), MIGRATE_REVISIONS) != 0)
			*reason = arena_printf(r->a, "found table \"%s\" in schema \"%s\"",
					       db_cell(&rows, i, 1), s);
		i = j;
	}
	db_rows_free(&rows);
	return 0;
}

struct pending {
	const struct migrate_file **v, **ooo;
	size_t n, nooo;
	int nonlinear; /* out-of-order files refused (linear order) */
};

static int push_file(struct run *r, const struct migrate_file ***v, size_t *n, size_t *cap,
		     const struct migrate_file *f)
{
	const struct migrate_file **slot = arena_push(r->a, (void **)v, n, cap, sizeof(*slot));

	if (!slot)
		return diag_nomem(r->d);
	*slot = f;
	return 0;
}

/* The files from the last checkpoint on (all of them without one). */
static int from_last_checkpoint(struct run *r, struct pending *p, size_t *cap)
{
	size_t start = 0;

	for (size_t i = 0; i < r->nfiles; i++)
		if (r->files[i].checkpoint)
			start = i;
	for (size_t i = start; i < r->nfiles; i++)
		if (push_file(r, &p->v, &p->n, cap, &r->files[i]))
			return -1;
	return 0;
}

static int nonlinear_msg(struct run *r, const struct pending *p)
{
	struct buf b;
	int rc;

	buf_init(&b, 0);
	for (size_t i = 0; i < p->nooo; i++)
		if (buf_addf(&b, r->d, "%s%s", i ? ", " : "", p->ooo[i]->name)) {
			buf_release(&b);
			return -1;
		}
	rc = diag_set(r->d, DIAG_MISMATCH, r->o->dir, 0, 0,
		      "migration %s %s %s added out of order. See: "
		      "https://atlasgo.io/versioned/apply#non-linear-error",
		      p->nooo == 1 ? "file" : "files", b.data, p->nooo == 1 ? "was" : "were");
	buf_release(&b);
	return rc;
}

/*
 * Atlas's Executor.Pending. For status (status set) nothing is written or checked for
 * cleanliness, and out-of-order files are returned instead of refused.
 */
static int compute_pending(struct run *r, int status, struct pending *p)
{
	const struct migrate_file **migs = NULL;
	size_t nmigs = 0, mcap = 0, cap = 0, ocap = 0;

	memset(p, 0, sizeof(*p));
	for (size_t i = 0; i < r->nfiles; i++)
		if (!r->files[i].checkpoint && push_file(r, &migs, &nmigs, &mcap, &r->files[i]))
			return -1;
	if (r->nrevs == 0) {
		if (!status) {
			const char *reason;

			if (check_clean(r, &reason))
				return -1;
			if (reason && !r->o->allow_dirty && !r->o->baseline)
				return diag_set(r->d, DIAG_USAGE, NULL, 0, 0,
						"connected database is not clean: %s. baseline "
						"version or allow-dirty is required",
						reason);
		}
		if (!status && r->o->baseline) {
			size_t idx = nmigs;
			struct rev b = { 0 };

			for (size_t i = nmigs; i-- > 0;)
				if (strcmp(migs[i]->version, r->o->baseline) == 0) {
					idx = i;
					break;
				}
			if (idx == nmigs)
				return diag_set(r->d, DIAG_USAGE, NULL, 0, 0,
						"baseline version \"%s\" not found",
						r->o->baseline);
			b.version = (char *)migs[idx]->version;
			b.description = (char *)migs[idx]->desc;
			b.type = TYPE_BASELINE;
			b.executed_ns = wall_ns();
			b.error = b.error_stmt = b.hash = "";
			b.opver = MIGRATE_OPERATOR_VERSION;
			if (!r->o->dry_run) {
				buf_reset(&r->q);
				if (q_upsert(r, &b, "null") || exec(r, r->q.data, r->q.len))
					return -1;
			}
			for (size_t i = idx + 1; i < nmigs; i++)
				if (push_file(r, &p->v, &p->n, &cap, migs[i]))
					return -1;
			return 0;
		}
		return from_last_checkpoint(r, p, &cap);
	}
	{
		const struct rev *last = &r->revs[r->nrevs - 1];
		int partially = last->applied != last->total;
		size_t idx = nmigs, first = nmigs;

		if (partially && r->nfiles > 0) {
			struct migrate_file *f = file_by_version(r, last->version, 0);

			if (f && f->checkpoint) {
				if (push_file(r, &p->v, &p->n, &cap, f))
					return -1;
				for (const struct migrate_file *g = f + 1; g < r->files + r->nfiles;
				     g++)
					if (!g->checkpoint && push_file(r, &p->v, &p->n, &cap, g))
						return -1;
				return 0;
			}
		}
		if (nmigs == 0)
			return 0;
		for (size_t i = nmigs; i-- > 0;) {
			int c = strcmp(migs[i]->version, last->version);

			if (partially ? c == 0 : c <= 0) {
				idx = i;
				break;
			}
		}
		if (idx == nmigs) {
			if (partially)
				return diag_set(
					r->d, DIAG_MISMATCH, r->o->dir, 0, 0,
					"missing migration: revision \"%s%s%s.sql\" is "
					"partially applied but migration file was not found",
					last->version, last->description[0] ? "_" : "",
					last->description);
			for (size_t i = 0; i < nmigs; i++)
				if (push_file(r, &p->v, &p->n, &cap, migs[i]))
					return -1;
			return 0;
		}
		if (!partially)
			idx++;
		for (size_t i = 0; i < idx; i++)
			if (strcmp(migs[i]->version, r->revs[0].version) >= 0) {
				first = i;
				break;
			}
		if (first < idx && (status || r->o->order != MIGRATE_LINEAR_SKIP))
			for (size_t i = first; i < idx; i++)
				if (!rev_by_version(r, migs[i]->version) &&
				    push_file(r, &p->ooo, &p->nooo, &ocap, migs[i]))
					return -1;
		if (p->nooo && !status && r->o->order == MIGRATE_NON_LINEAR)
			for (size_t i = 0; i < p->nooo; i++)
				if (push_file(r, &p->v, &p->n, &cap, p->ooo[i]))
					return -1;
		for (size_t i = idx; i < nmigs; i++)
			if (push_file(r, &p->v, &p->n, &cap, migs[i]))
				return -1;
		if (p->nooo && (status || r->o->order == MIGRATE_LINEAR)) {
			p->nonlinear = 1;
			if (!status)
				return nonlinear_msg(r, p);
		}
	}
	return 0;
}

/* ---- executing */

struct file_plan {
	const struct migrate_file *f;
	const char *path; /* dir/name, for messages */
	struct sqlsplit_stmt *st;
	size_t n;
	char **sums; /* "h1:<b64>" cumulative */
	enum migrate_txmode mode;
};

static int stmt_sums(struct run *r, struct file_plan *fp)
{
	EVP_MD_CTX *run = EVP_MD_CTX_new(), *snap = EVP_MD_CTX_new();
	unsigned char md[EVP_MAX_MD_SIZE];
	char b64[64];
	int rc = -1;

	fp->sums = arena_alloc(r->a, (fp->n + 1) * sizeof(*fp->sums));
	if (!run || !snap || !fp->sums || !EVP_DigestInit_ex(run, EVP_sha256(), NULL)) {
		rc = diag_nomem(r->d);
		goto out;
	}
	for (size_t i = 0; i < fp->n; i++) {
		EVP_DigestUpdate(run, fp->st[i].text, fp->st[i].len);
		if (!EVP_MD_CTX_copy_ex(snap, run) || !EVP_DigestFinal_ex(snap, md, NULL)) {
			rc = diag_set(r->d, DIAG_IO, NULL, 0, 0, "sha-256 failed");
			goto out;
		}
		EVP_EncodeBlock((unsigned char *)b64, md, 32);
		if (!(fp->sums[i] = arena_printf(r->a, "h1:%s", b64))) {
			rc = diag_nomem(r->d);
			goto out;
		}
	}
	rc = 0;
out:
	EVP_MD_CTX_free(run);
	EVP_MD_CTX_free(snap);
	return rc;
}

/*
 * Scans a pending file, works out its transaction mode and, for a partially applied one,
 * checks its applied statements are unchanged (DIAG_MISMATCH). Errors name the file.
 */
static int plan_file(struct run *r, const struct migrate_file *f, struct file_plan *fp)
{
	const struct rev *old;
	enum sqlsplit_txmode m;
	char path[4096];

	memset(fp, 0, sizeof(*fp));
	fp->f = f;
	if (fsx_join(path, sizeof(path), r->o->dir, f->name, r->d) ||
	    !(fp->path = arena_strdup(r->a, path)) ||
	    sqlsplit(r->a, r->split, path, f->data, f->len, &fp->st, &fp->n, r->d) ||
	    sqlsplit_txmode(r->a, path, f->data, f->len, &m, r->d) || stmt_sums(r, fp))
		return -1;
	if (!f->hash)
		return diag_set(
			r->d, DIAG_USAGE, path, 0, 0,
			"cannot apply a file without an atlas.sum entry (atlas:sum ignore)");
	/* A partially applied file: the statements that ran must be the same ones. */
	if ((old = rev_by_version(r, f->version)))
		for (long long i = 0; i < old->applied; i++)
			if ((size_t)i >= fp->n || (size_t)i >= old->npartial ||
			    strcmp(fp->sums[i] + 3, strncmp(old->partial[i], "h1:", 3) == 0
							    ? old->partial[i] + 3
							    : old->partial[i]) != 0)
				return diag_set(r->d, DIAG_MISMATCH, r->o->dir, 0, 0,
						"history changed: statement %lld from file \"%s\" "
						"changed",
						i + 1, f->name);
	fp->mode = r->o->txmode;
	if (m != SQLSPLIT_TXMODE_UNSET) {
		enum migrate_txmode want =
			m == SQLSPLIT_TXMODE_NONE ? MIGRATE_TX_NONE : MIGRATE_TX_FILE;

		if (r->o->txmode == MIGRATE_TX_ALL)
			return diag_set(
				r->d, DIAG_USAGE, path, 0, 0,
				"cannot set txmode directive to \"%s\" when txmode \"all\" is "
				"set globally",
				want == MIGRATE_TX_NONE ? "none" : "file");
		fp->mode = want;
	}
	return 0;
}

static int rollback(struct run *r)
{
	struct db_error e;

	if (!r->in_tx)
		return 0;
	r->in_tx = 0;
	return r->db->drv->rollback(r->db, &e);
}

/*
 * Appends the per-statement revision update: applied = k, one more partial hash, errors
 * cleared (the last statement completes the revision with q_upsert instead). PostgreSQL appends on
 * the server (jsonb); MySQL gets the whole array, as Go's encoder writes it, while it stays small.
 */
static int q_progress(struct run *r, const struct file_plan *fp, size_t k, long long exec_time)
{
	if (q_str(r, "UPDATE ") || q_str(r, r->table) || q_str(r, " SET ") ||
	    q_ident(r, "applied") || buf_addf(&r->q, r->d, " = %zu, ", k) ||
	    q_ident(r, "partial_hashes") || q_str(r, " = "))
		return -1;
	if (r->dialect == DB_POSTGRES) {
		if (q_str(r, "(CASE WHEN jsonb_typeof(") || q_ident(r, "partial_hashes") ||
		    q_str(r, ") = 'array' THEN ") || q_ident(r, "partial_hashes") ||
		    q_str(r, " ELSE '[]'::jsonb END) || ") ||
		    buf_addf(&r->q, r->d, "'[\"%s\"]'::jsonb", fp->sums[k - 1]))
			return -1;
	} else if (k <= 1000) {
		struct buf j;
		int rc;

		buf_init(&j, 0);
		rc = partial_json(r, fp->sums, k, &j) || q_lit(r, j.data);
		buf_release(&j);
		if (rc)
			return -1;
	} else {
		if (q_str(r, "JSON_ARRAY_APPEND(IF(JSON_TYPE(") || q_ident(r, "partial_hashes") ||
		    q_str(r, ") = 'ARRAY', ") || q_ident(r, "partial_hashes") ||
		    q_str(r, ", JSON_ARRAY()), '$', ") || q_lit(r, fp->sums[k - 1]) ||
		    q_str(r, ")"))
			return -1;
	}
	if (q_str(r, ", ") || q_ident(r, "error") || q_str(r, " = '', ") ||
	    q_ident(r, "error_stmt") || q_str(r, " = '', ") || q_ident(r, "execution_time") ||
	    buf_addf(&r->q, r->d, " = %lld WHERE ", exec_time) || q_ident(r, "version") ||
	    q_str(r, " = ") || q_lit(r, fp->f->version))
		return -1;
	return 0;
}

/* The separator after a statement in a batch: a newline first, it may end in a comment. */
static int q_sep(struct run *r, const struct sqlsplit_stmt *st)
{
	return q_str(r, st->len && st->text[st->len - 1] == ';' ? "\n" : "\n;\n");
}

/* Appends the update that records a failed statement. */
static int q_failed(struct run *r, const struct migrate_file *f, const char *stmt,
		    const char *error, long long exec_time)
{
	return q_str(r, "UPDATE ") || q_str(r, r->table) || q_str(r, " SET ") ||
	       q_ident(r, "error") || q_str(r, " = ") || q_lit(r, error) || q_str(r, ", ") ||
	       q_ident(r, "error_stmt") || q_str(r, " = ") || q_lit(r, stmt) || q_str(r, ", ") ||
	       q_ident(r, "execution_time") || buf_addf(&r->q, r->d, " = %lld WHERE ", exec_time) ||
	       q_ident(r, "version") || q_str(r, " = ") || q_lit(r, f->version);
}

/*
 * One file, as Atlas's Executor.Execute, under fp->mode. Returns 0, 1 when a statement
 * failed, -1 on trouble.
 *
 * Round trips: each statement goes with what must happen with it. Where the file is one
 * PostgreSQL transaction, the revision is written once, with the last statement, and the
 * BEGIN travels with the first one and the COMMIT with the last: a one-statement file is
 * one round trip. Elsewhere (MySQL, tx none) the revision is marked started first, as
 * Atlas does, and every statement carries the update that records it.
 */
static int exec_file(struct run *r, struct migrate_report *rep, struct file_plan *fp, int all_first,
		     int all_last)
{
	const struct migrate_file *f = fp->f;
	struct rev *old = rev_by_version(r, f->version), rv;
	struct migrate_applied *ap;
	struct migrate_event ev = { 0 };
	long long t0 = mono_ns();
	int dry = r->o->dry_run, pg = r->dialect == DB_POSTGRES;
	int pg_tx = pg && fp->mode != MIGRATE_TX_NONE;
	int opens = fp->mode == MIGRATE_TX_FILE || (fp->mode == MIGRATE_TX_ALL && all_first);
	int closes = fp->mode == MIGRATE_TX_FILE || (fp->mode == MIGRATE_TX_ALL && all_last);
	const char *begin = pg ? "BEGIN;\n" : "START TRANSACTION;\n";
	int pending_begin = !dry && pg_tx && opens;
	struct buf j;

	memset(&rv, 0, sizeof(rv));
	if (old) {
		rv = *old;
		/* The edited tail of a partial file is what runs: count and hash it anew. */
		rv.total = (long long)fp->n;
		rv.hash = (char *)f->hash;
	} else {
		rv.version = (char *)f->version;
		rv.description = (char *)f->desc;
		rv.type = TYPE_EXECUTE;
		rv.total = (long long)fp->n;
		rv.hash = (char *)f->hash;
	}
	rv.executed_ns = wall_ns();
	rv.error = rv.error_stmt = "";
	rv.opver = MIGRATE_OPERATOR_VERSION;
	ap = &rep->applied[rep->napplied++]; /* room for every pending file was made */
	ap->stmts = arena_alloc(r->a, (fp->n + 1) * sizeof(*ap->stmts));
	if (!ap->stmts)
		return diag_nomem(r->d);
	ap->file = f;
	ap->start_ns = wall_ns();
	ap->skipped = (size_t)rv.applied;
	if (!dry && !pg_tx) { /* mark the file started (and open its transaction) */
		buf_init(&j, 0);
		buf_reset(&r->q);
		if ((opens && fp->mode != MIGRATE_TX_NONE && q_str(r, begin)) ||
		    partial_json(r, fp->sums, (size_t)rv.applied, &j) || q_upsert(r, &rv, j.data)) {
			buf_release(&j);
			return -1;
		}
		buf_release(&j);
		r->in_tx = fp->mode != MIGRATE_TX_NONE;
		if (exec(r, r->q.data, r->q.len)) {
			rollback(r);
			return -1;
		}
	}
	ev.kind = MIGRATE_EV_FILE;
	ev.file = f;
	ev.skip = (size_t)rv.applied;
	emit(r, &ev);
	/* An empty file (or none of it left) still passes once, to complete the revision. */
	for (size_t from = (size_t)rv.applied, k = from; k < fp->n || (k == from && k == fp->n);
	     k++) {
		const struct sqlsplit_stmt *st = k < fp->n ? &fp->st[k] : NULL;
		int last = k + 1 >= fp->n, base = 0;

		if (st) {
			ap->stmts[ap->nstmts++] = st->text;
			ev.kind = MIGRATE_EV_STMT;
			ev.index = k + 1;
			ev.stmt = st->text;
			emit(r, &ev);
		}
		if (dry)
			goto stmt_ok;
		/* [BEGIN] statement [record: progress, or the completed revision [COMMIT]] */
		buf_reset(&r->q);
		if (pending_begin) {
			if (q_str(r, begin))
				return -1;
			base = 1;
			r->in_tx = 1;
			pending_begin = 0;
		}
		if (st && (buf_add(&r->q, st->text, st->len, r->d) || q_sep(r, st)))
			return -1;
		if (last) {
			rv.applied = (long long)fp->n;
			rv.exec_time = mono_ns() - t0;
			if (q_upsert(r, &rv, "null") || (closes && q_str(r, ";\nCOMMIT")))
				return -1;
		} else if (!pg_tx && q_progress(r, fp, k + 1, mono_ns() - t0)) {
			return -1;
		}
		if (db_exec(r->db, r->q.data, r->q.len, &r->e)) {
			long long stmt_at = (long long)r->e.stmt - base;

			/* PostgreSQL refuses some statements in the implicit transaction. */
			if (st && stmt_at == 0 && r->e.kind == DB_ERR_SQL && pg && !pg_tx &&
			    strcmp(r->e.sqlstate, "25001") == 0 &&
			    db_exec(r->db, st->text, st->len, &r->e) == 0) {
				buf_reset(&r->q);
				if (last ? q_upsert(r, &rv, "null")
					 : q_progress(r, fp, k + 1, mono_ns() - t0))
					return -1;
				if (exec(r, r->q.data, r->q.len))
					return -1;
				goto stmt_ok;
			}
			if (!st || stmt_at != 0 || r->e.kind != DB_ERR_SQL) {
				dberr(r);
				rollback(r);
				return -1;
			}
			/* The statement failed: record it where it can outlive the rollback. */
			ap->error_stmt = st->text;
			ap->error = arena_strdup(&rep->arena, r->e.msg);
			ap->end_ns = wall_ns();
			if (!ap->error)
				return diag_nomem(r->d);
			if (!pg_tx) {
				buf_reset(&r->q);
				if (q_failed(r, f, st->text, ap->error, mono_ns() - t0))
					return -1;
				if (exec(r, r->q.data, r->q.len)) {
					rollback(r);
					return -1;
				}
			}
			rollback(r);
			diag_set(r->d, DIAG_MISMATCH, fp->path, st->line, 0,
				 "statement %zu failed: %s", k + 1, ap->error);
			ev.kind = MIGRATE_EV_ERROR;
			ev.error = ap->error;
			emit(r, &ev);
			return NO;
		}
		if (last && closes)
			r->in_tx = 0;
	stmt_ok:
		if (st) {
			ev.kind = MIGRATE_EV_STMT_DONE;
			emit(r, &ev);
		}
	}
	ap->end_ns = wall_ns();
	ev.kind = MIGRATE_EV_FILE_DONE;
	ev.ns = mono_ns() - t0;
	emit(r, &ev);
	return 0;
}

/* ---- the two entry points */

static int connect_and_lock(struct run *r, int lock)
{
	struct db_error e;
	int rc;

	if (db_open(r->o->url, &r->db, &r->e))
		return dberr(r);
	r->dialect = r->db->drv->dialect;
	r->split = r->dialect == DB_POSTGRES ? SQLSPLIT_POSTGRES : SQLSPLIT_MYSQL;
	if (!lock)
		return 0;
	rc = r->db->drv->lock(r->db, MIGRATE_LOCK_NAME, r->o->lock_timeout_ms, &e);
	if (rc < 0) {
		r->e = e;
		return dberr(r);
	}
	if (rc > 0) {
		char t[64];

		migrate_fmt_duration(r->o->lock_timeout_ms * 1000000LL, t, sizeof(t));
		return diag_set(
			r->d, DIAG_IO, NULL, 0, 0,
			"acquiring database lock: lock '%s' is held by another session "
			"(another migapply or atlas run on %s?); waited %s (--lock-timeout)",
			MIGRATE_LOCK_NAME, r->db->drv->where(r->db), t);
	}
	return 0;
}

static void run_init(struct run *r, const struct migrate_opts *o, struct arena *a, struct diag *d)
{
	memset(r, 0, sizeof(*r));
	r->o = o;
	r->a = a;
	r->d = d;
	buf_init(&r->q, 0);
}

static void run_release(struct run *r)
{
	if (r->db) {
		struct db_error e;

		rollback(r);
		r->db->drv->unlock(r->db, MIGRATE_LOCK_NAME, &e);
		db_close(r->db);
	}
	buf_release(&r->q);
}

static int check_opts(const struct migrate_opts *o, struct diag *d)
{
	if (!o->url || !o->url[0])
		return diag_set(d, DIAG_USAGE, NULL, 0, 0, "no database URL");
	if (!o->dir || !o->dir[0])
		return diag_set(d, DIAG_USAGE, NULL, 0, 0, "no migration directory");
	if (o->baseline && o->baseline[0] && o->allow_dirty)
		return diag_set(d, DIAG_USAGE, NULL, 0, 0,
				"baseline and allow-dirty are mutually exclusive");
	return 0;
}

int migrate_apply(const struct migrate_opts *o, struct migrate_report *rep, struct diag *d)
{
	struct pending p;
	struct file_plan *plans = NULL;
	struct run r;
	int rc = -1, mismatch = 0;

	if (check_opts(o, d))
		return -1;
	run_init(&r, o, &rep->arena, d);
	rep->start_ns = wall_ns();
	rc = load_dir(&r, &mismatch, &rep->sum_line, &rep->sum_file, &rep->sum_reason);
	if (rc) {
		rep->sum_mismatch = mismatch;
		rc = rc > 0 ? NO : -1;
		goto out;
	}
	rc = -1;
	if (connect_and_lock(&r, 1))
		goto out;
	rep->driver = r.db->drv->name;
	if (revisions_table(&r, !o->dry_run) || read_revisions(&r))
		goto out;
	if ((rc = check_history(&r)) || (rc = compute_pending(&r, 0, &p))) {
		rc = d->kind == DIAG_MISMATCH ? NO : -1;
		goto out;
	}
	rc = -1;
	/* A baseline may have been written: the revisions as Atlas logs them come after. */
	if (o->baseline && r.nrevs == 0 && !o->dry_run && read_revisions(&r))
		goto out;
	rep->current = r.nrevs ? r.revs[r.nrevs - 1].version : NULL;
	if (p.n == 0) {
		rep->end_ns = wall_ns();
		rc = 0;
		goto out;
	}
	if (o->amount && o->amount < p.n)
		p.n = o->amount;
	rep->pending = p.v;
	rep->npending = p.n;
	rep->target = p.v[p.n - 1]->version;
	/* Every file is scanned before anything runs: a bad file stops the run whole. */
	if (!(plans = arena_alloc(r.a, p.n * sizeof(*plans))) ||
	    !(rep->applied = arena_alloc(r.a, p.n * sizeof(*rep->applied)))) {
		diag_nomem(d);
		goto out;
	}
	for (size_t i = 0; i < p.n; i++)
		if (plan_file(&r, p.v[i], &plans[i])) {
			rc = d->kind == DIAG_MISMATCH ? NO : -1;
			goto out;
		}
	{
		struct migrate_event ev = { 0 };

		ev.kind = MIGRATE_EV_START;
		ev.from = rep->current;
		ev.to = rep->target;
		ev.npending = p.n;
		emit(&r, &ev);
	}
	rc = 0;
	for (size_t i = 0; i < p.n && rc == 0; i++)
		rc = exec_file(&r, rep, &plans[i], i == 0, i == p.n - 1);
	rep->end_ns = wall_ns();
out:
	if (rc < 0 && !rep->end_ns)
		rep->end_ns = wall_ns();
	run_release(&r);
	return rc;
}

int migrate_status(const struct migrate_opts *o, struct migrate_status *st, struct diag *d)
{
	struct pending p;
	struct run r;
	int rc, mismatch = 0;

	if (check_opts(o, d))
		return -1;
	run_init(&r, o, &st->arena, d);
	rc = load_dir(&r, &mismatch, &st->sum_line, &st->sum_file, &st->sum_reason);
	if (rc) {
		st->sum_mismatch = mismatch;
		rc = rc > 0 ? NO : -1;
		goto out;
	}
	rc = -1;
	if (connect_and_lock(&r, 0))
		goto out;
	st->driver = r.db->drv->name;
	if (revisions_table(&r, 0) || read_revisions(&r) || compute_pending(&r, 1, &p))
		goto out;
	if (r.nrevs) {
		struct migrate_revision *v = arena_alloc(r.a, r.nrevs * sizeof(*v));

		if (!v) {
			diag_nomem(d);
			goto out;
		}
		for (size_t i = 0; i < r.nrevs; i++) {
			const struct rev *rv = &r.revs[i];

			v[i] = (struct migrate_revision){
				rv->version,   rv->description, rv->type,
				rv->applied,   rv->total,	rv->executed_ns,
				rv->exec_time, rv->error,	rv->error_stmt,
				rv->hash,      rv->opver,	(const char **)rv->partial,
				rv->npartial
			};
		}
		st->applied = v;
		st->napplied = r.nrevs;
	}
	st->pending = p.v;
	st->npending = p.n;
	if (p.nonlinear) {
		struct diag tmp;

		diag_init(&tmp);
		r.d = &tmp;
		nonlinear_msg(&r, &p);
		r.d = d;
		st->error = arena_strdup(r.a, tmp.msg);
		st->status = "PENDING";
		st->out_of_order = p.ooo;
		st->nout_of_order = p.nooo;
		st->current = r.revs[r.nrevs - 1].version;
		st->next = "";
		rc = 0;
		goto out;
	}
	if (r.nrevs == 0) {
		st->available = p.v;
		st->navailable = p.n;
	} else {
		const struct migrate_file **all = arena_alloc(r.a, (r.nfiles + 1) * sizeof(*all));

		if (!all) {
			diag_nomem(d);
			goto out;
		}
		for (size_t i = 0; i < r.nfiles; i++)
			all[i] = &r.files[i];
		st->available = all;
		st->navailable = r.nfiles;
	}
	st->current = st->npending == st->navailable ? "No migration applied yet"
						     : r.revs[r.nrevs - 1].version;
	if (st->npending == 0) {
		st->status = "OK";
		st->next = "Already at latest version";
	} else {
		st->status = "PENDING";
		st->next = st->pending[0]->version;
		st->from_checkpoint = r.nrevs == 0 && st->pending[0]->checkpoint;
	}
	if (r.nrevs) {
		const struct rev *last = &r.revs[r.nrevs - 1];

		if (!(last->type & TYPE_RESOLVED) && last->applied < last->total) {
			struct migrate_file *f = file_by_version(&r, last->version, 0);
			struct sqlsplit_stmt *sv;
			size_t n;
			char path[4096];
			char *sql, *err;

			if (!f) {
				diag_set(d, DIAG_MISMATCH, o->dir, 0, 0,
					 "migration file with version \"%s\" not found",
					 last->version);
				rc = NO;
				goto out;
			}
			if (fsx_join(path, sizeof(path), o->dir, f->name, d) ||
			    sqlsplit(r.a, r.split, path, f->data, f->len, &sv, &n, d))
				goto out;
			sql = arena_strdup(r.a, last->error_stmt);
			err = arena_strdup(r.a, last->error);
			if (!sql || !err) {
				diag_nomem(d);
				goto out;
			}
			for (char *c = sql; *c; c++)
				*c = *c == '\n' ? ' ' : *c;
			for (char *c = err; *c; c++)
				*c = *c == '\n' ? ' ' : *c;
			st->sql = sql;
			st->error = err;
			st->count = (size_t)last->applied;
			st->total = n;
		}
	}
	rc = 0;
out:
	run_release(&r);
	return rc;
}

/* ---- a plan outside the migration directory (schema apply) */

int migrate_exec_script(const struct migrate_opts *o, const char *path, const char *src, size_t len,
			struct migrate_report *rep, struct diag *d)
{
	struct migrate_file *f;
	struct migrate_applied *ap;
	struct migrate_event ev;
	struct sqlsplit_stmt *st;
	struct run r;
	size_t n;
	int rc = -1, pg;

	if (!o->url || !o->url[0])
		return diag_set(d, DIAG_USAGE, NULL, 0, 0, "no database URL");
	run_init(&r, o, &rep->arena, d);
	rep->start_ns = wall_ns();
	if (connect_and_lock(&r, 1))
		goto out;
	rep->driver = r.db->drv->name;
	pg = r.dialect == DB_POSTGRES;
	if (sqlsplit(r.a, r.split, path, src, len, &st, &n, d))
		goto out;
	f = arena_alloc(r.a, sizeof(*f));
	ap = arena_alloc(r.a, sizeof(*ap));
	if (!f || !ap || !(ap->stmts = arena_alloc(r.a, (n + 1) * sizeof(*ap->stmts)))) {
		diag_nomem(d);
		goto out;
	}
	f->name = path;
	f->version = f->desc = "";
	f->data = src;
	f->len = len;
	ap->file = f;
	ap->start_ns = wall_ns();
	rep->applied = ap;
	rep->napplied = 1;
	memset(&ev, 0, sizeof(ev));
	ev.kind = MIGRATE_EV_FILE;
	ev.file = f;
	emit(&r, &ev);
	if (o->dry_run) {
		for (size_t i = 0; i < n; i++) {
			ev.kind = MIGRATE_EV_STMT;
			ev.index = i + 1;
			ev.stmt = ap->stmts[ap->nstmts++] = st[i].text;
			emit(&r, &ev);
		}
		ap->end_ns = rep->end_ns = wall_ns();
		rc = 0;
		goto out;
	}
	/*
	 * PostgreSQL runs the whole plan in one transaction: all of it or none (unless the
	 * tx mode is none: DROP DATABASE refuses to run in one). MySQL commits each DDL
	 * statement by itself; there the report says how far it got.
	 */
	pg = pg && o->txmode != MIGRATE_TX_NONE;
	if (pg) {
		if (r.db->drv->begin(r.db, &r.e)) {
			dberr(&r);
			goto out;
		}
		r.in_tx = 1;
	}
	for (size_t i = 0; i < n; i++) {
		ev.kind = MIGRATE_EV_STMT;
		ev.index = i + 1;
		ev.stmt = ap->stmts[ap->nstmts++] = st[i].text;
		emit(&r, &ev);
		if (exec(&r, st[i].text, st[i].len)) {
			ap->error_stmt = st[i].text;
			ap->error = arena_strdup(r.a, r.e.msg);
			ev.kind = MIGRATE_EV_ERROR;
			ev.error = ap->error;
			emit(&r, &ev);
			rollback(&r);
			rc = NO;
			goto done;
		}
		ev.kind = MIGRATE_EV_STMT_DONE;
		emit(&r, &ev);
	}
	if (pg) {
		r.in_tx = 0;
		if (r.db->drv->commit(r.db, &r.e)) {
			dberr(&r);
			goto out;
		}
	}
	rc = 0;
	ev.kind = MIGRATE_EV_FILE_DONE;
	ev.ns = wall_ns() - ap->start_ns;
	emit(&r, &ev);
done:
	ap->end_ns = rep->end_ns = wall_ns();
out:
	if (rc < 0 && !rep->end_ns)
		rep->end_ns = wall_ns();
	run_release(&r);
	return rc;
}
