/*
 * inspect_my: MySQL's and MariaDB's information_schema into the schema model, in the forms
 * the offline replay (replay_my.c) gives, so that db2json and sql2json agree byte for byte.
 *
 * One query per catalog table for all the schemas read. The two servers differ where it
 * shows: MariaDB quotes string defaults ('abc') and prints functions in lower case
 * (current_timestamp(6)), MySQL 8 marks expression defaults DEFAULT_GENERATED instead;
 * MariaDB's CHECK_CONSTRAINTS names the table, MySQL 8's needs TABLE_CONSTRAINTS. Names the
 * server invents for unnamed checks (CONSTRAINT_1, t_chk_1, a column's own name) are left
 * out, as the replay leaves them.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "hcleval.h"
#include "inspect.h"

/* One inspection: where the rows go and the IN (...) list of the schemas read. */
struct ins {
	struct arena *a;
	struct db *db;
	struct diag *d;
	struct schema_realm *realm;
	int mariadb;
	struct buf in; /* "('a','b')" */
	/* the table the last row named, to find the next one fast */
	struct schema_table *last;
};

/* Runs head + the schema list + tail; on failure a DIAG_IO naming what was read. */
static int query(struct ins *x, const char *what, const char *head, const char *tail,
		 struct db_rows *rows)
{
	struct db_error e;
	struct buf sql;
	int rc;

	memset(&e, 0, sizeof(e));
	buf_init(&sql, 1u << 20);
	rc = buf_adds(&sql, head, x->d) || buf_add(&sql, x->in.data, x->in.len, x->d) ||
	     buf_adds(&sql, tail, x->d);
	if (!rc && db_query(x->db, sql.data, rows, &e))
		rc = diag_set(x->d, DIAG_IO, NULL, 0, 0, "reading %s: %s", what, e.msg);
	buf_release(&sql);
	return rc ? -1 : 0;
}

static const char *dup(struct ins *x, const char *s)
{
	const char *v = s ? arena_strdup(x->a, s) : NULL;

	if (s && !v)
		diag_nomem(x->d);
	return v;
}

/* A non-empty text, copied; NULL for SQL NULL or ''. */
static const char *opt(struct ins *x, const char *s, int *err)
{
	const char *v;

	if (!s || !*s)
		return NULL;
	v = dup(x, s);
	if (!v)
		*err = 1;
	return v;
}

static struct schema_schema *schema_of(struct ins *x, const char *name)
{
	for (size_t i = 0; name && i < x->realm->nschemas; i++)
		if (strcmp(x->realm->schemas[i].name, name) == 0)
			return &x->realm->schemas[i];
	return NULL;
}

/* The table a row names, or NULL for one not read (a view, atlas_schema_revisions). */
static struct schema_table *table_of(struct ins *x, const char *schema, const char *name)
{
	struct schema_schema *s;

	if (x->last && name && strcmp(x->last->name, name) == 0 && schema_of(x, schema) &&
	    x->last >= schema_of(x, schema)->tables &&
	    x->last < schema_of(x, schema)->tables + schema_of(x, schema)->ntables)
		return x->last;
	s = schema_of(x, schema);
	for (size_t i = 0; s && name && i < s->ntables; i++)
		if (strcmp(s->tables[i].name, name) == 0)
			return x->last = &s->tables[i];
	return NULL;
}

/* ---- schemas and tables */

/*
 * The default charset and collation of a database are left out when they are utf8mb4 and
 * its default collation on this server: the database a migration directory runs in is made
 * outside it, and the replay knows it only as the profile's default.
 */
static int read_schemas(struct ins *x, const char *const *names, size_t n)
{
	const char *head = x->mariadb ? "SELECT s.SCHEMA_NAME, s.DEFAULT_CHARACTER_SET_NAME,"
					" s.DEFAULT_COLLATION_NAME, c.IS_DEFAULT, s.SCHEMA_COMMENT"
				      : "SELECT s.SCHEMA_NAME, s.DEFAULT_CHARACTER_SET_NAME,"
					" s.DEFAULT_COLLATION_NAME, c.IS_DEFAULT, NULL";
	static const char from[] =
		" FROM information_schema.SCHEMATA s LEFT JOIN information_schema.COLLATIONS c"
		" ON c.COLLATION_NAME = s.DEFAULT_COLLATION_NAME WHERE s.SCHEMA_NAME IN ";
	struct db_rows rows;
	struct buf sql;
	int err = 0;

	buf_init(&sql, 4096);
	if (buf_adds(&sql, head, x->d) || buf_adds(&sql, from, x->d)) {
		buf_release(&sql);
		return -1;
	}
	err = query(x, "the schemas", sql.data, " ORDER BY BINARY s.SCHEMA_NAME", &rows);
	buf_release(&sql);
	if (err)
		return -1;
	for (size_t i = 0; i < rows.nrows && !err; i++) {
		const char *cs = db_cell(&rows, i, 1), *def = db_cell(&rows, i, 3);
		struct schema_schema *s =
			arena_push(x->a, (void **)&x->realm->schemas, &x->realm->nschemas,
				   &x->realm->capschemas, sizeof(*s));

		if (!s || !(s->name = dup(x, db_cell(&rows, i, 0)))) {
			err = diag_nomem(x->d);
			break;
		}
		if (!(cs && strcmp(cs, "utf8mb4") == 0 && def && strcasecmp(def, "Yes") == 0)) {
			s->charset = opt(x, cs, &err);
			s->collate = opt(x, db_cell(&rows, i, 2), &err);
		}
		s->comment = opt(x, db_cell(&rows, i, 4), &err);
	}
	db_rows_free(&rows);
	if (err)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (!schema_of(x, names[i]))
			return diag_set(x->d, DIAG_IO, NULL, 0, 0, "schema '%s' does not exist",
					names[i]);
	return 0;
}

/*
 * Base tables but the revisions table. The engine only when it is not InnoDB (the default,
 * as the profile takes it); AUTO_INCREMENT only past 1, where a counter starts anyway.
 */
static int read_tables(struct ins *x)
{
	static const char head[] =
		"SELECT t.TABLE_SCHEMA, t.TABLE_NAME, t.ENGINE, t.TABLE_COLLATION,"
		" c.CHARACTER_SET_NAME, t.TABLE_COMMENT, t.AUTO_INCREMENT"
		" FROM information_schema.TABLES t"
		" LEFT JOIN information_schema.COLLATION_CHARACTER_SET_APPLICABILITY c"
		" ON c.COLLATION_NAME = t.TABLE_COLLATION"
		" WHERE t.TABLE_TYPE = 'BASE TABLE' AND t.TABLE_NAME <> 'atlas_schema_revisions'"
		" AND t.TABLE_SCHEMA IN ";
	struct db_rows rows;
	int err = 0;

	if (query(x, "the tables", head, " ORDER BY BINARY t.TABLE_SCHEMA, BINARY t.TABLE_NAME",
		  &rows))
		return -1;
	for (size_t i = 0; i < rows.nrows && !err; i++) {
		struct schema_schema *s = schema_of(x, db_cell(&rows, i, 0));
		const char *engine = db_cell(&rows, i, 2), *ai = db_cell(&rows, i, 6);
		struct schema_table *t;

		if (!s)
			continue;
		t = arena_push(x->a, (void **)&s->tables, &s->ntables, &s->captables, sizeof(*t));
		if (!t || !(t->name = dup(x, db_cell(&rows, i, 1)))) {
			err = diag_nomem(x->d);
			break;
		}
		if (engine && strcasecmp(engine, "InnoDB") != 0)
			t->engine = opt(x, engine, &err);
		t->collate = opt(x, db_cell(&rows, i, 3), &err);
		t->charset = opt(x, db_cell(&rows, i, 4), &err);
		t->comment = opt(x, db_cell(&rows, i, 5), &err);
		if (ai && strtoll(ai, NULL, 10) > 1)
			t->auto_increment = strtoll(ai, NULL, 10);
	}
	db_rows_free(&rows);
	return err ? -1 : 0;
}

/* ---- columns */

/*
 * CURRENT_TIMESTAMP as the replay writes it, from the server's spelling:
 * "current_timestamp()" -> "CURRENT_TIMESTAMP", "current_timestamp(6)" ->
 * "CURRENT_TIMESTAMP(6)", "CURRENT_TIMESTAMP" -> itself. NULL when s is another
 * expression; "" when out of memory.
 */
static const char *now_form(struct ins *x, const char *s)
{
	static const char *const names[] = { "current_timestamp", "now", "localtimestamp",
					     "localtime", NULL };
	const char *p = NULL, *v;
	long prec = 0;

	for (const char *const *w = names; *w && !p; w++)
		if (strncasecmp(s, *w, strlen(*w)) == 0)
			p = s + strlen(*w);
	if (!p)
		return NULL;
	if (*p == '(') {
		char *end;

		prec = strtol(p + 1, &end, 10);
		if (*end != ')' || end[1] != '\0')
			return NULL;
	} else if (*p) {
		return NULL;
	}
	v = prec > 0 ? arena_printf(x->a, "CURRENT_TIMESTAMP(%ld)", prec) : "CURRENT_TIMESTAMP";
	if (!v) {
		diag_nomem(x->d);
		return "";
	}
	return v;
}

static int is_number(const char *s)
{
	char *end;

	if (!*s || isspace((unsigned char)*s))
		return 0;
	strtod(s, &end);
	return *end == '\0' && strncasecmp(s, "0x", 2) != 0 && strncasecmp(s, "-0x", 3) != 0;
}

/* MariaDB's quoted default 'it''s' / 'a\\b' -> its value. */
static const char *unquote_default(struct ins *x, const char *s)
{
	size_t n = strlen(s);
	char *v = arena_alloc(x->a, n), *o = v;

	if (!v) {
		diag_nomem(x->d);
		return NULL;
	}
	for (size_t i = 1; i + 1 < n; i++) {
		char c = s[i];

		if (c == '\'' && s[i + 1] == '\'') {
			i++;
		} else if (c == '\\' && i + 2 < n) {
			c = s[++i];
			c = c == 'n'   ? '\n'
			    : c == 'r' ? '\r'
			    : c == 't' ? '\t'
			    : c == 'Z' ? 0x1a
				       : c;
		}
		*o++ = c;
	}
	*o = '\0';
	return v;
}

/*
 * The column's default from COLUMN_DEFAULT and EXTRA. MariaDB quotes literal strings and
 * prints NULL for no default; MySQL 8 quotes nothing and says DEFAULT_GENERATED for an
 * expression. Expressions other than CURRENT_TIMESTAMP and bit values are kept in
 * parentheses, as DEFAULT (expr) is written.
 */
static int column_default(struct ins *x, struct schema_column *c, const char *v, const char *extra)
{
	const char *now;

	if (!v || (x->mariadb && strcmp(v, "NULL") == 0))
		return 0;
	if (x->mariadb && v[0] == '\'') {
		c->default_kind = SCHEMA_DEFAULT_LITERAL;
		c->default_value = unquote_default(x, v);
		return c->default_value ? 0 : -1;
	}
	if (!x->mariadb && !strstr(extra, "DEFAULT_GENERATED")) {
		c->default_kind = strcmp(c->type.kind, "bit") == 0 && strncmp(v, "b'", 2) == 0
					  ? SCHEMA_DEFAULT_EXPR
					  : SCHEMA_DEFAULT_LITERAL;
		c->default_value = dup(x, v);
		return c->default_value ? 0 : -1;
	}
	if (x->mariadb && is_number(v)) {
		c->default_kind = SCHEMA_DEFAULT_LITERAL;
		c->default_value = dup(x, v);
		return c->default_value ? 0 : -1;
	}
	c->default_kind = SCHEMA_DEFAULT_EXPR;
	now = now_form(x, v);
	if (now && !*now)
		return -1;
	if (now)
		c->default_value = now;
	else if (strncasecmp(v, "b'", 2) == 0 || strncasecmp(v, "x'", 2) == 0 ||
		 strncasecmp(v, "0x", 2) == 0)
		c->default_value = dup(x, v);
	else
		c->default_value = arena_printf(x->a, "(%s)", v);
	if (!c->default_value)
		return diag_nomem(x->d);
	return 0;
}

/*
 * COLUMN_TYPE ("int(10) unsigned zerofill", "enum('a','b''c')") through the HCL type
 * reader, as the replay's type_def reads a written type.
 */
static int column_type(struct ins *x, const struct schema_table *t, struct schema_column *c,
		       const char *ctype)
{
	char *s = arena_strdup(x->a, ctype ? ctype : "");
	struct hcl_value v;
	size_t n;
	int uns = 0;

	if (!s)
		return diag_nomem(x->d);
	for (n = strlen(s);;) {
		if (n > 9 && strcmp(s + n - 9, " unsigned") == 0)
			n -= 9;
		else if (n > 9 && strcmp(s + n - 9, " zerofill") == 0)
			n -= 9;
		else
			break;
		s[n] = '\0';
		uns = 1;
	}
	memset(&v, 0, sizeof(v));
	v.kind = HV_RAW;
	v.s = s;
	v.slen = n;
	if (schema_type_from_hcl(x->a, SCHEMA_MYSQL, NULL, &v, uns, &c->type, x->d)) {
		char msg[sizeof(x->d->msg)];

		memcpy(msg, x->d->msg, sizeof(msg));
		return diag_set(x->d, DIAG_IO, NULL, 0, 0, "table '%s', column '%s': %s", t->name,
				c->name, msg);
	}
	c->type.raw = 0;
	return 0;
}

static int read_columns(struct ins *x)
{
	static const char mariadb[] =
		"SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE,"
		" COLUMN_DEFAULT, EXTRA, CHARACTER_SET_NAME, COLLATION_NAME, COLUMN_COMMENT,"
		" CASE IS_GENERATED WHEN 'ALWAYS' THEN GENERATION_EXPRESSION END"
		" FROM information_schema.COLUMNS WHERE TABLE_SCHEMA IN ";
	static const char mysql[] =
		"SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE,"
		" COLUMN_DEFAULT, EXTRA, CHARACTER_SET_NAME, COLLATION_NAME, COLUMN_COMMENT,"
		" GENERATION_EXPRESSION FROM information_schema.COLUMNS WHERE TABLE_SCHEMA IN ";
	struct db_rows rows;
	int err = 0;

	if (query(x, "the columns", x->mariadb ? mariadb : mysql,
		  " ORDER BY BINARY TABLE_SCHEMA, BINARY TABLE_NAME, ORDINAL_POSITION", &rows))
		return -1;
	for (size_t i = 0; i < rows.nrows && !err; i++) {
		struct schema_table *t = table_of(x, db_cell(&rows, i, 0), db_cell(&rows, i, 1));
		const char *extra = db_cell(&rows, i, 6), *gen = db_cell(&rows, i, 10), *upd;
		struct schema_column *c;

		if (!t)
			continue;
		if (!extra)
			extra = "";
		c = arena_push(x->a, (void **)&t->columns, &t->ncolumns, &t->capcolumns,
			       sizeof(*c));
		if (!c || !(c->name = dup(x, db_cell(&rows, i, 2)))) {
			err = diag_nomem(x->d);
			break;
		}
		if (column_type(x, t, c, db_cell(&rows, i, 3))) {
			err = 1;
			break;
		}
		c->nullable = db_cell(&rows, i, 4) && strcmp(db_cell(&rows, i, 4), "YES") == 0;
		if (column_default(x, c, db_cell(&rows, i, 5), extra)) {
			err = 1;
			break;
		}
		c->auto_increment = strstr(extra, "auto_increment") != NULL;
		if ((upd = strstr(extra, "on update ")) || (upd = strstr(extra, "ON UPDATE "))) {
			const char *end = upd + 10;

			while (*end && !isspace((unsigned char)*end))
				end++;
			upd = arena_strndup(x->a, upd + 10, (size_t)(end - upd - 10));
			if (!upd) {
				err = diag_nomem(x->d);
				break;
			}
			c->on_update = now_form(x, upd);
			if (c->on_update && !*c->on_update) {
				err = 1;
				break;
			}
			if (!c->on_update)
				c->on_update = upd;
		}
		c->charset = opt(x, db_cell(&rows, i, 7), &err);
		c->collate = opt(x, db_cell(&rows, i, 8), &err);
		c->comment = opt(x, db_cell(&rows, i, 9), &err);
		if (gen && *gen) {
			c->generated_expr = opt(x, gen, &err);
			c->generated_type = strstr(extra, "STORED") || strstr(extra, "PERSISTENT")
						    ? "STORED"
						    : "VIRTUAL";
		}
	}
	db_rows_free(&rows);
	return err ? -1 : 0;
}

/* ---- indexes */

static int read_indexes(struct ins *x)
{
	static const char mariadb[] =
		"SELECT TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART,"
		" COLLATION, INDEX_TYPE, INDEX_COMMENT, NULL"
		" FROM information_schema.STATISTICS WHERE TABLE_SCHEMA IN ";
	static const char mysql[] =
		"SELECT TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART,"
		" COLLATION, INDEX_TYPE, INDEX_COMMENT, EXPRESSION"
		" FROM information_schema.STATISTICS WHERE TABLE_SCHEMA IN ";
	struct schema_index *ix = NULL;
	struct schema_table *prev = NULL;
	const char *cur = NULL; /* the name of ix */
	struct db_rows rows;
	size_t cap = 0;
	int err = 0;

	if (query(x, "the indexes", x->mariadb ? mariadb : mysql,
		  " ORDER BY BINARY TABLE_SCHEMA, BINARY TABLE_NAME, BINARY INDEX_NAME,"
		  " SEQ_IN_INDEX",
		  &rows))
		return -1;
	for (size_t i = 0; i < rows.nrows && !err; i++) {
		struct schema_table *t = table_of(x, db_cell(&rows, i, 0), db_cell(&rows, i, 1));
		const char *name = db_cell(&rows, i, 2), *type = db_cell(&rows, i, 7),
			   *sub = db_cell(&rows, i, 5), *coll = db_cell(&rows, i, 6),
			   *col = db_cell(&rows, i, 4), *expr = db_cell(&rows, i, 9);
		struct schema_part *pt;

		if (!t || !name)
			continue;
		if (!ix || t != prev || strcmp(cur, name) != 0) {
			if (strcmp(name, "PRIMARY") == 0) {
				ix = t->pk = arena_alloc(x->a, sizeof(*t->pk));
			} else {
				ix = arena_push(x->a, (void **)&t->indexes, &t->nindexes,
						&t->capindexes, sizeof(*ix));
				if (ix && !(ix->name = dup(x, name)))
					ix = NULL;
			}
			if (!ix || !(cur = dup(x, name))) {
				err = diag_nomem(x->d);
				break;
			}
			cap = 0;
			prev = t;
			ix->nulls_distinct = 1;
			ix->unique = ix != t->pk && db_cell(&rows, i, 3) &&
				     strcmp(db_cell(&rows, i, 3), "0") == 0;
			if (type && strcmp(type, "BTREE") != 0)
				ix->type = opt(x, type, &err);
			ix->comment = opt(x, db_cell(&rows, i, 8), &err);
		}
		pt = arena_push(x->a, (void **)&ix->parts, &ix->nparts, &cap, sizeof(*pt));
		if (!pt) {
			err = diag_nomem(x->d);
			break;
		}
		if (col)
			pt->column = opt(x, col, &err);
		else
			pt->expr = opt(x, expr, &err);
		if (!pt->column && !pt->expr && !err)
			pt->expr = "";
		pt->desc = coll && strcmp(coll, "D") == 0;
		if (sub)
			pt->prefix = strtol(sub, NULL, 10);
	}
	db_rows_free(&rows);
	return err ? -1 : 0;
}

/* ---- foreign keys and checks */

static int read_fks(struct ins *x)
{
	static const char head[] =
		"SELECT k.TABLE_SCHEMA, k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME,"
		" k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME,"
		" r.UPDATE_RULE, r.DELETE_RULE"
		" FROM information_schema.KEY_COLUMN_USAGE k"
		" JOIN information_schema.REFERENTIAL_CONSTRAINTS r"
		" ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA"
		" AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME"
		" WHERE k.REFERENCED_TABLE_NAME IS NOT NULL AND k.TABLE_SCHEMA IN ";
	struct schema_table *prev = NULL;
	struct schema_fk *fk = NULL;
	struct db_rows rows;
	size_t cap = 0, rcap = 0;
	int err = 0;

	if (query(x, "the foreign keys", head,
		  " ORDER BY BINARY k.TABLE_SCHEMA, BINARY k.TABLE_NAME,"
		  " BINARY k.CONSTRAINT_NAME, k.ORDINAL_POSITION",
		  &rows))
		return -1;
	for (size_t i = 0; i < rows.nrows && !err; i++) {
		struct schema_table *t = table_of(x, db_cell(&rows, i, 0), db_cell(&rows, i, 1));
		const char *name = db_cell(&rows, i, 2), **slot;
		size_t n;

		if (!t || !name)
			continue;
		if (!fk || t != prev || strcmp(fk->name, name) != 0) {
			fk = arena_push(x->a, (void **)&t->fks, &t->nfks, &t->capfks, sizeof(*fk));
			if (!fk || !(fk->name = dup(x, name))) {
				err = diag_nomem(x->d);
				break;
			}
			prev = t;
			cap = rcap = 0;
			fk->ref_schema = opt(x, db_cell(&rows, i, 4), &err);
			fk->ref_table = opt(x, db_cell(&rows, i, 5), &err);
			fk->on_update = opt(x, db_cell(&rows, i, 7), &err);
			fk->on_delete = opt(x, db_cell(&rows, i, 8), &err);
		}
		n = fk->ncolumns;
		slot = arena_push(x->a, (void **)&fk->columns, &n, &cap, sizeof(*slot));
		if (!slot || !(*slot = dup(x, db_cell(&rows, i, 3)))) {
			err = diag_nomem(x->d);
			break;
		}
		n = fk->ncolumns;
		slot = arena_push(x->a, (void **)&fk->ref_columns, &n, &rcap, sizeof(*slot));
		if (!slot || !(*slot = dup(x, db_cell(&rows, i, 6)))) {
			err = diag_nomem(x->d);
			break;
		}
		fk->ncolumns++;
	}
	db_rows_free(&rows);
	return err ? -1 : 0;
}

/* Did the server make this name up for a check that had none? */
static int invented_check_name(const struct schema_table *t, const char *name, const char *level)
{
	size_t len = strlen(t->name);
	const char *p;

	if (level && strcmp(level, "Column") == 0)
		return 1; /* MariaDB names a column's check after the column */
	if (strncmp(name, "CONSTRAINT_", 11) == 0)
		p = name + 11;
	else if (strncmp(name, t->name, len) == 0 && strncmp(name + len, "_chk_", 5) == 0)
		p = name + len + 5;
	else
		return 0;
	if (!*p)
		return 0;
	for (; *p; p++)
		if (!isdigit((unsigned char)*p))
			return 0;
	return 1;
}

static int read_checks(struct ins *x)
{
	/* Unnamed checks keep the replay's order: a column's own first, in column order,
	 * then the table's by their number (CONSTRAINT_2 before CONSTRAINT_10). */
	static const char mariadb[] =
		"SELECT k.CONSTRAINT_SCHEMA, k.TABLE_NAME, k.CONSTRAINT_NAME, k.LEVEL,"
		" k.CHECK_CLAUSE, 'YES'"
		" FROM information_schema.CHECK_CONSTRAINTS k"
		" LEFT JOIN information_schema.COLUMNS c ON k.LEVEL = 'Column'"
		" AND c.TABLE_SCHEMA = k.CONSTRAINT_SCHEMA AND c.TABLE_NAME = k.TABLE_NAME"
		" AND c.COLUMN_NAME = k.CONSTRAINT_NAME"
		" WHERE k.CONSTRAINT_SCHEMA IN ";
	static const char mysql[] =
		"SELECT t.TABLE_SCHEMA, t.TABLE_NAME, t.CONSTRAINT_NAME, 'Table', c.CHECK_CLAUSE,"
		" t.ENFORCED FROM information_schema.TABLE_CONSTRAINTS t"
		" JOIN information_schema.CHECK_CONSTRAINTS c"
		" ON c.CONSTRAINT_SCHEMA = t.CONSTRAINT_SCHEMA"
		" AND c.CONSTRAINT_NAME = t.CONSTRAINT_NAME"
		" WHERE t.CONSTRAINT_TYPE = 'CHECK' AND t.TABLE_SCHEMA IN ";
	struct db_rows rows;
	int err = 0;

	if (query(x, "the checks", x->mariadb ? mariadb : mysql,
		  x->mariadb ? " ORDER BY BINARY k.CONSTRAINT_SCHEMA, BINARY k.TABLE_NAME,"
			       " k.LEVEL <> 'Column', c.ORDINAL_POSITION,"
			       " LENGTH(k.CONSTRAINT_NAME), BINARY k.CONSTRAINT_NAME"
			     : " ORDER BY BINARY t.TABLE_SCHEMA, BINARY t.TABLE_NAME,"
			       " LENGTH(t.CONSTRAINT_NAME), BINARY t.CONSTRAINT_NAME",
		  &rows))
		return -1;
	for (size_t i = 0; i < rows.nrows && !err; i++) {
		struct schema_table *t = table_of(x, db_cell(&rows, i, 0), db_cell(&rows, i, 1));
		const char *name = db_cell(&rows, i, 2), *expr = db_cell(&rows, i, 4),
			   *enf = db_cell(&rows, i, 5);
		struct schema_check *ck;

		if (!t || !name || !expr)
			continue;
		ck = arena_push(x->a, (void **)&t->checks, &t->nchecks, &t->capchecks, sizeof(*ck));
		if (!ck) {
			err = diag_nomem(x->d);
			break;
		}
		if (!invented_check_name(t, name, db_cell(&rows, i, 3)) &&
		    !(ck->name = dup(x, name)))
			err = 1;
		/* MySQL 8 keeps the parentheses of CHECK (...), MariaDB drops them. */
		ck->expr = x->mariadb ? arena_printf(x->a, "(%s)", expr) : dup(x, expr);
		if (!ck->expr)
			err = diag_nomem(x->d);
		ck->enforced = enf && strcmp(enf, "NO") == 0 ? 0 : -1;
	}
	db_rows_free(&rows);
	return err ? -1 : 0;
}

/* ---- the whole */

static int is_mariadb(struct ins *x)
{
	struct db_rows rows;
	struct db_error e;
	const char *v;

	memset(&e, 0, sizeof(e));
	if (db_query(x->db, "SELECT VERSION()", &rows, &e))
		return diag_set(x->d, DIAG_IO, NULL, 0, 0, "reading the server version: %s", e.msg);
	v = db_cell(&rows, 0, 0);
	x->mariadb = v && strstr(v, "MariaDB") != NULL;
	db_rows_free(&rows);
	return 0;
}

int inspect_my(struct arena *a, struct db *db, const char *const *names, size_t n,
	       struct schema_realm *realm, struct diag *d)
{
	struct ins x;
	int rc = -1;

	memset(&x, 0, sizeof(x));
	x.a = a;
	x.db = db;
	x.d = d;
	x.realm = realm;
	buf_init(&x.in, 1u << 20);
	if (buf_adds(&x.in, "(", d))
		goto out;
	for (size_t i = 0; i < n; i++)
		if ((i && buf_adds(&x.in, ",", d)) ||
		    db->drv->quote(db, names[i], strlen(names[i]), &x.in, d))
			goto out;
	if (buf_adds(&x.in, ")", d) || is_mariadb(&x) || read_schemas(&x, names, n) ||
	    read_tables(&x) || read_columns(&x) || read_indexes(&x) || read_fks(&x) ||
	    read_checks(&x))
		goto out;
	rc = 0;
out:
	buf_release(&x.in);
	return rc;
}
