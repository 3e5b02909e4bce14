/*
 * schema: the schema model every program shares (realm -> schemas -> tables -> columns,
 * indexes, foreign keys, checks; PostgreSQL enums; other objects kept as they were read),
 * its JSON form ("format": "schema/1", docs/schema-json.md), and its reading from Atlas
 * HCL with Atlas's type normalisation (schema_hcl.c) for either dialect.
 *
 * Invariants: a realm and everything in it live in one arena. Names are never NULL; an
 * optional string is NULL when absent. Lists keep source order. A column is NOT NULL
 * unless the HCL says null = true, as in Atlas.
 */
#ifndef MIGKIT_SCHEMA_H
#define MIGKIT_SCHEMA_H

#include <stddef.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "hcl.h"

enum schema_dialect { SCHEMA_POSTGRES, SCHEMA_MYSQL };

/* "postgres" / "mysql"; parsing accepts postgresql and mariadb too. -1 when unknown. */
const char *schema_dialect_name(enum schema_dialect d);
int schema_dialect_parse(const char *s, enum schema_dialect *out);

struct schema_type {
	const char *kind; /* integer serial bool decimal float string binary bit time
			     interval json uuid xml currency network spatial textsearch range
			     oid enum set array user */
	const char *sql;  /* the DDL text Atlas prints: "character varying(255)", "int unsigned",
			     "enum('a','b')", "timestamptz"; for a PG enum, its name */
	long size, precision, scale;
	int has_size, has_precision, has_scale;
	int is_unsigned;
	const char **values; /* MySQL enum/set values, PG enum values */
	size_t nvalues;
	const char *enum_name, *enum_schema; /* PostgreSQL enum type */
	struct schema_type *elem;	     /* array element */
	int raw;			     /* written with sql("...") */
};

enum schema_default_kind { SCHEMA_DEFAULT_NONE, SCHEMA_DEFAULT_LITERAL, SCHEMA_DEFAULT_EXPR };

struct schema_column {
	const char *name;
	struct hcl_pos pos;
	struct schema_type type;
	int nullable;
	enum schema_default_kind default_kind;
	const char *default_value;
	const char *comment, *charset, *collate;
	const char *identity; /* NULL, "ALWAYS" or "BY DEFAULT" */
	long long identity_start, identity_increment;
	int auto_increment;
	const char *on_update;
	const char *generated_expr, *generated_type; /* "STORED" / "VIRTUAL" */
};

struct schema_part {
	const char *column, *expr; /* exactly one is set */
	int desc;
	long prefix; /* MySQL; 0 = none */
	const char *ops;
	int nulls_first, nulls_last;
};

struct schema_index {
	const char *name;	/* may be NULL for a primary key */
	int unique, constraint; /* constraint: PostgreSQL UNIQUE constraint (unique block) */
	struct schema_part *parts;
	size_t nparts;
	const char *type, *where, *comment, *parser;
	const char **include;
	size_t ninclude;
	int nulls_distinct; /* 1 unless nulls_distinct = false */
	long page_per_range;
};

struct schema_fk {
	const char *name; /* may be NULL */
	const char **columns, **ref_columns;
	size_t ncolumns;
	const char *ref_schema, *ref_table;
	const char *on_update, *on_delete;
};

struct schema_check {
	const char *name;
	const char *expr;
	int enforced; /* -1 unset, 0 NOT ENFORCED, 1 ENFORCED */
};

struct schema_partition {
	const char *type; /* RANGE LIST HASH */
	struct schema_part *parts;
	size_t nparts;
};

struct schema_table {
	const char *name;
	struct hcl_pos pos;
	const char *comment, *charset, *collate, *engine;
	long long auto_increment;
	struct schema_column *columns;
	size_t ncolumns, capcolumns;
	struct schema_index *pk;
	struct schema_index *indexes;
	size_t nindexes, capindexes;
	struct schema_fk *fks;
	size_t nfks, capfks;
	struct schema_check *checks;
	size_t nchecks, capchecks;
	struct schema_partition *partition;
};

struct schema_enum {
	const char *name;
	const char **values;
	size_t nvalues;
};

/* An object the model keeps but does not diff yet (view, function, trigger, ...). */
struct schema_attr {
	const char *name;
	const char *json; /* its value as JSON text */
};

struct schema_object {
	const char *kind, *name, *schema;
	struct schema_attr *attrs;
	size_t nattrs;
	const char *body_json; /* nested blocks as a JSON array, or NULL */
};

struct schema_schema {
	const char *name;
	const char *comment, *charset, *collate;
	struct schema_table *tables;
	size_t ntables, captables;
	struct schema_enum *enums;
	size_t nenums, capenums;
};

struct schema_realm {
	enum schema_dialect dialect;
	const char *normalized; /* the profile that already normalised it (sql2json), or NULL */
	struct schema_schema *schemas;
	size_t nschemas, capschemas;
	struct schema_object *objects;
	size_t nobjects, capobjects;
};

/*
 * Reads Atlas HCL (the top-level items of one or more files, already parsed) into realm
 * for the dialect. inputs are --var name=value strings (may be NULL). Stricter than Atlas:
 * an unknown attribute or block, an unresolved reference, a type the dialect does not have,
 * two tables or columns with one name, an index on a missing column are errors with their
 * location.
 */
int schema_from_hcl(struct arena *a, const struct hcl_body *doc, enum schema_dialect dialect,
		    const char *const *inputs, size_t ninputs, struct schema_realm *realm,
		    struct diag *d);

/*
 * Converts an HCL type value (see hcleval.h: HV_TYPE, HV_RAW, or a HV_REF to an enum block)
 * into t, normalised as Atlas prints it for the dialect. is_unsigned is MySQL's column
 * attribute. Examples: PG varchar(255) -> "character varying(255)", int -> "integer",
 * timestamptz(6) -> "timestamptz"; MySQL decimal -> "decimal(10)", int + unsigned ->
 * "int unsigned", enum("a","b") -> "enum('a','b')".
 */
struct hcl_value;
struct hcl_item;
int schema_type_from_hcl(struct arena *a, enum schema_dialect dialect, const struct hcl_item *at,
			 const struct hcl_value *v, int is_unsigned, struct schema_type *t,
			 struct diag *d);

/*
 * Reads a "schema/1" document from path ("-" for stdin) into realm. An empty file or {}
 * is an empty database: *empty is set and realm has no schemas (the caller picks the
 * dialect). A file that cannot be read is a DIAG_IO error, never an empty database.
 * Malformed JSON, another format tag or a missing member is a DIAG_PARSE error naming the
 * file and, for JSON syntax, the line and column.
 */
int schema_read_file(struct arena *a, const char *path, struct schema_realm *realm, int *empty,
		     struct diag *d);
/* As schema_read_file, from len bytes at data; name stands for the file in messages. */
int schema_read_buf(struct arena *a, const char *name, const char *data, size_t len,
		    struct schema_realm *realm, int *empty, struct diag *d);

/* Appends the realm's JSON ("format": "schema/1", two-space indent, newline) to out. */
int schema_to_json(const struct schema_realm *realm, struct buf *out, struct diag *d);

#endif
