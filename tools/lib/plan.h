/*
 * plan: the changes that take a database from one schema state to another (Atlas's diff
 * semantics), in Atlas's order, and their JSON form ("format": "plan/1",
 * docs/plan-json.md).
 *
 * Invariants: a plan points into the two realms it was made from (or, when read from
 * JSON, into objects read into the same arena); it never owns them. Changes are in
 * execution order. Matching is by name everywhere; there is no rename detection.
 */
#ifndef MIGKIT_PLAN_H
#define MIGKIT_PLAN_H

#include <stddef.h>

#include "arena.h"
#include "buf.h"
#include "config.h"
#include "diag.h"
#include "schema.h"

enum plan_kind {
	PLAN_ADD_SCHEMA,
	PLAN_DROP_SCHEMA,
	PLAN_MODIFY_SCHEMA,
	PLAN_ADD_ENUM,
	PLAN_DROP_ENUM,
	PLAN_MODIFY_ENUM,
	PLAN_ADD_TABLE,
	PLAN_DROP_TABLE,
	PLAN_MODIFY_TABLE,
};

enum plan_sub_kind {
	PSUB_TABLE_ATTR, /* comment, charset, collate, engine, auto_increment */
	PSUB_ADD_CHECK,
	PSUB_DROP_CHECK,
	PSUB_MODIFY_CHECK,
	PSUB_ADD_COLUMN,
	PSUB_DROP_COLUMN,
	PSUB_MODIFY_COLUMN,
	PSUB_ADD_PK,
	PSUB_DROP_PK,
	PSUB_MODIFY_PK,
	PSUB_ADD_INDEX,
	PSUB_DROP_INDEX,
	PSUB_MODIFY_INDEX,
	PSUB_ADD_FK,
	PSUB_DROP_FK,
	PSUB_MODIFY_FK,
};

/* What changed in a column, an index or a table's attributes. */
enum plan_what {
	PW_COMMENT = 1 << 0,
	PW_NULL = 1 << 1,
	PW_TYPE = 1 << 2,
	PW_DEFAULT = 1 << 3,
	PW_IDENTITY = 1 << 4,
	PW_GENERATED = 1 << 5,
	PW_CHARSET = 1 << 6,
	PW_COLLATE = 1 << 7,
	PW_AUTO_INCREMENT = 1 << 8,
	PW_ON_UPDATE = 1 << 9,
	PW_UNIQUE = 1 << 10,
	PW_PARTS = 1 << 11,
	PW_ATTR = 1 << 12, /* index type, predicate, include, ...; table engine */
};

struct plan_sub {
	enum plan_sub_kind kind;
	unsigned what; /* enum plan_what bits, for the modify kinds */
	const struct schema_column *from_col, *to_col;
	const char *after; /* MySQL AddColumn placement: AFTER this column */
	int first;	   /* MySQL AddColumn placement: FIRST */
	const struct schema_index *from_ix, *to_ix;
	const struct schema_fk *from_fk, *to_fk;
	const struct schema_check *from_ck, *to_ck;
};

struct plan_change {
	enum plan_kind kind;
	const char *schema;
	const struct schema_schema *from_schema, *to_schema;
	const struct schema_table *from_table, *to_table; /* to_table is NULL for a drop */
	const struct schema_enum *from_enum, *to_enum;
	struct plan_sub *subs;
	size_t nsubs, capsubs;
	int fks_deferred; /* AddTable whose foreign keys come later (a cycle) */
};

struct plan {
	enum schema_dialect dialect;
	const char *profile;
	struct plan_change *v;
	size_t n, cap;
	struct plan_change *skipped; /* what diff.skip held back, to report */
	size_t nskipped, capskipped;
};

/*
 * The changes from 'from' to 'to' (same dialect), honouring skip[] (config.h's
 * diff.skip kinds; may be NULL). from may have no schemas: an empty database, in which
 * the schemas of 'to' are taken to exist already when the dialect's scope implies them
 * (PostgreSQL's public; the MySQL schema the connection is bound to). The tables of
 * every schema must be sorted by name, as profile_apply() leaves them (the server's
 * inspection order); plan_diff refuses them otherwise.
 */
int plan_diff(struct arena *a, const struct schema_realm *from, const struct schema_realm *to,
	      const int *skip, struct plan *p, struct diag *d);

/* The plan as "plan/1" JSON, appended to out. */
int plan_to_json(const struct plan *p, struct buf *out, struct diag *d);

/* Reads a "plan/1" document (path, or "-" for stdin). */
int plan_read_file(struct arena *a, const char *path, struct plan *p, struct diag *d);

/* "add_table", "modify_column", ... */
const char *plan_kind_name(enum plan_kind k);
const char *plan_sub_name(enum plan_sub_kind k);

/*
 * Appends a line "tool: skipped KIND \"name\" [on table \"t\"] (diff.skip)" for each change
 * diff.skip held back.
 */
int plan_skipped_text(const struct plan *p, const char *tool, struct buf *out, struct diag *d);

#endif
