/*
 * myexpr: a canonical form of MySQL and MariaDB expressions, for comparison only.
 *
 * The server keeps a CHECK or a generated column's expression as its own reprint of the
 * parsed tree, not as written: MariaDB 10.11 turns "(amount > 0 AND coin <> 'x') OR id = 1"
 * into "`amount` > 0 and `coin` <> 'x' or `id` = 1", MySQL 8 turns "coin IN ('btc')" into
 * "(`coin` in (_utf8mb4'btc'))". The diff compares the live text with the HCL's, so it asks
 * here whether the two are the same expression: both are parsed with MySQL's grammar and
 * precedence into a tree, the tree is rewritten the way the servers rewrite it, and the
 * trees are printed fully parenthesised. Two texts are the same when those prints are.
 *
 *   "(amount > 0 AND coin <> 'x') OR id = 1"  ->  "(((`amount` > 0) and (`coin` <> 'x'))
 *                                                   or (`id` = 1))"   (on one line)
 *   "NOT (a > 0 OR b)"                        ->  "((`a` <= 0) and (`b` = 0))"
 *
 * Invariants: the canonical form is never printed into a migration (it is not valid SQL
 * for every form) and depends on nothing but the text: no server, no column types. Every
 * rewrite keeps the meaning under MySQL's semantics and the default sql_mode ('||' is OR,
 * '"' quotes a string, '\' escapes), so two texts with the same canonical form are the
 * same expression; the converse does not hold (1.5 and 1.50 stay apart). A text outside
 * the covered forms fails rather than being guessed at, and the caller compares raw text.
 * Errors are DIAG_PARSE (DIAG_NOMEM when the arena is full) with line 1 and col the 1-based
 * byte of the expression, and its source for a caret; d->file is left empty. Results live
 * in the caller's arena; no state is kept between calls.
 *
 * Covered: column names, bare or `quoted`, case-insensitive, qualified a.b (qualifiers
 * keep their case); string literals in '...' or "..." with '' and backslash escapes
 * decoded, adjacent literals joined, the introducers _utf8mb4, _utf8mb3 and _utf8 dropped
 * (others kept); integers and decimals (leading zeros and '+' dropped, .5 is 0.5, e is
 * lowercase); 0x1F and X'1F' alike; NULL, TRUE (1) and FALSE (0); OR and ||, XOR, AND and
 * &&, NOT and !, = <=> >= > <= < <> !=, IS [NOT] NULL/TRUE/FALSE/UNKNOWN, [NOT] LIKE
 * [ESCAPE], [NOT] REGEXP/RLIKE, [NOT] IN (list), [NOT] BETWEEN, | & << >> + - * / DIV
 * MOD %, ^, unary - + ~, COLLATE, function calls (names case-insensitive), CASE [x] WHEN
 * ... THEN ... [ELSE ...] END, CAST(x AS type) and CONVERT(x, type), CURRENT_TIMESTAMP and
 * the other niladic keywords. Not covered (failure): comments, subqueries, INTERVAL,
 * BINARY, b'01', N'x', typed literals (DATE '...'), variables, MATCH, special-syntax
 * function arguments (TRIM(LEADING ...), SUBSTRING(x FROM y), EXTRACT, CONVERT ... USING).
 *
 * The servers' rewrites that the canonical form applies to both sides (MariaDB's, as
 * information_schema shows them):
 *   NOT pushed into its operand: NOT a = b is a <> b, NOT (x AND y) is NOT x OR NOT y,
 *     NOT a IS NULL is a IS NOT NULL, NOT a IN (...) is a NOT IN (...), NOT of a value
 *     is value = 0 (of an integer 0 or 1), NOT NOT of a condition is the condition,
 *     NOT (x XOR y) is NOT x XOR y;
 *   an operand of AND, OR or XOR that is not a condition is compared: a AND b is
 *     a <> 0 AND b <> 0; AND and OR chains are flat, a AND (b AND c) = a AND b AND c;
 *   x IN (y) is x = y; IS UNKNOWN is IS NULL; - 5 is -5, -0 is 0; ESCAPE '\\' is the
 *     default;
 *   MOD(a, b) and a % b are a MOD b; lower, upper, length, character_length, substring,
 *     mid, now, curdate, curtime are lcase, ucase, octet_length, char_length, substr,
 *     substr, current_timestamp, current_date, current_time;
 *   CAST types: SIGNED INTEGER is SIGNED, DECIMAL is DECIMAL(10,0).
 */
#ifndef MIGKIT_MYEXPR_H
#define MIGKIT_MYEXPR_H

#include "arena.h"
#include "diag.h"

/*
 * The canonical form of the expression expr, into a's memory; *out is set on success.
 *   "`coin` in (_utf8mb4'btc',_utf8mb4'eth')"  ->  "(`coin` in ('btc','eth'))"
 * Fails (-1, d filled) on a syntax error or a form not covered, and when a is full.
 */
int myexpr_canon(struct arena *a, const char *expr, const char **out, struct diag *d);

/*
 * Whether a and b are the same expression: 1 when both have a canonical form and the
 * forms are equal, else 0 (different, not covered, or out of memory). NULL equals NULL only.
 */
int myexpr_same(const char *a, const char *b);

#endif
