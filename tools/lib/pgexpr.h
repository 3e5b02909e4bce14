/*
 * pgexpr: the PostgreSQL dialect profile for expressions. Atlas writes a CHECK, a column
 * default or an index expression the way PostgreSQL prints it back from its catalog after a
 * round trip through a dev database; these functions compute that text without a server:
 * they parse the expression with libpg_query, type it as PostgreSQL's parse analysis does
 * (operator resolution, implicit casts, IN lists, BETWEEN) and print it as ruleutils.c
 * deparses the analysed tree in non-pretty mode.
 *
 *   coin IN ('xrp')  on 'coin varchar(10)'  ->  ((coin)::text = 'xrp'::text)
 *
 * The postgres@15 and postgres@18 profiles share this deparser: for the forms it covers the
 * two versions print the same text (tested against a real PostgreSQL 15 server).
 *
 * Invariants: the result is either exactly the server's text or a failure. A form the
 * profile does not model (CASE, subqueries, date literals, most functions...) fails with
 * "expression form '...' is not covered by the postgres profile", never with a guess. Errors
 * are DIAG_PARSE (DIAG_NOMEM when the arena is full) with line and col set 1-based within
 * the expression and the source line for a caret; d->file is left empty for the caller to
 * fill (the schema file the expression came from). Returned text lives in the caller's
 * arena. The library keeps no state between calls. Constants are not evaluated, as the
 * server does not evaluate them when it stores a CHECK or default: "1 / 0.0" prints as
 * "(1 / 0.0)", although CREATE INDEX and ALTER TABLE ... ADD CHECK, which fold constants,
 * fail on it.
 *
 * Covered: column references (quoted as quote_identifier() does), string, integer, numeric
 * (exponents too) and boolean literals, casts (x::type, CAST(x AS type)) between the covered
 * types and their one-dimensional arrays, ARRAY[...], x op ANY|ALL (array) with the
 * comparison and match operators, the comparison operators, + - * / % and unary - + on the
 * integer and numeric types, [NOT] [I]LIKE and ~ ~* !~ !~*, [NOT] IN lists, [NOT] BETWEEN,
 * IS [NOT] DISTINCT FROM, IS [NOT] NULL, IS [NOT] TRUE/FALSE/UNKNOWN, AND/OR/NOT, the
 * functions lower, upper, btrim, length, char_length, abs, now and gen_random_uuid, and
 * CURRENT_DATE, CURRENT_TIMESTAMP, LOCALTIMESTAMP. String literals convert to text,
 * varchar, the integer types, numeric, boolean, uuid and jsonb ('{}' and '[]' only); date,
 * time and bytea literals print as the server's settings (DateStyle, TimeZone,
 * bytea_output) say, so they are not covered.
 *
 * Covered types (as Atlas or SQL spells them): boolean, smallint, integer, bigint,
 * numeric[(p[,s])], text, character varying[(n)] / varchar, bytea, jsonb, uuid, date,
 * timestamp[(p)] [without time zone], timestamptz / timestamp[(p)] with time zone; their
 * arrays only as the target of a cast (not as column types, not as '{...}' literals).
 *
 * The text printed is the server's for the text given, so it is not always a fixed point:
 * an IN list on a varchar column is stored with one cast around the whole array, and
 * that printed text, parsed again (Atlas writes it into its migrations), has the cast
 * pushed into each element, as the server's parse analysis does for a cast of ARRAY[...]:
 *   c IN ('a', 'b')                                              on 'c varchar(10)'  ->
 *   ((c)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))  ->
 *   ((c)::text = ANY (ARRAY[('a'::character varying)::text, ('b'::character varying)::text]))
 * The last form is the fixed point (what a replayed migration directory, a dump and
 * restore or a schema applied from Atlas's text leave).
 */
#ifndef MIGKIT_PGEXPR_H
#define MIGKIT_PGEXPR_H

#include <stddef.h>

#include "arena.h"
#include "diag.h"

/* A column of the table the expression belongs to; name as stored (unquoted, case kept). */
struct pgexpr_column {
	const char *name;
	const char *type; /* "character varying(10)", "varchar(10)", "numeric(26,10)", ... */
};

/*
 * The CHECK expression expr over the ncols columns cols, as pg_get_expr(conbin, conrelid)
 * prints it: the text Atlas writes after "CHECK " (pg_get_constraintdef adds one more pair
 * of parentheses around it). *out is set on success.
 *   "coin IN ('btc', 'bch')"  ->
 *   "((coin)::text = ANY ((ARRAY['btc'::character varying, 'bch'::character varying])::text[]))"
 * Fails (-1, d filled) on a syntax error, an unknown column, a form not covered, or an
 * expression the server would reject (not boolean, mismatched types).
 */
int pgexpr_check(struct arena *a, const char *expr, const struct pgexpr_column *cols, size_t ncols,
		 const char **out, struct diag *d);

/*
 * A partial index's WHERE expression as pg_get_expr(indpred, indrelid) prints it (the text
 * after " WHERE " in pg_get_indexdef). As pgexpr_check, and also fails where the server
 * wants IMMUTABLE functions (now(), CURRENT_TIMESTAMP) or would store no predicate (true).
 *   "deleted_at IS NULL"  ->  "(deleted_at IS NULL)"
 */
int pgexpr_predicate(struct arena *a, const char *expr, const struct pgexpr_column *cols,
		     size_t ncols, const char **out, struct diag *d);

/*
 * An index key expression as pg_get_indexdef(indexrelid, column, false) prints it: a
 * function call bare, anything else inside one more pair of parentheses.
 *   "lower(email)" on 'email varchar(255)'  ->  "lower((email)::text)"
 *   "a + b"                                 ->  "((a + b))"
 * Fails as pgexpr_predicate does, and on a bare column (that is a plain key, not an
 * expression).
 */
int pgexpr_index_expr(struct arena *a, const char *expr, const struct pgexpr_column *cols,
		      size_t ncols, const char **out, struct diag *d);

/*
 * The default expr of a column of type type as pg_get_expr(adbin, adrelid) prints it: the
 * value is assigned to the column type and the implicit casts that adds are not shown.
 *   "'bip44'" on varchar(20) -> "'bip44'::character varying"     "0" on bigint -> "0"
 *   "now()" on timestamptz   -> "now()"       "CURRENT_TIMESTAMP" -> "CURRENT_TIMESTAMP"
 * Note that Atlas itself writes some defaults shorter (DEFAULT 'bip44'); that trimming is
 * the emitter's business. Fails as pgexpr_check does, on a column reference, and on NULL
 * (the server stores no default at all for it).
 */
int pgexpr_default(struct arena *a, const char *expr, const char *type, const char **out,
		   struct diag *d);

/*
 * Whether a default's text, as pg_get_expr(adbin, adrelid) prints it (or as written), is a
 * literal: a quoted string with at most a cast after it, a number, true or false. Atlas
 * keeps those as values, anything else as an expression. Returns 1 with *value the
 * literal's value (unquoted, '' and E'' escapes undone), 0 for an expression, -1 when the
 * arena is full.
 *   "'it''s'::character varying" -> 1, "it's"     "'-1'::integer" -> 1, "-1"
 *   "0" -> 1, "0"     "now()" -> 0     "'a'::text || 'b'::text" -> 0
 */
int pgexpr_literal(struct arena *a, const char *text, const char **value);

/*
 * The column type type as format_type() prints it.
 *   "varchar(10)" -> "character varying(10)"   "timestamptz" -> "timestamp with time zone"
 * Fails on a syntax error or a type the profile does not cover.
 */
int pgexpr_type(struct arena *a, const char *type, const char **out, struct diag *d);

#endif
