/* plan_json: plan/1 JSON, written and read (docs/plan-json.md). */
#include "plan.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "schemajson.h"

static const char *const kind_names[] = {
	[PLAN_ADD_SCHEMA] = "add_schema",	[PLAN_DROP_SCHEMA] = "drop_schema",
	[PLAN_MODIFY_SCHEMA] = "modify_schema", [PLAN_ADD_ENUM] = "add_enum",
	[PLAN_DROP_ENUM] = "drop_enum",		[PLAN_MODIFY_ENUM] = "modify_enum",
	[PLAN_ADD_TABLE] = "add_table",		[PLAN_DROP_TABLE] = "drop_table",
	[PLAN_MODIFY_TABLE] = "modify_table",
};

static const char *const sub_names[] = {
	[PSUB_TABLE_ATTR] = "modify_table_attr", [PSUB_ADD_CHECK] = "add_check",
	[PSUB_DROP_CHECK] = "drop_check",	 [PSUB_MODIFY_CHECK] = "modify_check",
	[PSUB_ADD_COLUMN] = "add_column",	 [PSUB_DROP_COLUMN] = "drop_column",
	[PSUB_MODIFY_COLUMN] = "modify_column",	 [PSUB_ADD_PK] = "add_primary_key",
	[PSUB_DROP_PK] = "drop_primary_key",	 [PSUB_MODIFY_PK] = "modify_primary_key",
	[PSUB_ADD_INDEX] = "add_index",		 [PSUB_DROP_INDEX] = "drop_index",
	[PSUB_MODIFY_INDEX] = "modify_index",	 [PSUB_ADD_FK] = "add_foreign_key",
	[PSUB_DROP_FK] = "drop_foreign_key",	 [PSUB_MODIFY_FK] = "modify_foreign_key",
};

static const char *const what_names[] = {
	"comment", "null",	     "type",	  "default", "identity", "generated", "charset",
	"collate", "auto_increment", "on_update", "unique",  "parts",	 "attr",
};

const char *plan_kind_name(enum plan_kind k)
{
	return kind_names[k];
}

const char *plan_sub_name(enum plan_sub_kind k)
{
	return sub_names[k];
}

static json_t *what_json(unsigned w)
{
	json_t *a = json_array();

	for (size_t i = 0; i < sizeof(what_names) / sizeof(what_names[0]); i++)
		if (w & (1u << i))
			json_array_append_new(a, json_string(what_names[i]));
	return a;
}

static json_t *schema_attrs(const struct schema_schema *s)
{
	json_t *o = json_object();

	json_object_set_new(o, "name", json_string(s->name));
	if (s->charset)
		json_object_set_new(o, "charset", json_string(s->charset));
	if (s->collate)
		json_object_set_new(o, "collate", json_string(s->collate));
	if (s->comment)
		json_object_set_new(o, "comment", json_string(s->comment));
	return o;
}

static json_t *enum_json(const struct schema_enum *e)
{
	json_t *v = json_array();

	for (size_t i = 0; i < e->nvalues; i++)
		json_array_append_new(v, json_string(e->values[i]));
	return json_pack("{s:s,s:o}", "name", e->name, "values", v);
}

static json_t *sub_json(const struct plan_sub *s)
{
	json_t *o = json_object();

	json_object_set_new(o, "kind", json_string(sub_names[s->kind]));
	if (s->what)
		json_object_set_new(o, "what", what_json(s->what));
	switch (s->kind) {
	case PSUB_TABLE_ATTR:
		break;
	case PSUB_ADD_CHECK:
	case PSUB_DROP_CHECK:
	case PSUB_MODIFY_CHECK:
		if (s->from_ck)
			json_object_set_new(o, "from", schema_check_json(s->from_ck));
		if (s->to_ck)
			json_object_set_new(o, "to", schema_check_json(s->to_ck));
		break;
	case PSUB_ADD_COLUMN:
	case PSUB_DROP_COLUMN:
	case PSUB_MODIFY_COLUMN:
		if (s->from_col)
			json_object_set_new(o, "from", schema_column_json(s->from_col));
		if (s->to_col)
			json_object_set_new(o, "to", schema_column_json(s->to_col));
		if (s->after)
			json_object_set_new(o, "after", json_string(s->after));
		if (s->first)
			json_object_set_new(o, "first", json_true());
		break;
	case PSUB_ADD_PK:
	case PSUB_DROP_PK:
	case PSUB_MODIFY_PK:
	case PSUB_ADD_INDEX:
	case PSUB_DROP_INDEX:
	case PSUB_MODIFY_INDEX: {
		int pk = s->kind <= PSUB_MODIFY_PK;

		if (s->from_ix)
			json_object_set_new(o, "from", schema_index_json(s->from_ix, pk));
		if (s->to_ix)
			json_object_set_new(o, "to", schema_index_json(s->to_ix, pk));
		break;
	}
	case PSUB_ADD_FK:
	case PSUB_DROP_FK:
	case PSUB_MODIFY_FK:
		if (s->from_fk)
			json_object_set_new(o, "from", schema_fk_json(s->from_fk));
		if (s->to_fk)
			json_object_set_new(o, "to", schema_fk_json(s->to_fk));
		break;
	}
	return o;
}

/* A table's name and the attributes the emitter needs around a modification. */
static json_t *table_head(const struct schema_table *t)
{
	json_t *o = json_object();

	json_object_set_new(o, "name", json_string(t->name));
	if (t->charset)
		json_object_set_new(o, "charset", json_string(t->charset));
	if (t->collate)
		json_object_set_new(o, "collate", json_string(t->collate));
	if (t->engine)
		json_object_set_new(o, "engine", json_string(t->engine));
	if (t->auto_increment)
		json_object_set_new(o, "auto_increment", json_integer(t->auto_increment));
	if (t->comment)
		json_object_set_new(o, "comment", json_string(t->comment));
	return o;
}

static json_t *change_json(const struct plan_change *c)
{
	json_t *o = json_object(), *a;

	json_object_set_new(o, "kind", json_string(kind_names[c->kind]));
	json_object_set_new(o, "schema", json_string(c->schema));
	switch (c->kind) {
	case PLAN_ADD_SCHEMA:
		json_object_set_new(o, "to", schema_attrs(c->to_schema));
		break;
	case PLAN_DROP_SCHEMA:
		json_object_set_new(o, "from", schema_attrs(c->from_schema));
		break;
	case PLAN_MODIFY_SCHEMA:
		json_object_set_new(o, "from", schema_attrs(c->from_schema));
		json_object_set_new(o, "to", schema_attrs(c->to_schema));
		break;
	case PLAN_ADD_ENUM:
		json_object_set_new(o, "to", enum_json(c->to_enum));
		break;
	case PLAN_DROP_ENUM:
		json_object_set_new(o, "from", enum_json(c->from_enum));
		break;
	case PLAN_MODIFY_ENUM:
		json_object_set_new(o, "from", enum_json(c->from_enum));
		json_object_set_new(o, "to", enum_json(c->to_enum));
		break;
	case PLAN_ADD_TABLE:
		json_object_set_new(o, "to", schema_table_json(c->to_table));
		if (c->fks_deferred)
			json_object_set_new(o, "fks_deferred", json_true());
		break;
	case PLAN_DROP_TABLE:
		json_object_set_new(o, "from", table_head(c->from_table));
		break;
	case PLAN_MODIFY_TABLE:
		json_object_set_new(o, "from", table_head(c->from_table));
		json_object_set_new(o, "to", table_head(c->to_table));
		a = json_array();
		for (size_t i = 0; i < c->nsubs; i++)
			json_array_append_new(a, sub_json(&c->subs[i]));
		json_object_set_new(o, "changes", a);
		break;
	}
	return o;
}

int plan_to_json(const struct plan *p, struct buf *out, struct diag *d)
{
	json_t *root = json_object(), *a = json_array(), *sk = json_array();
	char *s;
	int rc;

	json_object_set_new(root, "format", json_string("plan/1"));
	json_object_set_new(root, "dialect", json_string(schema_dialect_name(p->dialect)));
	if (p->profile)
		json_object_set_new(root, "profile", json_string(p->profile));
	for (size_t i = 0; i < p->n; i++)
		json_array_append_new(a, change_json(&p->v[i]));
	json_object_set_new(root, "changes", a);
	for (size_t i = 0; i < p->nskipped; i++)
		json_array_append_new(sk, change_json(&p->skipped[i]));
	json_object_set_new(root, "skipped", sk);
	s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(root);
	if (!s)
		return diag_nomem(d);
	rc = buf_adds(out, s, d) || buf_add(out, "\n", 1, d);
	free(s);
	return rc ? -1 : 0;
}

/* Reading. */

struct prd {
	struct arena *a;
	const char *file;
	struct diag *d;
};

static int pbad(struct prd *r, const char *what)
{
	return diag_set(r->d, DIAG_PARSE, r->file, 0, 0, "%s", what);
}

static int name_index(const char *const *names, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (names[i] && strcmp(names[i], s) == 0)
			return (int)i;
	return -1;
}

static int read_schema_attrs(struct prd *r, json_t *o, const struct schema_schema **out)
{
	struct schema_schema *s = arena_alloc(r->a, sizeof(*s));
	json_t *v;

	if (!s)
		return diag_nomem(r->d);
	if (!json_is_object(o) || !json_is_string(json_object_get(o, "name")))
		return pbad(r, "a schema change needs the schema's name");
	s->name = arena_strdup(r->a, json_string_value(json_object_get(o, "name")));
	if ((v = json_object_get(o, "charset")))
		s->charset = arena_strdup(r->a, json_string_value(v));
	if ((v = json_object_get(o, "collate")))
		s->collate = arena_strdup(r->a, json_string_value(v));
	if ((v = json_object_get(o, "comment")))
		s->comment = arena_strdup(r->a, json_string_value(v));
	*out = s;
	return 0;
}

static int read_enum(struct prd *r, json_t *o, const struct schema_enum **out)
{
	struct schema_enum *e = arena_alloc(r->a, sizeof(*e));
	json_t *vals = json_object_get(o, "values"), *v;
	size_t i;

	if (!e)
		return diag_nomem(r->d);
	if (!json_is_string(json_object_get(o, "name")) || !json_is_array(vals))
		return pbad(r, "an enum change needs 'name' and 'values'");
	e->name = arena_strdup(r->a, json_string_value(json_object_get(o, "name")));
	e->values = arena_alloc(r->a, (json_array_size(vals) + 1) * sizeof(*e->values));
	if (!e->values)
		return diag_nomem(r->d);
	json_array_foreach(vals, i, v) e->values[i] = arena_strdup(r->a, json_string_value(v));
	e->nvalues = json_array_size(vals);
	*out = e;
	return 0;
}

static int read_head(struct prd *r, json_t *o, const struct schema_table **out)
{
	struct schema_table *t = arena_alloc(r->a, sizeof(*t));
	json_t *v;

	if (!t)
		return diag_nomem(r->d);
	if (!json_is_string(json_object_get(o, "name")))
		return pbad(r, "a table change needs the table's name");
	t->name = arena_strdup(r->a, json_string_value(json_object_get(o, "name")));
	if ((v = json_object_get(o, "charset")))
		t->charset = arena_strdup(r->a, json_string_value(v));
	if ((v = json_object_get(o, "collate")))
		t->collate = arena_strdup(r->a, json_string_value(v));
	if ((v = json_object_get(o, "engine")))
		t->engine = arena_strdup(r->a, json_string_value(v));
	if ((v = json_object_get(o, "comment")))
		t->comment = arena_strdup(r->a, json_string_value(v));
	t->auto_increment = json_integer_value(json_object_get(o, "auto_increment"));
	*out = t;
	return 0;
}

static int read_sub(struct prd *r, json_t *o, struct plan_sub *s)
{
	json_t *k = json_object_get(o, "kind"), *w = json_object_get(o, "what"), *from, *to, *v;
	int kind = json_is_string(k) ? name_index(sub_names, sizeof(sub_names) / sizeof(*sub_names),
						  json_string_value(k))
				     : -1;
	size_t i;

	if (kind < 0)
		return pbad(r, "unknown table change kind");
	s->kind = (enum plan_sub_kind)kind;
	json_array_foreach(w, i, v)
	{
		int bit = json_is_string(v)
				  ? name_index(what_names, sizeof(what_names) / sizeof(*what_names),
					       json_string_value(v))
				  : -1;

		if (bit < 0)
			return pbad(r, "unknown 'what' in a table change");
		s->what |= 1u << bit;
	}
	from = json_object_get(o, "from");
	to = json_object_get(o, "to");
	if ((v = json_object_get(o, "after")))
		s->after = arena_strdup(r->a, json_string_value(v));
	s->first = json_is_true(json_object_get(o, "first"));
#define READ(field, type, fn)                                       \
	do {                                                        \
		type *x_;                                           \
		if (from) {                                         \
			if (!(x_ = arena_alloc(r->a, sizeof(*x_)))) \
				return diag_nomem(r->d);            \
			if (fn(r->a, r->file, from, x_, r->d))      \
				return -1;                          \
			s->from_##field = x_;                       \
		}                                                   \
		if (to) {                                           \
			if (!(x_ = arena_alloc(r->a, sizeof(*x_)))) \
				return diag_nomem(r->d);            \
			if (fn(r->a, r->file, to, x_, r->d))        \
				return -1;                          \
			s->to_##field = x_;                         \
		}                                                   \
	} while (0)
	switch (s->kind) {
	case PSUB_TABLE_ATTR:
		break;
	case PSUB_ADD_CHECK:
	case PSUB_DROP_CHECK:
	case PSUB_MODIFY_CHECK:
		READ(ck, struct schema_check, schema_read_check);
		break;
	case PSUB_ADD_COLUMN:
	case PSUB_DROP_COLUMN:
	case PSUB_MODIFY_COLUMN:
		READ(col, struct schema_column, schema_read_column);
		break;
	case PSUB_ADD_FK:
	case PSUB_DROP_FK:
	case PSUB_MODIFY_FK:
		READ(fk, struct schema_fk, schema_read_fk);
		break;
	default:
		READ(ix, struct schema_index, schema_read_index);
		break;
	}
#undef READ
	return 0;
}

static int read_change(struct prd *r, json_t *o, struct plan_change *c)
{
	json_t *k = json_object_get(o, "kind"), *from = json_object_get(o, "from"),
	       *to = json_object_get(o, "to"), *subs, *v;
	int kind = json_is_string(k)
			   ? name_index(kind_names, sizeof(kind_names) / sizeof(*kind_names),
					json_string_value(k))
			   : -1;
	size_t i;

	if (kind < 0)
		return pbad(r, "unknown change kind");
	c->kind = (enum plan_kind)kind;
	if (!json_is_string(json_object_get(o, "schema")))
		return pbad(r, "a change needs 'schema'");
	c->schema = arena_strdup(r->a, json_string_value(json_object_get(o, "schema")));
	switch (c->kind) {
	case PLAN_ADD_SCHEMA:
	case PLAN_DROP_SCHEMA:
	case PLAN_MODIFY_SCHEMA:
		if ((from && read_schema_attrs(r, from, &c->from_schema)) ||
		    (to && read_schema_attrs(r, to, &c->to_schema)))
			return -1;
		break;
	case PLAN_ADD_ENUM:
	case PLAN_DROP_ENUM:
	case PLAN_MODIFY_ENUM:
		if ((from && read_enum(r, from, &c->from_enum)) ||
		    (to && read_enum(r, to, &c->to_enum)))
			return -1;
		break;
	case PLAN_ADD_TABLE: {
		struct schema_table *t = arena_alloc(r->a, sizeof(*t));

		if (!t)
			return diag_nomem(r->d);
		if (schema_read_table(r->a, r->file, to, t, r->d))
			return -1;
		c->to_table = t;
		c->fks_deferred = json_is_true(json_object_get(o, "fks_deferred"));
		break;
	}
	case PLAN_DROP_TABLE:
		if (!from || read_head(r, from, &c->from_table))
			return from ? -1 : pbad(r, "drop_table needs 'from'");
		break;
	case PLAN_MODIFY_TABLE:
		if (!from || !to || read_head(r, from, &c->from_table) ||
		    read_head(r, to, &c->to_table))
			return from && to ? -1 : pbad(r, "modify_table needs 'from' and 'to'");
		subs = json_object_get(o, "changes");
		if (!json_is_array(subs))
			return pbad(r, "modify_table needs 'changes'");
		c->nsubs = c->capsubs = json_array_size(subs);
		c->subs = arena_alloc(r->a, (c->nsubs + 1) * sizeof(*c->subs));
		if (!c->subs)
			return diag_nomem(r->d);
		json_array_foreach(subs, i, v) if (read_sub(r, v, &c->subs[i])) return -1;
		break;
	}
	return 0;
}

int plan_read_file(struct arena *a, const char *path, struct plan *p, struct diag *d)
{
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	struct prd r = { a, name, d };
	json_error_t err;
	json_t *root, *f, *arr, *v;
	size_t i;
	int rc = -1;

	memset(p, 0, sizeof(*p));
	root = strcmp(path, "-") == 0 ? json_loadf(stdin, 0, &err) : json_load_file(path, 0, &err);
	if (!root)
		return diag_set(d, DIAG_PARSE, name, (unsigned)err.line, (unsigned)err.column,
				"malformed JSON: %s", err.text);
	f = json_object_get(root, "format");
	if (!json_is_string(f) || strcmp(json_string_value(f), "plan/1") != 0) {
		diag_set(d, DIAG_PARSE, name, 0, 0,
			 "not a plan: expected \"format\": \"plan/1\"%s%s",
			 json_is_string(f) ? ", not " : "",
			 json_is_string(f) ? json_string_value(f) : "");
		goto out;
	}
	v = json_object_get(root, "dialect");
	if (!json_is_string(v) || schema_dialect_parse(json_string_value(v), &p->dialect)) {
		pbad(&r, "the plan has no known 'dialect'");
		goto out;
	}
	if ((v = json_object_get(root, "profile")))
		p->profile = arena_strdup(a, json_string_value(v));
	arr = json_object_get(root, "changes");
	if (!json_is_array(arr)) {
		pbad(&r, "the plan has no 'changes' list");
		goto out;
	}
	p->n = p->cap = json_array_size(arr);
	p->v = arena_alloc(a, (p->n + 1) * sizeof(*p->v));
	if (!p->v) {
		diag_nomem(d);
		goto out;
	}
	json_array_foreach(arr, i, v) if (read_change(&r, v, &p->v[i])) goto out;
	rc = 0;
out:
	json_decref(root);
	return rc;
}

int plan_skipped_text(const struct plan *p, const char *tool, struct buf *out, struct diag *d)
{
	for (size_t i = 0; i < p->nskipped; i++) {
		const struct plan_change *c = &p->skipped[i];

		if (c->kind != PLAN_MODIFY_TABLE) {
			if (buf_addf(out, d, "%s: skipped %s \"%s\" (diff.skip)\n", tool,
				     plan_kind_name(c->kind),
				     c->from_table ? c->from_table->name
				     : c->to_table ? c->to_table->name
						   : c->schema))
				return -1;
			continue;
		}
		for (size_t k = 0; k < c->nsubs; k++) {
			const struct plan_sub *s = &c->subs[k];
			const char *what = s->from_col	? s->from_col->name
					   : s->to_col	? s->to_col->name
					   : s->from_ix ? s->from_ix->name
					   : s->to_ix	? s->to_ix->name
					   : s->from_fk ? s->from_fk->name
					   : s->to_fk	? s->to_fk->name
							: "";

			if (buf_addf(out, d, "%s: skipped %s \"%s\" on table \"%s\" (diff.skip)\n",
				     tool, plan_sub_name(s->kind), what ? what : "",
				     c->from_table->name))
				return -1;
		}
	}
	return 0;
}
