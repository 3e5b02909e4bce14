/*
 * hcl: the HCL native syntax as Atlas's schema files and atlas.hcl use it, turned into
 * tokens (for the formatter) and into a syntax tree (for the evaluator).
 *
 * Invariants: tokens and nodes point into the source text, which the caller keeps alive as
 * long as they are used; every node and string the parser makes lives in the caller's
 * arena. Positions are 1-based lines and byte columns; off is the byte offset. A syntax
 * error fills the diag with file, line, column, the source line and a caret, and the
 * parse returns -1 with nothing usable.
 */
#ifndef MIGKIT_HCL_H
#define MIGKIT_HCL_H

#include <stddef.h>

#include "arena.h"
#include "diag.h"

enum hcl_tok {
	HT_EOF,
	HT_NEWLINE,
	HT_COMMENT,	  /* '#...' or '//...' up to (not including) the newline */
	HT_BLOCK_COMMENT, /* '/ * ... * /' */
	HT_IDENT,
	HT_NUMBER,
	HT_STRING,  /* a whole quoted template, quotes and ${...} parts included */
	HT_HEREDOC, /* from '<<' to the end of the closing marker line (no newline) */
	HT_LBRACE,
	HT_RBRACE,
	HT_LBRACK,
	HT_RBRACK,
	HT_LPAREN,
	HT_RPAREN,
	HT_EQ, /* = */
	HT_COMMA,
	HT_DOT,
	HT_ELLIPSIS,
	HT_COLON,
	HT_QUESTION,
	HT_BANG,
	HT_PLUS,
	HT_MINUS,
	HT_STAR,
	HT_SLASH,
	HT_PERCENT,
	HT_EQEQ,
	HT_NOTEQ,
	HT_LT,
	HT_GT,
	HT_LE,
	HT_GE,
	HT_AND,
	HT_OR,
	HT_ARROW, /* => */
};

struct hcl_pos {
	unsigned line, col;
	size_t off;
};

struct hcl_token {
	enum hcl_tok kind;
	struct hcl_pos pos;
	size_t len;
};

/* The spelling of a token kind for messages: HT_LBRACE -> "'{'", HT_NEWLINE -> "newline". */
const char *hcl_tok_name(enum hcl_tok k);

/*
 * Splits src (len bytes; named file in errors) into tokens, comments and newlines
 * included, ending with HT_EOF. *toks is an arena array of *n tokens.
 */
int hcl_tokenize(struct arena *a, const char *file, const char *src, size_t len,
		 struct hcl_token **toks, size_t *n, struct diag *d);

/* As hcl_tokenize, into malloc'd memory the caller frees (for a pass that drops them). */
int hcl_tokenize_heap(const char *file, const char *src, size_t len, struct hcl_token **toks,
		      size_t *n, struct diag *d);

/*
 * As hcl_tokenize, over src[start, end) only of the srclen-byte text, counting lines
 * from line (for the interpolations inside strings and heredocs).
 */
int hcl_tokenize_span(struct arena *a, const char *file, const char *src, size_t srclen,
		      size_t start, size_t end, unsigned line, struct hcl_token **toks, size_t *n,
		      struct diag *d);

/* The syntax tree. */

enum hcl_expr_kind {
	HE_NULL,
	HE_BOOL,
	HE_NUMBER,
	HE_TEMPLATE,  /* quoted string or heredoc: literal and interpolated parts */
	HE_TUPLE,     /* [a, b] */
	HE_OBJECT,    /* { k = v } */
	HE_CALL,      /* f(a, b) */
	HE_TRAVERSAL, /* root.attr["key"][0] */
	HE_UNARY,     /* !x, -x */
	HE_BINARY,
	HE_COND,  /* c ? a : b */
	HE_PAREN, /* (x) */
};

enum hcl_step_kind { HS_ATTR, HS_INDEX };

struct hcl_expr;

struct hcl_step {
	enum hcl_step_kind kind;
	const char *name;	/* HS_ATTR: the attribute name (digits for legacy .0) */
	struct hcl_expr *index; /* HS_INDEX */
	struct hcl_pos pos;
};

struct hcl_part {
	const char *lit; /* literal text, escapes decoded; NULL for an interpolation */
	size_t litlen;
	struct hcl_expr *expr; /* ${expr} */
};

struct hcl_item;

struct hcl_expr {
	enum hcl_expr_kind kind;
	struct hcl_pos pos;
	size_t end; /* byte offset just past the expression */
	union {
		int b;
		struct {
			const char *text; /* the number as written */
			double val;
		} num;
		struct {
			struct hcl_part *v;
			size_t n;
			int heredoc;
		} tmpl;
		struct {
			struct hcl_expr **v;
			size_t n;
		} tuple;
		struct {
			struct hcl_expr **keys; /* a bare identifier key is a HE_TRAVERSAL root */
			struct hcl_expr **vals;
			size_t n;
		} obj;
		struct {
			const char *name;
			struct hcl_expr **args;
			size_t n;
		} call;
		struct {
			const char *root;
			struct hcl_step *steps;
			size_t n;
		} trav;
		struct {
			enum hcl_tok op; /* HT_BANG or HT_MINUS */
			struct hcl_expr *x;
		} unary;
		struct {
			enum hcl_tok op;
			struct hcl_expr *l, *r;
		} binary;
		struct {
			struct hcl_expr *c, *t, *f;
		} cond;
		struct hcl_expr *paren;
	} u;
};

struct hcl_body {
	struct hcl_item *v;
	size_t n;
};

enum hcl_item_kind { HI_ATTR, HI_BLOCK };

struct hcl_item {
	enum hcl_item_kind kind;
	struct hcl_pos pos;
	const char *name; /* attribute name or block type */
	const char *file; /* the file it came from, for messages */
	const char *src;  /* that file's text, for carets */
	size_t srclen;
	struct hcl_expr *expr; /* HI_ATTR */
	const char **labels;   /* HI_BLOCK */
	struct hcl_pos *label_pos;
	size_t nlabels;
	struct hcl_body body; /* HI_BLOCK */
};

/*
 * Parses one file into body (its top-level items, in order). Items remember file and src
 * for later messages. Errors: the unexpected token, an unclosed bracket or string, a
 * duplicate attribute in one body ('attribute 'x' redefined'), more than two labels, an
 * interpolated label, and the expression forms Atlas files do not use ('for' expressions,
 * splats, '...' in calls) are reported as not supported.
 */
int hcl_parse(struct arena *a, const char *file, const char *src, size_t len, struct hcl_body *body,
	      struct diag *d);

/*
 * Reads and parses files into one document, as Atlas merges a schema directory: each
 * path is a file, or a directory whose *.hcl files (not recursed) are read in name
 * order. "-" is stdin. The texts are kept in the arena. Items keep their file.
 */
int hcl_parse_paths(struct arena *a, const char *const *paths, size_t npaths, struct hcl_body *doc,
		    struct diag *d);

/* Records an error at pos of item's file, with its source line and caret; returns -1. */
int hcl_error(struct diag *d, const struct hcl_item *at, struct hcl_pos pos, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#endif
