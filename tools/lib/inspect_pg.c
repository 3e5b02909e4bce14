/*
 * inspect_pg: PostgreSQL's catalog into the schema model.
 *
 * One query per kind of object (tables, columns, indexes with their keys, constraints,
 * enums) covers every table of the schemas asked for, so a large database costs five
 * round trips, not five per table. Every form is put the way the offline replay
 * (replay_pg.c) puts the DDL that made it, because "offline equals real" is what db2json
 * exists to prove: a type goes through the same schema_type_from_hcl() as the replay's
 * text, a default through the same pgexpr_literal(), names the server chose by default
 * are kept exactly where the replay keeps them.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "hcleval.h"
#include "inspect.h"
#include "pgexpr.h"

struct ipg {
	struct arena *a;
	struct db *db;
	struct schema_realm *realm;
	struct diag *d;
	const char *in;		      /* "('public','s2')": the schemas, as an SQL list */
	struct schema_schema *last_s; /* the table the previous row was about, and its schema */
	struct schema_table *last;
};

/* The schema condition every query has once; query() puts the list in. */
#define IN_SCHEMAS " n.nspname IN @schemas@"
/* Tables of the schemas, without the revisions table migapply keeps there. */
#define TABLES " c.relkind IN ('r', 'p') AND c.relname <> 'atlas_schema_revisions' AND" IN_SCHEMAS

static int query(struct ipg *p, const char *what, const char *sql, struct db_rows *rows)
{
	const char *at = strstr(sql, "@schemas@");
	struct db_error e;
	char *q = arena_printf(p->a, "%.*s%s%s", (int)(at - sql), sql, p->in, at + 9);

	memset(&e, 0, sizeof(e));
	if (!q)
		return diag_nomem(p->d);
	if (db_query(p->db, q, rows, &e))
		return diag_set(p->d, DIAG_IO, NULL, 0, 0, "reading the %s: %s", what, e.msg);
	return 0;
}

/* A cell copied into the arena; NULL stays NULL. */
static const char *cell(struct ipg *p, const struct db_rows *r, size_t i, size_t j, int *oom)
{
	const char *v = db_cell(r, i, j);
	const char *s;

	if (!v)
		return NULL;
	s = arena_strdup(p->a, v);
	if (!s)
		*oom = 1;
	return s;
}

static int is_true(const struct db_rows *r, size_t i, size_t j)
{
	const char *v = db_cell(r, i, j);

	return v && v[0] == 't';
}

/* A number cell; an identity without a sequence row counts from 1 by 1, as declared. */
static const char *num(const struct db_rows *r, size_t i, size_t j)
{
	return db_cell(r, i, j) ? db_cell(r, i, j) : "1";
}

static struct schema_schema *find_schema(struct ipg *p, const char *name)
{
	for (size_t i = 0; i < p->realm->nschemas; i++)
		if (strcmp(p->realm->schemas[i].name, name) == 0)
			return &p->realm->schemas[i];
	return NULL;
}

/*
 * The table a row names. Rows come grouped by table, so the previous answer is tried
 * first; a row about a table the table query did not return (a race with DDL) is NULL.
 */
static struct schema_table *find_table(struct ipg *p, const struct db_rows *r, size_t i)
{
	const char *sn = db_cell(r, i, 0), *tn = db_cell(r, i, 1);
	struct schema_schema *s;

	if (p->last && strcmp(p->last->name, tn) == 0 && strcmp(p->last_s->name, sn) == 0)
		return p->last;
	s = find_schema(p, sn);
	for (size_t k = 0; s && k < s->ntables; k++)
		if (strcmp(s->tables[k].name, tn) == 0) {
			p->last_s = s;
			return p->last = &s->tables[k];
		}
	return NULL;
}

/* Fresh databases have it: the replay, which starts from one, knows nothing else. */
static const char template_comment[] = "standard public schema";

/*
 * Schemas in creation (oid) order, public first, as the replay keeps them: the profile
 * does not sort schemas, so this is the order both sides print.
 */
static int read_schemas(struct ipg *p, const char *const *names, size_t n)
{
	static const char sql[] =
		"SELECT n.nspname, pg_catalog.obj_description(n.oid, 'pg_namespace')"
		" FROM pg_catalog.pg_namespace n WHERE" IN_SCHEMAS " ORDER BY n.oid";
	struct db_rows r;
	int oom = 0;

	if (query(p, "schemas", sql, &r))
		return -1;
	for (size_t i = 0; i < r.nrows; i++) {
		struct schema_schema *s =
			arena_push(p->a, (void **)&p->realm->schemas, &p->realm->nschemas,
				   &p->realm->capschemas, sizeof(*s));

		if (!s) {
			oom = 1;
			break;
		}
		s->name = cell(p, &r, i, 0, &oom);
		s->comment = cell(p, &r, i, 1, &oom);
		if (s->comment && strcmp(s->name, "public") == 0 &&
		    strcmp(s->comment, template_comment) == 0)
			s->comment = NULL;
	}
	db_rows_free(&r);
	if (oom)
		return diag_nomem(p->d);
	for (size_t i = 0; i < n; i++)
		if (!find_schema(p, names[i]))
			return diag_set(p->d, DIAG_IO, NULL, 0, 0, "schema '%s' does not exist",
					names[i]);
	return 0;
}

/*
 * Tables in creation (oid) order, as the replay adds them: the profile orders PostgreSQL
 * enums by the first table that uses one, then sorts the tables by name.
 */
static int read_tables(struct ipg *p)
{
	static const char sql[] =
		"SELECT n.nspname, c.relname, pg_catalog.obj_description(c.oid, 'pg_class')"
		" FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = "
		"c.relnamespace"
		" WHERE" TABLES " ORDER BY c.oid";
	struct db_rows r;
	int oom = 0;

	if (query(p, "tables", sql, &r))
		return -1;
	for (size_t i = 0; i < r.nrows && !oom; i++) {
		struct schema_schema *s = find_schema(p, db_cell(&r, i, 0));
		struct schema_table *t;

		if (!s)
			continue;
		t = arena_push(p->a, (void **)&s->tables, &s->ntables, &s->captables, sizeof(*t));
		if (!t) {
			oom = 1;
			break;
		}
		t->name = cell(p, &r, i, 1, &oom);
		t->comment = cell(p, &r, i, 2, &oom);
	}
	db_rows_free(&r);
	return oom ? diag_nomem(p->d) : 0;
}

/* A type as the replay makes it from the same text: "character varying(10)", "text[]". */
static int type_from_text(struct ipg *p, const char *text, struct schema_type *t)
{
	char *low = arena_strdup(p->a, text);
	struct hcl_value v;

	if (!low)
		return diag_nomem(p->d);
	for (char *c = low; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	memset(&v, 0, sizeof(v));
	v.kind = HV_RAW;
	v.s = low;
	v.slen = strlen(low);
	if (schema_type_from_hcl(p->a, SCHEMA_POSTGRES, NULL, &v, 0, t, p->d))
		return -1;
	t->raw = 0;
	/* An array prints as its element does: "timestamptz[]", not the server's words. */
	if (t->elem) {
		t->sql = arena_printf(p->a, "%s[]", t->elem->sql);
		if (!t->sql)
			return diag_nomem(p->d);
	}
	return 0;
}

/* An enum type (or an array of one): named, not spelled. */
static int enum_type(struct ipg *p, const char *name, const char *schema, int array,
		     struct schema_type *t)
{
	memset(t, 0, sizeof(*t));
	if (array) {
		t->kind = "array";
		t->sql = arena_printf(p->a, "%s[]", name);
		t->elem = arena_alloc(p->a, sizeof(*t->elem));
		if (!t->sql || !t->elem)
			return diag_nomem(p->d);
		t = t->elem;
	}
	t->kind = "enum";
	t->sql = t->enum_name = name;
	t->enum_schema = schema;
	return 0;
}

/* The default as the replay classifies the DDL's: a literal's value, else the expression. */
static int set_default(struct ipg *p, struct schema_column *c, const char *text)
{
	const char *v = NULL;
	int lit = pgexpr_literal(p->a, text, &v);

	if (lit < 0)
		return diag_nomem(p->d);
	c->default_kind = lit ? SCHEMA_DEFAULT_LITERAL : SCHEMA_DEFAULT_EXPR;
	c->default_value = lit ? v : text;
	return 0;
}

/* serial, bigserial, smallserial: the integer type whose default an owned sequence feeds. */
static const char *serial_of(const char *type)
{
	return strcmp(type, "integer") == 0    ? "serial"
	       : strcmp(type, "bigint") == 0   ? "bigserial"
	       : strcmp(type, "smallint") == 0 ? "smallserial"
					       : NULL;
}

enum {
	COL_NAME = 2,
	COL_TYPE,
	COL_NOTNULL,
	COL_DEFAULT,
	COL_IDENTITY,
	COL_GENERATED,
	COL_COMMENT,
	COL_ENUM,
	COL_ENUM_SCHEMA,
	COL_ENUM_ARRAY,
	COL_SEQ_START,
	COL_SEQ_INCREMENT,
	COL_SERIAL,
};

static int read_columns(struct ipg *p)
{
	/*
	 * The sequence a column owns: its identity's (deptype 'i') or its serial's ('a'); a
	 * serial is a default that is exactly nextval() of that sequence.
	 */
	static const char sql[] =
		"SELECT n.nspname, c.relname, a.attname,"
		" pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,"
		" pg_catalog.pg_get_expr(ad.adbin, ad.adrelid), a.attidentity, a.attgenerated,"
		" pg_catalog.col_description(c.oid, a.attnum),"
		" CASE WHEN et.typtype = 'e' THEN et.typname END,"
		" CASE WHEN et.typtype = 'e' THEN etn.nspname END, et.oid <> t.oid,"
		" sq.seqstart, sq.seqincrement,"
		" sq.deptype = 'a' AND pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) ="
		"  pg_catalog.format('nextval(%L::regclass)', sq.seqrelid::pg_catalog.regclass)"
		" FROM pg_catalog.pg_attribute a"
		" JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
		" JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
		" JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
		" JOIN pg_catalog.pg_type et"
		"  ON et.oid = CASE WHEN t.typcategory = 'A' THEN t.typelem ELSE t.oid END"
		" JOIN pg_catalog.pg_namespace etn ON etn.oid = et.typnamespace"
		" LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = "
		"a.attnum"
		" LEFT JOIN LATERAL (SELECT s.seqrelid, s.seqstart, s.seqincrement, dep.deptype"
		"  FROM pg_catalog.pg_depend dep JOIN pg_catalog.pg_sequence s ON s.seqrelid = "
		"dep.objid"
		"  WHERE dep.classid = 'pg_catalog.pg_class'::pg_catalog.regclass"
		"  AND dep.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass"
		"  AND dep.refobjid = c.oid AND dep.refobjsubid = a.attnum AND dep.deptype IN "
		"('a', 'i')"
		"  LIMIT 1) sq ON true"
		" WHERE" TABLES " AND a.attnum > 0 AND NOT a.attisdropped"
		" ORDER BY c.oid, a.attnum";
	struct db_rows r;
	int oom = 0, rc = 0;

	if (query(p, "columns", sql, &r))
		return -1;
	for (size_t i = 0; i < r.nrows && !oom && !rc; i++) {
		struct schema_table *t = find_table(p, &r, i);
		struct schema_column *c;
		const char *type = db_cell(&r, i, COL_TYPE), *def = db_cell(&r, i, COL_DEFAULT);
		const char *ident = db_cell(&r, i, COL_IDENTITY),
			   *gen = db_cell(&r, i, COL_GENERATED);

		if (!t)
			continue;
		c = arena_push(p->a, (void **)&t->columns, &t->ncolumns, &t->capcolumns,
			       sizeof(*c));
		if (!c) {
			oom = 1;
			break;
		}
		c->name = cell(p, &r, i, COL_NAME, &oom);
		c->nullable = !is_true(&r, i, COL_NOTNULL);
		c->comment = cell(p, &r, i, COL_COMMENT, &oom);
		if (db_cell(&r, i, COL_ENUM))
			rc = enum_type(p, cell(p, &r, i, COL_ENUM, &oom),
				       cell(p, &r, i, COL_ENUM_SCHEMA, &oom),
				       is_true(&r, i, COL_ENUM_ARRAY), &c->type);
		else if (is_true(&r, i, COL_SERIAL) && serial_of(type))
			rc = type_from_text(p, serial_of(type), &c->type);
		else
			rc = type_from_text(p, type, &c->type);
		if (rc)
			break;
		if (ident && *ident) {
			c->identity = ident[0] == 'a' ? "ALWAYS" : "BY DEFAULT";
			c->identity_start = strtoll(num(&r, i, COL_SEQ_START), NULL, 10);
			c->identity_increment = strtoll(num(&r, i, COL_SEQ_INCREMENT), NULL, 10);
		} else if (gen && gen[0] == 's') {
			c->generated_expr = cell(p, &r, i, COL_DEFAULT, &oom);
			c->generated_type = "STORED";
		} else if (def && !is_true(&r, i, COL_SERIAL)) {
			const char *v = cell(p, &r, i, COL_DEFAULT, &oom);

			rc = v ? set_default(p, c, v) : 0;
		}
	}
	db_rows_free(&r);
	return oom ? diag_nomem(p->d) : rc;
}

/* The name the server gives a primary key nobody named, which the model leaves out. */
static int default_pk_name(const struct schema_table *t, const char *name)
{
	size_t n = strlen(t->name);

	return strlen(name) == n + 5 && strncmp(name, t->name, n) == 0 &&
	       strcmp(name + n, "_pkey") == 0;
}

enum {
	IX_NAME = 2,
	IX_UNIQUE,
	IX_PRIMARY,
	IX_CONSTRAINT,
	IX_METHOD,
	IX_WHERE,
	IX_NULLS_NOT_DISTINCT,
	IX_COMMENT,
	IX_ORD,
	IX_INCLUDED,
	IX_COLUMN,
	IX_EXPR,
	IX_OPCLASS,
	IX_DESC,
	IX_NULLS_FIRST,
};

/* One key (or INCLUDE column) of the index the row is about. */
static int index_part(struct ipg *p, struct schema_index *ix, const struct db_rows *r, size_t i,
		      int *oom)
{
	struct schema_part *pt;

	if (is_true(r, i, IX_INCLUDED)) {
		const char **v = arena_alloc(p->a, (ix->ninclude + 1) * sizeof(*v));

		if (!v)
			return diag_nomem(p->d);
		if (ix->ninclude)
			memcpy(v, ix->include, ix->ninclude * sizeof(*v));
		v[ix->ninclude++] = cell(p, r, i, IX_COLUMN, oom);
		ix->include = v;
		return 0;
	}
	pt = arena_alloc(p->a, (ix->nparts + 1) * sizeof(*pt));
	if (!pt)
		return diag_nomem(p->d);
	if (ix->nparts)
		memcpy(pt, ix->parts, ix->nparts * sizeof(*pt));
	ix->parts = pt;
	pt += ix->nparts++;
	if (db_cell(r, i, IX_COLUMN))
		pt->column = cell(p, r, i, IX_COLUMN, oom);
	else
		pt->expr = cell(p, r, i, IX_EXPR, oom);
	pt->ops = cell(p, r, i, IX_OPCLASS, oom);
	pt->desc = is_true(r, i, IX_DESC);
	/* Only an order that is not the direction's default: DESC puts NULLs first. */
	pt->nulls_first = !pt->desc && is_true(r, i, IX_NULLS_FIRST);
	pt->nulls_last = pt->desc && !is_true(r, i, IX_NULLS_FIRST);
	return 0;
}

/*
 * Indexes, primary keys and UNIQUE constraints, one row per key. Exclusion constraints
 * and indexes that back no key of the model are left out with them.
 */
static int read_indexes(struct ipg *p)
{
	static const char sql[] =
		"SELECT n.nspname, c.relname, i.relname, x.indisunique, x.indisprimary,"
		" con.contype = 'u', am.amname, pg_catalog.pg_get_expr(x.indpred, x.indrelid),"
		" pg_catalog.to_jsonb(x) ->> 'indnullsnotdistinct',"
		" pg_catalog.obj_description(i.oid, 'pg_class'), k.ord, k.ord > x.indnkeyatts,"
		" a.attname, CASE WHEN k.attnum = 0 THEN"
		"  pg_catalog.pg_get_indexdef(x.indexrelid, k.ord::int, false) END,"
		" CASE WHEN NOT opc.opcdefault THEN opc.opcname END,"
		" (x.indoption[k.ord - 1] & 1) <> 0, (x.indoption[k.ord - 1] & 2) <> 0"
		" FROM pg_catalog.pg_index x"
		" JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid"
		" JOIN pg_catalog.pg_class c ON c.oid = x.indrelid"
		" JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
		" JOIN pg_catalog.pg_am am ON am.oid = i.relam"
		" LEFT JOIN pg_catalog.pg_constraint con ON con.conindid = x.indexrelid"
		"  AND con.conrelid = x.indrelid AND con.contype IN ('p', 'u', 'x')"
		" CROSS JOIN LATERAL pg_catalog.unnest(x.indkey::pg_catalog.int2[])"
		"  WITH ORDINALITY k(attnum, ord)"
		" LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum"
		"  AND k.attnum <> 0"
		" LEFT JOIN pg_catalog.pg_opclass opc ON opc.oid = x.indclass[k.ord - 1]"
		"  AND k.ord <= x.indnkeyatts"
		" WHERE" TABLES " AND (con.contype IS NULL OR con.contype <> 'x')"
		" ORDER BY c.oid, i.relname COLLATE \"C\", k.ord";
	struct schema_index *ix = NULL;
	struct db_rows r;
	int oom = 0, rc = 0;

	if (query(p, "indexes", sql, &r))
		return -1;
	for (size_t i = 0; i < r.nrows && !oom && !rc; i++) {
		struct schema_table *t = find_table(p, &r, i);
		const char *m = db_cell(&r, i, IX_METHOD);

		if (!t || (!ix && strcmp(db_cell(&r, i, IX_ORD), "1") != 0))
			continue;
		/* Rows come by index, key 1 first. */
		if (strcmp(db_cell(&r, i, IX_ORD), "1") == 0) {
			if (is_true(&r, i, IX_PRIMARY)) {
				ix = t->pk = arena_alloc(p->a, sizeof(*ix));
				if (!ix) {
					oom = 1;
					break;
				}
			} else {
				ix = arena_push(p->a, (void **)&t->indexes, &t->nindexes,
						&t->capindexes, sizeof(*ix));
				if (!ix) {
					oom = 1;
					break;
				}
				ix->unique = is_true(&r, i, IX_UNIQUE);
				ix->constraint = is_true(&r, i, IX_CONSTRAINT);
				ix->type = strcmp(m, "btree") != 0 ? cell(p, &r, i, IX_METHOD, &oom)
								   : NULL;
				ix->where = cell(p, &r, i, IX_WHERE, &oom);
				ix->comment = cell(p, &r, i, IX_COMMENT, &oom);
			}
			ix->name = cell(p, &r, i, IX_NAME, &oom);
			if (ix == t->pk && ix->name && default_pk_name(t, ix->name))
				ix->name = NULL;
			ix->nulls_distinct = !is_true(&r, i, IX_NULLS_NOT_DISTINCT);
		}
		rc = index_part(p, ix, &r, i, &oom);
	}
	db_rows_free(&r);
	return oom ? diag_nomem(p->d) : rc;
}

static const char *action(const char *a)
{
	switch (a ? a[0] : 0) {
	case 'r':
		return "RESTRICT";
	case 'c':
		return "CASCADE";
	case 'n':
		return "SET NULL";
	case 'd':
		return "SET DEFAULT";
	}
	return "NO ACTION";
}

enum {
	FK_NAME = 2,
	FK_UPDATE,
	FK_DELETE,
	FK_REF_SCHEMA,
	FK_REF_TABLE,
	FK_COLUMN,
	FK_REF_COLUMN,
	FK_ORD,
};

/* Foreign keys, one row per column pair, in key order. */
static int read_fks(struct ipg *p)
{
	static const char sql[] =
		"SELECT n.nspname, c.relname, con.conname, con.confupdtype, con.confdeltype,"
		" rn.nspname, rc.relname, a.attname, ra.attname, k.ord"
		" FROM pg_catalog.pg_constraint con"
		" JOIN pg_catalog.pg_class c ON c.oid = con.conrelid"
		" JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
		" JOIN pg_catalog.pg_class rc ON rc.oid = con.confrelid"
		" JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace"
		" CROSS JOIN LATERAL ROWS FROM (pg_catalog.unnest(con.conkey),"
		"  pg_catalog.unnest(con.confkey)) WITH ORDINALITY k(attnum, refnum, ord)"
		" JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum"
		" JOIN pg_catalog.pg_attribute ra ON ra.attrelid = rc.oid AND ra.attnum = k.refnum"
		" WHERE con.contype = 'f' AND" TABLES
		" ORDER BY c.oid, con.conname COLLATE \"C\", k.ord";
	struct schema_fk *fk = NULL;
	struct db_rows r;
	int oom = 0;

	if (query(p, "foreign keys", sql, &r))
		return -1;
	for (size_t i = 0; i < r.nrows && !oom; i++) {
		struct schema_table *t = find_table(p, &r, i);
		const char **cols, **refs;

		if (!t)
			continue;
		if (strcmp(db_cell(&r, i, FK_ORD), "1") == 0) {
			fk = arena_push(p->a, (void **)&t->fks, &t->nfks, &t->capfks, sizeof(*fk));
			if (!fk) {
				oom = 1;
				break;
			}
			fk->name = cell(p, &r, i, FK_NAME, &oom);
			fk->on_update = action(db_cell(&r, i, FK_UPDATE));
			fk->on_delete = action(db_cell(&r, i, FK_DELETE));
			fk->ref_schema = cell(p, &r, i, FK_REF_SCHEMA, &oom);
			fk->ref_table = cell(p, &r, i, FK_REF_TABLE, &oom);
		}
		cols = arena_alloc(p->a, (fk->ncolumns + 1) * sizeof(*cols));
		refs = arena_alloc(p->a, (fk->ncolumns + 1) * sizeof(*refs));
		if (!cols || !refs) {
			oom = 1;
			break;
		}
		if (fk->ncolumns) {
			memcpy(cols, fk->columns, fk->ncolumns * sizeof(*cols));
			memcpy(refs, fk->ref_columns, fk->ncolumns * sizeof(*refs));
		}
		cols[fk->ncolumns] = cell(p, &r, i, FK_COLUMN, &oom);
		refs[fk->ncolumns++] = cell(p, &r, i, FK_REF_COLUMN, &oom);
		fk->columns = cols;
		fk->ref_columns = refs;
	}
	db_rows_free(&r);
	return oom ? diag_nomem(p->d) : 0;
}

/* CHECK constraints: the expression as pg_get_expr() prints it, the text Atlas keeps. */
static int read_checks(struct ipg *p)
{
	static const char sql[] =
		"SELECT n.nspname, c.relname, con.conname,"
		" pg_catalog.pg_get_expr(con.conbin, con.conrelid)"
		" FROM pg_catalog.pg_constraint con"
		" JOIN pg_catalog.pg_class c ON c.oid = con.conrelid"
		" JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
		" WHERE con.contype = 'c' AND" TABLES " ORDER BY c.oid, con.conname COLLATE \"C\"";
	struct db_rows r;
	int oom = 0;

	if (query(p, "checks", sql, &r))
		return -1;
	for (size_t i = 0; i < r.nrows && !oom; i++) {
		struct schema_table *t = find_table(p, &r, i);
		struct schema_check *ck;

		if (!t)
			continue;
		ck = arena_push(p->a, (void **)&t->checks, &t->nchecks, &t->capchecks, sizeof(*ck));
		if (!ck) {
			oom = 1;
			break;
		}
		ck->name = cell(p, &r, i, 2, &oom);
		ck->expr = cell(p, &r, i, 3, &oom);
		ck->enforced = -1;
	}
	db_rows_free(&r);
	return oom ? diag_nomem(p->d) : 0;
}

/* Enums in creation order (the profile reorders them as Atlas's dev database would). */
static int read_enums(struct ipg *p)
{
	static const char sql[] =
		"SELECT n.nspname, t.typname, e.enumlabel FROM pg_catalog.pg_enum e"
		" JOIN pg_catalog.pg_type t ON t.oid = e.enumtypid"
		" JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
		" WHERE" IN_SCHEMAS " ORDER BY t.oid, e.enumsortorder";
	struct schema_enum *e = NULL;
	struct db_rows r;
	int oom = 0;

	if (query(p, "enums", sql, &r))
		return -1;
	for (size_t i = 0; i < r.nrows && !oom; i++) {
		struct schema_schema *s = find_schema(p, db_cell(&r, i, 0));
		const char **v;

		if (!s)
			continue;
		if (!e || strcmp(e->name, db_cell(&r, i, 1)) != 0 || e < s->enums ||
		    e >= s->enums + s->nenums) {
			e = arena_push(p->a, (void **)&s->enums, &s->nenums, &s->capenums,
				       sizeof(*e));
			if (!e) {
				oom = 1;
				break;
			}
			e->name = cell(p, &r, i, 1, &oom);
		}
		v = arena_alloc(p->a, (e->nvalues + 1) * sizeof(*v));
		if (!v) {
			oom = 1;
			break;
		}
		if (e->nvalues)
			memcpy(v, e->values, e->nvalues * sizeof(*v));
		v[e->nvalues++] = cell(p, &r, i, 2, &oom);
		e->values = v;
	}
	db_rows_free(&r);
	return oom ? diag_nomem(p->d) : 0;
}

int inspect_pg(struct arena *a, struct db *db, const char *const *names, size_t n,
	       struct schema_realm *realm, struct diag *d)
{
	struct ipg p = { a, db, realm, d, NULL, NULL, NULL };
	struct buf in;
	int rc = -1;

	buf_init(&in, 1u << 20);
	if (buf_adds(&in, "(", d))
		goto out;
	for (size_t i = 0; i < n; i++)
		if ((i && buf_adds(&in, ", ", d)) ||
		    db->drv->quote(db, names[i], strlen(names[i]), &in, d))
			goto out;
	if (buf_adds(&in, ")", d))
		goto out;
	if (!(p.in = arena_strndup(a, in.data, in.len))) {
		diag_nomem(d);
		goto out;
	}
	if (read_schemas(&p, names, n) || read_tables(&p) || read_columns(&p) || read_indexes(&p) ||
	    read_fks(&p) || read_checks(&p) || read_enums(&p))
		goto out;
	/* The schema migapply (and Atlas) made for the revisions table alone is bookkeeping. */
	for (size_t i = 0; i < realm->nschemas; i++) {
		struct schema_schema *s = &realm->schemas[i];

		if (strcmp(s->name, "atlas_schema_revisions") == 0 && !s->ntables && !s->nenums) {
			memmove(s, s + 1, (realm->nschemas - i - 1) * sizeof(*s));
			realm->nschemas--;
			break;
		}
	}
	rc = 0;
out:
	buf_release(&in);
	return rc;
}
