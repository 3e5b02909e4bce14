/* schema_hcl: Atlas HCL (parsed and evaluated) into the schema model, strictly. */
#include "schema.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "hcleval.h"

struct dec {
	struct arena *a;
	enum schema_dialect dialect;
	struct hcl_ctx cx;
	struct schema_realm *realm;
	const struct hcl_item **schema_blocks; /* parallel to realm->schemas */
	size_t nsb, capsb;
	struct diag *d;
};

#define PG(x) ((x)->dialect == SCHEMA_POSTGRES)
#define END   NULL

static int nomem(struct dec *x)
{
	return diag_nomem(x->d);
}

static const char *label(const struct hcl_item *b)
{
	return b->nlabels ? b->labels[b->nlabels - 1] : "";
}

static int in_list(const char *s, const char *const *list)
{
	for (; list && *list; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

/* Levenshtein distance, for "did you mean" on typos such as nul = true. */
static size_t distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), prev[64], cur[64];

	if (la >= 63 || lb >= 63)
		return 99;
	for (size_t j = 0; j <= lb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= la; i++) {
		cur[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t c = prev[j - 1] + (a[i - 1] != b[j - 1]);

			if (prev[j] + 1 < c)
				c = prev[j] + 1;
			if (cur[j - 1] + 1 < c)
				c = cur[j - 1] + 1;
			cur[j] = c;
		}
		memcpy(prev, cur, (lb + 1) * sizeof(size_t));
	}
	return prev[lb];
}

static const char *suggest(const char *s, const char *const *list)
{
	const char *best = NULL;
	size_t bd = 3;

	for (; list && *list; list++) {
		size_t dd = distance(s, *list);

		if (dd < bd) {
			bd = dd;
			best = *list;
		}
	}
	return best;
}

static const char *what(const struct hcl_item *b)
{
	static char buf[4][160];
	static int k;

	k = (k + 1) % 4;
	if (b->nlabels)
		snprintf(buf[k], sizeof(buf[k]), "%s '%s'", b->name, label(b));
	else
		snprintf(buf[k], sizeof(buf[k]), "%s", b->name);
	return buf[k];
}

/* Every attribute and child block of blk must be one the spec (for this dialect) knows. */
static int check_items(struct dec *x, const struct hcl_item *blk, const char *const *attrs,
		       const char *const *blocks)
{
	for (size_t i = 0; i < blk->body.n; i++) {
		const struct hcl_item *it = &blk->body.v[i];
		const char *const *list = it->kind == HI_ATTR ? attrs : blocks;
		const char *hint;

		if (in_list(it->name, list))
			continue;
		if (it->kind == HI_ATTR &&
		    (strcmp(it->name, "for_each") == 0 || strcmp(it->name, "count") == 0))
			return hcl_error(x->d, it, it->pos,
					 "'%s' is not supported: write each %s out", it->name,
					 blk->name);
		hint = suggest(it->name, list);
		if (hint)
			return hcl_error(x->d, it, it->pos,
					 "unknown %s '%s' in %s; did you mean '%s'?",
					 it->kind == HI_ATTR ? "attribute" : "block", it->name,
					 what(blk), hint);
		return hcl_error(x->d, it, it->pos, "unknown %s '%s' in %s (%s)",
				 it->kind == HI_ATTR ? "attribute" : "block", it->name, what(blk),
				 schema_dialect_name(x->dialect));
	}
	return 0;
}

/* The value of attribute name of blk (NULL when absent or null). */
static int attr(struct dec *x, const struct hcl_item *blk, const struct hcl_scope *sc,
		const char *name, const char *const *idents, struct hcl_value **out,
		const struct hcl_item **where)
{
	const struct hcl_item *it = hcl_attr(blk, name);
	struct hcl_scope inner = { blk, sc };

	*out = NULL;
	if (where)
		*where = it;
	if (!it)
		return 0;
	x->cx.idents = idents;
	x->cx.type_scope = 0;
	if (hcl_eval(&x->cx, it, &inner, it->expr, out, x->d)) {
		x->cx.idents = NULL;
		return -1;
	}
	x->cx.idents = NULL;
	if ((*out)->kind == HV_NULL)
		*out = NULL;
	return 0;
}

static int bad_kind(struct dec *x, const struct hcl_item *blk, const char *name,
		    const struct hcl_value *v, const char *want)
{
	const struct hcl_item *it = hcl_attr(blk, name);

	return hcl_error(x->d, it, v->pos, "attribute '%s' of %s must be %s, not %s", name,
			 what(blk), want, hcl_vkind_name(v->kind));
}

static int get_string(struct dec *x, const struct hcl_item *blk, const struct hcl_scope *sc,
		      const char *name, const char **out)
{
	struct hcl_value *v;

	*out = NULL;
	if (attr(x, blk, sc, name, NULL, &v, NULL))
		return -1;
	if (!v)
		return 0;
	if (v->kind != HV_STRING)
		return bad_kind(x, blk, name, v, "a string");
	*out = v->s;
	return 0;
}

static int get_bool(struct dec *x, const struct hcl_item *blk, const struct hcl_scope *sc,
		    const char *name, int *out)
{
	struct hcl_value *v;

	if (attr(x, blk, sc, name, NULL, &v, NULL))
		return -1;
	if (!v)
		return 0;
	if (v->kind != HV_BOOL)
		return bad_kind(x, blk, name, v, "true or false");
	*out = v->b;
	return 0;
}

static int get_int(struct dec *x, const struct hcl_item *blk, const struct hcl_scope *sc,
		   const char *name, long long *out, int *set)
{
	struct hcl_value *v;

	if (set)
		*set = 0;
	if (attr(x, blk, sc, name, NULL, &v, NULL))
		return -1;
	if (!v)
		return 0;
	if (v->kind != HV_NUMBER || v->num != (double)(long long)v->num)
		return bad_kind(x, blk, name, v, "an integer");
	*out = (long long)v->num;
	if (set)
		*set = 1;
	return 0;
}

/* A scoped identifier (or a string): SET_NULL -> "SET NULL"; upper-cased when asked. */
static int get_word_in(struct dec *x, const struct hcl_item *blk, const struct hcl_scope *sc,
		       const char *name, const char *const *idents, int upper, int strict,
		       const char **out);

static int get_word(struct dec *x, const struct hcl_item *blk, const struct hcl_scope *sc,
		    const char *name, const char *const *idents, int upper, const char **out)
{
	return get_word_in(x, blk, sc, name, idents, upper, 0, out);
}

/* As get_word; strict: a quoted value must also be one of idents (spaces for '_'). */
static int get_word_in(struct dec *x, const struct hcl_item *blk, const struct hcl_scope *sc,
		       const char *name, const char *const *idents, int upper, int strict,
		       const char **out)
{
	const struct hcl_item *it;
	struct hcl_value *v;
	char *s;

	*out = NULL;
	if (attr(x, blk, sc, name, idents, &v, &it))
		return -1;
	if (!v)
		return 0;
	if (v->kind != HV_STRING)
		return bad_kind(x, blk, name, v, "an identifier or a string");
	if (strict) {
		char want[64], list[256] = "";
		int ok = 0;

		snprintf(want, sizeof(want), "%s", v->s);
		for (char *p = want; *p; p++)
			if (*p == ' ')
				*p = '_';
		for (const char *const *id = idents; *id; id++) {
			ok |= upper ? strcasecmp(*id, want) == 0 : strcmp(*id, want) == 0;
			snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s%s",
				 list[0] ? ", " : "", *id);
		}
		if (!ok)
			return hcl_error(x->d, it, v->pos, "unknown value '%s' for %s (one of: %s)",
					 v->s, name, list);
	}
	s = arena_strdup(x->a, v->s);
	if (!s)
		return nomem(x);
	for (char *p = s; *p; p++) {
		if (*p == '_' && in_list(v->s, idents))
			*p = ' ';
		if (upper)
			*p = (char)toupper((unsigned char)*p);
	}
	*out = s;
	return 0;
}

static const struct hcl_item *find_schema_block(struct dec *x, const struct hcl_value *v,
						size_t *idx)
{
	for (size_t i = 0; i < x->nsb; i++)
		if (x->schema_blocks[i] == v->ref.block) {
			*idx = i;
			return v->ref.block;
		}
	return NULL;
}

/* The schema a table or enum block names with 'schema = schema.X'. */
static int block_schema(struct dec *x, const struct hcl_item *blk, size_t *idx)
{
	const struct hcl_item *it;
	struct hcl_value *v;

	if (attr(x, blk, NULL, "schema", NULL, &v, &it))
		return -1;
	if (!v)
		return hcl_error(x->d, blk, blk->pos,
				 "%s has no 'schema' attribute (schema = schema.<name>)",
				 what(blk));
	if (v->kind != HV_REF || strcmp(v->ref.block->name, "schema") != 0 ||
	    !find_schema_block(x, v, idx))
		return hcl_error(x->d, it, v->pos,
				 "attribute 'schema' of %s must be a schema reference", what(blk));
	return 0;
}

/* Column references of the current table, by name: [column.a, column.b]. */
static int column_list(struct dec *x, const struct hcl_item *blk, const struct hcl_scope *sc,
		       const char *name, const struct schema_table *t, const char ***out, size_t *n)
{
	const struct hcl_item *it;
	struct hcl_value *v;

	*out = NULL;
	*n = 0;
	if (attr(x, blk, sc, name, NULL, &v, &it))
		return -1;
	if (!v)
		return 0;
	if (v->kind != HV_LIST)
		return bad_kind(x, blk, name, v, "a list of column references");
	*out = arena_alloc(x->a, (v->n ? v->n : 1) * sizeof(**out));
	if (!*out)
		return nomem(x);
	for (size_t i = 0; i < v->n; i++) {
		const struct hcl_value *c = v->v[i];
		size_t k;

		if (c->kind != HV_REF || strcmp(c->ref.block->name, "column") != 0)
			return hcl_error(
				x->d, it, c->pos,
				"'%s' of %s must list column references, not a %s", name, what(blk),
				c->kind == HV_REF ? c->ref.block->name : hcl_vkind_name(c->kind));
		if (t) {
			for (k = 0; k < t->ncolumns; k++)
				if (strcmp(t->columns[k].name, label(c->ref.block)) == 0)
					break;
			if (k == t->ncolumns)
				return hcl_error(x->d, it, c->pos,
						 "%s: column '%s' is not in table '%s'", what(blk),
						 label(c->ref.block), t->name);
		}
		for (k = 0; k < i; k++)
			if (strcmp((*out)[k], label(c->ref.block)) == 0)
				return hcl_error(x->d, it, c->pos, "%s: column '%s' listed twice",
						 what(blk), label(c->ref.block));
		(*out)[i] = label(c->ref.block);
	}
	*n = v->n;
	return 0;
}

static const char *const fk_actions[] = { "NO_ACTION", "RESTRICT",    "CASCADE",
					  "SET_NULL",  "SET_DEFAULT", END };
static const char *const pg_index_types[] = { "BTREE", "BRIN",	 "HASH",   "GIN", "GIST",
					      "GiST",  "SPGIST", "SPGiST", END };
static const char *const my_index_types[] = { "BTREE", "HASH", "FULLTEXT", "SPATIAL", END };
static const char *const any_ident[] = { "*", END };

static int decode_default(struct dec *x, const struct hcl_item *blk, const struct hcl_scope *sc,
			  struct schema_column *c)
{
	const struct hcl_item *it;
	struct hcl_value *v;

	if (attr(x, blk, sc, "default", NULL, &v, &it))
		return -1;
	if (!v)
		return 0;
	switch (v->kind) {
	case HV_RAW:
		c->default_kind = SCHEMA_DEFAULT_EXPR;
		c->default_value = v->s;
		return 0;
	case HV_STRING:
		c->default_kind = SCHEMA_DEFAULT_LITERAL;
		c->default_value = v->s;
		/* PostgreSQL: a double-quoted string default becomes a single-quoted literal. */
		if (PG(x) && v->slen >= 2 && v->s[0] == '"' && v->s[v->slen - 1] == '"')
			c->default_value = arena_printf(x->a, "'%.*s'", (int)v->slen - 2, v->s + 1);
		break;
	case HV_NUMBER:
		c->default_kind = SCHEMA_DEFAULT_LITERAL;
		c->default_value = v->numtext;
		if (strpbrk(v->numtext, ".eE"))
			c->default_value = arena_printf(x->a, "%.10g", v->num);
		break;
	case HV_BOOL:
		c->default_kind = SCHEMA_DEFAULT_LITERAL;
		c->default_value = v->b ? "true" : "false";
		break;
	default:
		return hcl_error(x->d, it, v->pos,
				 "unsupported type %s for the default of column '%s'",
				 hcl_vkind_name(v->kind), c->name);
	}
	return c->default_value ? 0 : nomem(x);
}

static int decode_column(struct dec *x, const struct hcl_item *blk, const struct hcl_scope *sc,
			 struct schema_table *t, struct schema_column *c)
{
	static const char *const pg_attrs[] = { "type", "null", "default", "comment", "as", END };
	static const char *const my_attrs[] = { "type",		  "null",      "default",
						"comment",	  "as",	       "unsigned",
						"auto_increment", "on_update", "charset",
						"collate",	  "collation", END };
	static const char *const pg_blocks[] = { "identity", "as", END };
	static const char *const my_blocks[] = { "as", END };
	struct hcl_scope inner = { blk, sc };
	const struct hcl_item *it, *as_block = NULL, *ident = NULL;
	struct hcl_value *v;
	int is_unsigned = 0;

	if (blk->nlabels != 1)
		return hcl_error(x->d, blk, blk->pos, "a column block takes one label, its name");
	c->name = label(blk);
	c->pos = blk->pos;
	if (check_items(x, blk, PG(x) ? pg_attrs : my_attrs, PG(x) ? pg_blocks : my_blocks))
		return -1;
	for (size_t i = 0; i < blk->body.n; i++) {
		const struct hcl_item *b = &blk->body.v[i];

		if (b->kind != HI_BLOCK)
			continue;
		if (strcmp(b->name, "as") == 0) {
			if (as_block)
				return hcl_error(x->d, b, b->pos, "column '%s' has two 'as' blocks",
						 c->name);
			as_block = b;
		} else if (strcmp(b->name, "identity") == 0) {
			if (ident)
				return hcl_error(x->d, b, b->pos,
						 "column '%s' has two identity blocks", c->name);
			ident = b;
		}
	}
	if (!PG(x) && get_bool(x, blk, sc, "unsigned", &is_unsigned))
		return -1;
	it = hcl_attr(blk, "type");
	if (!it)
		return hcl_error(x->d, blk, blk->pos, "column '%s' of table '%s' has no type",
				 c->name, t->name);
	x->cx.type_scope = 1;
	x->cx.idents = NULL;
	if (hcl_eval(&x->cx, it, &inner, it->expr, &v, x->d)) {
		x->cx.type_scope = 0;
		return -1;
	}
	x->cx.type_scope = 0;
	if (schema_type_from_hcl(x->a, x->dialect, it, v, is_unsigned, &c->type, x->d))
		return -1;
	if (PG(x) && c->type.elem && strcmp(c->type.elem->kind, "user") == 0) {
		/* sql("status[]") where status is an enum block: an array of that enum. */
		for (size_t i = 0; i < x->realm->nschemas; i++)
			for (size_t k = 0; k < x->realm->schemas[i].nenums; k++)
				if (strcmp(x->realm->schemas[i].enums[k].name, c->type.elem->sql) ==
				    0) {
					c->type.elem->kind = "enum";
					c->type.elem->enum_name =
						x->realm->schemas[i].enums[k].name;
					c->type.elem->enum_schema = x->realm->schemas[i].name;
				}
	}
	if (c->type.enum_name) {
		const struct hcl_item *eb = v->ref.block;
		size_t si;

		if (block_schema(x, eb, &si))
			return -1;
		c->type.enum_schema = x->realm->schemas[si].name;
	}
	if (get_bool(x, blk, sc, "null", &c->nullable) || decode_default(x, blk, sc, c) ||
	    get_string(x, blk, sc, "comment", &c->comment))
		return -1;
	if (PG(x) && strcmp(c->type.kind, "serial") == 0 && c->nullable)
		return hcl_error(x->d, blk, blk->pos,
				 "serial column '%s' cannot be null (null = true)", c->name);
	if (!PG(x)) {
		int ai = 0;
		const char *coll = NULL;

		if (get_bool(x, blk, sc, "auto_increment", &ai) ||
		    get_string(x, blk, sc, "charset", &c->charset) ||
		    get_string(x, blk, sc, "collate", &c->collate) ||
		    get_string(x, blk, sc, "collation", &coll))
			return -1;
		if (coll && c->collate)
			return hcl_error(x->d, blk, blk->pos,
					 "column '%s' sets both 'collate' and 'collation'",
					 c->name);
		if (coll)
			c->collate = coll;
		c->auto_increment = ai;
		if (attr(x, blk, sc, "on_update", NULL, &v, &it))
			return -1;
		if (v && v->kind != HV_RAW)
			return hcl_error(x->d, it, v->pos,
					 "on_update of column '%s' must be sql(\"...\"), not a %s",
					 c->name, hcl_vkind_name(v->kind));
		if (v)
			c->on_update = v->s;
	}
	if (attr(x, blk, sc, "as", NULL, &v, &it))
		return -1;
	if (v && as_block)
		return hcl_error(x->d, as_block, as_block->pos,
				 "multiple as definitions for column '%s'", c->name);
	if (v) {
		if (v->kind != HV_STRING)
			return bad_kind(x, blk, "as", v, "a string expression");
		c->generated_expr = v->s;
		c->generated_type = PG(x) ? "STORED" : "VIRTUAL";
	}
	if (as_block) {
		static const char *const as_attrs[] = { "expr", "type", END };
		static const char *const pg_as[] = { "STORED", END };
		static const char *const my_as[] = { "STORED", "PERSISTENT", "VIRTUAL", END };
		const char *gt = NULL;

		if (check_items(x, as_block, as_attrs, NULL) ||
		    get_string(x, as_block, &inner, "expr", &c->generated_expr) ||
		    get_word_in(x, as_block, &inner, "type", PG(x) ? pg_as : my_as, 1, 1, &gt))
			return -1;
		if (!c->generated_expr)
			return hcl_error(x->d, as_block, as_block->pos,
					 "the as block of column '%s' needs expr", c->name);
		if (gt && !in_list(gt, PG(x) ? pg_as : my_as))
			return hcl_error(x->d, as_block, as_block->pos,
					 "unknown generated column type '%s'", gt);
		c->generated_type = gt	    ? (strcmp(gt, "PERSISTENT") == 0 ? "STORED" : gt)
				    : PG(x) ? "STORED"
					    : "VIRTUAL";
	}
	if (ident) {
		static const char *const id_attrs[] = { "generated", "start", "increment", END };
		static const char *const gen[] = { "ALWAYS", "BY_DEFAULT", END };
		long long start = 0, inc = 0;
		const char *g = NULL;

		if (check_items(x, ident, id_attrs, NULL) ||
		    get_word_in(x, ident, &inner, "generated", gen, 1, 1, &g) ||
		    get_int(x, ident, &inner, "start", &start, NULL) ||
		    get_int(x, ident, &inner, "increment", &inc, NULL))
			return -1;
		if (g && strcmp(g, "ALWAYS") != 0 && strcmp(g, "BY DEFAULT") != 0)
			return hcl_error(
				x->d, ident, ident->pos,
				"identity generated must be ALWAYS or BY_DEFAULT, not '%s'", g);
		if (c->generated_expr)
			return hcl_error(x->d, ident, ident->pos,
					 "column '%s' cannot be both identity and generated",
					 c->name);
		c->identity = g ? g : "BY DEFAULT";
		c->identity_start = start ? start : 1;
		c->identity_increment = inc ? inc : 1;
	}
	return 0;
}

static int decode_parts(struct dec *x, const struct hcl_item *blk, const struct hcl_scope *sc,
			struct schema_table *t, const char *const *cols, size_t ncols,
			struct schema_part **parts, size_t *nparts)
{
	static const char *const pg_on[] = { "column",	    "expr",	  "desc", "ops",
					     "nulls_first", "nulls_last", END };
	static const char *const my_on[] = { "column", "expr", "desc", "prefix", END };
	struct hcl_scope inner = { blk, sc };
	size_t cap = 0, pos = 0;

	*parts = NULL;
	*nparts = 0;
	for (size_t i = 0; i < ncols; i++) {
		struct schema_part *p = arena_push(x->a, (void **)parts, nparts, &cap, sizeof(*p));

		if (!p)
			return nomem(x);
		p->column = cols[i];
	}
	for (size_t i = 0; i < blk->body.n; i++) {
		const struct hcl_item *on = &blk->body.v[i];
		struct schema_part *p;
		struct hcl_value *v;
		const struct hcl_item *it;
		long long prefix = 0;

		if (on->kind != HI_BLOCK || strcmp(on->name, "on") != 0)
			continue;
		pos++;
		if (check_items(x, on, PG(x) ? pg_on : my_on, NULL))
			return -1;
		p = arena_push(x->a, (void **)parts, nparts, &cap, sizeof(*p));
		if (!p)
			return nomem(x);
		if (attr(x, on, &inner, "column", NULL, &v, &it))
			return -1;
		if (v) {
			size_t k;

			if (v->kind != HV_REF || strcmp(v->ref.block->name, "column") != 0)
				return hcl_error(
					x->d, it, v->pos,
					"'column' of an on block must be a column reference");
			for (k = 0; k < t->ncolumns; k++)
				if (strcmp(t->columns[k].name, label(v->ref.block)) == 0)
					break;
			if (k == t->ncolumns)
				return hcl_error(x->d, it, v->pos,
						 "%s: column '%s' is not in table '%s'", what(blk),
						 label(v->ref.block), t->name);
			p->column = label(v->ref.block);
		}
		if (get_string(x, on, &inner, "expr", &p->expr) ||
		    get_bool(x, on, &inner, "desc", &p->desc))
			return -1;
		if (p->column && p->expr)
			return hcl_error(
				x->d, on, on->pos,
				"cannot use both \"column\" and \"expr\" in %s at position %zu",
				what(blk), pos);
		if (!p->column && !p->expr)
			return hcl_error(
				x->d, on, on->pos,
				"\"column\" or \"expr\" are required for %s at position %zu",
				what(blk), pos);
		if (PG(x)) {
			if (attr(x, on, &inner, "ops", any_ident, &v, &it))
				return -1;
			if (v && v->kind != HV_STRING && v->kind != HV_RAW)
				return bad_kind(x, on, "ops", v, "an operator class");
			p->ops = v ? v->s : NULL;
			if (get_bool(x, on, &inner, "nulls_first", &p->nulls_first) ||
			    get_bool(x, on, &inner, "nulls_last", &p->nulls_last))
				return -1;
		} else {
			if (get_int(x, on, &inner, "prefix", &prefix, NULL))
				return -1;
			if (prefix && p->expr)
				return hcl_error(
					x->d, on, on->pos,
					"attribute 'on.prefix' cannot be used in functional part");
			p->prefix = (long)prefix;
		}
	}
	return 0;
}

static int decode_index(struct dec *x, const struct hcl_item *blk, const struct hcl_scope *sc,
			struct schema_table *t, struct schema_index *ix, int is_pk,
			int is_unique_block)
{
	static const char *const pg_ix[] = { "unique",	       "columns", "type",
					     "where",	       "include", "nulls_distinct",
					     "page_per_range", "comment", END };
	static const char *const my_ix[] = {
		"unique", "columns", "type", "parser", "comment", END
	};
	static const char *const pg_pk[] = { "columns", "include", "page_per_range", "comment",
					     END };
	static const char *const my_pk[] = { "columns", "type", "comment", END };
	static const char *const pg_uq[] = { "columns", "include", "nulls_distinct", "comment",
					     END };
	static const char *const on_only[] = { "on", END };
	static const char *const parsers[] = { "ngram", "mecab", END };
	const char *const *attrs = is_pk	     ? (PG(x) ? pg_pk : my_pk)
				   : is_unique_block ? pg_uq
				   : PG(x)	     ? pg_ix
						     : my_ix;
	const char **cols;
	size_t ncols, non = 0;
	long long ppr = 0;
	int nd = 1;

	/* PostgreSQL ignores on blocks in a primary key; we reject them instead. */
	if (check_items(x, blk, attrs, is_pk && PG(x) ? NULL : on_only))
		return -1;
	ix->name = blk->nlabels ? label(blk) : NULL;
	ix->nulls_distinct = 1;
	if (!is_pk && !ix->name)
		return hcl_error(x->d, blk, blk->pos, "an %s block needs a name label", blk->name);
	if (column_list(x, blk, sc, "columns", t, &cols, &ncols))
		return -1;
	for (size_t i = 0; i < blk->body.n; i++)
		non += blk->body.v[i].kind == HI_BLOCK;
	if (ncols == 0 && non == 0)
		return hcl_error(x->d, blk, blk->pos,
				 "missing definition for %s: set columns or on blocks", what(blk));
	if (hcl_attr(blk, "columns") && non)
		return hcl_error(x->d, blk, blk->pos,
				 "multiple definitions for %s, use \"columns\" or \"on\"",
				 what(blk));
	if (decode_parts(x, blk, sc, t, cols, ncols, &ix->parts, &ix->nparts))
		return -1;
	if (!is_pk && get_bool(x, blk, sc, "unique", &ix->unique))
		return -1;
	if (is_unique_block) {
		ix->unique = 1;
		ix->constraint = 1;
	}
	if (get_string(x, blk, sc, "comment", &ix->comment))
		return -1;
	if (PG(x)) {
		struct schema_table *tt = t;

		if (!is_pk && !is_unique_block &&
		    (get_word(x, blk, sc, "type", pg_index_types, 1, &ix->type) ||
		     get_string(x, blk, sc, "where", &ix->where)))
			return -1;
		if (ix->type && strcmp(ix->type, "BTREE") == 0)
			ix->type = NULL;
		if (column_list(x, blk, sc, "include", tt, &ix->include, &ix->ninclude) ||
		    get_bool(x, blk, sc, "nulls_distinct", &nd) ||
		    get_int(x, blk, sc, "page_per_range", &ppr, NULL))
			return -1;
		ix->nulls_distinct = nd;
		ix->page_per_range = (long)ppr;
	} else {
		if (get_word_in(x, blk, sc, "type", my_index_types, 0, 1, &ix->type))
			return -1;
		if (ix->type && !in_list(ix->type, my_index_types))
			return hcl_error(x->d, hcl_attr(blk, "type"), hcl_attr(blk, "type")->pos,
					 "unknown index type '%s' (BTREE, HASH, FULLTEXT, SPATIAL)",
					 ix->type);
		if (ix->type && strcmp(ix->type, "BTREE") == 0)
			ix->type = NULL;
		if (!is_pk && get_word(x, blk, sc, "parser", parsers, 0, &ix->parser))
			return -1;
	}
	return 0;
}

static int decode_fk(struct dec *x, const struct hcl_item *blk, const struct hcl_scope *sc,
		     struct schema_table *t, struct schema_fk *fk)
{
	static const char *const fk_attrs[] = { "columns", "ref_columns", "on_update", "on_delete",
						END };
	const struct hcl_item *it, *ref_table = NULL;
	struct hcl_value *v;
	size_t n;

	if (check_items(x, blk, fk_attrs, NULL))
		return -1;
	fk->name = blk->nlabels ? label(blk) : NULL;
	if (column_list(x, blk, sc, "columns", t, &fk->columns, &fk->ncolumns))
		return -1;
	if (fk->ncolumns == 0)
		return hcl_error(x->d, blk, blk->pos, "%s needs columns", what(blk));
	if (attr(x, blk, sc, "ref_columns", NULL, &v, &it))
		return -1;
	if (!v || v->kind != HV_LIST || v->n == 0)
		return hcl_error(x->d, blk, blk->pos,
				 "%s needs ref_columns (a list of column references)", what(blk));
	n = v->n;
	if (n != fk->ncolumns)
		return hcl_error(x->d, it, v->pos,
				 "number of referencing and referenced columns do not match for %s",
				 what(blk));
	fk->ref_columns = arena_alloc(x->a, n * sizeof(*fk->ref_columns));
	if (!fk->ref_columns)
		return nomem(x);
	for (size_t i = 0; i < n; i++) {
		const struct hcl_value *c = v->v[i];

		if (c->kind != HV_REF || strcmp(c->ref.block->name, "column") != 0 ||
		    !c->ref.parent)
			return hcl_error(x->d, it, c->pos,
					 "ref_columns of %s must be column references", what(blk));
		if (ref_table && ref_table != c->ref.parent)
			return hcl_error(x->d, it, c->pos,
					 "%s references columns of more than one table", what(blk));
		ref_table = c->ref.parent;
		fk->ref_columns[i] = label(c->ref.block);
	}
	if (strcmp(ref_table->name, "table") != 0)
		return hcl_error(x->d, it, v->pos, "ref_columns of %s must be columns of a table",
				 what(blk));
	fk->ref_table = label(ref_table);
	{
		size_t si;

		if (block_schema(x, ref_table, &si))
			return -1;
		fk->ref_schema = x->realm->schemas[si].name;
	}
	if (get_word_in(x, blk, sc, "on_update", fk_actions, 1, 1, &fk->on_update) ||
	    get_word_in(x, blk, sc, "on_delete", fk_actions, 1, 1, &fk->on_delete))
		return -1;
	for (int k = 0; k < 2; k++) {
		const char *a = k ? fk->on_delete : fk->on_update;
		static const char *const ok[] = { "NO ACTION", "RESTRICT",    "CASCADE",
						  "SET NULL",  "SET DEFAULT", END };

		if (a && !in_list(a, ok))
			return hcl_error(x->d, hcl_attr(blk, k ? "on_delete" : "on_update"),
					 hcl_attr(blk, k ? "on_delete" : "on_update")->pos,
					 "unknown foreign key action '%s'", a);
	}
	return 0;
}

static int decode_table(struct dec *x, const struct hcl_item *blk)
{
	static const char *const pg_attrs[] = { "schema", "comment", "depends_on", END };
	static const char *const my_attrs[] = { "schema",  "comment",	     "depends_on",
						"charset", "collate",	     "collation",
						"engine",  "auto_increment", END };
	static const char *const pg_blocks[] = {
		"column", "primary_key", "index", "unique", "foreign_key", "check", "partition", END
	};
	static const char *const my_blocks[] = { "column",	"primary_key", "index",
						 "foreign_key", "check",       END };
	static const char *const engines[] = { "InnoDB", "MyISAM", "Memory", "CSV", "NDB", END };
	struct hcl_scope sc = { blk, NULL };
	struct schema_schema *s;
	struct schema_table *t;
	size_t si;
	struct hcl_value *v;
	const struct hcl_item *it;

	if (blk->nlabels == 0)
		return hcl_error(x->d, blk, blk->pos, "a table block needs a name label");
	if (check_items(x, blk, PG(x) ? pg_attrs : my_attrs, PG(x) ? pg_blocks : my_blocks) ||
	    block_schema(x, blk, &si))
		return -1;
	s = &x->realm->schemas[si];
	if (blk->nlabels == 2 && strcmp(blk->labels[0], s->name) != 0)
		return hcl_error(x->d, blk, blk->label_pos[0],
				 "table '%s' is qualified with '%s' but its schema is '%s'",
				 label(blk), blk->labels[0], s->name);
	/* Two tables with one name in a schema. One-label blocks are found through the
	 * evaluator's index (thousands of tables stay linear); qualified ones by a scan. */
	if (blk->nlabels == 1) {
		const struct hcl_item *first = hcl_lookup(&x->cx, "table", label(blk));
		size_t s2;

		if (!first)
			return diag_nomem(x->d);
		if (first != blk) {
			if (block_schema(x, first, &s2))
				return -1;
			if (s2 == si)
				return hcl_error(
					x->d, blk, blk->pos,
					"table '%s' is defined twice in schema '%s' (first on "
					"line %u)",
					label(blk), s->name, first->pos.line);
		}
	}
	for (size_t i = 0; i < s->ntables; i++)
		if (strcmp(s->tables[i].name, label(blk)) == 0)
			return hcl_error(
				x->d, blk, blk->pos,
				"table '%s' is defined twice in schema '%s' (first on line %u)",
				label(blk), s->name, s->tables[i].pos.line);
	t = arena_push(x->a, (void **)&s->tables, &s->ntables, &s->captables, sizeof(*t));
	if (!t)
		return nomem(x);
	t->name = label(blk);
	t->pos = blk->pos;
	if (get_string(x, blk, NULL, "comment", &t->comment))
		return -1;
	if (attr(x, blk, NULL, "depends_on", NULL, &v, &it))
		return -1;
	if (v && v->kind != HV_LIST)
		return bad_kind(x, blk, "depends_on", v, "a list of references");
	if (!PG(x)) {
		const char *coll = NULL;
		int set;

		if (get_string(x, blk, NULL, "charset", &t->charset) ||
		    get_string(x, blk, NULL, "collate", &t->collate) ||
		    get_string(x, blk, NULL, "collation", &coll) ||
		    get_word(x, blk, NULL, "engine", engines, 0, &t->engine) ||
		    get_int(x, blk, NULL, "auto_increment", &t->auto_increment, &set))
			return -1;
		if (coll && t->collate)
			return hcl_error(x->d, blk, blk->pos,
					 "table '%s' sets both 'collate' and 'collation'", t->name);
		if (coll)
			t->collate = coll;
	}
	/* Columns first: indexes and keys refer to them by name. */
	for (size_t i = 0; i < blk->body.n; i++) {
		const struct hcl_item *b = &blk->body.v[i];
		struct schema_column *c;

		if (b->kind != HI_BLOCK || strcmp(b->name, "column") != 0)
			continue;
		for (size_t k = 0; k < t->ncolumns; k++)
			if (b->nlabels == 1 && strcmp(t->columns[k].name, b->labels[0]) == 0)
				return hcl_error(x->d, b, b->pos,
						 "column '%s' is defined twice in table '%s' "
						 "(first on line %u)",
						 b->labels[0], t->name, t->columns[k].pos.line);
		c = arena_push(x->a, (void **)&t->columns, &t->ncolumns, &t->capcolumns,
			       sizeof(*c));
		if (!c)
			return nomem(x);
		if (decode_column(x, b, &sc, t, c))
			return -1;
	}
	if (t->ncolumns == 0 && !PG(x))
		return hcl_error(x->d, blk, blk->pos, "table '%s' has no columns", t->name);
	for (size_t i = 0; i < blk->body.n; i++) {
		const struct hcl_item *b = &blk->body.v[i];
		struct hcl_scope isc = { blk, NULL };

		if (b->kind != HI_BLOCK || strcmp(b->name, "column") == 0)
			continue;
		if (strcmp(b->name, "primary_key") == 0) {
			if (t->pk)
				return hcl_error(x->d, b, b->pos, "table '%s' has two primary keys",
						 t->name);
			t->pk = arena_alloc(x->a, sizeof(*t->pk));
			if (!t->pk)
				return nomem(x);
			if (decode_index(x, b, &isc, t, t->pk, 1, 0))
				return -1;
		} else if (strcmp(b->name, "index") == 0 || strcmp(b->name, "unique") == 0) {
			struct schema_index *ix =
				arena_push(x->a, (void **)&t->indexes, &t->nindexes, &t->capindexes,
					   sizeof(*ix));

			if (!ix)
				return nomem(x);
			if (decode_index(x, b, &isc, t, ix, 0, b->name[0] == 'u'))
				return -1;
			for (size_t k = 0; k + 1 < t->nindexes; k++)
				if (strcmp(t->indexes[k].name, ix->name) == 0)
					return hcl_error(
						x->d, b, b->pos,
						"index '%s' is defined twice in table '%s'",
						ix->name, t->name);
		} else if (strcmp(b->name, "foreign_key") == 0) {
			struct schema_fk *fk = arena_push(x->a, (void **)&t->fks, &t->nfks,
							  &t->capfks, sizeof(*fk));

			if (!fk)
				return nomem(x);
			if (decode_fk(x, b, &isc, t, fk))
				return -1;
		} else if (strcmp(b->name, "check") == 0) {
			static const char *const pg_ck[] = { "expr", END };
			static const char *const my_ck[] = { "expr", "enforced", END };
			struct schema_check *ck = arena_push(x->a, (void **)&t->checks, &t->nchecks,
							     &t->capchecks, sizeof(*ck));
			int enf = -1;

			if (!ck)
				return nomem(x);
			ck->name = b->nlabels ? label(b) : NULL;
			if (check_items(x, b, PG(x) ? pg_ck : my_ck, NULL) ||
			    get_string(x, b, &isc, "expr", &ck->expr) ||
			    get_bool(x, b, &isc, "enforced", &enf))
				return -1;
			if (!ck->expr)
				return hcl_error(x->d, b, b->pos, "%s needs expr", what(b));
			ck->enforced = hcl_attr(b, "enforced") ? enf : -1;
		} else if (strcmp(b->name, "partition") == 0) {
			static const char *const pa[] = { "type", "columns", END };
			static const char *const pb[] = { "by", END };
			static const char *const ptypes[] = { "RANGE", "LIST", "HASH", END };
			const char **cols;
			size_t ncols, nby = 0;

			if (t->partition)
				return hcl_error(x->d, b, b->pos,
						 "table '%s' has two partition blocks", t->name);
			t->partition = arena_alloc(x->a, sizeof(*t->partition));
			if (!t->partition)
				return nomem(x);
			if (check_items(x, b, pa, pb) ||
			    get_word_in(x, b, &isc, "type", ptypes, 1, 1, &t->partition->type) ||
			    column_list(x, b, &isc, "columns", t, &cols, &ncols))
				return -1;
			if (!t->partition->type)
				return hcl_error(x->d, b, b->pos,
						 "missing attribute %s.partition.type", t->name);
			for (size_t k = 0; k < b->body.n; k++)
				nby += b->body.v[k].kind == HI_BLOCK;
			if (ncols && nby)
				return hcl_error(x->d, b, b->pos,
						 "multiple definitions for %s.partition, use "
						 "\"columns\" or \"by\"",
						 t->name);
			if (!ncols && !nby)
				return hcl_error(x->d, b, b->pos,
						 "missing columns or expressions for %s.partition",
						 t->name);
			t->partition->parts =
				arena_alloc(x->a, (ncols + nby) * sizeof(struct schema_part));
			if (!t->partition->parts)
				return nomem(x);
			for (size_t k = 0; k < ncols; k++)
				t->partition->parts[t->partition->nparts++].column = cols[k];
			for (size_t k = 0; k < b->body.n; k++) {
				const struct hcl_item *by = &b->body.v[k];
				struct hcl_scope bsc = { b, &isc };
				struct schema_part *p;
				static const char *const bya[] = { "column", "expr", END };

				if (by->kind != HI_BLOCK)
					continue;
				p = &t->partition->parts[t->partition->nparts++];
				if (check_items(x, by, bya, NULL) ||
				    attr(x, by, &bsc, "column", NULL, &v, &it) ||
				    get_string(x, by, &bsc, "expr", &p->expr))
					return -1;
				if (v && (v->kind != HV_REF ||
					  strcmp(v->ref.block->name, "column") != 0))
					return hcl_error(x->d, it, v->pos,
							 "'column' must be a column reference");
				p->column = v ? label(v->ref.block) : NULL;
				if (!p->column == !p->expr)
					return hcl_error(
						x->d, by, by->pos,
						"a by block takes exactly one of column and expr");
			}
		}
	}
	return 0;
}

static int decode_schema(struct dec *x, const struct hcl_item *blk)
{
	static const char *const pg_attrs[] = { "name", "comment", END };
	static const char *const my_attrs[] = { "name",	   "comment",	"charset",
						"collate", "collation", END };
	struct schema_schema *s;
	const struct hcl_item **slot;
	const char *coll = NULL;

	if (blk->nlabels != 1)
		return hcl_error(x->d, blk, blk->pos, "a schema block takes one label, its name");
	if (blk->body.n && check_items(x, blk, PG(x) ? pg_attrs : my_attrs, NULL))
		return -1;
	s = arena_push(x->a, (void **)&x->realm->schemas, &x->realm->nschemas,
		       &x->realm->capschemas, sizeof(*s));
	slot = arena_push(x->a, (void **)&x->schema_blocks, &x->nsb, &x->capsb, sizeof(*slot));
	if (!s || !slot)
		return nomem(x);
	*slot = blk;
	s->name = label(blk);
	if (get_string(x, blk, NULL, "name", &s->name) ||
	    get_string(x, blk, NULL, "comment", &s->comment))
		return -1;
	if (!s->name)
		s->name = label(blk);
	if (!PG(x) && (get_string(x, blk, NULL, "charset", &s->charset) ||
		       get_string(x, blk, NULL, "collate", &s->collate) ||
		       get_string(x, blk, NULL, "collation", &coll)))
		return -1;
	if (coll)
		s->collate = coll;
	for (size_t i = 0; i + 1 < x->realm->nschemas; i++)
		if (strcmp(x->realm->schemas[i].name, s->name) == 0)
			return hcl_error(x->d, blk, blk->pos, "schema '%s' is defined twice",
					 s->name);
	return 0;
}

static int decode_enum(struct dec *x, const struct hcl_item *blk)
{
	static const char *const attrs[] = { "schema", "values", "comment", END };
	struct schema_schema *s;
	struct schema_enum *e;
	const struct hcl_item *it;
	struct hcl_value *v;
	size_t si;

	if (!PG(x))
		return hcl_error(x->d, blk, blk->pos,
				 "enum blocks are PostgreSQL only; in MySQL write type = "
				 "enum(\"a\", \"b\")");
	if (blk->nlabels == 0)
		return hcl_error(x->d, blk, blk->pos, "an enum block needs a name label");
	if (check_items(x, blk, attrs, NULL) || block_schema(x, blk, &si))
		return -1;
	s = &x->realm->schemas[si];
	for (size_t i = 0; i < s->nenums; i++)
		if (strcmp(s->enums[i].name, label(blk)) == 0)
			return hcl_error(x->d, blk, blk->pos, "duplicate enum '%s'", label(blk));
	e = arena_push(x->a, (void **)&s->enums, &s->nenums, &s->capenums, sizeof(*e));
	if (!e)
		return nomem(x);
	e->name = label(blk);
	if (attr(x, blk, NULL, "values", NULL, &v, &it))
		return -1;
	if (!v || v->kind != HV_LIST || v->n == 0)
		return hcl_error(x->d, blk, blk->pos, "enum '%s' needs values (a list of strings)",
				 e->name);
	e->values = arena_alloc(x->a, v->n * sizeof(*e->values));
	if (!e->values)
		return nomem(x);
	for (size_t i = 0; i < v->n; i++) {
		if (v->v[i]->kind != HV_STRING)
			return hcl_error(x->d, it, v->v[i]->pos, "enum values must be strings");
		for (size_t k = 0; k < i; k++)
			if (strcmp(e->values[k], v->v[i]->s) == 0)
				return hcl_error(x->d, it, v->v[i]->pos,
						 "enum '%s' lists '%s' twice", e->name, v->v[i]->s);
		e->values[i] = v->v[i]->s;
	}
	e->nvalues = v->n;
	return 0;
}

/* Objects kept as read: their attributes as JSON, nested blocks as JSON too. */
static json_t *value_json(const struct hcl_value *v)
{
	json_t *j;

	switch (v->kind) {
	case HV_NULL:
		return json_null();
	case HV_BOOL:
		return json_boolean(v->b);
	case HV_NUMBER:
		return v->num == (double)(long long)v->num ? json_integer((json_int_t)v->num)
							   : json_real(v->num);
	case HV_STRING:
		return json_stringn(v->s, v->slen);
	case HV_RAW:
		return json_pack("{s:s}", "sql", v->s);
	case HV_TYPE:
		j = json_pack("{s:s}", "type", v->s);
		if (j && v->called) {
			json_t *args = json_array();

			for (size_t i = 0; i < v->n; i++)
				json_array_append_new(args, value_json(v->v[i]));
			json_object_set_new(j, "args", args);
		}
		return j;
	case HV_REF: {
		const struct hcl_item *b = v->ref.block, *p = v->ref.parent;

		if (p)
			return json_sprintf("%s.%s.%s.%s", p->name, label(p), b->name, label(b));
		return json_sprintf("%s.%s", b->name, label(b));
	}
	case HV_LIST:
	case HV_OBJECT:
		j = v->kind == HV_LIST ? json_array() : json_object();
		for (size_t i = 0; i < v->n; i++) {
			if (v->kind == HV_LIST)
				json_array_append_new(j, value_json(v->v[i]));
			else
				json_object_set_new(j, v->keys[i], value_json(v->v[i]));
		}
		return j;
	}
	return json_null();
}

static json_t *block_json(struct dec *x, const struct hcl_item *blk, const struct hcl_scope *sc,
			  int *err)
{
	struct hcl_scope inner = { blk, sc };
	json_t *j = json_object(), *attrs = json_object(), *blocks = json_array(),
	       *labels = json_array();

	for (size_t i = 0; i < blk->nlabels; i++)
		json_array_append_new(labels, json_string(blk->labels[i]));
	json_object_set_new(j, "block", json_string(blk->name));
	json_object_set_new(j, "labels", labels);
	for (size_t i = 0; i < blk->body.n && !*err; i++) {
		const struct hcl_item *it = &blk->body.v[i];
		struct hcl_value *v;

		if (it->kind == HI_BLOCK) {
			json_array_append_new(blocks, block_json(x, it, &inner, err));
			continue;
		}
		/* Type-like attributes see type names; the other bare words stand for themselves.
		 */
		x->cx.type_scope = strcmp(it->name, "type") == 0 || strcmp(it->name, "return") == 0;
		x->cx.idents = x->cx.type_scope ? NULL : any_ident;
		if (hcl_eval(&x->cx, it, &inner, it->expr, &v, x->d))
			*err = 1;
		else
			json_object_set_new(attrs, it->name, value_json(v));
		x->cx.type_scope = 0;
		x->cx.idents = NULL;
	}
	json_object_set_new(j, "attrs", attrs);
	json_object_set_new(j, "blocks", blocks);
	return j;
}

static int decode_object(struct dec *x, const struct hcl_item *blk)
{
	struct schema_object *o;
	json_t *j, *attrs, *blocks;
	const char *key;
	json_t *val;
	int err = 0;
	char *s;
	size_t k = 0;

	o = arena_push(x->a, (void **)&x->realm->objects, &x->realm->nobjects,
		       &x->realm->capobjects, sizeof(*o));
	if (!o)
		return nomem(x);
	o->kind = blk->name;
	o->name = label(blk);
	if (hcl_attr(blk, "schema")) {
		size_t si;

		if (block_schema(x, blk, &si))
			return -1;
		o->schema = x->realm->schemas[si].name;
	}
	j = block_json(x, blk, NULL, &err);
	if (err) {
		json_decref(j);
		return -1;
	}
	attrs = json_object_get(j, "attrs");
	blocks = json_object_get(j, "blocks");
	o->attrs = arena_alloc(x->a, (json_object_size(attrs) + 1) * sizeof(*o->attrs));
	if (!o->attrs) {
		json_decref(j);
		return nomem(x);
	}
	json_object_foreach(attrs, key, val)
	{
		s = json_dumps(val, JSON_COMPACT | JSON_ENCODE_ANY);
		o->attrs[k].name = arena_strdup(x->a, key);
		o->attrs[k].json = s ? arena_strdup(x->a, s) : NULL;
		free(s);
		if (!o->attrs[k].name || !o->attrs[k].json) {
			json_decref(j);
			return nomem(x);
		}
		k++;
	}
	o->nattrs = k;
	if (json_array_size(blocks)) {
		s = json_dumps(blocks, JSON_COMPACT);
		o->body_json = s ? arena_strdup(x->a, s) : NULL;
		free(s);
		if (!o->body_json) {
			json_decref(j);
			return nomem(x);
		}
	}
	json_decref(j);
	return 0;
}

int schema_from_hcl(struct arena *a, const struct hcl_body *doc, enum schema_dialect dialect,
		    const char *const *inputs, size_t ninputs, struct schema_realm *realm,
		    struct diag *d)
{
	static const char *const kept[] = { "view",	 "materialized", "function",
					    "procedure", "trigger",	 "domain",
					    "sequence",	 "extension",	 "composite",
					    "policy",	 "aggregate",	 "event_trigger",
					    END };
	static const char *const known[] = {
		"schema",	"table",     "enum",	  "variable",  "locals",	"view",
		"materialized", "function",  "procedure", "trigger",   "domain",	"sequence",
		"extension",	"composite", "policy",	  "aggregate", "event_trigger", END
	};
	struct dec x;

	memset(&x, 0, sizeof(x));
	memset(realm, 0, sizeof(*realm));
	realm->dialect = dialect;
	x.a = a;
	x.dialect = dialect;
	x.realm = realm;
	x.d = d;
	if (hcl_ctx_init(&x.cx, a, doc, inputs, ninputs, d))
		return -1;
	for (size_t i = 0; i < doc->n; i++) {
		const struct hcl_item *it = &doc->v[i];

		if (it->kind == HI_ATTR)
			return hcl_error(
				d, it, it->pos,
				"unexpected attribute '%s' at the top level of a schema file",
				it->name);
		if (!in_list(it->name, known)) {
			const char *hint = suggest(it->name, known);

			if (strcmp(it->name, "data") == 0)
				return hcl_error(d, it, it->pos,
						 "data blocks are not supported in schema files");
			if (hint)
				return hcl_error(d, it, it->pos,
						 "unknown block '%s'; did you mean '%s'?", it->name,
						 hint);
			return hcl_error(d, it, it->pos, "unknown block '%s'", it->name);
		}
		if (strcmp(it->name, "schema") == 0 && decode_schema(&x, it))
			return -1;
	}
	for (size_t i = 0; i < doc->n; i++) {
		const struct hcl_item *it = &doc->v[i];

		if (strcmp(it->name, "enum") == 0 && decode_enum(&x, it))
			return -1;
	}
	for (size_t i = 0; i < doc->n; i++) {
		const struct hcl_item *it = &doc->v[i];

		if (strcmp(it->name, "table") == 0) {
			if (decode_table(&x, it))
				return -1;
		} else if (in_list(it->name, kept)) {
			if (decode_object(&x, it))
				return -1;
		}
	}
	return 0;
}
