/*
 * hclfmt: 'atlas schema fmt' (hclwrite's Format) for one HCL text.
 *
 * Invariants: formatting only re-spaces. The output holds the input's tokens, in the same
 * order, with the same text, on the same lines; only the blanks before a token change and
 * blanks at the end of a line go. Nothing is parsed into a schema and nothing is checked
 * beyond what the lexer checks. The rules, per line (a newline ends a line; a heredoc, a
 * quoted string and a block comment are single tokens):
 *
 *   indent     2 spaces per open level: a line whose '{' '[' '(' outnumber its closers keeps
 *              the current level and opens one; a line with more closers drops first
 *   spacing    one space between tokens, except around '.', before ',' '...' ')' ']' and
 *              '(' of a call, after '(' '[' '!' and a unary '-', and in '{}'; the insides of
 *              '${...}' and '%{...}' in quoted strings get the same rules and no padding
 *   '='        consecutive lines 'name = value' (value closed on the line) line up their
 *              '=' one space past the longest name; anything else ends the run
 *   comments   consecutive lines that end in a '#' or '//' comment after code line the
 *              comments up one space past the longest code
 *
 * Heredoc bodies and closing markers, comment text and string literals are copied byte
 * for byte; each newline keeps its own ending (\n or \r\n). Formatting a formatted text
 * gives it back unchanged.
 *
 *   "table  \"t\"{\nschema=schema.s\n}\n" -> "table \"t\" {\n  schema = schema.s\n}\n"
 */
#ifndef MIGKIT_HCLFMT_H
#define MIGKIT_HCLFMT_H

#include <stddef.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"

/*
 * Appends the formatted form of src (len bytes; file names it in errors) to out. Tokens
 * and per-line bookkeeping live in a, which the caller releases. Fails with the lexer's
 * DIAG_PARSE (file, line, column, source line and caret) for text that does not lex
 * (an unterminated string, heredoc or comment, a stray character), or DIAG_NOMEM; then
 * out is as it was before the call.
 */
int hclfmt_format(struct arena *a, const char *file, const char *src, size_t len, struct buf *out,
		  struct diag *d);

#endif
