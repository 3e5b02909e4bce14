/*
 * replay_pg: PostgreSQL DDL into the model, through the real parser (libpg_query). The
 * parse tree says what a statement does; the text of types and expressions is taken from
 * the statement itself (from the parser's locations), so it comes back as written.
 */
#include "replay.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>
#include <pg_query.h>

#include "hcleval.h"
#include "pgexpr.h"

struct pgr {
	struct replay *r;
	const struct sqlsplit_stmt *st;
	const char *text; /* the statement */
	size_t len;
	struct diag *d;
};

static json_t *get(json_t *o, const char *k)
{
	return json_object_get(o, k);
}

static const char *str(json_t *o, const char *k)
{
	return json_string_value(json_object_get(o, k));
}

/* The one member of a node: {"CreateStmt": {...}} -> "CreateStmt" and its object. */
static const char *node(json_t *n, json_t **body)
{
	const char *k;
	json_t *v;

	json_object_foreach(n, k, v)
	{
		*body = v;
		return k;
	}
	*body = NULL;
	return "";
}

/* The smallest parser location inside a subtree: where its text starts. */
static long minloc(json_t *j)
{
	long best = -1, l;
	const char *k;
	json_t *v;
	size_t i;

	if (json_is_object(j)) {
		json_object_foreach(j, k, v)
		{
			if (strcmp(k, "location") == 0 && json_is_integer(v))
				l = (long)json_integer_value(v);
			else
				l = minloc(v);
			if (l >= 0 && (best < 0 || l < best))
				best = l;
		}
	} else if (json_is_array(j)) {
		json_array_foreach(j, i, v)
		{
			l = minloc(v);
			if (l >= 0 && (best < 0 || l < best))
				best = l;
		}
	}
	return best;
}

static int word_at(const char *s, size_t len, size_t i, const char *w)
{
	size_t n = strlen(w);

	return i + n <= len && strncasecmp(s + i, w, n) == 0 &&
	       (i == 0 || !isalnum((unsigned char)s[i - 1]) || s[i - 1] == '"') &&
	       (i + n == len || !(isalnum((unsigned char)s[i + n]) || s[i + n] == '_'));
}

/* The end of a type or expression starting at i: a depth-0 ',', ')', ';' or clause word. */
static size_t expr_end(const char *s, size_t len, size_t i)
{
	static const char *const stop[] = { "NOT",	 "NULL",       "DEFAULT", "CONSTRAINT",
					    "GENERATED", "COLLATE",    "PRIMARY", "UNIQUE",
					    "CHECK",	 "REFERENCES", NULL };
	int depth = 0;
	size_t start = i;

	for (; i < len; i++) {
		char c = s[i];

		if (c == '\'' || c == '"') {
			for (i++; i < len && !(s[i] == c && !(i + 1 < len && s[i + 1] == c)); i++)
				if (s[i] == c)
					i++;
			continue;
		}
		if (c == '(' || c == '[')
			depth++;
		else if (c == ')' || c == ']') {
			if (depth == 0)
				break;
			depth--;
		} else if (depth == 0 && (c == ',' || c == ';'))
			break;
		else if (depth == 0 && i > start && isalpha((unsigned char)c))
			for (const char *const *w = stop; *w; w++)
				if (word_at(s, len, i, *w))
					return i;
	}
	return i;
}

static const char *trimmed(struct pgr *p, size_t a, size_t b)
{
	while (a < b && isspace((unsigned char)p->text[a]))
		a++;
	while (b > a && isspace((unsigned char)p->text[b - 1]))
		b--;
	return arena_strndup(p->r->a, p->text + a, b - a);
}

/* The balanced "( ... )" starting at or after i, parentheses included. */
static const char *group_from(struct pgr *p, size_t i)
{
	int depth = 0;
	size_t a;

	while (i < p->len && p->text[i] != '(')
		i++;
	a = i;
	for (; i < p->len; i++) {
		char c = p->text[i];

		if (c == '\'' || c == '"') {
			for (i++; i < p->len && p->text[i] != c; i++)
				;
			continue;
		}
		if (c == '(')
			depth++;
		else if (c == ')' && --depth == 0)
			return arena_strndup(p->r->a, p->text + a, i + 1 - a);
	}
	return NULL;
}

/* Finds the keyword w at or after i; returns its end, or (size_t)-1. */
static size_t after_word(struct pgr *p, size_t i, const char *w)
{
	for (; i < p->len; i++)
		if (word_at(p->text, p->len, i, w))
			return i + strlen(w);
	return (size_t)-1;
}

static int err(struct pgr *p, const char *what)
{
	return replay_unsupported(p->r, p->st, what, p->d);
}

static struct schema_schema *schema_of(struct pgr *p, json_t *rel)
{
	const char *s = str(rel, "schemaname");
	struct schema_schema *sc = replay_schema(p->r, s ? s : p->r->schema);

	if (!sc)
		replay_error(p->r, p->st, p->d, "schema '%s' does not exist", s ? s : p->r->schema);
	return sc;
}

static struct schema_table *table_of(struct pgr *p, json_t *rel)
{
	struct schema_schema *s = schema_of(p, rel);
	struct schema_table *t = s ? replay_table(s, str(rel, "relname")) : NULL;

	if (s && !t)
		replay_error(p->r, p->st, p->d, "table '%s' does not exist", str(rel, "relname"));
	return t;
}

static struct schema_enum *find_enum(struct schema_schema *s, const char *name);

/* An unquoted type name (names: the parse tree's) that is an enum of the realm: t says so. */
static void enum_type(struct pgr *p, json_t *names, size_t n, struct schema_type *t)
{
	const char *last =
		json_string_value(get(get(json_array_get(names, n - 1), "String"), "sval"));
	const char *sch =
		n > 1 ? json_string_value(get(get(json_array_get(names, 0), "String"), "sval"))
		      : p->r->schema;
	struct schema_schema *s = sch ? replay_schema(p->r, sch) : NULL;

	if (!last || !s || !find_enum(s, last))
		return;
	memset(t, 0, sizeof(*t));
	t->kind = "enum";
	t->sql = t->enum_name = last;
	t->enum_schema = s->name;
}

/* A type from its text in the statement (and its parse-tree node). */
static int type_of(struct pgr *p, json_t *tn, struct schema_type *t)
{
	long at = minloc(tn);
	json_t *names = get(tn, "names");
	size_t n = json_array_size(names), end;
	const char *text;
	char *low;
	struct hcl_value v;
	struct schema_type *top = t;

	if (at < 0)
		return err(p, "a type without a position");
	end = expr_end(p->text, p->len, (size_t)at);
	text = trimmed(p, (size_t)at, end);
	if (!text)
		return diag_nomem(p->d);
	if (text[0] == '"') {
		/* A quoted user type: an enum, "schema"."name" or "name", maybe an array. */
		const char *last =
			json_string_value(get(get(json_array_get(names, n - 1), "String"), "sval"));
		const char *sch = n > 1 ? json_string_value(get(
						  get(json_array_get(names, 0), "String"), "sval"))
					: p->r->schema;
		int array = strstr(text, "[]") != NULL;

		memset(t, 0, sizeof(*t));
		if (array) {
			t->kind = "array";
			t->elem = arena_alloc(p->r->a, sizeof(*t->elem));
			if (!t->elem)
				return diag_nomem(p->d);
			t = t->elem;
		}
		t->kind = "enum";
		t->enum_name = arena_strdup(p->r->a, last);
		t->enum_schema = arena_strdup(p->r->a, sch);
		t->sql = t->enum_name;
		if (array && !(top->sql = arena_printf(p->r->a, "%s[]", t->sql)))
			return diag_nomem(p->d);
		return 0;
	}
	low = arena_strdup(p->r->a, text);
	if (!low)
		return diag_nomem(p->d);
	for (char *c = low; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	memset(&v, 0, sizeof(v));
	v.kind = HV_RAW;
	v.s = low;
	v.slen = strlen(low);
	if (schema_type_from_hcl(p->r->a, SCHEMA_POSTGRES, NULL, &v, 0, t, p->d))
		return replay_error(p->r, p->st, p->d, "%s", p->d->msg);
	t->raw = 0;
	/* A name the types do not know may be an enum of ours, written unquoted. */
	if (n && (strcmp(t->kind, "user") == 0 || (t->elem && strcmp(t->elem->kind, "user") == 0)))
		enum_type(p, names, n, t->elem ? t->elem : t);
	/* An array prints as its element does: "character varying(10)[]", as the server. */
	if (t->elem && !(t->sql = arena_printf(p->r->a, "%s[]", t->elem->sql)))
		return diag_nomem(p->d);
	return 0;
}

/*
 * A default's text. The server stores the value assigned to the column's type and prints
 * it back with pg_get_expr(): where pgexpr knows the form, that text is what is classified
 * (NOW() is now(), '0' on bigint is '0'::bigint); then, as for the server's text, a
 * literal (quoted, a number, true, false) keeps its value and anything else stays an
 * expression (pgexpr_literal(), which db2json shares).
 */
static int default_of(struct pgr *p, size_t start, struct schema_column *c)
{
	size_t end = expr_end(p->text, p->len, start);
	const char *t = trimmed(p, start, end), *server, *v = NULL;
	struct diag ignored;
	int lit;

	if (!t)
		return diag_nomem(p->d);
	if (t[0] == '\0' || strcasecmp(t, "NULL") == 0) {
		c->default_kind = SCHEMA_DEFAULT_NONE;
		c->default_value = NULL;
		return 0;
	}
	diag_init(&ignored);
	if (c->type.sql && pgexpr_default(p->r->a, t, c->type.sql, &server, &ignored) == 0)
		t = server;
	else if (ignored.kind == DIAG_NOMEM)
		return diag_nomem(p->d);
	lit = pgexpr_literal(p->r->a, t, &v);
	if (lit < 0)
		return diag_nomem(p->d);
	c->default_kind = lit ? SCHEMA_DEFAULT_LITERAL : SCHEMA_DEFAULT_EXPR;
	c->default_value = lit ? v : t;
	return 0;
}

/* ---- the names the server gives constraints and indexes nobody named */

#define NAMEDATALEN 64

/* How many bytes of s (UTF-8) fit in n without cutting a character, as pg_mbcliplen(). */
static size_t clip(const char *s, size_t n)
{
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return n;
}

/* makeObjectName(): name1_name2_label in 63 bytes, the longer name shortened first. */
static const char *object_name(struct arena *a, const char *n1, const char *n2, const char *label)
{
	size_t l1 = strlen(n1), l2 = n2 ? strlen(n2) : 0;
	size_t avail = NAMEDATALEN - 1 - strlen(label) - 1 - (n2 ? 1 : 0);

	while (l1 + l2 > avail) {
		if (l1 > l2)
			l1--;
		else
			l2--;
	}
	l1 = clip(n1, l1);
	if (!n2)
		return arena_printf(a, "%.*s_%s", (int)l1, n1, label);
	l2 = clip(n2, l2);
	return arena_printf(a, "%.*s_%.*s_%s", (int)l1, n1, (int)l2, n2, label);
}

/* Whether name is <table>_pkey, the primary key's name the model leaves out. */
static int default_pkey(const char *name, const char *table)
{
	size_t n = strlen(table);

	return name && strlen(name) == n + 5 && strncmp(name, table, n) == 0 &&
	       strcmp(name + n, "_pkey") == 0;
}

static int name_is(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/*
 * Whether name is taken in schema s: as a constraint (ConstraintNameExists), and when
 * relation is set as a table or index (index names share pg_class with tables).
 */
static int name_taken(const struct schema_schema *s, const char *name, int relation)
{
	for (size_t i = 0; i < s->ntables; i++) {
		const struct schema_table *t = &s->tables[i];

		if (t->pk &&
		    (t->pk->name ? name_is(t->pk->name, name) : default_pkey(name, t->name)))
			return 1;
		if (relation && name_is(t->name, name))
			return 1;
		for (size_t k = 0; k < t->nindexes; k++)
			if ((relation || t->indexes[k].constraint) &&
			    name_is(t->indexes[k].name, name))
				return 1;
		for (size_t k = 0; k < t->nfks; k++)
			if (name_is(t->fks[k].name, name))
				return 1;
		for (size_t k = 0; k < t->nchecks; k++)
			if (name_is(t->checks[k].name, name))
				return 1;
	}
	return 0;
}

/*
 * ChooseConstraintName() / ChooseRelationName(): table_name2_label, then label1, label2...
 * until the name is free in the schema.
 */
static const char *choose_name(struct pgr *p, const struct schema_table *t, const char *name2,
			       const char *label, int relation)
{
	const struct schema_schema *s = NULL;
	const char *name = object_name(p->r->a, t->name, name2, label);

	for (size_t i = 0; i < p->r->realm->nschemas && !s; i++)
		for (size_t k = 0; k < p->r->realm->schemas[i].ntables; k++)
			if (&p->r->realm->schemas[i].tables[k] == t)
				s = &p->r->realm->schemas[i];
	for (int pass = 1; name && s && name_taken(s, name, relation); pass++) {
		char l[32];

		snprintf(l, sizeof(l), "%s%d", label, pass);
		name = object_name(p->r->a, t->name, name2, l);
	}
	if (!name)
		diag_nomem(p->d);
	return name;
}

/* ChooseIndexNameAddition(): the column names joined by '_', stopping past 63 bytes. */
static const char *joined(struct pgr *p, const char *const *cols, size_t n)
{
	char buf[NAMEDATALEN * 2] = "";
	size_t len = 0;

	for (size_t i = 0; i < n && len < NAMEDATALEN; i++) {
		if (len)
			buf[len++] = '_';
		snprintf(buf + len, NAMEDATALEN, "%s", cols[i]);
		len += strlen(buf + len);
	}
	return arena_strdup(p->r->a, buf);
}

/* The one column a CHECK expression mentions, which names it; NULL for none or several. */
static const char *only_column(json_t *j, const char **seen, int *several)
{
	const char *k;
	json_t *v;
	size_t i;

	if (json_is_object(j)) {
		json_t *cr = get(j, "ColumnRef");

		if (cr) {
			json_t *f = get(cr, "fields");
			const char *name = json_string_value(get(
				get(json_array_get(f, json_array_size(f) - 1), "String"), "sval"));

			if (name && *seen && strcmp(*seen, name) != 0)
				*several = 1;
			else if (name)
				*seen = name;
			return *several ? NULL : *seen;
		}
		json_object_foreach(j, k, v) only_column(v, seen, several);
	} else if (json_is_array(j)) {
		json_array_foreach(j, i, v) only_column(v, seen, several);
	}
	return *several ? NULL : *seen;
}

static const char *action(const char *a)
{
	if (!a)
		return NULL;
	switch (a[0]) {
	case 'a':
		return "NO ACTION";
	case 'r':
		return "RESTRICT";
	case 'c':
		return "CASCADE";
	case 'n':
		return "SET NULL";
	case 'd':
		return "SET DEFAULT";
	}
	return NULL;
}

static const char **names_of(struct pgr *p, json_t *list, size_t *n)
{
	const char **v = arena_alloc(p->r->a, (json_array_size(list) + 1) * sizeof(*v));
	json_t *x;
	size_t i;

	if (!v)
		return NULL;
	json_array_foreach(list, i, x)
	{
		json_t *b;
		const char *k = node(x, &b);

		v[i] = strcmp(k, "String") == 0 ? str(b, "sval") : str(b, "name");
	}
	*n = json_array_size(list);
	return v;
}

static struct schema_part *parts_of(struct pgr *p, const char *const *cols, size_t n)
{
	struct schema_part *v = arena_alloc(p->r->a, (n + 1) * sizeof(*v));

	for (size_t i = 0; v && i < n; i++)
		v[i].column = cols[i];
	return v;
}

/* A table constraint (or a column's, with col set) into table t. */
static int constraint(struct pgr *p, struct schema_table *t, struct schema_column *col, json_t *c)
{
	const char *ct = str(c, "contype"), *name = str(c, "conname");
	long loc = (long)json_integer_value(get(c, "location"));
	const char **cols;
	size_t n;

	if (strcmp(ct, "CONSTR_NOTNULL") == 0 && col) {
		col->nullable = 0;
		return 0;
	}
	if (strcmp(ct, "CONSTR_NULL") == 0 && col) {
		col->nullable = 1;
		return 0;
	}
	if (strcmp(ct, "CONSTR_DEFAULT") == 0 && col) {
		size_t at = after_word(p, (size_t)loc, "DEFAULT");

		return at == (size_t)-1 ? err(p, "a DEFAULT clause") : default_of(p, at, col);
	}
	if (strcmp(ct, "CONSTR_IDENTITY") == 0 && col) {
		json_t *o;
		size_t i;

		col->identity =
			strcmp(str(c, "generated_when"), "a") == 0 ? "ALWAYS" : "BY DEFAULT";
		col->identity_start = col->identity_increment = 1;
		json_array_foreach(get(c, "options"), i, o)
		{
			json_t *de = get(o, "DefElem");
			long long v =
				json_integer_value(get(get(get(de, "arg"), "Integer"), "ival"));

			if (strcmp(str(de, "defname"), "start") == 0)
				col->identity_start = v;
			else if (strcmp(str(de, "defname"), "increment") == 0)
				col->identity_increment = v;
		}
		col->nullable = 0;
		return 0;
	}
	if (strcmp(ct, "CONSTR_GENERATED") == 0 && col) {
		size_t at = after_word(p, (size_t)loc, "AS");
		const char *g = at == (size_t)-1 ? NULL : group_from(p, at);

		if (!g)
			return err(p, "a GENERATED clause");
		col->generated_expr = arena_strndup(p->r->a, g + 1, strlen(g) - 2);
		col->generated_type = "STORED";
		return 0;
	}
	if (strcmp(ct, "CONSTR_PRIMARY") == 0) {
		t->pk = arena_alloc(p->r->a, sizeof(*t->pk));
		if (!t->pk)
			return diag_nomem(p->d);
		if (col) {
			cols = arena_alloc(p->r->a, sizeof(*cols));
			cols[0] = col->name;
			n = 1;
			col->nullable = 0;
		} else {
			cols = names_of(p, get(c, "keys"), &n);
			for (size_t i = 0; i < n; i++)
				if (replay_column(t, cols[i]))
					replay_column(t, cols[i])->nullable = 0;
		}
		/* The model names a primary key only when the name is not the default. */
		t->pk->name = name && !default_pkey(name, t->name) ? name : NULL;
		t->pk->nulls_distinct = 1;
		t->pk->parts = parts_of(p, cols, n);
		t->pk->nparts = n;
		return 0;
	}
	if (strcmp(ct, "CONSTR_UNIQUE") == 0) {
		struct schema_index *ix;

		if (col) {
			cols = arena_alloc(p->r->a, sizeof(*cols));
			cols[0] = col->name;
			n = 1;
		} else {
			cols = names_of(p, get(c, "keys"), &n);
		}
		if (!name)
			name = choose_name(p, t, joined(p, cols, n), "key", 1);
		if (!name)
			return -1;
		ix = replay_add_index(p->r, p->st, t, name, p->d);
		if (!ix)
			return -1;
		ix->unique = ix->constraint = 1;
		ix->nulls_distinct = !json_is_true(get(c, "nulls_not_distinct"));
		ix->parts = parts_of(p, cols, n);
		ix->nparts = n;
		return 0;
	}
	if (strcmp(ct, "CONSTR_CHECK") == 0) {
		size_t at = after_word(p, (size_t)loc, "CHECK");
		struct schema_check *ck;

		if (at == (size_t)-1)
			return err(p, "a CHECK clause");
		ck = replay_add_check(p->r, t, p->d);
		if (!ck)
			return -1;
		if (!name) {
			const char *seen = NULL;
			int several = 0;

			/* AddRelationNewConstraints(): named after the one column it uses. */
			name = choose_name(p, t, only_column(get(c, "raw_expr"), &seen, &several),
					   "check", 0);
			if (!name)
				return -1;
		}
		ck->name = name;
		ck->expr = group_from(p, at);
		return ck->expr ? 0 : err(p, "a CHECK expression");
	}
	if (strcmp(ct, "CONSTR_FOREIGN") == 0) {
		struct schema_fk *fk = replay_add_fk(p->r, t, p->d);
		json_t *pk = get(c, "pktable");
		size_t n2;

		if (!fk)
			return -1;
		fk->name = name;
		if (col) {
			fk->columns = arena_alloc(p->r->a, sizeof(*fk->columns));
			fk->columns[0] = col->name;
			fk->ncolumns = 1;
		} else {
			fk->columns = names_of(p, get(c, "fk_attrs"), &fk->ncolumns);
		}
		fk->ref_columns = names_of(p, get(c, "pk_attrs"), &n2);
		fk->ref_schema = str(pk, "schemaname") ? str(pk, "schemaname") : p->r->schema;
		fk->ref_table = str(pk, "relname");
		fk->on_update = action(str(c, "fk_upd_action"));
		fk->on_delete = action(str(c, "fk_del_action"));
		if (n2 == 0) {
			/* REFERENCES t alone: the referenced table's primary key, as the server. */
			struct schema_schema *rs = replay_schema(p->r, fk->ref_schema);
			struct schema_table *rt = rs ? replay_table(rs, fk->ref_table) : NULL;

			if (!rt || !rt->pk)
				return err(p, "a foreign key to a table without a primary key");
			fk->ref_columns =
				arena_alloc(p->r->a, (rt->pk->nparts + 1) * sizeof(char *));
			if (!fk->ref_columns)
				return diag_nomem(p->d);
			for (n2 = 0; n2 < rt->pk->nparts; n2++)
				fk->ref_columns[n2] = rt->pk->parts[n2].column;
		}
		if (n2 != fk->ncolumns)
			return err(p, "a foreign key whose column lists differ in length");
		if (!fk->name)
			fk->name =
				choose_name(p, t, joined(p, fk->columns, fk->ncolumns), "fkey", 0);
		return fk->name ? 0 : -1;
	}
	return err(p, ct);
}

static int column_def(struct pgr *p, struct schema_table *t, json_t *cd)
{
	struct schema_column *c;
	json_t *x;
	size_t i;

	c = replay_add_column(p->r, p->st, t, str(cd, "colname"), NULL, 0, p->d);
	if (!c)
		return -1;
	c->nullable = 1;
	if (type_of(p, get(cd, "typeName"), &c->type))
		return -1;
	/* serial is an integer, NOT NULL, fed by a sequence the column owns */
	if (strcmp(c->type.kind, "serial") == 0)
		c->nullable = 0;
	json_array_foreach(get(cd, "constraints"), i, x)
	{
		json_t *cb;

		if (strcmp(node(x, &cb), "Constraint") != 0 || constraint(p, t, c, cb))
			return -1;
	}
	return 0;
}

static int create_table(struct pgr *p, json_t *cs)
{
	struct schema_schema *s = schema_of(p, get(cs, "relation"));
	struct schema_table *t;
	json_t *e;
	size_t i;

	if (!s)
		return -1;
	if (get(cs, "partspec") || get(cs, "inhRelations") || get(cs, "ofTypename"))
		return err(p, "CREATE TABLE with PARTITION BY, INHERITS or OF");
	t = replay_add_table(p->r, p->st, s, str(get(cs, "relation"), "relname"), p->d);
	if (!t)
		return -1;
	json_array_foreach(get(cs, "tableElts"), i, e)
	{
		json_t *b;
		const char *k = node(e, &b);

		if (strcmp(k, "ColumnDef") == 0	   ? column_def(p, t, b)
		    : strcmp(k, "Constraint") == 0 ? constraint(p, t, NULL, b)
						   : err(p, k))
			return -1;
	}
	return 0;
}

static const char *list_item(json_t *list, size_t from_end);

static int create_index(struct pgr *p, json_t *is)
{
	struct schema_table *t = table_of(p, get(is, "relation"));
	struct schema_index *ix;
	const char *m = str(is, "accessMethod");
	json_t *e;
	size_t i, w;

	if (!t)
		return -1;
	ix = replay_add_index(p->r, p->st, t, str(is, "idxname"), p->d);
	if (!ix)
		return -1;
	ix->unique = json_is_true(get(is, "unique"));
	ix->nulls_distinct = !json_is_true(get(is, "nulls_not_distinct"));
	ix->type = m && strcmp(m, "btree") != 0 ? m : NULL;
	ix->nparts = json_array_size(get(is, "indexParams"));
	ix->parts = arena_alloc(p->r->a, (ix->nparts + 1) * sizeof(*ix->parts));
	if (!ix->parts)
		return diag_nomem(p->d);
	json_array_foreach(get(is, "indexParams"), i, e)
	{
		json_t *el = get(e, "IndexElem");
		struct schema_part *pt = &ix->parts[i];
		const char *ord = str(el, "ordering"), *nul = str(el, "nulls_ordering");

		if (str(el, "name")) {
			pt->column = str(el, "name");
		} else {
			long at = minloc(get(el, "expr"));

			if (at < 0)
				return err(p, "an index expression without a position");
			pt->expr = trimmed(p, (size_t)at, expr_end(p->text, p->len, (size_t)at));
		}
		pt->desc = ord && strcmp(ord, "SORTBY_DESC") == 0;
		/* Only an order other than the direction's default: DESC puts NULLs first. */
		pt->nulls_first = !pt->desc && nul && strcmp(nul, "SORTBY_NULLS_FIRST") == 0;
		pt->nulls_last = pt->desc && nul && strcmp(nul, "SORTBY_NULLS_LAST") == 0;
		if (get(el, "opclass"))
			return err(p, "an index operator class");
	}
	if (get(is, "indexIncludingParams"))
		ix->include = names_of(p, get(is, "indexIncludingParams"), &ix->ninclude);
	if (!ix->name) {
		/* ChooseIndexName(): keys and INCLUDE columns; a function key by its name. */
		const char **cols =
			arena_alloc(p->r->a, (ix->nparts + ix->ninclude + 1) * sizeof(*cols));
		size_t k = 0;

		if (!cols)
			return diag_nomem(p->d);
		json_array_foreach(get(is, "indexParams"), i, e)
		{
			json_t *fc = get(get(get(e, "IndexElem"), "expr"), "FuncCall");

			cols[k++] = ix->parts[i].column ? ix->parts[i].column
				    : fc		? list_item(get(fc, "funcname"), 0)
							: "expr";
		}
		for (size_t n = 0; n < ix->ninclude; n++)
			cols[k++] = ix->include[n];
		ix->name = choose_name(p, t, joined(p, cols, k), "idx", 1);
		if (!ix->name)
			return -1;
	}
	if (get(is, "whereClause")) {
		w = after_word(p, 0, "WHERE");
		if (w == (size_t)-1)
			return err(p, "a WHERE clause");
		ix->where = trimmed(p, w, p->len - (p->text[p->len - 1] == ';'));
	}
	return 0;
}

static const char *list_item(json_t *list, size_t from_end)
{
	size_t n = json_array_size(list);

	return n > from_end
		       ? json_string_value(
				 get(get(json_array_get(list, n - 1 - from_end), "String"), "sval"))
		       : NULL;
}

static int comment(struct pgr *p, json_t *cs)
{
	const char *ty = str(cs, "objtype"), *text = str(cs, "comment");
	json_t *items = get(get(get(cs, "object"), "List"), "items");
	struct schema_schema *s;
	struct schema_table *t;

	/* IS '' removes a comment, as IS NULL does. */
	if (text && !*text)
		text = NULL;
	if (strcmp(ty, "OBJECT_SCHEMA") == 0) {
		s = replay_schema(p->r, str(get(get(cs, "object"), "String"), "sval"));
		if (!s)
			return replay_error(p->r, p->st, p->d, "no such schema");
		s->comment = text;
		return 0;
	}
	if (strcmp(ty, "OBJECT_TABLE") == 0 || strcmp(ty, "OBJECT_COLUMN") == 0) {
		int col = ty[7] == 'C';
		const char *tab = list_item(items, col), *sch = list_item(items, col + 1);
		struct schema_column *c;

		s = replay_schema(p->r, sch ? sch : p->r->schema);
		t = s ? replay_table(s, tab) : NULL;
		if (!t)
			return replay_error(p->r, p->st, p->d, "table '%s' does not exist", tab);
		if (!col) {
			t->comment = text;
			return 0;
		}
		c = replay_column(t, list_item(items, 0));
		if (!c)
			return replay_error(p->r, p->st, p->d, "column '%s' does not exist",
					    list_item(items, 0));
		c->comment = text;
		return 0;
	}
	if (strcmp(ty, "OBJECT_INDEX") == 0) {
		const char *sch = list_item(items, 1);
		struct schema_index *ix;

		s = replay_schema(p->r, sch ? sch : p->r->schema);
		t = replay_index_table(s, list_item(items, 0));
		ix = t ? replay_index(t, list_item(items, 0)) : NULL;
		if (!ix)
			return replay_error(p->r, p->st, p->d, "index '%s' does not exist",
					    list_item(items, 0));
		ix->comment = text;
		return 0;
	}
	return err(p, "COMMENT ON this kind of object");
}

static int alter_table(struct pgr *p, json_t *as)
{
	struct schema_table *t = table_of(p, get(as, "relation"));
	json_t *c;
	size_t i;

	if (!t)
		return -1;
	if (strcmp(str(as, "objtype") ? str(as, "objtype") : "OBJECT_TABLE", "OBJECT_TABLE") != 0)
		return err(p, "ALTER of this kind of object");
	json_array_foreach(get(as, "cmds"), i, c)
	{
		json_t *cmd = get(c, "AlterTableCmd"), *def = get(cmd, "def"), *b;
		const char *sub = str(cmd, "subtype"), *name = str(cmd, "name");
		struct schema_column *col = name ? replay_column(t, name) : NULL;

		if (name && !col && strcmp(sub, "AT_DropConstraint") != 0) {
			if (strcmp(sub, "AT_DropColumn") == 0 &&
			    json_is_true(get(cmd, "missing_ok")))
				continue;
			if (strcmp(sub, "AT_DropColumn") != 0)
				return replay_error(p->r, p->st, p->d,
						    "column '%s' of table '%s' does not exist",
						    name, t->name);
		}
		if (strcmp(sub, "AT_AddColumn") == 0) {
			if (column_def(p, t, get(def, "ColumnDef")))
				return -1;
		} else if (strcmp(sub, "AT_DropColumn") == 0) {
			if (replay_drop_column(p->r, p->st, t, name, p->d))
				return -1;
		} else if (strcmp(sub, "AT_AlterColumnType") == 0) {
			if (get(get(def, "ColumnDef"), "raw_default"))
				return err(p, "ALTER COLUMN TYPE ... USING");
			if (type_of(p, get(get(def, "ColumnDef"), "typeName"), &col->type))
				return -1;
		} else if (strcmp(sub, "AT_SetNotNull") == 0) {
			col->nullable = 0;
		} else if (strcmp(sub, "AT_DropNotNull") == 0) {
			col->nullable = 1;
		} else if (strcmp(sub, "AT_ColumnDefault") == 0) {
			if (!def) {
				col->default_kind = SCHEMA_DEFAULT_NONE;
				col->default_value = NULL;
			} else if (default_of(p, (size_t)minloc(def), col)) {
				return -1;
			}
		} else if (strcmp(sub, "AT_AddConstraint") == 0) {
			if (strcmp(node(def, &b), "Constraint") != 0 || constraint(p, t, NULL, b))
				return -1;
		} else if (strcmp(sub, "AT_DropConstraint") == 0) {
			if (replay_drop_constraint(p->r, p->st, t, name, p->d))
				return -1;
		} else if (strcmp(sub, "AT_DropIdentity") == 0) {
			col->identity = NULL;
		} else if (strcmp(sub, "AT_DropExpression") == 0) {
			col->generated_expr = col->generated_type = NULL;
		} else if (strcmp(sub, "AT_AddIdentity") == 0) {
			if (strcmp(node(def, &b), "Constraint") != 0 || constraint(p, t, col, b))
				return -1;
		} else {
			char what[96];

			snprintf(what, sizeof(what), "ALTER TABLE ... (%s)", sub);
			return err(p, what);
		}
	}
	return 0;
}

/* A column renamed everywhere its name is used in the table. */
static void rename_column(struct schema_table *t, const char *from, const char *to)
{
	struct schema_column *c = replay_column(t, from);

	if (c)
		c->name = to;
	for (size_t i = 0; i < t->nindexes; i++)
		for (size_t k = 0; k < t->indexes[i].nparts; k++)
			if (t->indexes[i].parts[k].column &&
			    strcmp(t->indexes[i].parts[k].column, from) == 0)
				t->indexes[i].parts[k].column = to;
	for (size_t k = 0; t->pk && k < t->pk->nparts; k++)
		if (t->pk->parts[k].column && strcmp(t->pk->parts[k].column, from) == 0)
			t->pk->parts[k].column = to;
	for (size_t i = 0; i < t->nfks; i++)
		for (size_t k = 0; k < t->fks[i].ncolumns; k++)
			if (strcmp(t->fks[i].columns[k], from) == 0)
				t->fks[i].columns[k] = to;
}

static int rename_stmt(struct pgr *p, json_t *rs)
{
	const char *ty = str(rs, "renameType"), *to = str(rs, "newname");
	json_t *rel = get(rs, "relation");

	if (strcmp(ty, "OBJECT_COLUMN") == 0) {
		struct schema_table *t = table_of(p, rel);

		if (!t)
			return -1;
		if (!replay_column(t, str(rs, "subname")))
			return replay_error(p->r, p->st, p->d, "column '%s' does not exist",
					    str(rs, "subname"));
		rename_column(t, str(rs, "subname"), to);
		return 0;
	}
	if (strcmp(ty, "OBJECT_TABLE") == 0) {
		struct schema_table *t = table_of(p, rel);

		if (!t)
			return -1;
		/* The primary key keeps its name, no longer the new name's default. */
		if (t->pk && !t->pk->name &&
		    !(t->pk->name = arena_printf(p->r->a, "%s_pkey", t->name)))
			return diag_nomem(p->d);
		if (t->pk && default_pkey(t->pk->name, to))
			t->pk->name = NULL;
		t->name = to;
		return 0;
	}
	if (strcmp(ty, "OBJECT_INDEX") == 0) {
		struct schema_schema *s = schema_of(p, rel);
		struct schema_table *t = s ? replay_index_table(s, str(rel, "relname")) : NULL;

		if (!t)
			return replay_error(p->r, p->st, p->d, "index '%s' does not exist",
					    str(rel, "relname"));
		replay_index(t, str(rel, "relname"))->name = to;
		return 0;
	}
	return err(p, "this RENAME");
}

static struct schema_enum *find_enum(struct schema_schema *s, const char *name)
{
	for (size_t i = 0; s && i < s->nenums; i++)
		if (strcmp(s->enums[i].name, name) == 0)
			return &s->enums[i];
	return NULL;
}

static int enums(struct pgr *p, const char *kind, json_t *b)
{
	json_t *tn = get(b, "typeName");
	const char *name = list_item(tn, 0), *sch = list_item(tn, 1);
	struct schema_schema *s = replay_schema(p->r, sch ? sch : p->r->schema);
	struct schema_enum *e = find_enum(s, name);
	json_t *v;
	size_t i;

	if (!s)
		return replay_error(p->r, p->st, p->d, "schema '%s' does not exist", sch);
	if (strcmp(kind, "CreateEnumStmt") == 0) {
		if (e)
			return replay_error(p->r, p->st, p->d, "type '%s' already exists", name);
		e = arena_push(p->r->a, (void **)&s->enums, &s->nenums, &s->capenums, sizeof(*e));
		if (!e)
			return diag_nomem(p->d);
		e->name = name;
		e->values = arena_alloc(p->r->a,
					(json_array_size(get(b, "vals")) + 1) * sizeof(char *));
		json_array_foreach(get(b, "vals"), i, v) e->values[i] =
			str(get(v, "String"), "sval");
		e->nvalues = json_array_size(get(b, "vals"));
		return 0;
	}
	if (!e)
		return replay_error(p->r, p->st, p->d, "type '%s' does not exist", name);
	if (str(b, "oldVal")) {
		for (i = 0; i < e->nvalues; i++)
			if (strcmp(e->values[i], str(b, "oldVal")) == 0)
				e->values[i] = str(b, "newVal");
		return 0;
	}
	{
		const char **nv = arena_alloc(p->r->a, (e->nvalues + 2) * sizeof(*nv));
		const char *nb = str(b, "newValNeighbor");
		size_t at = e->nvalues, k = 0;

		if (!nv)
			return diag_nomem(p->d);
		for (i = 0; nb && i < e->nvalues; i++)
			if (strcmp(e->values[i], nb) == 0)
				at = json_is_true(get(b, "newValIsAfter")) ? i + 1 : i;
		for (i = 0; i <= e->nvalues; i++) {
			if (i == at)
				nv[k++] = str(b, "newVal");
			if (i < e->nvalues)
				nv[k++] = e->values[i];
		}
		e->values = nv;
		e->nvalues++;
	}
	return 0;
}

static int drop(struct pgr *p, json_t *ds)
{
	const char *ty = str(ds, "removeType");
	int missing_ok = json_is_true(get(ds, "missing_ok"));
	json_t *o;
	size_t i;

	json_array_foreach(get(ds, "objects"), i, o)
	{
		json_t *items = get(get(o, "List"), "items");
		const char *name = items ? list_item(items, 0) : str(get(o, "String"), "sval");
		const char *sch = items ? list_item(items, 1) : NULL;
		struct schema_schema *s;

		if (strcmp(ty, "OBJECT_SCHEMA") == 0) {
			if (!replay_schema(p->r, name) && missing_ok)
				continue;
			if (replay_drop_schema(p->r, p->st, name, p->d))
				return -1;
			continue;
		}
		if (strcmp(ty, "OBJECT_TYPE") == 0) {
			json_t *tn = get(get(o, "TypeName"), "names");

			name = list_item(tn, 0);
			sch = list_item(tn, 1);
		}
		s = replay_schema(p->r, sch ? sch : p->r->schema);
		if (strcmp(ty, "OBJECT_TABLE") == 0) {
			if (missing_ok && !replay_table(s, name))
				continue;
			if (replay_drop_table(p->r, p->st, s, name, p->d))
				return -1;
		} else if (strcmp(ty, "OBJECT_INDEX") == 0) {
			struct schema_table *t = replay_index_table(s, name);

			if (missing_ok && !t)
				continue;
			if (replay_drop_index(p->r, p->st, t, name, p->d))
				return -1;
		} else if (strcmp(ty, "OBJECT_TYPE") == 0) {
			struct schema_enum *e = find_enum(s, name);

			if (!e) {
				if (missing_ok)
					continue;
				return replay_error(p->r, p->st, p->d, "type '%s' does not exist",
						    name);
			}
			memmove(e, e + 1, (s->nenums - (size_t)(e - s->enums) - 1) * sizeof(*e));
			s->nenums--;
		} else {
			return err(p, "DROP of this kind of object");
		}
	}
	return 0;
}

int replay_pg(struct replay *r, const struct sqlsplit_stmt *st, struct diag *d)
{
	struct pgr p = { r, st, st->text, st->len, d };
	PgQueryParseResult res = pg_query_parse(st->text);
	json_t *root = NULL, *s, *b;
	const char *k;
	size_t i;
	int rc = 0;

	if (res.error) {
		rc = replay_error(r, st, d, "syntax error: %s", res.error->message);
		goto out;
	}
	root = json_loads(res.parse_tree, 0, NULL);
	if (!root) {
		rc = diag_nomem(d);
		goto out;
	}
	json_array_foreach(get(root, "stmts"), i, s)
	{
		k = node(get(s, "stmt"), &b);
		if (strcmp(k, "CreateStmt") == 0)
			rc = create_table(&p, b);
		else if (strcmp(k, "IndexStmt") == 0)
			rc = create_index(&p, b);
		else if (strcmp(k, "CommentStmt") == 0)
			rc = comment(&p, b);
		else if (strcmp(k, "AlterTableStmt") == 0)
			rc = alter_table(&p, b);
		else if (strcmp(k, "RenameStmt") == 0)
			rc = rename_stmt(&p, b);
		else if (strcmp(k, "CreateEnumStmt") == 0 || strcmp(k, "AlterEnumStmt") == 0)
			rc = enums(&p, k, b);
		else if (strcmp(k, "DropStmt") == 0)
			rc = drop(&p, b);
		else if (strcmp(k, "CreateSchemaStmt") == 0)
			rc = replay_schema(r, str(b, "schemaname")) &&
					     json_is_true(get(b, "if_not_exists"))
				     ? 0
			     : replay_add_schema(r, st, str(b, "schemaname"), d) ? 0
										 : -1;
		else if (strcmp(k, "InsertStmt") == 0 || strcmp(k, "UpdateStmt") == 0 ||
			 strcmp(k, "DeleteStmt") == 0 || strcmp(k, "SelectStmt") == 0 ||
			 strcmp(k, "TransactionStmt") == 0 || strcmp(k, "VariableSetStmt") == 0)
			rc = 0; /* no schema change */
		else
			rc = err(&p, k);
		if (rc)
			break;
	}
out:
	/* Names in the model point into the tree: it lives until replay_release(). */
	if (root && replay_keep(r, root))
		rc = diag_nomem(d);
	pg_query_free_parse_result(res);
	return rc;
}
