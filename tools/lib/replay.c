/* replay: the model edits both dialect replays share, and the file loop. */
#include "replay.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "fsx.h"

int replay_error(struct replay *r, const struct sqlsplit_stmt *st, struct diag *d, const char *fmt,
		 ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vset(d, DIAG_PARSE, r->file, st ? st->line : 0, st ? 1 : 0, fmt, ap);
	va_end(ap);
	if (st && r->src)
		diag_source(d, r->src, r->srclen, st->off);
	return -1;
}

int replay_unsupported(struct replay *r, const struct sqlsplit_stmt *st, const char *what,
		       struct diag *d)
{
	return replay_error(r, st, d,
			    "%s is not modelled by the offline replay; run the diff in the "
			    "dev-database mode (DEV=1) for this directory",
			    what);
}

int replay_keep(struct replay *r, void *tree)
{
	void **slot = arena_push(r->a, (void **)&r->kept, &r->nkept, &r->capkept, sizeof(*slot));

	if (!slot) {
		json_decref(tree);
		return -1;
	}
	*slot = tree;
	return 0;
}

void replay_release(struct replay *r)
{
	for (size_t i = 0; i < r->nkept; i++)
		json_decref(r->kept[i]);
	r->nkept = 0;
}

int replay_init(struct replay *r, struct arena *a, struct schema_realm *realm,
		enum schema_dialect dialect, const char *schema, struct diag *d)
{
	struct schema_schema *s;

	memset(r, 0, sizeof(*r));
	memset(realm, 0, sizeof(*realm));
	r->a = a;
	r->realm = realm;
	r->schema = schema;
	realm->dialect = dialect;
	s = arena_push(a, (void **)&realm->schemas, &realm->nschemas, &realm->capschemas,
		       sizeof(*s));
	if (!s)
		return diag_nomem(d);
	s->name = schema;
	return 0;
}

int replay_file(struct replay *r, const char *path, const char *src, size_t len, struct diag *d)
{
	struct sqlsplit_stmt *st;
	size_t n;
	int pg = r->realm->dialect == SCHEMA_POSTGRES;

	r->file = path;
	r->src = src;
	r->srclen = len;
	if (sqlsplit(r->a, pg ? SQLSPLIT_POSTGRES : SQLSPLIT_MYSQL, path, src, len, &st, &n, d))
		return -1;
	for (size_t i = 0; i < n; i++)
		if (pg ? replay_pg(r, &st[i], d) : replay_my(r, &st[i], d))
			return -1;
	return 0;
}

struct schema_schema *replay_schema(struct replay *r, const char *name)
{
	for (size_t i = 0; i < r->realm->nschemas; i++)
		if (strcmp(r->realm->schemas[i].name, name) == 0)
			return &r->realm->schemas[i];
	return NULL;
}

struct schema_schema *replay_add_schema(struct replay *r, const struct sqlsplit_stmt *st,
					const char *name, struct diag *d)
{
	struct schema_schema *s;

	if (replay_schema(r, name)) {
		replay_error(r, st, d, "schema '%s' already exists", name);
		return NULL;
	}
	s = arena_push(r->a, (void **)&r->realm->schemas, &r->realm->nschemas,
		       &r->realm->capschemas, sizeof(*s));
	if (!s) {
		diag_nomem(d);
		return NULL;
	}
	s->name = arena_strdup(r->a, name);
	return s;
}

int replay_drop_schema(struct replay *r, const struct sqlsplit_stmt *st, const char *name,
		       struct diag *d)
{
	struct schema_schema *s = replay_schema(r, name);
	size_t i;

	if (!s)
		return replay_error(r, st, d, "schema '%s' does not exist", name);
	i = (size_t)(s - r->realm->schemas);
	memmove(s, s + 1, (r->realm->nschemas - i - 1) * sizeof(*s));
	r->realm->nschemas--;
	return 0;
}

struct schema_table *replay_table(struct schema_schema *s, const char *name)
{
	for (size_t i = 0; s && i < s->ntables; i++)
		if (strcmp(s->tables[i].name, name) == 0)
			return &s->tables[i];
	return NULL;
}

struct schema_table *replay_add_table(struct replay *r, const struct sqlsplit_stmt *st,
				      struct schema_schema *s, const char *name, struct diag *d)
{
	struct schema_table *t;

	if (replay_table(s, name)) {
		replay_error(r, st, d, "table '%s' already exists", name);
		return NULL;
	}
	t = arena_push(r->a, (void **)&s->tables, &s->ntables, &s->captables, sizeof(*t));
	if (!t) {
		diag_nomem(d);
		return NULL;
	}
	t->name = arena_strdup(r->a, name);
	return t;
}

int replay_drop_table(struct replay *r, const struct sqlsplit_stmt *st, struct schema_schema *s,
		      const char *name, struct diag *d)
{
	struct schema_table *t = replay_table(s, name);
	size_t i;

	if (!t)
		return replay_error(r, st, d, "table '%s' does not exist", name);
	i = (size_t)(t - s->tables);
	memmove(t, t + 1, (s->ntables - i - 1) * sizeof(*t));
	s->ntables--;
	return 0;
}

struct schema_column *replay_column(struct schema_table *t, const char *name)
{
	for (size_t i = 0; t && i < t->ncolumns; i++)
		if (strcmp(t->columns[i].name, name) == 0)
			return &t->columns[i];
	return NULL;
}

struct schema_column *replay_add_column(struct replay *r, const struct sqlsplit_stmt *st,
					struct schema_table *t, const char *name, const char *after,
					int first, struct diag *d)
{
	struct schema_column *c;
	size_t at = t->ncolumns;

	if (replay_column(t, name)) {
		replay_error(r, st, d, "column '%s' of table '%s' already exists", name, t->name);
		return NULL;
	}
	if (after) {
		struct schema_column *p = replay_column(t, after);

		if (!p) {
			replay_error(r, st, d, "AFTER: column '%s' of table '%s' does not exist",
				     after, t->name);
			return NULL;
		}
		at = (size_t)(p - t->columns) + 1;
	}
	if (first)
		at = 0;
	c = arena_push(r->a, (void **)&t->columns, &t->ncolumns, &t->capcolumns, sizeof(*c));
	if (!c) {
		diag_nomem(d);
		return NULL;
	}
	c = &t->columns[at];
	memmove(c + 1, c, (t->ncolumns - 1 - at) * sizeof(*c));
	memset(c, 0, sizeof(*c));
	c->name = arena_strdup(r->a, name);
	c->pos.line = st ? st->line : 0;
	return c;
}

/* Drops the parts (and indexes left with none) that name a dropped column. */
static void forget_column(struct schema_table *t, const char *name)
{
	for (size_t i = 0; i < t->nindexes;) {
		struct schema_index *ix = &t->indexes[i];
		int hit = 0;

		for (size_t k = 0; k < ix->nparts; k++)
			hit |= ix->parts[k].column && strcmp(ix->parts[k].column, name) == 0;
		if (hit) {
			/* PostgreSQL and MySQL drop an index with a column it covers (MySQL keeps
			 * multi-column ones minus the column; both remove it here when single). */
			memmove(ix, ix + 1, (t->nindexes - i - 1) * sizeof(*ix));
			t->nindexes--;
			continue;
		}
		i++;
	}
	for (size_t i = 0; i < t->nfks;) {
		int hit = 0;

		for (size_t k = 0; k < t->fks[i].ncolumns; k++)
			hit |= strcmp(t->fks[i].columns[k], name) == 0;
		if (hit) {
			memmove(&t->fks[i], &t->fks[i + 1], (t->nfks - i - 1) * sizeof(t->fks[0]));
			t->nfks--;
			continue;
		}
		i++;
	}
	if (t->pk) {
		for (size_t k = 0; k < t->pk->nparts; k++)
			if (t->pk->parts[k].column && strcmp(t->pk->parts[k].column, name) == 0)
				t->pk = NULL;
	}
}

int replay_drop_column(struct replay *r, const struct sqlsplit_stmt *st, struct schema_table *t,
		       const char *name, struct diag *d)
{
	struct schema_column *c = replay_column(t, name);
	size_t i;

	if (!c)
		return replay_error(r, st, d, "column '%s' of table '%s' does not exist", name,
				    t->name);
	i = (size_t)(c - t->columns);
	memmove(c, c + 1, (t->ncolumns - i - 1) * sizeof(*c));
	t->ncolumns--;
	forget_column(t, name);
	return 0;
}

struct schema_index *replay_index(struct schema_table *t, const char *name)
{
	for (size_t i = 0; t && i < t->nindexes; i++)
		if (t->indexes[i].name && strcmp(t->indexes[i].name, name) == 0)
			return &t->indexes[i];
	return NULL;
}

struct schema_table *replay_index_table(struct schema_schema *s, const char *name)
{
	for (size_t i = 0; s && i < s->ntables; i++)
		if (replay_index(&s->tables[i], name))
			return &s->tables[i];
	return NULL;
}

struct schema_index *replay_add_index(struct replay *r, const struct sqlsplit_stmt *st,
				      struct schema_table *t, const char *name, struct diag *d)
{
	struct schema_index *ix;

	if (name && replay_index(t, name)) {
		replay_error(r, st, d, "index '%s' already exists on table '%s'", name, t->name);
		return NULL;
	}
	ix = arena_push(r->a, (void **)&t->indexes, &t->nindexes, &t->capindexes, sizeof(*ix));
	if (!ix) {
		diag_nomem(d);
		return NULL;
	}
	ix->name = name ? arena_strdup(r->a, name) : NULL;
	ix->nulls_distinct = 1;
	return ix;
}

int replay_drop_index(struct replay *r, const struct sqlsplit_stmt *st, struct schema_table *t,
		      const char *name, struct diag *d)
{
	struct schema_index *ix = replay_index(t, name);
	size_t i;

	if (!ix)
		return replay_error(r, st, d, "index '%s' does not exist on table '%s'", name,
				    t ? t->name : "?");
	i = (size_t)(ix - t->indexes);
	memmove(ix, ix + 1, (t->nindexes - i - 1) * sizeof(*ix));
	t->nindexes--;
	return 0;
}

struct schema_fk *replay_add_fk(struct replay *r, struct schema_table *t, struct diag *d)
{
	struct schema_fk *fk =
		arena_push(r->a, (void **)&t->fks, &t->nfks, &t->capfks, sizeof(*fk));

	if (!fk)
		diag_nomem(d);
	return fk;
}

struct schema_check *replay_add_check(struct replay *r, struct schema_table *t, struct diag *d)
{
	struct schema_check *ck =
		arena_push(r->a, (void **)&t->checks, &t->nchecks, &t->capchecks, sizeof(*ck));

	if (!ck)
		diag_nomem(d);
	else
		ck->enforced = -1;
	return ck;
}

int replay_drop_constraint(struct replay *r, const struct sqlsplit_stmt *st, struct schema_table *t,
			   const char *name, struct diag *d)
{
	for (size_t i = 0; i < t->nchecks; i++)
		if (t->checks[i].name && strcmp(t->checks[i].name, name) == 0) {
			memmove(&t->checks[i], &t->checks[i + 1],
				(t->nchecks - i - 1) * sizeof(t->checks[0]));
			t->nchecks--;
			return 0;
		}
	for (size_t i = 0; i < t->nfks; i++)
		if (t->fks[i].name && strcmp(t->fks[i].name, name) == 0) {
			memmove(&t->fks[i], &t->fks[i + 1], (t->nfks - i - 1) * sizeof(t->fks[0]));
			t->nfks--;
			return 0;
		}
	for (size_t i = 0; i < t->nindexes; i++)
		if (t->indexes[i].constraint && t->indexes[i].name &&
		    strcmp(t->indexes[i].name, name) == 0)
			return replay_drop_index(r, st, t, name, d);
	if (t->pk && ((t->pk->name && strcmp(t->pk->name, name) == 0) ||
		      (!t->pk->name && strlen(name) == strlen(t->name) + 5 &&
		       strncmp(name, t->name, strlen(t->name)) == 0 &&
		       strcmp(name + strlen(t->name), "_pkey") == 0))) {
		t->pk = NULL;
		return 0;
	}
	return replay_error(r, st, d, "constraint '%s' of table '%s' does not exist", name,
			    t->name);
}

int replay_path(struct replay *r, const char *path, struct diag *d)
{
	struct stat st;
	struct buf b;
	char **names = NULL, full[4096];
	size_t n = 0;
	int rc = 0;

	buf_init(&b, 256u << 20);
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		if (fsx_list(path, ".sql", &names, &n, d))
			return -1;
	} else {
		names = calloc(1, sizeof(*names));
		if (!names || !(names[0] = strdup(path))) {
			free(names);
			return diag_nomem(d);
		}
		n = 1;
		path = NULL;
	}
	for (size_t i = 0; i < n && rc == 0; i++) {
		const char *file = names[i];
		char *keep;

		if (path && fsx_join(full, sizeof(full), path, names[i], d)) {
			rc = -1;
			break;
		}
		if (path)
			file = full;
		rc = fsx_read(file, &b, d);
		if (rc)
			break;
		keep = arena_strndup(r->a, b.data ? b.data : "", b.len);
		if (!keep || !(file = arena_strdup(r->a, file))) {
			rc = diag_nomem(d);
			break;
		}
		rc = replay_file(r, file, keep, b.len, d);
	}
	fsx_names_free(names, n);
	buf_release(&b);
	return rc;
}
