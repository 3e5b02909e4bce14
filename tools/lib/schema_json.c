/* schema_json: the model as "schema/1" JSON, keys in a fixed order (docs/schema-json.md). */
#include "schemajson.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

static void set_str(json_t *o, const char *k, const char *v)
{
	if (v)
		json_object_set_new(o, k, json_string(v));
}

static json_t *str_array(const char *const *v, size_t n)
{
	json_t *a = json_array();

	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_string(v[i]));
	return a;
}

static json_t *type_json(const struct schema_type *t)
{
	json_t *o = json_object();

	json_object_set_new(o, "sql", json_string(t->sql));
	json_object_set_new(o, "kind", json_string(t->kind));
	if (t->has_size)
		json_object_set_new(o, "size", json_integer(t->size));
	if (t->has_precision)
		json_object_set_new(o, "precision", json_integer(t->precision));
	if (t->has_scale)
		json_object_set_new(o, "scale", json_integer(t->scale));
	if (t->is_unsigned)
		json_object_set_new(o, "unsigned", json_true());
	if (t->nvalues)
		json_object_set_new(o, "values", str_array(t->values, t->nvalues));
	if (t->enum_name) {
		json_object_set_new(o, "enum", json_string(t->enum_name));
		set_str(o, "enum_schema", t->enum_schema);
	}
	if (t->elem)
		json_object_set_new(o, "elem", type_json(t->elem));
	if (t->raw)
		json_object_set_new(o, "raw", json_true());
	return o;
}

json_t *schema_column_json(const struct schema_column *c)
{
	json_t *o = json_object();

	json_object_set_new(o, "name", json_string(c->name));
	json_object_set_new(o, "type", type_json(&c->type));
	json_object_set_new(o, "null", json_boolean(c->nullable));
	if (c->default_kind != SCHEMA_DEFAULT_NONE)
		json_object_set_new(
			o, "default",
			json_pack("{s:s,s:s}", "kind",
				  c->default_kind == SCHEMA_DEFAULT_EXPR ? "expr" : "literal",
				  "value", c->default_value));
	if (c->identity)
		json_object_set_new(o, "identity",
				    json_pack("{s:s,s:I,s:I}", "generated", c->identity, "start",
					      (json_int_t)c->identity_start, "increment",
					      (json_int_t)c->identity_increment));
	if (c->auto_increment)
		json_object_set_new(o, "auto_increment", json_true());
	if (c->generated_expr)
		json_object_set_new(o, "generated",
				    json_pack("{s:s,s:s}", "expr", c->generated_expr, "type",
					      c->generated_type));
	set_str(o, "on_update", c->on_update);
	set_str(o, "charset", c->charset);
	set_str(o, "collate", c->collate);
	set_str(o, "comment", c->comment);
	return o;
}

static json_t *parts_json(const struct schema_part *p, size_t n)
{
	json_t *a = json_array();

	for (size_t i = 0; i < n; i++) {
		json_t *o = json_object();

		set_str(o, "column", p[i].column);
		set_str(o, "expr", p[i].expr);
		if (p[i].desc)
			json_object_set_new(o, "desc", json_true());
		if (p[i].prefix)
			json_object_set_new(o, "prefix", json_integer(p[i].prefix));
		set_str(o, "ops", p[i].ops);
		if (p[i].nulls_first)
			json_object_set_new(o, "nulls_first", json_true());
		if (p[i].nulls_last)
			json_object_set_new(o, "nulls_last", json_true());
		json_array_append_new(a, o);
	}
	return a;
}

json_t *schema_index_json(const struct schema_index *ix, int pk)
{
	json_t *o = json_object();

	set_str(o, "name", ix->name);
	if (!pk)
		json_object_set_new(o, "unique", json_boolean(ix->unique));
	if (ix->constraint)
		json_object_set_new(o, "constraint", json_true());
	json_object_set_new(o, "parts", parts_json(ix->parts, ix->nparts));
	set_str(o, "type", ix->type);
	set_str(o, "where", ix->where);
	if (ix->ninclude)
		json_object_set_new(o, "include", str_array(ix->include, ix->ninclude));
	if (!ix->nulls_distinct)
		json_object_set_new(o, "nulls_distinct", json_false());
	if (ix->page_per_range)
		json_object_set_new(o, "page_per_range", json_integer(ix->page_per_range));
	set_str(o, "parser", ix->parser);
	set_str(o, "comment", ix->comment);
	return o;
}

json_t *schema_fk_json(const struct schema_fk *fk)
{
	json_t *f = json_object();

	set_str(f, "name", fk->name);
	json_object_set_new(f, "columns", str_array(fk->columns, fk->ncolumns));
	json_object_set_new(f, "ref_schema", json_string(fk->ref_schema));
	json_object_set_new(f, "ref_table", json_string(fk->ref_table));
	json_object_set_new(f, "ref_columns", str_array(fk->ref_columns, fk->ncolumns));
	set_str(f, "on_update", fk->on_update);
	set_str(f, "on_delete", fk->on_delete);
	return f;
}

json_t *schema_check_json(const struct schema_check *ck)
{
	json_t *c = json_object();

	set_str(c, "name", ck->name);
	json_object_set_new(c, "expr", json_string(ck->expr));
	if (ck->enforced >= 0)
		json_object_set_new(c, "enforced", json_boolean(ck->enforced));
	return c;
}

json_t *schema_table_json(const struct schema_table *t)
{
	json_t *o = json_object(), *a;

	json_object_set_new(o, "name", json_string(t->name));
	set_str(o, "charset", t->charset);
	set_str(o, "collate", t->collate);
	set_str(o, "engine", t->engine);
	if (t->auto_increment)
		json_object_set_new(o, "auto_increment", json_integer(t->auto_increment));
	set_str(o, "comment", t->comment);
	a = json_array();
	for (size_t i = 0; i < t->ncolumns; i++)
		json_array_append_new(a, schema_column_json(&t->columns[i]));
	json_object_set_new(o, "columns", a);
	if (t->pk)
		json_object_set_new(o, "primary_key", schema_index_json(t->pk, 1));
	a = json_array();
	for (size_t i = 0; i < t->nindexes; i++)
		json_array_append_new(a, schema_index_json(&t->indexes[i], 0));
	json_object_set_new(o, "indexes", a);
	a = json_array();
	for (size_t i = 0; i < t->nfks; i++)
		json_array_append_new(a, schema_fk_json(&t->fks[i]));
	json_object_set_new(o, "foreign_keys", a);
	a = json_array();
	for (size_t i = 0; i < t->nchecks; i++)
		json_array_append_new(a, schema_check_json(&t->checks[i]));
	json_object_set_new(o, "checks", a);
	if (t->partition)
		json_object_set_new(
			o, "partition",
			json_pack("{s:s,s:o}", "type", t->partition->type, "parts",
				  parts_json(t->partition->parts, t->partition->nparts)));
	return o;
}

json_t *schema_realm_json(const struct schema_realm *r)
{
	json_t *root = json_object(), *schemas = json_array(), *objects = json_array();

	json_object_set_new(root, "format", json_string("schema/1"));
	json_object_set_new(root, "dialect", json_string(schema_dialect_name(r->dialect)));
	set_str(root, "normalized", r->normalized);
	for (size_t i = 0; i < r->nschemas; i++) {
		const struct schema_schema *s = &r->schemas[i];
		json_t *o = json_object(), *a;

		json_object_set_new(o, "name", json_string(s->name));
		set_str(o, "charset", s->charset);
		set_str(o, "collate", s->collate);
		set_str(o, "comment", s->comment);
		if (s->nenums) {
			a = json_array();
			for (size_t k = 0; k < s->nenums; k++)
				json_array_append_new(a, json_pack("{s:s,s:o}", "name",
								   s->enums[k].name, "values",
								   str_array(s->enums[k].values,
									     s->enums[k].nvalues)));
			json_object_set_new(o, "enums", a);
		}
		a = json_array();
		for (size_t k = 0; k < s->ntables; k++)
			json_array_append_new(a, schema_table_json(&s->tables[k]));
		json_object_set_new(o, "tables", a);
		json_array_append_new(schemas, o);
	}
	json_object_set_new(root, "schemas", schemas);
	for (size_t i = 0; i < r->nobjects; i++) {
		const struct schema_object *ob = &r->objects[i];
		json_t *o = json_object(), *attrs = json_object();

		json_object_set_new(o, "kind", json_string(ob->kind));
		json_object_set_new(o, "name", json_string(ob->name));
		set_str(o, "schema", ob->schema);
		for (size_t k = 0; k < ob->nattrs; k++)
			json_object_set_new(attrs, ob->attrs[k].name,
					    json_loads(ob->attrs[k].json, JSON_DECODE_ANY, NULL));
		json_object_set_new(o, "attrs", attrs);
		if (ob->body_json)
			json_object_set_new(o, "blocks", json_loads(ob->body_json, 0, NULL));
		json_array_append_new(objects, o);
	}
	if (r->nobjects)
		json_object_set_new(root, "objects", objects);
	else
		json_decref(objects);
	return root;
}

int schema_to_json(const struct schema_realm *realm, struct buf *out, struct diag *d)
{
	json_t *j = schema_realm_json(realm);
	char *s;
	int rc;

	if (!j)
		return diag_nomem(d);
	s = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII * 0);
	json_decref(j);
	if (!s)
		return diag_nomem(d);
	rc = buf_adds(out, s, d) || buf_add(out, "\n", 1, d);
	free(s);
	return rc ? -1 : 0;
}
