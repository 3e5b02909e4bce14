/* schema_read: "schema/1" JSON back into the model, checked as it is read. */
#include "schemajson.h"

#include "buf.h"
#include "fsx.h"

#include <stdio.h>
#include <string.h>

#include <jansson.h>

struct rd {
	struct arena *a;
	const char *file;
	struct diag *d;
};

static int bad(struct rd *r, const char *where, const char *what)
{
	return diag_set(r->d, DIAG_PARSE, r->file, 0, 0, "%s: %s", where, what);
}

/* A string member: required (error when absent) or optional (NULL). */
static int str(struct rd *r, json_t *o, const char *key, int required, const char *where,
	       const char **out)
{
	json_t *v = json_object_get(o, key);

	*out = NULL;
	if (!v || json_is_null(v)) {
		if (required) {
			char msg[128];

			snprintf(msg, sizeof(msg), "'%s' is missing", key);
			return bad(r, where, msg);
		}
		return 0;
	}
	if (!json_is_string(v)) {
		char msg[128];

		snprintf(msg, sizeof(msg), "'%s' must be a string", key);
		return bad(r, where, msg);
	}
	*out = arena_strndup(r->a, json_string_value(v), json_string_length(v));
	return *out ? 0 : diag_nomem(r->d);
}

static int boolean(json_t *o, const char *key, int dflt)
{
	json_t *v = json_object_get(o, key);

	return v ? json_is_true(v) : dflt;
}

static long long integer(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	return json_is_integer(v) ? json_integer_value(v) : 0;
}

static int array(struct rd *r, json_t *o, const char *key, int required, const char *where,
		 json_t **out)
{
	json_t *v = json_object_get(o, key);

	*out = v;
	if (!v && !required)
		return 0;
	if (!json_is_array(v)) {
		char msg[128];

		snprintf(msg, sizeof(msg), "'%s' must be a list", key);
		return bad(r, where, msg);
	}
	return 0;
}

static int str_list(struct rd *r, json_t *o, const char *key, const char *where, const char ***out,
		    size_t *n)
{
	json_t *a, *v;
	size_t i;

	*out = NULL;
	*n = 0;
	if (array(r, o, key, 0, where, &a) || !a)
		return a ? -1 : 0;
	*out = arena_alloc(r->a, (json_array_size(a) + 1) * sizeof(**out));
	if (!*out)
		return diag_nomem(r->d);
	json_array_foreach(a, i, v)
	{
		if (!json_is_string(v))
			return bad(r, where, "lists of names must hold strings");
		(*out)[i] = arena_strdup(r->a, json_string_value(v));
		if (!(*out)[i])
			return diag_nomem(r->d);
	}
	*n = json_array_size(a);
	return 0;
}

static int read_type(struct rd *r, json_t *o, const char *where, struct schema_type *t)
{
	if (!json_is_object(o))
		return bad(r, where, "'type' must be an object");
	memset(t, 0, sizeof(*t));
	if (str(r, o, "sql", 1, where, &t->sql) || str(r, o, "kind", 1, where, &t->kind) ||
	    str_list(r, o, "values", where, &t->values, &t->nvalues) ||
	    str(r, o, "enum", 0, where, &t->enum_name) ||
	    str(r, o, "enum_schema", 0, where, &t->enum_schema))
		return -1;
	t->has_size = json_object_get(o, "size") != NULL;
	t->size = (long)integer(o, "size");
	t->has_precision = json_object_get(o, "precision") != NULL;
	t->precision = (long)integer(o, "precision");
	t->has_scale = json_object_get(o, "scale") != NULL;
	t->scale = (long)integer(o, "scale");
	t->is_unsigned = boolean(o, "unsigned", 0);
	t->raw = boolean(o, "raw", 0);
	if (json_object_get(o, "elem")) {
		t->elem = arena_alloc(r->a, sizeof(*t->elem));
		if (!t->elem)
			return diag_nomem(r->d);
		if (read_type(r, json_object_get(o, "elem"), where, t->elem))
			return -1;
	}
	return 0;
}

int schema_read_column(struct arena *a, const char *file, json_t *o, struct schema_column *c,
		       struct diag *d)
{
	struct rd r = { a, file, d };
	char where[256];
	json_t *v;

	memset(c, 0, sizeof(*c));
	if (!json_is_object(o))
		return bad(&r, "column", "must be an object");
	if (str(&r, o, "name", 1, "column", &c->name))
		return -1;
	snprintf(where, sizeof(where), "column '%s'", c->name);
	if (read_type(&r, json_object_get(o, "type"), where, &c->type))
		return -1;
	c->nullable = boolean(o, "null", 0);
	if ((v = json_object_get(o, "default"))) {
		const char *kind;

		if (str(&r, v, "kind", 1, where, &kind) ||
		    str(&r, v, "value", 1, where, &c->default_value))
			return -1;
		c->default_kind =
			strcmp(kind, "expr") == 0 ? SCHEMA_DEFAULT_EXPR : SCHEMA_DEFAULT_LITERAL;
	}
	if ((v = json_object_get(o, "identity"))) {
		if (str(&r, v, "generated", 1, where, &c->identity))
			return -1;
		c->identity_start = integer(v, "start");
		c->identity_increment = integer(v, "increment");
	}
	c->auto_increment = boolean(o, "auto_increment", 0);
	if ((v = json_object_get(o, "generated")) &&
	    (str(&r, v, "expr", 1, where, &c->generated_expr) ||
	     str(&r, v, "type", 1, where, &c->generated_type)))
		return -1;
	return str(&r, o, "on_update", 0, where, &c->on_update) ||
			       str(&r, o, "charset", 0, where, &c->charset) ||
			       str(&r, o, "collate", 0, where, &c->collate) ||
			       str(&r, o, "comment", 0, where, &c->comment)
		       ? -1
		       : 0;
}

static int read_parts(struct rd *r, json_t *o, const char *key, const char *where,
		      struct schema_part **parts, size_t *n)
{
	json_t *a, *v;
	size_t i;

	if (array(r, o, key, 1, where, &a))
		return -1;
	*n = json_array_size(a);
	*parts = arena_alloc(r->a, (*n + 1) * sizeof(**parts));
	if (!*parts)
		return diag_nomem(r->d);
	json_array_foreach(a, i, v)
	{
		struct schema_part *p = &(*parts)[i];

		if (str(r, v, "column", 0, where, &p->column) ||
		    str(r, v, "expr", 0, where, &p->expr) || str(r, v, "ops", 0, where, &p->ops))
			return -1;
		if (!p->column == !p->expr)
			return bad(r, where, "each part needs exactly one of 'column' and 'expr'");
		p->desc = boolean(v, "desc", 0);
		p->prefix = (long)integer(v, "prefix");
		p->nulls_first = boolean(v, "nulls_first", 0);
		p->nulls_last = boolean(v, "nulls_last", 0);
	}
	return 0;
}

int schema_read_index(struct arena *a, const char *file, json_t *o, struct schema_index *ix,
		      struct diag *d)
{
	struct rd r = { a, file, d };
	char where[256];

	memset(ix, 0, sizeof(*ix));
	if (!json_is_object(o))
		return bad(&r, "index", "must be an object");
	if (str(&r, o, "name", 0, "index", &ix->name))
		return -1;
	snprintf(where, sizeof(where), "index '%s'", ix->name ? ix->name : "");
	ix->unique = boolean(o, "unique", 0);
	ix->constraint = boolean(o, "constraint", 0);
	ix->nulls_distinct = boolean(o, "nulls_distinct", 1);
	ix->page_per_range = (long)integer(o, "page_per_range");
	return read_parts(&r, o, "parts", where, &ix->parts, &ix->nparts) ||
			       str(&r, o, "type", 0, where, &ix->type) ||
			       str(&r, o, "where", 0, where, &ix->where) ||
			       str_list(&r, o, "include", where, &ix->include, &ix->ninclude) ||
			       str(&r, o, "parser", 0, where, &ix->parser) ||
			       str(&r, o, "comment", 0, where, &ix->comment)
		       ? -1
		       : 0;
}

int schema_read_fk(struct arena *a, const char *file, json_t *o, struct schema_fk *fk,
		   struct diag *d)
{
	struct rd r = { a, file, d };
	size_t n2;

	memset(fk, 0, sizeof(*fk));
	if (str(&r, o, "name", 0, "foreign key", &fk->name) ||
	    str_list(&r, o, "columns", "foreign key", &fk->columns, &fk->ncolumns) ||
	    str_list(&r, o, "ref_columns", "foreign key", &fk->ref_columns, &n2) ||
	    str(&r, o, "ref_schema", 1, "foreign key", &fk->ref_schema) ||
	    str(&r, o, "ref_table", 1, "foreign key", &fk->ref_table) ||
	    str(&r, o, "on_update", 0, "foreign key", &fk->on_update) ||
	    str(&r, o, "on_delete", 0, "foreign key", &fk->on_delete))
		return -1;
	if (n2 != fk->ncolumns || n2 == 0)
		return bad(&r, "foreign key", "'columns' and 'ref_columns' must be equally long");
	return 0;
}

int schema_read_check(struct arena *a, const char *file, json_t *o, struct schema_check *ck,
		      struct diag *d)
{
	struct rd r = { a, file, d };
	json_t *e = json_object_get(o, "enforced");

	memset(ck, 0, sizeof(*ck));
	ck->enforced = e ? json_is_true(e) : -1;
	return str(&r, o, "name", 0, "check", &ck->name) ||
			       str(&r, o, "expr", 1, "check", &ck->expr)
		       ? -1
		       : 0;
}

int schema_read_table(struct arena *a, const char *file, json_t *o, struct schema_table *t,
		      struct diag *d)
{
	struct rd r = { a, file, d };
	char where[256];
	json_t *arr, *v;
	size_t i;

	memset(t, 0, sizeof(*t));
	if (!json_is_object(o))
		return bad(&r, "table", "must be an object");
	if (str(&r, o, "name", 1, "table", &t->name))
		return -1;
	snprintf(where, sizeof(where), "table '%s'", t->name);
	if (str(&r, o, "charset", 0, where, &t->charset) ||
	    str(&r, o, "collate", 0, where, &t->collate) ||
	    str(&r, o, "engine", 0, where, &t->engine) ||
	    str(&r, o, "comment", 0, where, &t->comment))
		return -1;
	t->auto_increment = integer(o, "auto_increment");
	if (array(&r, o, "columns", 1, where, &arr))
		return -1;
	t->ncolumns = t->capcolumns = json_array_size(arr);
	t->columns = arena_alloc(a, (t->ncolumns + 1) * sizeof(*t->columns));
	if (!t->columns)
		return diag_nomem(d);
	json_array_foreach(arr, i,
			   v) if (schema_read_column(a, file, v, &t->columns[i], d)) return -1;
	if ((v = json_object_get(o, "primary_key"))) {
		t->pk = arena_alloc(a, sizeof(*t->pk));
		if (!t->pk)
			return diag_nomem(d);
		if (schema_read_index(a, file, v, t->pk, d))
			return -1;
	}
	if (array(&r, o, "indexes", 0, where, &arr))
		return -1;
	t->nindexes = t->capindexes = json_array_size(arr);
	t->indexes = arena_alloc(a, (t->nindexes + 1) * sizeof(*t->indexes));
	if (!t->indexes)
		return diag_nomem(d);
	json_array_foreach(arr, i,
			   v) if (schema_read_index(a, file, v, &t->indexes[i], d)) return -1;
	if (array(&r, o, "foreign_keys", 0, where, &arr))
		return -1;
	t->nfks = t->capfks = json_array_size(arr);
	t->fks = arena_alloc(a, (t->nfks + 1) * sizeof(*t->fks));
	if (!t->fks)
		return diag_nomem(d);
	json_array_foreach(arr, i, v) if (schema_read_fk(a, file, v, &t->fks[i], d)) return -1;
	if (array(&r, o, "checks", 0, where, &arr))
		return -1;
	t->nchecks = t->capchecks = json_array_size(arr);
	t->checks = arena_alloc(a, (t->nchecks + 1) * sizeof(*t->checks));
	if (!t->checks)
		return diag_nomem(d);
	json_array_foreach(arr, i,
			   v) if (schema_read_check(a, file, v, &t->checks[i], d)) return -1;
	if ((v = json_object_get(o, "partition"))) {
		t->partition = arena_alloc(a, sizeof(*t->partition));
		if (!t->partition)
			return diag_nomem(d);
		if (str(&r, v, "type", 1, where, &t->partition->type) ||
		    read_parts(&r, v, "parts", where, &t->partition->parts, &t->partition->nparts))
			return -1;
	}
	return 0;
}

int schema_read_realm(struct arena *a, const char *file, json_t *root, struct schema_realm *realm,
		      struct diag *d)
{
	struct rd r = { a, file, d };
	const char *format, *dialect;
	json_t *schemas, *s;
	size_t i;

	memset(realm, 0, sizeof(*realm));
	if (!json_is_object(root))
		return bad(&r, "document", "a schema document is a JSON object");
	if (str(&r, root, "format", 1, "document", &format))
		return -1;
	if (strcmp(format, "schema/1") != 0)
		return diag_set(d, DIAG_PARSE, file, 0, 0,
				"unsupported format '%s' (expected 'schema/1')", format);
	if (str(&r, root, "dialect", 1, "document", &dialect))
		return -1;
	if (schema_dialect_parse(dialect, &realm->dialect))
		return diag_set(d, DIAG_PARSE, file, 0, 0, "unknown dialect '%s'", dialect);
	if (str(&r, root, "normalized", 0, "document", &realm->normalized))
		return -1;
	if (array(&r, root, "schemas", 1, "document", &schemas))
		return -1;
	realm->nschemas = realm->capschemas = json_array_size(schemas);
	realm->schemas = arena_alloc(a, (realm->nschemas + 1) * sizeof(*realm->schemas));
	if (!realm->schemas)
		return diag_nomem(d);
	json_array_foreach(schemas, i, s)
	{
		struct schema_schema *sc = &realm->schemas[i];
		char where[256];
		json_t *arr, *v;
		size_t k;

		if (str(&r, s, "name", 1, "schema", &sc->name))
			return -1;
		snprintf(where, sizeof(where), "schema '%s'", sc->name);
		if (str(&r, s, "charset", 0, where, &sc->charset) ||
		    str(&r, s, "collate", 0, where, &sc->collate) ||
		    str(&r, s, "comment", 0, where, &sc->comment) ||
		    array(&r, s, "enums", 0, where, &arr))
			return -1;
		sc->nenums = sc->capenums = json_array_size(arr);
		sc->enums = arena_alloc(a, (sc->nenums + 1) * sizeof(*sc->enums));
		if (!sc->enums)
			return diag_nomem(d);
		json_array_foreach(arr, k, v)
		{
			if (str(&r, v, "name", 1, where, &sc->enums[k].name) ||
			    str_list(&r, v, "values", where, &sc->enums[k].values,
				     &sc->enums[k].nvalues))
				return -1;
		}
		if (array(&r, s, "tables", 1, where, &arr))
			return -1;
		sc->ntables = sc->captables = json_array_size(arr);
		sc->tables = arena_alloc(a, (sc->ntables + 1) * sizeof(*sc->tables));
		if (!sc->tables)
			return diag_nomem(d);
		json_array_foreach(
			arr, k, v) if (schema_read_table(a, file, v, &sc->tables[k], d)) return -1;
	}
	return 0;
}

/* The document in root (NULL: unparsable, with err) read as schema JSON; name for messages. */
static int read_root(struct arena *a, const char *name, json_t *root, const json_error_t *err,
		     struct schema_realm *realm, int *empty, struct diag *d)
{
	int rc;

	*empty = 0;
	if (!root) {
		/* An empty file (or only whitespace) is an empty database. */
		if (err->position == 0 ||
		    strstr(err->text, "'[' or '{' expected near end of file")) {
			*empty = 1;
			memset(realm, 0, sizeof(*realm));
			return 0;
		}
		return diag_set(d, DIAG_PARSE, name, (unsigned)err->line, (unsigned)err->column,
				"malformed JSON: %s", err->text);
	}
	if (json_is_object(root) && json_object_size(root) == 0) {
		json_decref(root);
		*empty = 1;
		memset(realm, 0, sizeof(*realm));
		return 0;
	}
	rc = schema_read_realm(a, name, root, realm, d);
	json_decref(root);
	return rc;
}

int schema_read_file(struct arena *a, const char *path, struct schema_realm *realm, int *empty,
		     struct diag *d)
{
	int from_stdin = strcmp(path, "-") == 0;
	const char *name = from_stdin ? "<stdin>" : path;
	struct buf in;
	int rc;

	/* Read first: a file that cannot be opened is trouble, not an empty database. */
	buf_init(&in, 0);
	rc = from_stdin ? fsx_read_fd(0, name, &in, d) : fsx_read(path, &in, d);
	if (rc == 0)
		rc = schema_read_buf(a, name, in.data, in.len, realm, empty, d);
	buf_release(&in);
	return rc;
}

int schema_read_buf(struct arena *a, const char *name, const char *data, size_t len,
		    struct schema_realm *realm, int *empty, struct diag *d)
{
	json_error_t err;
	json_t *root;

	root = json_loadb(data ? data : "", len, JSON_DECODE_ANY, &err);
	return read_root(a, name, root, &err, realm, empty, d);
}
