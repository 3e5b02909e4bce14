/* schema_types: Atlas's type vocabulary for PostgreSQL and MySQL, normalised as it prints. */
#include "schema.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
#include <string.h>

#include "hcleval.h"

enum targs {
	TA_NONE,      /* no arguments */
	TA_SIZE,      /* (n), optional */
	TA_SIZE_REQ,  /* (n), required */
	TA_PREC,      /* (p), optional */
	TA_PREC_SCALE /* (p, s), optional */
};

struct tspec {
	const char *hcl, *db, *kind;
	enum targs args;
};

static const struct tspec pg_types[] = {
	{ "smallint", "smallint", "integer", TA_NONE },
	{ "int2", "smallint", "integer", TA_NONE },
	{ "integer", "integer", "integer", TA_NONE },
	{ "int", "integer", "integer", TA_NONE },
	{ "int4", "integer", "integer", TA_NONE },
	{ "bigint", "bigint", "integer", TA_NONE },
	{ "int8", "bigint", "integer", TA_NONE },
	{ "smallserial", "smallserial", "serial", TA_NONE },
	{ "serial2", "smallserial", "serial", TA_NONE },
	{ "serial", "serial", "serial", TA_NONE },
	{ "serial4", "serial", "serial", TA_NONE },
	{ "bigserial", "bigserial", "serial", TA_NONE },
	{ "serial8", "bigserial", "serial", TA_NONE },
	{ "boolean", "boolean", "bool", TA_NONE },
	{ "bool", "boolean", "bool", TA_NONE },
	{ "numeric", "numeric", "decimal", TA_PREC_SCALE },
	{ "decimal", "numeric", "decimal", TA_PREC_SCALE },
	{ "real", "real", "float", TA_NONE },
	{ "float4", "real", "float", TA_NONE },
	{ "double_precision", "double precision", "float", TA_NONE },
	{ "float8", "double precision", "float", TA_NONE },
	{ "float", "float", "float", TA_PREC },
	{ "varchar", "character varying", "string", TA_SIZE },
	{ "character_varying", "character varying", "string", TA_SIZE },
	{ "char", "character", "string", TA_SIZE },
	{ "character", "character", "string", TA_SIZE },
	{ "bpchar", "bpchar", "string", TA_NONE },
	{ "text", "text", "string", TA_NONE },
	{ "name", "name", "string", TA_NONE },
	{ "bytea", "bytea", "binary", TA_NONE },
	{ "bit", "bit", "bit", TA_SIZE },
	{ "bit_varying", "bit varying", "bit", TA_SIZE },
	{ "date", "date", "time", TA_NONE },
	{ "time", "time", "time", TA_PREC },
	{ "timetz", "timetz", "time", TA_PREC },
	{ "timestamp", "timestamp", "time", TA_PREC },
	{ "timestamptz", "timestamptz", "time", TA_PREC },
	{ "interval", "interval", "interval", TA_PREC },
	{ "year", "interval year", "interval", TA_NONE },
	{ "month", "interval month", "interval", TA_NONE },
	{ "day", "interval day", "interval", TA_NONE },
	{ "hour", "interval hour", "interval", TA_NONE },
	{ "minute", "interval minute", "interval", TA_NONE },
	{ "second", "interval second", "interval", TA_PREC },
	{ "year_to_month", "interval year to month", "interval", TA_NONE },
	{ "day_to_hour", "interval day to hour", "interval", TA_NONE },
	{ "day_to_minute", "interval day to minute", "interval", TA_NONE },
	{ "day_to_second", "interval day to second", "interval", TA_PREC },
	{ "hour_to_minute", "interval hour to minute", "interval", TA_NONE },
	{ "hour_to_second", "interval hour to second", "interval", TA_PREC },
	{ "minute_to_second", "interval minute to second", "interval", TA_PREC },
	{ "json", "json", "json", TA_NONE },
	{ "jsonb", "jsonb", "json", TA_NONE },
	{ "uuid", "uuid", "uuid", TA_NONE },
	{ "xml", "xml", "xml", TA_NONE },
	{ "money", "money", "currency", TA_NONE },
	{ "inet", "inet", "network", TA_NONE },
	{ "cidr", "cidr", "network", TA_NONE },
	{ "macaddr", "macaddr", "network", TA_NONE },
	{ "macaddr8", "macaddr8", "network", TA_NONE },
	{ "point", "point", "spatial", TA_NONE },
	{ "line", "line", "spatial", TA_NONE },
	{ "lseg", "lseg", "spatial", TA_NONE },
	{ "box", "box", "spatial", TA_NONE },
	{ "path", "path", "spatial", TA_NONE },
	{ "polygon", "polygon", "spatial", TA_NONE },
	{ "circle", "circle", "spatial", TA_NONE },
	{ "tsvector", "tsvector", "textsearch", TA_NONE },
	{ "tsquery", "tsquery", "textsearch", TA_NONE },
	{ "int4range", "int4range", "range", TA_NONE },
	{ "int8range", "int8range", "range", TA_NONE },
	{ "numrange", "numrange", "range", TA_NONE },
	{ "tsrange", "tsrange", "range", TA_NONE },
	{ "tstzrange", "tstzrange", "range", TA_NONE },
	{ "daterange", "daterange", "range", TA_NONE },
	{ "int4multirange", "int4multirange", "range", TA_NONE },
	{ "int8multirange", "int8multirange", "range", TA_NONE },
	{ "nummultirange", "nummultirange", "range", TA_NONE },
	{ "tsmultirange", "tsmultirange", "range", TA_NONE },
	{ "tstzmultirange", "tstzmultirange", "range", TA_NONE },
	{ "datemultirange", "datemultirange", "range", TA_NONE },
	{ "oid", "oid", "oid", TA_NONE },
	{ "regclass", "regclass", "oid", TA_NONE },
	{ "regcollation", "regcollation", "oid", TA_NONE },
	{ "regconfig", "regconfig", "oid", TA_NONE },
	{ "regdictionary", "regdictionary", "oid", TA_NONE },
	{ "regnamespace", "regnamespace", "oid", TA_NONE },
	{ "regoper", "regoper", "oid", TA_NONE },
	{ "regoperator", "regoperator", "oid", TA_NONE },
	{ "regproc", "regproc", "oid", TA_NONE },
	{ "regprocedure", "regprocedure", "oid", TA_NONE },
	{ "regrole", "regrole", "oid", TA_NONE },
	{ "regtype", "regtype", "oid", TA_NONE },
	{ "xid", "xid", "integer", TA_NONE },
	{ "xid8", "xid8", "integer", TA_NONE },
	{ "hstore", "hstore", "user", TA_NONE },
	{ NULL, NULL, NULL, TA_NONE },
};

static const struct tspec my_types[] = {
	{ "bool", "bool", "bool", TA_NONE },
	{ "boolean", "bool", "bool", TA_NONE },
	{ "tinyint", "tinyint", "integer", TA_SIZE },
	{ "smallint", "smallint", "integer", TA_SIZE },
	{ "mediumint", "mediumint", "integer", TA_SIZE },
	{ "int", "int", "integer", TA_SIZE },
	{ "integer", "int", "integer", TA_SIZE },
	{ "bigint", "bigint", "integer", TA_SIZE },
	{ "decimal", "decimal", "decimal", TA_PREC_SCALE },
	{ "numeric", "decimal", "decimal", TA_PREC_SCALE },
	{ "float", "float", "float", TA_PREC_SCALE },
	{ "double", "double", "float", TA_PREC_SCALE },
	{ "real", "double", "float", TA_PREC_SCALE },
	{ "bit", "bit", "bit", TA_SIZE },
	{ "varchar", "varchar", "string", TA_SIZE_REQ },
	{ "char", "char", "string", TA_SIZE },
	{ "tinytext", "tinytext", "string", TA_NONE },
	{ "text", "text", "string", TA_SIZE },
	{ "mediumtext", "mediumtext", "string", TA_NONE },
	{ "longtext", "longtext", "string", TA_NONE },
	{ "binary", "binary", "binary", TA_SIZE },
	{ "varbinary", "varbinary", "binary", TA_SIZE_REQ },
	{ "tinyblob", "tinyblob", "binary", TA_NONE },
	{ "blob", "blob", "binary", TA_SIZE },
	{ "mediumblob", "mediumblob", "binary", TA_NONE },
	{ "longblob", "longblob", "binary", TA_NONE },
	{ "date", "date", "time", TA_NONE },
	{ "time", "time", "time", TA_PREC },
	{ "datetime", "datetime", "time", TA_PREC },
	{ "timestamp", "timestamp", "time", TA_PREC },
	{ "year", "year", "time", TA_PREC },
	{ "json", "json", "json", TA_NONE },
	{ "geometry", "geometry", "spatial", TA_NONE },
	{ "point", "point", "spatial", TA_NONE },
	{ "multipoint", "multipoint", "spatial", TA_NONE },
	{ "linestring", "linestring", "spatial", TA_NONE },
	{ "multilinestring", "multilinestring", "spatial", TA_NONE },
	{ "polygon", "polygon", "spatial", TA_NONE },
	{ "multipolygon", "multipolygon", "spatial", TA_NONE },
	{ "geometrycollection", "geometrycollection", "spatial", TA_NONE },
	{ "geomcollection", "geomcollection", "spatial", TA_NONE },
	{ "inet4", "inet4", "network", TA_NONE },
	{ "inet6", "inet6", "network", TA_NONE },
	{ "uuid", "uuid", "uuid", TA_NONE },
	{ NULL, NULL, NULL, TA_NONE },
};

static const struct tspec *find_spec(enum schema_dialect dialect, const char *name)
{
	for (const struct tspec *s = dialect == SCHEMA_POSTGRES ? pg_types : my_types; s->hcl; s++)
		if (strcmp(s->hcl, name) == 0)
			return s;
	return NULL;
}

static int nomem(struct diag *d)
{
	return diag_nomem(d);
}

/* Formats the canonical text from a spec and its numeric arguments. */
static int render(struct arena *a, enum schema_dialect dialect, const struct tspec *s,
		  struct schema_type *t, const struct hcl_item *at, struct hcl_pos pos,
		  struct diag *d)
{
	const char *db = s->db;
	char *out = NULL;
	int pg = dialect == SCHEMA_POSTGRES;

	t->kind = s->kind;
	if (pg && strcmp(s->hcl, "float") == 0) {
		long p = t->has_precision ? t->precision : 0;

		if (p > 53)
			return hcl_error(d, at, pos, "float precision %ld is out of range (1-53)",
					 p);
		out = arena_strdup(a, p >= 1 && p <= 24 ? "real" : "double precision");
	} else if (!pg && (strcmp(db, "float") == 0 || strcmp(db, "double") == 0)) {
		const char *w = db;

		if (strcmp(s->hcl, "float") == 0 && t->has_precision && t->precision > 24)
			w = "double";
		out = arena_printf(a, "%s%s", w, t->is_unsigned ? " unsigned" : "");
	} else if (s->args == TA_PREC_SCALE) {
		if (t->has_scale && t->has_precision && t->scale > t->precision)
			return hcl_error(d, at, pos, "scale %ld is larger than precision %ld",
					 t->scale, t->precision);
		if (!pg && !t->has_precision) {
			t->has_precision = 1;
			t->precision = 10;
		}
		if (t->has_precision && t->has_scale && t->scale > 0)
			out = arena_printf(a, "%s(%ld,%ld)", db, t->precision, t->scale);
		else if (t->has_precision)
			out = arena_printf(a, "%s(%ld)", db, t->precision);
		else
			out = arena_strdup(a, db);
		if (out && !pg && t->is_unsigned)
			out = arena_printf(a, "%s unsigned", out);
	} else if (strcmp(s->kind, "integer") == 0 && !pg) {
		out = arena_printf(a, "%s%s", db, t->is_unsigned ? " unsigned" : "");
		t->has_size = 0;
	} else if (strcmp(s->kind, "time") == 0 || strcmp(s->kind, "interval") == 0) {
		long p = t->precision;

		if (pg && t->has_precision && p != 6)
			out = arena_printf(a, "%s(%ld)", db, p);
		else if (!pg && t->has_precision && p > 0)
			out = arena_printf(a, "%s(%ld)", db, p);
		else
			out = arena_strdup(a, db);
	} else if (strcmp(db, "bit") == 0 || (!pg && strcmp(db, "binary") == 0)) {
		out = t->has_size && t->size > 1 ? arena_printf(a, "%s(%ld)", db, t->size)
						 : arena_strdup(a, db);
	} else if (pg && strcmp(db, "character") == 0) {
		out = arena_printf(a, "character(%ld)", t->has_size ? t->size : 1L);
	} else if (!pg && (strcmp(db, "text") == 0 || strcmp(db, "blob") == 0)) {
		out = arena_strdup(a, db);
	} else if (t->has_size && (s->args == TA_SIZE || s->args == TA_SIZE_REQ)) {
		out = arena_printf(a, "%s(%ld)", db, t->size);
	} else {
		out = arena_strdup(a, db);
	}
	if (!out)
		return nomem(d);
	t->sql = out;
	return 0;
}

static int bind_args(const struct tspec *s, struct schema_type *t, const long *args, size_t n,
		     const struct hcl_item *at, struct hcl_pos pos, struct diag *d)
{
	size_t max = s->args == TA_NONE ? 0 : s->args == TA_PREC_SCALE ? 2 : 1;

	if (n > max) {
		if (max == 0)
			return hcl_error(d, at, pos, "type '%s' does not accept arguments", s->hcl);
		return hcl_error(d, at, pos, "too many arguments for type '%s' (at most %zu)",
				 s->hcl, max);
	}
	if (s->args == TA_SIZE_REQ && n == 0)
		return hcl_error(d, at, pos, "type '%s' requires a size, as in %s(255)", s->hcl,
				 s->hcl);
	for (size_t i = 0; i < n; i++)
		if (args[i] < 0)
			return hcl_error(d, at, pos, "type '%s': arguments must not be negative",
					 s->hcl);
	if (n >= 1) {
		if (s->args == TA_SIZE || s->args == TA_SIZE_REQ) {
			t->size = args[0];
			t->has_size = 1;
		} else {
			t->precision = args[0];
			t->has_precision = 1;
		}
	}
	if (n >= 2) {
		t->scale = args[1];
		t->has_scale = 1;
	}
	return 0;
}

/* 'a' -> "'a'"; values already quoted with ' or " keep their quotes. */
static const char *quote_value(struct arena *a, const char *v)
{
	size_t n = strlen(v);
	struct buf b;
	char *out;
	struct diag ignored;

	if (n >= 2 && (v[0] == '\'' || v[0] == '"') && v[n - 1] == v[0])
		return arena_strdup(a, v);
	buf_init(&b, 0);
	diag_init(&ignored);
	buf_add(&b, "'", 1, &ignored);
	for (size_t i = 0; i < n; i++) {
		if (v[i] == '\'')
			buf_add(&b, "'", 1, &ignored);
		buf_add(&b, v + i, 1, &ignored);
	}
	buf_add(&b, "'", 1, &ignored);
	out = b.data ? arena_strndup(a, b.data, b.len) : NULL;
	buf_release(&b);
	return out;
}

static int my_enum(struct arena *a, const char *kind, const char *const *vals, size_t n,
		   struct schema_type *t, const struct hcl_item *at, struct hcl_pos pos,
		   struct diag *d)
{
	struct buf b;
	struct diag ignored;

	if (n == 0)
		return hcl_error(d, at, pos, "type '%s' needs at least one value", kind);
	t->kind = kind;
	t->values = arena_alloc(a, n * sizeof(*t->values));
	if (!t->values)
		return nomem(d);
	buf_init(&b, 0);
	diag_init(&ignored);
	buf_adds(&b, kind, &ignored);
	buf_add(&b, "(", 1, &ignored);
	for (size_t i = 0; i < n; i++) {
		const char *q = quote_value(a, vals[i]);

		t->values[i] = arena_strdup(a, vals[i]);
		if (!q || !t->values[i]) {
			buf_release(&b);
			return nomem(d);
		}
		if (i)
			buf_add(&b, ",", 1, &ignored);
		buf_adds(&b, q, &ignored);
	}
	buf_add(&b, ")", 1, &ignored);
	t->nvalues = n;
	t->sql = arena_strndup(a, b.data, b.len);
	buf_release(&b);
	return t->sql ? 0 : nomem(d);
}

/* MySQL raw enum('a','b') / set(...): single-quoted values, '' or \' inside. */
static int my_raw_enum(struct arena *a, const char *kind, const char *p, struct schema_type *t,
		       const struct hcl_item *at, struct hcl_pos pos, struct diag *d)
{
	const char *vals[256];
	size_t n = 0;
	struct buf b;
	struct diag ignored;
	int rc;

	buf_init(&b, 0);
	diag_init(&ignored);
	p++; /* ( */
	for (;;) {
		while (isspace((unsigned char)*p))
			p++;
		if (*p != '\'' || n == sizeof(vals) / sizeof(vals[0]))
			break;
		buf_reset(&b);
		for (p++; *p; p++) {
			if (*p == '\\' && p[1]) {
				p++;
			} else if (*p == '\'') {
				if (p[1] != '\'')
					break;
				p++;
			}
			buf_add(&b, p, 1, &ignored);
		}
		if (*p != '\'')
			break;
		p++;
		vals[n] = arena_strndup(a, b.data ? b.data : "", b.len);
		if (!vals[n++]) {
			buf_release(&b);
			return nomem(d);
		}
		while (isspace((unsigned char)*p))
			p++;
		if (*p == ',') {
			p++;
			continue;
		}
		if (*p == ')' && !p[1 + strspn(p + 1, " ")]) {
			buf_release(&b);
			return my_enum(a, kind, vals, n, t, at, pos, d);
		}
		break;
	}
	buf_release(&b);
	rc = hcl_error(d, at, pos, "malformed %s type: write %s('a','b')", kind, kind);
	return rc;
}

/* Raw type text: "name(args) words" with a multi-word name, as information_schema spells. */
static int parse_raw(struct arena *a, enum schema_dialect dialect, const struct hcl_item *at,
		     struct hcl_pos pos, const char *text, int is_unsigned, struct schema_type *t,
		     struct diag *d)
{
	static const struct {
		const char *sql, *hcl;
	} pg_alias[] = {
		{ "character varying", "varchar" },
		{ "double precision", "double_precision" },
		{ "bit varying", "bit_varying" },
		{ "timestamp with time zone", "timestamptz" },
		{ "timestamp without time zone", "timestamp" },
		{ "time with time zone", "timetz" },
		{ "time without time zone", "time" },
	};
	char name[128];
	long args[2];
	size_t n = 0, i = 0, len = strlen(text), nl = 0;
	const struct tspec *s;
	const char *rest;

	while (i < len && isspace((unsigned char)text[i]))
		i++;
	/* Arrays (PostgreSQL): the element as written, then []. */
	if (dialect == SCHEMA_POSTGRES) {
		const char *br = strchr(text, '[');
		size_t el = br ? (size_t)(br - text) : 0;

		if (!br && len > 6 && strcasecmp(text + len - 6, " array") == 0)
			el = len - 6;
		if (el) {
			while (el > i && isspace((unsigned char)text[el - 1]))
				el--;
			t->kind = "array";
			t->elem = arena_alloc(a, sizeof(*t->elem));
			if (!t->elem)
				return nomem(d);
			char *etext = arena_strndup(a, text + i, el - i);
			if (!etext || parse_raw(a, dialect, at, pos, etext, 0, t->elem, d))
				return -1;
			t->sql = arena_printf(a, "%s[]", etext);
			t->raw = 1;
			return t->sql ? 0 : nomem(d);
		}
	}
	/* The name: PostgreSQL's may be several words; MySQL's is one, then attributes. */
	while (i < len && text[i] != '(' && nl + 1 < sizeof(name) &&
	       !(dialect == SCHEMA_MYSQL && isspace((unsigned char)text[i])))
		name[nl++] = text[i++];
	while (nl > 0 && isspace((unsigned char)name[nl - 1]))
		nl--;
	name[nl] = '\0';
	if (strchr(name, '_'))
		goto user; /* HCL spellings such as double_precision are not SQL */
	rest = text + i;
	while (isspace((unsigned char)*rest))
		rest++;
	if (dialect == SCHEMA_MYSQL && (strcmp(name, "enum") == 0 || strcmp(name, "set") == 0) &&
	    *rest == '(')
		return my_raw_enum(a, strcmp(name, "enum") == 0 ? "enum" : "set", rest, t, at, pos,
				   d) ||
		       (t->raw = 1, 0);
	if (*rest == '(') {
		char *end;

		rest++;
		for (;;) {
			while (isspace((unsigned char)*rest))
				rest++;
			if (*rest == ')' || n == 2)
				break;
			args[n++] = strtol(rest, &end, 10);
			if (end == rest)
				break;
			rest = end;
			while (isspace((unsigned char)*rest))
				rest++;
			if (*rest == ',')
				rest++;
		}
		if (*rest != ')')
			goto user;
		rest++;
	}
	while (isspace((unsigned char)*rest))
		rest++;
	if (dialect == SCHEMA_POSTGRES) {
		for (size_t k = 0; k < sizeof(pg_alias) / sizeof(pg_alias[0]); k++)
			if (strcmp(name, pg_alias[k].sql) == 0)
				snprintf(name, sizeof(name), "%s", pg_alias[k].hcl);
		/* interval day to second: the field names with underscores, as in HCL */
		if (strncmp(name, "interval ", 9) == 0) {
			memmove(name, name + 9, strlen(name + 9) + 1);
			for (char *c = name; *c; c++)
				if (*c == ' ')
					*c = '_';
		}
		/* timestamp(3) with time zone */
		if (strcmp(rest, "with time zone") == 0 &&
		    (strcmp(name, "timestamp") == 0 || strcmp(name, "time") == 0)) {
			strcat(name, "tz");
			rest = "";
		} else if (strcmp(rest, "without time zone") == 0) {
			rest = "";
		}
	} else {
		while (*rest) {
			if (strncmp(rest, "unsigned", 8) == 0) {
				is_unsigned = 1;
				rest += 8;
			} else if (strncmp(rest, "zerofill", 8) == 0) {
				rest += 8;
			} else {
				break;
			}
			while (isspace((unsigned char)*rest))
				rest++;
		}
	}
	if (*rest)
		goto user;
	s = find_spec(dialect, name);
	if (!s)
		goto user;
	if (dialect == SCHEMA_MYSQL && strcmp(name, "tinyint") == 0 && n == 1 && args[0] == 1)
		s = find_spec(dialect, "bool"), n = 0;
	t->is_unsigned = is_unsigned;
	if (bind_args(s, t, args, n, at, pos, d))
		return -1;
	t->raw = 1;
	return render(a, dialect, s, t, at, pos, d);
user:
	if (dialect == SCHEMA_MYSQL) {
		for (const char *p = text; *p; p++)
			if (isupper((unsigned char)*p))
				return hcl_error(
					d, at, pos,
					"unsupported type '%s' (MySQL raw types are read in "
					"lower case)",
					text);
		return hcl_error(d, at, pos, "unsupported type '%s' for mysql", text);
	}
	t->kind = "user";
	t->raw = 1;
	t->sql = arena_strdup(a, text + (text[0] == ' '));
	return t->sql ? 0 : nomem(d);
}

int schema_type_from_hcl(struct arena *a, enum schema_dialect dialect, const struct hcl_item *at,
			 const struct hcl_value *v, int is_unsigned, struct schema_type *t,
			 struct diag *d)
{
	const struct tspec *s;
	long args[2];
	size_t n;

	memset(t, 0, sizeof(*t));
	switch (v->kind) {
	case HV_RAW:
		return parse_raw(a, dialect, at, v->pos, v->s, is_unsigned, t, d);
	case HV_REF:
		if (dialect == SCHEMA_POSTGRES && strcmp(v->ref.block->name, "enum") == 0) {
			const struct hcl_item *blk = v->ref.block;

			t->kind = "enum";
			t->enum_name = blk->labels[blk->nlabels - 1];
			t->sql = t->enum_name;
			return 0;
		}
		return hcl_error(d, at, v->pos, "a %s reference is not a type", v->ref.block->name);
	case HV_TYPE:
		break;
	case HV_STRING:
		return hcl_error(d, at, v->pos,
				 "a type is written bare, not quoted: type = %s, or sql(\"%s\")",
				 v->s, v->s);
	default:
		return hcl_error(d, at, v->pos, "a %s is not a type", hcl_vkind_name(v->kind));
	}
	if (dialect == SCHEMA_MYSQL && (strcmp(v->s, "enum") == 0 || strcmp(v->s, "set") == 0)) {
		const char **vals = arena_alloc(a, (v->n ? v->n : 1) * sizeof(*vals));

		if (!vals)
			return nomem(d);
		for (size_t i = 0; i < v->n; i++) {
			if (v->v[i]->kind != HV_STRING)
				return hcl_error(d, at, v->v[i]->pos, "%s values must be strings",
						 v->s);
			vals[i] = v->v[i]->s;
		}
		return my_enum(a, v->s, vals, v->n, t, at, v->pos, d);
	}
	s = find_spec(dialect, v->s);
	if (!s)
		return hcl_error(d, at, v->pos, "unknown type '%s' for %s", v->s,
				 schema_dialect_name(dialect));
	if (!v->called && s->args == TA_SIZE_REQ)
		return hcl_error(d, at, v->pos, "type '%s' requires a size, as in %s(255)", v->s,
				 v->s);
	n = v->n;
	if (n > 2)
		return hcl_error(d, at, v->pos, "too many arguments for type '%s'", v->s);
	for (size_t i = 0; i < n; i++) {
		const struct hcl_value *x = v->v[i];

		if (x->kind != HV_NUMBER || x->num != (double)(long)x->num)
			return hcl_error(d, at, x->pos, "type '%s': arguments must be integers",
					 v->s);
		args[i] = (long)x->num;
	}
	if (dialect == SCHEMA_MYSQL && strcmp(v->s, "tinyint") == 0 && n == 1 && args[0] == 1) {
		s = find_spec(dialect, "bool");
		n = 0;
	}
	t->is_unsigned = is_unsigned;
	if (bind_args(s, t, args, n, at, v->pos, d))
		return -1;
	return render(a, dialect, s, t, at, v->pos, d);
}

const char *schema_dialect_name(enum schema_dialect d)
{
	return d == SCHEMA_POSTGRES ? "postgres" : "mysql";
}

int schema_dialect_parse(const char *s, enum schema_dialect *out)
{
	if (strcmp(s, "postgres") == 0 || strcmp(s, "postgresql") == 0) {
		*out = SCHEMA_POSTGRES;
		return 0;
	}
	if (strcmp(s, "mysql") == 0 || strcmp(s, "mariadb") == 0) {
		*out = SCHEMA_MYSQL;
		return 0;
	}
	return -1;
}
