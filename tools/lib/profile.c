/* profile: a server's normalisation of the model, without the server. */
#include "profile.h"

#include "pgexpr.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *profile_default(enum schema_dialect d)
{
	return d == SCHEMA_POSTGRES ? "postgres@18" : "mysql@8";
}

int profile_parse(const char *name, struct profile *p, struct diag *d)
{
	const char *at = strchr(name, '@');
	char fam[32];
	size_t fl;

	memset(p, 0, sizeof(*p));
	p->name = name;
	if (!at || at == name || (fl = (size_t)(at - name)) >= sizeof(fam) ||
	    sscanf(at + 1, "%d.%d", &p->major, &p->minor) < 1)
		return diag_set(d, DIAG_USAGE, NULL, 0, 0,
				"profile '%s': expected family@version, such as postgres@18, "
				"mysql@8 or mariadb@10.11",
				name);
	memcpy(fam, name, fl);
	fam[fl] = '\0';
	if (strcmp(fam, "postgres") == 0 || strcmp(fam, "postgresql") == 0) {
		p->dialect = SCHEMA_POSTGRES;
		if (p->major < 12)
			return diag_set(d, DIAG_USAGE, NULL, 0, 0,
					"profile '%s': PostgreSQL before 12 is not covered", name);
	} else if (strcmp(fam, "mysql") == 0) {
		p->dialect = SCHEMA_MYSQL;
		if (p->major != 8)
			return diag_set(d, DIAG_USAGE, NULL, 0, 0,
					"profile '%s': only MySQL 8 is covered", name);
	} else if (strcmp(fam, "mariadb") == 0 || strcmp(fam, "maria") == 0) {
		p->dialect = SCHEMA_MYSQL;
		p->mariadb = 1;
		if (p->major < 10)
			return diag_set(d, DIAG_USAGE, NULL, 0, 0,
					"profile '%s': MariaDB before 10 is not covered", name);
	} else {
		return diag_set(
			d, DIAG_USAGE, NULL, 0, 0,
			"profile '%s': unknown server family '%s' (postgres, mysql, mariadb)", name,
			fam);
	}
	return 0;
}

static int by_table(const void *x, const void *y)
{
	return strcmp(((const struct schema_table *)x)->name,
		      ((const struct schema_table *)y)->name);
}

static int by_index(const void *x, const void *y)
{
	const struct schema_index *a = x, *b = y;

	return strcmp(a->name ? a->name : "", b->name ? b->name : "");
}

static int by_fk(const void *x, const void *y)
{
	const struct schema_fk *a = x, *b = y;

	return strcmp(a->name ? a->name : "", b->name ? b->name : "");
}

/* Named checks by name; the server names unnamed ones <table>_check, so they sort there. */
static int by_check(const void *x, const void *y)
{
	const struct schema_check *a = x, *b = y;

	return strcmp(a->name ? a->name : "", b->name ? b->name : "");
}

/* MySQL 8 and MariaDB's default collation of a character set. */
static const char *default_collation(const struct profile *p, const char *charset)
{
	if (strcmp(charset, "utf8mb4") == 0)
		return p->mariadb ? "utf8mb4_general_ci" : "utf8mb4_0900_ai_ci";
	if (strcmp(charset, "utf8mb3") == 0 || strcmp(charset, "utf8") == 0)
		return "utf8mb3_general_ci";
	if (strcmp(charset, "latin1") == 0)
		return "latin1_swedish_ci";
	if (strcmp(charset, "ascii") == 0)
		return "ascii_general_ci";
	if (strcmp(charset, "binary") == 0)
		return "binary";
	return NULL;
}

static int mysql_table(struct arena *a, const struct profile *p, const struct schema_schema *s,
		       struct schema_table *t, struct diag *d)
{
	const char *cs = t->charset, *co = t->collate;

	if (!cs && !co) {
		cs = s->charset;
		co = s->collate;
	}
	if (!cs && co) {
		const char *us = strchr(co, '_');

		cs = us ? arena_strndup(a, co, (size_t)(us - co)) : co;
		if (!cs)
			return diag_nomem(d);
	}
	if (!cs)
		cs = "utf8mb4";
	if (!co)
		co = default_collation(p, cs);
	if (!co)
		return diag_set(d, DIAG_USAGE, NULL, 0, 0,
				"table '%s': profile %s does not know the default collation of "
				"charset '%s'; set collate",
				t->name, p->name, cs);
	t->charset = cs;
	t->collate = co;
	/* InnoDB is the default engine, and it builds a BTREE where HASH is asked for: the
	 * catalog says neither. */
	if (t->engine && strcmp(t->engine, "InnoDB") == 0)
		t->engine = NULL;
	for (size_t i = 0; !t->engine && i < t->nindexes; i++)
		if (t->indexes[i].type && strcmp(t->indexes[i].type, "HASH") == 0)
			t->indexes[i].type = NULL;
	for (size_t i = 0; i < t->ncolumns; i++) {
		struct schema_column *c = &t->columns[i];
		const char *us;

		/* A charset said without a collation takes its own default one, not the table's. */
		if (c->charset && !c->collate)
			c->collate = default_collation(p, c->charset);
		/* A collation names its charset: COLLATE latin1_bin is CHARSET latin1 too. */
		if (!c->charset && c->collate && (us = strchr(c->collate, '_')) &&
		    (strncmp(c->collate, t->charset, (size_t)(us - c->collate)) != 0 ||
		     t->charset[us - c->collate] != '\0') &&
		    !(c->charset = arena_strndup(a, c->collate, (size_t)(us - c->collate))))
			return diag_nomem(d);
		/* The table's charset said again on a column is no charset of its own. */
		if (c->charset && strcmp(c->charset, t->charset) == 0)
			c->charset = NULL;
		if (c->collate && strcmp(c->collate, t->collate) == 0)
			c->collate = NULL;
		/* A charset of its own brings that charset's default collation, as the server says.
		 */
		if (c->charset && !c->collate) {
			c->collate = default_collation(p, c->charset);
			if (!c->collate)
				return diag_set(
					d, DIAG_USAGE, NULL, 0, 0,
					"table '%s', column '%s': profile %s does not know the "
					"default collation of charset '%s'; set collate",
					t->name, c->name, p->name, c->charset);
		}
		/* decimal(p,s) keeps s digits: a default 0 comes back as 0.00. */
		if (strcmp(c->type.kind, "decimal") == 0 && c->type.has_scale &&
		    c->type.scale > 0 && c->default_kind == SCHEMA_DEFAULT_LITERAL) {
			char *end;
			double v = strtod(c->default_value, &end);

			if (end != c->default_value && *end == '\0') {
				c->default_value = arena_printf(a, "%.*f", (int)c->type.scale, v);
				if (!c->default_value)
					return diag_nomem(d);
			}
		}
		/* The server keeps bool as tinyint(1): its defaults come back as 0 and 1. */
		if (strcmp(c->type.kind, "bool") == 0 &&
		    c->default_kind == SCHEMA_DEFAULT_LITERAL) {
			if (strcmp(c->default_value, "true") == 0 ||
			    strcmp(c->default_value, "TRUE") == 0)
				c->default_value = "1";
			else if (strcmp(c->default_value, "false") == 0 ||
				 strcmp(c->default_value, "FALSE") == 0)
				c->default_value = "0";
		}
	}
	return 0;
}

static int index_error(const struct schema_table *t, const struct schema_index *ix,
		       const char *what, const struct profile *p, struct diag *d)
{
	char msg[sizeof(d->msg)];

	snprintf(msg, sizeof(msg), "%s", d->msg);
	return diag_set(d, d->kind, NULL, 0, 0, "table '%s', index '%s' %s (profile %s): %s",
			t->name, ix->name ? ix->name : "", what, p->name, msg);
}

/* CHECK expressions, predicates and index expressions as PostgreSQL prints them (pgexpr.h). */
static int profile_pg_table(struct arena *a, const struct profile *p, const struct schema_schema *s,
			    struct schema_table *t, int lenient, struct diag *d)
{
	struct pgexpr_column *cols = arena_alloc(a, (t->ncolumns + 1) * sizeof(*cols));

	(void)s;
	if (!cols)
		return diag_nomem(d);
	for (size_t i = 0; i < t->ncolumns; i++) {
		cols[i].name = t->columns[i].name;
		cols[i].type = t->columns[i].type.sql;
	}
	for (size_t i = 0; i < t->nchecks && !p->server_text; i++) {
		struct schema_check *ck = &t->checks[i];
		const char *out;

		if (pgexpr_check(a, ck->expr, cols, t->ncolumns, &out, d)) {
			char msg[sizeof(d->msg)];

			if (lenient) {
				diag_init(d);
				continue;
			}
			snprintf(msg, sizeof(msg), "%s", d->msg);
			diag_set(d, d->kind, NULL, 0, 0, "table '%s', check '%s' (profile %s): %s",
				 t->name, ck->name ? ck->name : "", p->name, msg);
			return -1;
		}
		ck->expr = out;
	}
	for (size_t i = 0; i < t->nindexes; i++) {
		struct schema_index *ix = &t->indexes[i];
		const char *out;

		/* The catalog names access methods in lower case: USING gin. */
		if (ix->type) {
			char *m = arena_strdup(a, ix->type);

			if (!m)
				return diag_nomem(d);
			for (char *c = m; *c; c++)
				*c = (char)tolower((unsigned char)*c);
			ix->type = m;
		}
		if (p->server_text)
			continue;
		if (ix->where) {
			if (pgexpr_predicate(a, ix->where, cols, t->ncolumns, &out, d)) {
				if (!lenient)
					return index_error(t, ix, "where", p, d);
				diag_init(d);
				out = ix->where;
			}
			ix->where = out;
		}
		for (size_t k = 0; k < ix->nparts; k++) {
			if (!ix->parts[k].expr)
				continue;
			if (pgexpr_index_expr(a, ix->parts[k].expr, cols, t->ncolumns, &out, d)) {
				if (!lenient)
					return index_error(t, ix, "expression", p, d);
				diag_init(d);
				out = ix->parts[k].expr;
			}
			ix->parts[k].expr = out;
		}
	}
	return 0;
}

/*
 * PostgreSQL enums come back in creation order, and Atlas's dev database creates each
 * just before the first table (in declaration order) that uses it; unused ones follow
 * in declaration order.
 */
static int pg_enum_order(struct arena *a, struct schema_schema *s, struct diag *d)
{
	struct schema_enum *v = arena_alloc(a, (s->nenums + 1) * sizeof(*v));
	char *taken = arena_alloc(a, s->nenums + 1);
	size_t n = 0;

	if (!v || !taken)
		return diag_nomem(d);
	for (size_t i = 0; i < s->ntables; i++)
		for (size_t k = 0; k < s->tables[i].ncolumns; k++) {
			const struct schema_type *t = &s->tables[i].columns[k].type;
			const char *name = t->enum_name ? t->enum_name
					   : t->elem	? t->elem->enum_name
							: NULL;

			for (size_t e = 0; name && e < s->nenums; e++)
				if (!taken[e] && strcmp(s->enums[e].name, name) == 0) {
					taken[e] = 1;
					v[n++] = s->enums[e];
				}
		}
	for (size_t e = 0; e < s->nenums; e++)
		if (!taken[e])
			v[n++] = s->enums[e];
	if (s->nenums)
		memcpy(s->enums, v, s->nenums * sizeof(*v));
	return 0;
}

/* Foreign keys without actions: the server reports its default explicitly. */
static void fk_actions(const struct profile *p, struct schema_table *t)
{
	const char *dflt = p->mariadb ? "RESTRICT" : "NO ACTION";

	for (size_t i = 0; i < t->nfks; i++) {
		if (!t->fks[i].on_update)
			t->fks[i].on_update = dflt;
		if (!t->fks[i].on_delete)
			t->fks[i].on_delete = dflt;
	}
}

int profile_apply(struct arena *a, const struct profile *p, struct schema_realm *realm,
		  struct diag *d)
{
	if (realm->nschemas && realm->dialect != p->dialect)
		return diag_set(d, DIAG_USAGE, NULL, 0, 0, "profile %s is for %s, the schema is %s",
				p->name, schema_dialect_name(p->dialect),
				schema_dialect_name(realm->dialect));
	for (size_t i = 0; i < realm->nschemas; i++) {
		struct schema_schema *s = &realm->schemas[i];

		if (p->dialect == SCHEMA_POSTGRES && pg_enum_order(a, s, d))
			return -1;
		if (s->ntables)
			qsort(s->tables, s->ntables, sizeof(*s->tables), by_table);
		for (size_t k = 0; k < s->ntables; k++) {
			struct schema_table *t = &s->tables[k];

			if (t->nindexes)
				qsort(t->indexes, t->nindexes, sizeof(*t->indexes), by_index);
			if (t->nfks)
				qsort(t->fks, t->nfks, sizeof(*t->fks), by_fk);
			if (t->nchecks)
				qsort(t->checks, t->nchecks, sizeof(*t->checks), by_check);
			fk_actions(p, t);
			if (p->dialect == SCHEMA_MYSQL && mysql_table(a, p, s, t, d))
				return -1;
			if (p->dialect == SCHEMA_POSTGRES &&
			    profile_pg_table(a, p, s, t, p->lenient || realm->normalized != NULL,
					     d))
				return -1;
		}
	}
	return 0;
}
