/*
 * emit: a plan as the migration text Atlas writes: for each statement a comment line
 * ("-- Create \"t\" table") and the statement with its ';', one emitter for both
 * dialects that differ only in the table they pass (quoting, types, clause shapes).
 *
 * Invariants: output is deterministic; identifiers are always quoted for the dialect;
 * nothing is written for a change the dialect cannot express: that is a DIAG_USAGE error
 * naming the table and column, and the caller writes nothing at all. A MySQL plan that is
 * not qualified is scoped to one schema (Atlas's schema-bound URL): a modify_schema change
 * writes nothing there, as Atlas, which reads both sides' schema attributes from the same
 * dev schema, never finds one.
 */
#ifndef MIGKIT_EMIT_H
#define MIGKIT_EMIT_H

#include "buf.h"
#include "diag.h"
#include "plan.h"

struct emit_opts {
	int qualify; /* prefix objects with their schema: "public"."t" */
	const char
		*indent; /* CREATE TABLE elements one per line with this indent; NULL: one line */
};

/* The defaults Atlas's seed setup produces: PostgreSQL qualified, MySQL not; indent "  ". */
void emit_opts_default(struct emit_opts *o, enum schema_dialect dialect);

/* Appends the migration text of plan p (its dialect) to out. */
int emit_plan(const struct plan *p, const struct emit_opts *o, struct buf *out, struct diag *d);

/*
 * Quoting helpers, exported for tests and other emitters.
 * emit_pg_string: 'it''s' (kept when already a single-quoted literal).
 * emit_go_quote: Go's strconv.Quote: "a\"b\n" (MySQL string literals and comments).
 */
int emit_pg_string(struct buf *b, const char *s, struct diag *d);
int emit_go_quote(struct buf *b, const char *s, struct diag *d);

#endif
