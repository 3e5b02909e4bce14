/* hcl_parse: tokens to the syntax tree (recursive descent, HCL's operator precedence). */
#include "hcl.h"

#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct parser {
	struct arena *a;
	const char *file, *src;
	size_t srclen;
	struct hcl_token *t;
	size_t n, i;
	int nest;  /* > 0 inside ( [ { of an expression: newlines are not significant */
	int depth; /* expressions and blocks open: bounded, so hostile input cannot blow the stack
		    */
	struct diag *d;
};

static int perr(struct parser *p, struct hcl_pos pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int perr(struct parser *p, struct hcl_pos pos, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vset(p->d, DIAG_PARSE, p->file, pos.line, pos.col, fmt, ap);
	va_end(ap);
	diag_source(p->d, p->src, p->srclen, pos.off);
	return -1;
}

int hcl_error(struct diag *d, const struct hcl_item *at, struct hcl_pos pos, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vset(d, DIAG_PARSE, at ? at->file : NULL, pos.line, pos.col, fmt, ap);
	va_end(ap);
	if (at && at->src)
		diag_source(d, at->src, at->srclen, pos.off);
	return -1;
}

static int nomem(struct parser *p)
{
	return diag_nomem(p->d);
}

/* The next significant token: comments always skipped, newlines when nested. */
static struct hcl_token *peek(struct parser *p)
{
	while (p->i < p->n - 1) {
		enum hcl_tok k = p->t[p->i].kind;

		if (k == HT_COMMENT || k == HT_BLOCK_COMMENT || (k == HT_NEWLINE && p->nest > 0))
			p->i++;
		else
			break;
	}
	return &p->t[p->i];
}

static struct hcl_token *next(struct parser *p)
{
	struct hcl_token *t = peek(p);

	if (t->kind != HT_EOF)
		p->i++;
	return t;
}

static const char *text(struct parser *p, const struct hcl_token *t)
{
	return arena_strndup(p->a, p->src + t->pos.off, t->len);
}

static int unexpected(struct parser *p, const struct hcl_token *t, const char *want)
{
	if (t->kind == HT_IDENT || t->kind == HT_NUMBER)
		return perr(p, t->pos, "unexpected %s '%.*s', expected %s", hcl_tok_name(t->kind),
			    (int)(t->len > 40 ? 40 : t->len), p->src + t->pos.off, want);
	return perr(p, t->pos, "unexpected %s, expected %s", hcl_tok_name(t->kind), want);
}

static int expect(struct parser *p, enum hcl_tok k, struct hcl_token **out)
{
	struct hcl_token *t = next(p);

	if (t->kind != k)
		return unexpected(p, t, hcl_tok_name(k));
	if (out)
		*out = t;
	return 0;
}

static struct hcl_expr *new_expr(struct parser *p, enum hcl_expr_kind k, struct hcl_pos pos)
{
	struct hcl_expr *e = arena_alloc(p->a, sizeof(*e));

	if (e) {
		e->kind = k;
		e->pos = pos;
	}
	return e;
}

static int parse_expr(struct parser *p, struct hcl_expr **out);

/* Templates: the text of a quoted string or heredoc body into literal and ${} parts. */

struct tbuild {
	struct hcl_part *v;
	size_t n, cap;
	struct buf lit;
};

static int flush_lit(struct parser *p, struct tbuild *tb)
{
	struct hcl_part *part;

	if (tb->lit.len == 0 && tb->n > 0)
		return 0;
	part = arena_push(p->a, (void **)&tb->v, &tb->n, &tb->cap, sizeof(*part));
	if (!part)
		return nomem(p);
	part->lit = arena_strndup(p->a, tb->lit.data ? tb->lit.data : "", tb->lit.len);
	part->litlen = tb->lit.len;
	if (!part->lit)
		return nomem(p);
	buf_reset(&tb->lit);
	return 0;
}

/* Finds the '}' closing the '${' whose body starts at off; returns its offset or 0. */
static size_t interp_end(const char *s, size_t off, size_t end)
{
	int depth = 1, inq = 0;

	for (size_t i = off; i < end; i++) {
		if (inq) {
			if (s[i] == '\\')
				i++;
			else if (s[i] == '"')
				inq = 0;
			continue;
		}
		if (s[i] == '"')
			inq = 1;
		else if (s[i] == '{')
			depth++;
		else if (s[i] == '}' && --depth == 0)
			return i;
	}
	return 0;
}

static struct hcl_pos pos_at(struct parser *p, size_t off, unsigned line)
{
	struct hcl_pos pos;
	size_t bol = off;

	while (bol > 0 && p->src[bol - 1] != '\n')
		bol--;
	pos.off = off;
	pos.line = line;
	pos.col = (unsigned)(off - bol + 1);
	return pos;
}

static int add_interp(struct parser *p, struct tbuild *tb, size_t open, size_t body, size_t close,
		      unsigned line)
{
	struct parser sub = *p;
	struct hcl_part *part;
	struct hcl_expr *e;
	struct hcl_token *t;

	if (flush_lit(p, tb))
		return -1;
	if (hcl_tokenize_span(p->a, p->file, p->src, p->srclen, body, close, line, &sub.t, &sub.n,
			      p->d))
		return -1;
	sub.i = 0;
	sub.nest = 1;
	t = peek(&sub);
	if (t->kind == HT_EOF)
		return perr(p, pos_at(p, open, line), "empty interpolation '${}'");
	if (parse_expr(&sub, &e))
		return -1;
	t = peek(&sub);
	if (t->kind != HT_EOF)
		return unexpected(&sub, t, "'}' closing the interpolation");
	part = arena_push(p->a, (void **)&tb->v, &tb->n, &tb->cap, sizeof(*part));
	if (!part)
		return nomem(p);
	part->expr = e;
	return 0;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int put_utf8(struct buf *b, unsigned long cp, struct diag *d)
{
	char u[4];
	size_t n;

	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xc0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3f));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xe0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		u[2] = (char)(0x80 | (cp & 0x3f));
		n = 3;
	} else {
		u[0] = (char)(0xf0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		u[3] = (char)(0x80 | (cp & 0x3f));
		n = 4;
	}
	return buf_add(b, u, n, d);
}

/*
 * Scans src[from, to) of one template line into tb. Quoted strings decode backslash
 * escapes; heredocs do not, as in HCL.
 */
static int scan_template(struct parser *p, struct tbuild *tb, size_t from, size_t to, unsigned line,
			 int escapes)
{
	const char *s = p->src;

	for (size_t i = from; i < to; i++) {
		char c = s[i];

		if ((c == '$' || c == '%') && i + 2 < to + 1 && i + 1 < to && s[i + 1] == c &&
		    i + 2 < to && s[i + 2] == '{') {
			if (buf_add(&tb->lit, s + i + 1, 2, p->d))
				return -1;
			i += 2;
			continue;
		}
		if (c == '%' && i + 1 < to && s[i + 1] == '{')
			return perr(p, pos_at(p, i, line),
				    "template directives '%%{...}' are not supported");
		if (c == '$' && i + 1 < to && s[i + 1] == '{') {
			size_t close = interp_end(s, i + 2, to);

			if (!close)
				return perr(p, pos_at(p, i, line), "unclosed '${' in string");
			if (add_interp(p, tb, i, i + 2, close, line))
				return -1;
			i = close;
			continue;
		}
		if (c == '\\' && escapes) {
			char e = i + 1 < to ? s[i + 1] : '\0';
			const char *rep = NULL;

			switch (e) {
			case 'n':
				rep = "\n";
				break;
			case 'r':
				rep = "\r";
				break;
			case 't':
				rep = "\t";
				break;
			case '"':
				rep = "\"";
				break;
			case '\\':
				rep = "\\";
				break;
			case 'u':
			case 'U': {
				int nd = e == 'u' ? 4 : 8;
				unsigned long cp = 0;

				for (int k = 0; k < nd; k++) {
					int h = i + 2 + (size_t)k < to ? hexval(s[i + 2 + k]) : -1;

					if (h < 0)
						return perr(p, pos_at(p, i, line),
							    "invalid unicode escape: '\\%c' needs "
							    "%d hex digits",
							    e, nd);
					cp = cp * 16 + (unsigned long)h;
				}
				if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
					return perr(p, pos_at(p, i, line),
						    "invalid unicode code point in escape");
				if (put_utf8(&tb->lit, cp, p->d))
					return -1;
				i += 1 + (size_t)nd;
				continue;
			}
			default:
				return perr(p, pos_at(p, i, line),
					    "invalid escape sequence '\\%c' in string",
					    e ? e : ' ');
			}
			if (buf_add(&tb->lit, rep, 1, p->d))
				return -1;
			i++;
			continue;
		}
		if (buf_add(&tb->lit, &c, 1, p->d))
			return -1;
	}
	return 0;
}

static int finish_template(struct parser *p, struct tbuild *tb, struct hcl_expr *e)
{
	if (tb->n == 0 || tb->lit.len > 0)
		if (flush_lit(p, tb))
			return -1;
	e->u.tmpl.v = tb->v;
	e->u.tmpl.n = tb->n;
	return 0;
}

static int parse_string(struct parser *p, struct hcl_token *t, struct hcl_expr **out)
{
	struct hcl_expr *e = new_expr(p, HE_TEMPLATE, t->pos);
	struct tbuild tb = { NULL, 0, 0, { NULL, 0, 0, 0 } };
	int rc;

	if (!e)
		return nomem(p);
	buf_init(&tb.lit, 0);
	e->end = t->pos.off + t->len;
	rc = scan_template(p, &tb, t->pos.off + 1, t->pos.off + t->len - 1, t->pos.line, 1);
	if (rc == 0)
		rc = finish_template(p, &tb, e);
	buf_release(&tb.lit);
	*out = e;
	return rc;
}

static int parse_heredoc(struct parser *p, struct hcl_token *t, struct hcl_expr **out)
{
	const char *s = p->src;
	size_t at = t->pos.off + 2, end = t->pos.off + t->len, body, ln, indent = (size_t)-1;
	struct hcl_expr *e = new_expr(p, HE_TEMPLATE, t->pos);
	struct tbuild tb = { NULL, 0, 0, { NULL, 0, 0, 0 } };
	unsigned line = t->pos.line + 1;
	int flush = 0, rc = 0;

	if (!e)
		return nomem(p);
	e->u.tmpl.heredoc = 1;
	e->end = end;
	if (s[at] == '-') {
		flush = 1;
		at++;
	}
	body = (const char *)memchr(s + at, '\n', end - at) - s + 1;
	/* The closing marker line is the last line of the token. */
	size_t last = end;
	while (last > body && s[last - 1] != '\n')
		last--;
	if (flush) {
		for (ln = body; ln < last;) {
			size_t e2 = (size_t)((const char *)memchr(s + ln, '\n', last - ln) - s),
			       k = ln;

			while (k < e2 && (s[k] == ' ' || s[k] == '\t'))
				k++;
			if (k < e2 && !(k + 1 == e2 && s[k] == '\r') && k - ln < indent)
				indent = k - ln;
			ln = e2 + 1;
		}
		if (indent == (size_t)-1)
			indent = 0;
	}
	buf_init(&tb.lit, 0);
	for (ln = body; ln < last && rc == 0; line++) {
		size_t e2 = (size_t)((const char *)memchr(s + ln, '\n', last - ln) - s), from = ln;

		if (flush) {
			size_t k = 0;

			while (k < indent && from < e2 && (s[from] == ' ' || s[from] == '\t')) {
				from++;
				k++;
			}
		}
		rc = scan_template(p, &tb, from, e2 + 1, line, 0);
		ln = e2 + 1;
	}
	if (rc == 0)
		rc = finish_template(p, &tb, e);
	buf_release(&tb.lit);
	*out = e;
	return rc;
}

static int parse_traversal(struct parser *p, struct hcl_token *root, struct hcl_expr **out)
{
	struct hcl_expr *e = new_expr(p, HE_TRAVERSAL, root->pos);
	size_t cap = 0;

	if (!e || !(e->u.trav.root = text(p, root)))
		return nomem(p);
	e->end = root->pos.off + root->len;
	for (;;) {
		struct hcl_token *t = &p->t[p->i];
		struct hcl_step *st;

		/* Steps must follow without a newline, even when nested. */
		if (t->kind == HT_DOT) {
			struct hcl_token *n2 = &p->t[p->i + 1];

			if (n2->kind == HT_STAR)
				return perr(p, t->pos, "splat expressions '.*' are not supported");
			if (n2->kind != HT_IDENT && n2->kind != HT_NUMBER)
				return unexpected(p, n2, "an attribute name after '.'");
			st = arena_push(p->a, (void **)&e->u.trav.steps, &e->u.trav.n, &cap,
					sizeof(*st));
			if (!st)
				return nomem(p);
			st->kind = HS_ATTR;
			st->pos = n2->pos;
			if (!(st->name = text(p, n2)))
				return nomem(p);
			if (n2->kind == HT_NUMBER && strchr(st->name, '.'))
				return perr(p, n2->pos, "invalid index '.%s'", st->name);
			p->i += 2;
			e->end = n2->pos.off + n2->len;
		} else if (t->kind == HT_LBRACK) {
			struct hcl_token *close = NULL;

			if (p->t[p->i + 1].kind == HT_STAR)
				return perr(p, t->pos, "splat expressions '[*]' are not supported");
			p->i++;
			p->nest++;
			st = arena_push(p->a, (void **)&e->u.trav.steps, &e->u.trav.n, &cap,
					sizeof(*st));
			if (!st)
				return nomem(p);
			st->kind = HS_INDEX;
			st->pos = t->pos;
			if (parse_expr(p, &st->index) || expect(p, HT_RBRACK, &close))
				return -1;
			p->nest--;
			e->end = close->pos.off + 1;
		} else {
			break;
		}
	}
	*out = e;
	return 0;
}

static int parse_call(struct parser *p, struct hcl_token *name, struct hcl_expr **out)
{
	struct hcl_expr *e = new_expr(p, HE_CALL, name->pos);
	size_t cap = 0;
	struct hcl_token *t;

	if (!e || !(e->u.call.name = text(p, name)))
		return nomem(p);
	p->i++; /* '(' */
	p->nest++;
	for (;;) {
		struct hcl_expr **slot;

		t = peek(p);
		if (t->kind == HT_RPAREN)
			break;
		slot = arena_push(p->a, (void **)&e->u.call.args, &e->u.call.n, &cap,
				  sizeof(*slot));
		if (!slot)
			return nomem(p);
		if (parse_expr(p, slot))
			return -1;
		t = peek(p);
		if (t->kind == HT_ELLIPSIS)
			return perr(p, t->pos, "argument expansion '...' is not supported");
		if (t->kind == HT_COMMA) {
			next(p);
			continue;
		}
		if (t->kind != HT_RPAREN)
			return unexpected(p, t, "',' or ')' after the argument");
	}
	next(p);
	p->nest--;
	e->end = t->pos.off + 1;
	*out = e;
	return 0;
}

static int parse_tuple(struct parser *p, struct hcl_token *open, struct hcl_expr **out)
{
	struct hcl_expr *e = new_expr(p, HE_TUPLE, open->pos);
	size_t cap = 0;
	struct hcl_token *t;

	if (!e)
		return nomem(p);
	p->nest++;
	t = peek(p);
	if (t->kind == HT_IDENT && t->len == 3 && memcmp(p->src + t->pos.off, "for", 3) == 0 &&
	    p->t[p->i + 1].kind == HT_IDENT)
		return perr(p, t->pos, "'for' expressions are not supported");
	for (;;) {
		struct hcl_expr **slot;

		t = peek(p);
		if (t->kind == HT_RBRACK)
			break;
		slot = arena_push(p->a, (void **)&e->u.tuple.v, &e->u.tuple.n, &cap, sizeof(*slot));
		if (!slot)
			return nomem(p);
		if (parse_expr(p, slot))
			return -1;
		t = peek(p);
		if (t->kind == HT_COMMA) {
			next(p);
			continue;
		}
		if (t->kind != HT_RBRACK)
			return unexpected(p, t, "',' or ']' in the list");
	}
	next(p);
	p->nest--;
	e->end = t->pos.off + 1;
	*out = e;
	return 0;
}

static int parse_object(struct parser *p, struct hcl_token *open, struct hcl_expr **out)
{
	struct hcl_expr *e = new_expr(p, HE_OBJECT, open->pos);
	size_t kcap = 0, vcap = 0, nv = 0;
	struct hcl_token *t;

	if (!e)
		return nomem(p);
	p->nest++;
	t = peek(p);
	if (t->kind == HT_IDENT && t->len == 3 && memcmp(p->src + t->pos.off, "for", 3) == 0 &&
	    p->t[p->i + 1].kind == HT_IDENT)
		return perr(p, t->pos, "'for' expressions are not supported");
	for (;;) {
		struct hcl_expr **k, **v;

		t = peek(p);
		if (t->kind == HT_RBRACE)
			break;
		k = arena_push(p->a, (void **)&e->u.obj.keys, &e->u.obj.n, &kcap, sizeof(*k));
		v = arena_push(p->a, (void **)&e->u.obj.vals, &nv, &vcap, sizeof(*v));
		if (!k || !v)
			return nomem(p);
		if (t->kind == HT_IDENT &&
		    (p->t[p->i + 1].kind == HT_EQ || p->t[p->i + 1].kind == HT_COLON)) {
			/* A bare key names itself; it is not a reference. */
			*k = new_expr(p, HE_TRAVERSAL, t->pos);
			if (!*k || !((*k)->u.trav.root = text(p, t)))
				return nomem(p);
			(*k)->end = t->pos.off + t->len;
			next(p);
		} else if (parse_expr(p, k)) {
			return -1;
		}
		t = next(p);
		if (t->kind != HT_EQ && t->kind != HT_COLON)
			return unexpected(p, t, "'=' or ':' after the object key");
		if (parse_expr(p, v))
			return -1;
		t = peek(p);
		if (t->kind == HT_COMMA)
			next(p);
	}
	next(p);
	p->nest--;
	e->end = t->pos.off + 1;
	*out = e;
	return 0;
}

static int parse_primary(struct parser *p, struct hcl_expr **out)
{
	struct hcl_token *t = next(p);
	struct hcl_expr *e;

	switch (t->kind) {
	case HT_NUMBER:
		e = new_expr(p, HE_NUMBER, t->pos);
		if (!e || !(e->u.num.text = text(p, t)))
			return nomem(p);
		e->u.num.val = strtod(e->u.num.text, NULL);
		e->end = t->pos.off + t->len;
		*out = e;
		return 0;
	case HT_STRING:
		return parse_string(p, t, out);
	case HT_HEREDOC:
		return parse_heredoc(p, t, out);
	case HT_LBRACK:
		return parse_tuple(p, t, out);
	case HT_LBRACE:
		return parse_object(p, t, out);
	case HT_LPAREN:
		e = new_expr(p, HE_PAREN, t->pos);
		if (!e)
			return nomem(p);
		p->nest++;
		if (parse_expr(p, &e->u.paren) || expect(p, HT_RPAREN, &t))
			return -1;
		p->nest--;
		e->end = t->pos.off + 1;
		*out = e;
		return 0;
	case HT_IDENT:
		if (t->len == 4 && memcmp(p->src + t->pos.off, "true", 4) == 0) {
			e = new_expr(p, HE_BOOL, t->pos);
			if (e)
				e->u.b = 1;
		} else if (t->len == 5 && memcmp(p->src + t->pos.off, "false", 5) == 0) {
			e = new_expr(p, HE_BOOL, t->pos);
		} else if (t->len == 4 && memcmp(p->src + t->pos.off, "null", 4) == 0) {
			e = new_expr(p, HE_NULL, t->pos);
		} else if (p->t[p->i].kind == HT_LPAREN) {
			return parse_call(p, t, out);
		} else {
			return parse_traversal(p, t, out);
		}
		if (!e)
			return nomem(p);
		e->end = t->pos.off + t->len;
		*out = e;
		return 0;
	default:
		return unexpected(p, t, "an expression");
	}
}

#define MAX_DEPTH 200

static int too_deep(struct parser *p, const struct hcl_token *t)
{
	return perr(p, t->pos, "nested too deep (more than %d levels)", MAX_DEPTH);
}

static int parse_unary(struct parser *p, struct hcl_expr **out)
{
	struct hcl_token *t = peek(p);
	struct hcl_expr *e;
	int rc;

	if (t->kind == HT_BANG || t->kind == HT_MINUS) {
		next(p);
		e = new_expr(p, HE_UNARY, t->pos);
		if (!e)
			return nomem(p);
		e->u.unary.op = t->kind;
		if (++p->depth > MAX_DEPTH)
			return too_deep(p, t);
		rc = parse_unary(p, &e->u.unary.x);
		p->depth--;
		if (rc)
			return -1;
		e->end = e->u.unary.x->end;
		*out = e;
		return 0;
	}
	return parse_primary(p, out);
}

/* Binary operators by HCL precedence, loosest first. */
static int prec(enum hcl_tok k)
{
	switch (k) {
	case HT_OR:
		return 1;
	case HT_AND:
		return 2;
	case HT_EQEQ:
	case HT_NOTEQ:
		return 3;
	case HT_LT:
	case HT_GT:
	case HT_LE:
	case HT_GE:
		return 4;
	case HT_PLUS:
	case HT_MINUS:
		return 5;
	case HT_STAR:
	case HT_SLASH:
	case HT_PERCENT:
		return 6;
	default:
		return 0;
	}
}

static int parse_binary(struct parser *p, int min, struct hcl_expr **out)
{
	struct hcl_expr *l;

	if (parse_unary(p, &l))
		return -1;
	for (;;) {
		struct hcl_token *t = peek(p);
		int pr = prec(t->kind);
		struct hcl_expr *e;

		if (pr == 0 || pr < min)
			break;
		next(p);
		e = new_expr(p, HE_BINARY, l->pos);
		if (!e)
			return nomem(p);
		e->u.binary.op = t->kind;
		e->u.binary.l = l;
		if (parse_binary(p, pr + 1, &e->u.binary.r))
			return -1;
		e->end = e->u.binary.r->end;
		l = e;
	}
	*out = l;
	return 0;
}

static int parse_expr(struct parser *p, struct hcl_expr **out)
{
	struct hcl_expr *c, *e;
	int rc;

	if (++p->depth > MAX_DEPTH)
		return too_deep(p, peek(p));
	rc = parse_binary(p, 1, &c);
	p->depth--;
	if (rc)
		return -1;
	if (peek(p)->kind != HT_QUESTION) {
		*out = c;
		return 0;
	}
	next(p);
	e = new_expr(p, HE_COND, c->pos);
	if (!e)
		return nomem(p);
	e->u.cond.c = c;
	p->nest++;
	if (parse_expr(p, &e->u.cond.t) || expect(p, HT_COLON, NULL))
		return -1;
	p->nest--;
	if (parse_expr(p, &e->u.cond.f))
		return -1;
	e->end = e->u.cond.f->end;
	*out = e;
	return 0;
}

/* The end of an attribute or block: a newline, the end of the file, or (one-line) '}'. */
static int end_of_item(struct parser *p, int oneline)
{
	struct hcl_token *t = peek(p);

	if (oneline) {
		if (t->kind == HT_RBRACE)
			return 0;
		return unexpected(p, t, "'}' closing the one-line block on the same line");
	}
	if (t->kind == HT_NEWLINE) {
		next(p);
		return 0;
	}
	if (t->kind == HT_EOF)
		return 0;
	return unexpected(p, t, "a newline after the attribute or block");
}

static int parse_body(struct parser *p, struct hcl_body *body, int inner,
		      const struct hcl_token *open);

static int check_dup(struct parser *p, struct hcl_body *body, struct hcl_item *it)
{
	for (size_t i = 0; i + 1 < body->n; i++)
		if (body->v[i].kind == HI_ATTR && strcmp(body->v[i].name, it->name) == 0)
			return perr(p, it->pos, "attribute '%s' redefined (first set on line %u)",
				    it->name, body->v[i].pos.line);
	return 0;
}

static int parse_label(struct parser *p, struct hcl_token *t, const char **out)
{
	struct hcl_expr *e;

	if (t->kind == HT_IDENT) {
		*out = text(p, t);
		return *out ? 0 : nomem(p);
	}
	if (parse_string(p, t, &e))
		return -1;
	if (e->u.tmpl.n != 1 || !e->u.tmpl.v[0].lit)
		return perr(p, t->pos, "block labels cannot contain interpolations");
	*out = e->u.tmpl.v[0].lit;
	return 0;
}

static int parse_item(struct parser *p, struct hcl_body *body, int oneline, size_t *cap)
{
	struct hcl_token *name = next(p), *t;
	struct hcl_item *it;
	size_t lcap = 0, pcap = 0;

	if (name->kind != HT_IDENT)
		return unexpected(p, name, "an attribute or block name");
	/* Items gather in heap memory and move to the arena in one piece when the body ends. */
	if (body->n == *cap) {
		size_t ncap = *cap ? *cap * 2 : 4;
		struct hcl_item *nv = realloc(body->v, ncap * sizeof(*nv));

		if (!nv)
			return nomem(p);
		body->v = nv;
		*cap = ncap;
	}
	it = &body->v[body->n++];
	memset(it, 0, sizeof(*it));
	if (!(it->name = text(p, name)))
		return nomem(p);
	it->pos = name->pos;
	it->file = p->file;
	it->src = p->src;
	it->srclen = p->srclen;
	t = peek(p);
	if (t->kind == HT_EQ) {
		next(p);
		it->kind = HI_ATTR;
		if (check_dup(p, body, it) || parse_expr(p, &it->expr))
			return -1;
		return end_of_item(p, oneline);
	}
	it->kind = HI_BLOCK;
	while (t->kind == HT_STRING || t->kind == HT_IDENT) {
		const char **l;
		struct hcl_pos *lp;

		next(p);
		if (it->nlabels == 2)
			return perr(p, t->pos, "too many labels for block '%s' (at most 2)",
				    it->name);
		l = arena_push(p->a, (void **)&it->labels, &it->nlabels, &lcap, sizeof(*l));
		size_t np = it->nlabels - 1;
		lp = arena_push(p->a, (void **)&it->label_pos, &np, &pcap, sizeof(*lp));
		if (!l || !lp)
			return nomem(p);
		*lp = t->pos;
		if (parse_label(p, t, l))
			return -1;
		t = peek(p);
	}
	if (t->kind != HT_LBRACE)
		return unexpected(p, t,
				  it->nlabels ? "'{' after the block labels"
					      : "'=' or a block label or '{'");
	next(p);
	if (++p->depth > MAX_DEPTH)
		return too_deep(p, t);
	if (parse_body(p, &it->body, 1, t))
		return -1;
	p->depth--;
	return end_of_item(p, oneline);
}

/*
 * A body up to EOF (top level) or its closing '}' (inner). A block whose '{' is not
 * followed by a newline is the one-line form: at most one attribute, then '}'.
 */
static int parse_body_items(struct parser *p, struct hcl_body *body, int inner,
			    const struct hcl_token *open, size_t *capp)
{
	struct hcl_token *t = peek(p);

	if (inner && t->kind != HT_NEWLINE) {
		if (t->kind == HT_RBRACE) {
			next(p);
			return 0;
		}
		if (parse_item(p, body, 1, capp))
			return -1;
		if (body->v[0].kind == HI_BLOCK)
			return perr(p, body->v[0].pos,
				    "a block on one line may hold one attribute, not a block");
		t = next(p);
		if (t->kind != HT_RBRACE)
			return unexpected(p, t, "'}' closing the one-line block");
		return 0;
	}
	for (;;) {
		t = peek(p);
		if (t->kind == HT_NEWLINE) {
			next(p);
			continue;
		}
		if (t->kind == HT_EOF) {
			if (inner)
				return perr(p, open->pos,
					    "unclosed '{': the block has no '}' before the end of "
					    "the file");
			return 0;
		}
		if (t->kind == HT_RBRACE) {
			if (!inner)
				return perr(p, t->pos, "unexpected '}' with no block open");
			next(p);
			return 0;
		}
		if (parse_item(p, body, 0, capp))
			return -1;
	}
}

/* A body whose items end up in one exact-size arena array, whatever happens. */
static int parse_body(struct parser *p, struct hcl_body *body, int inner,
		      const struct hcl_token *open)
{
	size_t cap = 0;
	struct hcl_item *v;
	int rc;

	body->v = NULL;
	body->n = 0;
	rc = parse_body_items(p, body, inner, open, &cap);
	v = rc == 0 && body->n ? arena_alloc(p->a, body->n * sizeof(*v)) : NULL;
	if (v)
		memcpy(v, body->v, body->n * sizeof(*v));
	free(body->v);
	body->v = v;
	if (rc == 0 && body->n && !v)
		return nomem(p);
	if (rc)
		body->n = 0;
	return rc;
}

int hcl_parse(struct arena *a, const char *file, const char *src, size_t len, struct hcl_body *body,
	      struct diag *d)
{
	struct parser p = { a, file, src, len, NULL, 0, 0, 0, 0, d };
	int rc;

	body->v = NULL;
	body->n = 0;
	/* The tokens only live through the parse: heap memory, given back at once. */
	if (hcl_tokenize_heap(file, src, len, &p.t, &p.n, d))
		return -1;
	rc = parse_body(&p, body, 0, NULL);
	free(p.t);
	return rc;
}
