/*
 * hclfmt: hclwrite's Format over the lexer's tokens.
 *
 * Three steps, as hclwrite takes them: split the tokens into lines and each line into
 * cells (lead, assignment, trailing comment) and render each cell with its inner spacing;
 * line up the '=' and the comments of consecutive lines; write the lines out. The last two
 * run whenever a line ends every run, so only the lines since then are held.
 */
#include "hclfmt.h"

#include <string.h>

#include "hcl.h"

/* Kinds beside enum hcl_tok for the spacing rules: no token, '${' or '%{', and its '}'. */
enum { K_NIL = -1, K_TOPEN = -2, K_TCLOSE = -3 };

/* Quoted strings nested in interpolations deeper than this are copied as they are. */
#define MAX_NEST 64

struct fmt {
	struct arena *a;
	const char *file, *src;
	size_t len;
	struct buf text; /* every rendered cell, one after the other */
	struct diag *d;
};

/* A rendered cell: text[at, at + len) of struct fmt, cols columns wide. */
struct cell {
	size_t at, len, cols;
	int set;
};

struct line {
	struct cell lead, assign, comment;
	const struct hcl_token *nl; /* the newline that ends the line; NULL at the end */
	size_t indent, assign_pad, comment_pad;
	int blank;
};

static int opens(int k)
{
	return k == HT_LBRACE || k == HT_LBRACK || k == HT_LPAREN || k == K_TOPEN;
}

static int closes(int k)
{
	return k == HT_RBRACE || k == HT_RBRACK || k == HT_RPAREN || k == K_TCLOSE;
}

static int bracket_change(int k)
{
	return opens(k) ? 1 : closes(k) ? -1 : 0;
}

/* A '-' after these is a negation: no space follows it. */
static int negation_before(int k)
{
	switch (k) {
	case K_NIL:
	case K_TOPEN:
	case HT_LPAREN:
	case HT_LBRACE:
	case HT_LBRACK:
	case HT_EQ:
	case HT_COLON:
	case HT_COMMA:
	case HT_QUESTION:
	case HT_PLUS:
	case HT_MINUS:
	case HT_STAR:
	case HT_SLASH:
	case HT_PERCENT:
	case HT_EQEQ:
	case HT_NOTEQ:
	case HT_GT:
	case HT_GE:
	case HT_LT:
	case HT_LE:
	case HT_AND:
	case HT_OR:
	case HT_BANG:
		return 1;
	default:
		return 0;
	}
}

/*
 * hclwrite's spaceAfterToken: whether subj (kind s, is_in when it is the word 'in') takes
 * a space before the next token (kind a), b being the token before subj in the cell. The
 * order of the tests is the rule; strings and heredocs fall through to the default.
 */
static int space_after(int b, int s, int is_in, int a)
{
	if (a == K_NIL || a == HT_NEWLINE)
		return 0;
	if (s == HT_IDENT && a == HT_LPAREN)
		return 0;
	if (s == HT_DOT || a == HT_DOT)
		return 0;
	if (a == HT_COMMA || a == HT_ELLIPSIS)
		return 0;
	if (s == HT_COMMA)
		return 1;
	if (is_in && b == HT_IDENT) /* [for x in [y]: x] */
		return 1;
	if (a == HT_LBRACK && (s == HT_IDENT || s == HT_NUMBER || closes(s)))
		return 0;
	if (s == HT_BANG)
		return 0;
	if (s == HT_MINUS)
		return !negation_before(b);
	if (s == HT_LBRACE || a == HT_RBRACE)
		return !(s == HT_LBRACE && a == HT_RBRACE);
	if (s == K_TOPEN && a == HT_LBRACE)
		return 1;
	if (s == HT_RBRACE && a == K_TCLOSE)
		return 1;
	if (opens(s) || closes(a))
		return 0;
	return 1;
}

static int add(struct fmt *f, const char *p, size_t n)
{
	return buf_add(&f->text, p, n, f->d);
}

/* 2 when s[p] opens '${' or '%{', 3 when it is the literal '$${' or '%%{', else 0. */
static int template_mark(const char *s, size_t p, size_t end)
{
	if ((s[p] != '$' && s[p] != '%') || p + 1 >= end)
		return 0;
	if (s[p + 1] == '{')
		return 2;
	return p + 2 < end && s[p + 1] == s[p] && s[p + 2] == '{' ? 3 : 0;
}

static size_t string_end(const char *s, size_t p, size_t end, int depth);

/* Just past the '}' of the interpolation whose body starts at p, as the lexer scans it:
 * braces counted, quoted strings skipped. */
static size_t interp_end(const char *s, size_t p, size_t end, int depth)
{
	int open = 1;

	while (p < end) {
		if (s[p] == '"') {
			p = string_end(s, p, end, depth + 1);
			continue;
		}
		if (s[p] == '{')
			open++;
		else if (s[p] == '}' && --open == 0)
			return p + 1;
		p++;
	}
	return end;
}

/* Just past the quoted string that opens at p. */
static size_t string_end(const char *s, size_t p, size_t end, int depth)
{
	if (depth > MAX_NEST)
		return end;
	for (p++; p < end;) {
		int mark = template_mark(s, p, end);

		if (s[p] == '"')
			return p + 1;
		if (s[p] == '\\')
			p += 2;
		else if (mark == 2)
			p = interp_end(s, p + 2, end, depth);
		else
			p += mark ? 3 : 1;
	}
	return end;
}

static int render_tokens(struct fmt *f, const struct hcl_token *t, size_t n, int first_before,
			 int last_after, int depth);

/*
 * One '${...}' or '%{...}' from s[p] to s[q] (just past its '}'), on line: the opener and
 * closer as written ('${~' and '~}' included), the inside re-spaced.
 */
static int render_interp(struct fmt *f, size_t p, size_t q, unsigned line, size_t bol, int depth)
{
	(void)bol; /* the lexer shows the whole line itself now */
	const char *s = f->src;
	size_t a = p + 2, b = q - 1, n;
	struct hcl_token *t;

	if (a < b && s[a] == '~')
		a++;
	if (b > a && s[b - 1] == '~')
		b--;
	if (add(f, s + p, a - p))
		return -1;
	if (hcl_tokenize_span(f->a, f->file, s, f->len, a, b, line, &t, &n, f->d))
		return -1;
	if (render_tokens(f, t, n - 1, K_TOPEN, K_TCLOSE, depth))
		return -1;
	return add(f, s + b, q - b);
}

/* A quoted string: literal parts as written, interpolations re-spaced. */
static int render_string(struct fmt *f, const struct hcl_token *t, int depth)
{
	const char *s = f->src;
	size_t p = t->pos.off, end = p + t->len, bol = p - (t->pos.col - 1), from = p;

	if (depth > MAX_NEST)
		return add(f, s + p, t->len);
	/* The lexer has checked the string: it ends in '"' and each '${' has its '}'. */
	for (p++; p + 1 < end;) {
		int mark = template_mark(s, p, end);
		size_t q;

		if (s[p] == '\\') {
			p += 2;
		} else if (mark == 2) {
			q = interp_end(s, p + 2, end, depth);
			if (add(f, s + from, p - from) ||
			    render_interp(f, p, q, t->pos.line, bol, depth + 1))
				return -1;
			p = from = q;
		} else {
			p += mark ? 3 : 1;
		}
	}
	return add(f, s + from, end - from);
}

static int render_token(struct fmt *f, const struct hcl_token *t, int depth)
{
	const char *p = f->src + t->pos.off;
	size_t n = t->len;

	switch (t->kind) {
	case HT_STRING:
		return render_string(f, t, depth);
	case HT_COMMENT: /* blanks at the end of a line go, even after a comment */
		while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
			n--;
		return add(f, p, n);
	default:
		return add(f, p, n);
	}
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * Whether writing t right after the text so far would make the lexer read other tokens
 * ('!' '=' as '!=', '.' '.' as part of '...', '1' '.' '5' as '1.5'): such odd input keeps
 * a space there, so that formatting twice gives what formatting once did.
 */
static int would_merge(const struct fmt *f, const struct hcl_token *t)
{
	const char *s = f->text.data;
	size_t n = f->text.len;
	char next = f->src[t->pos.off], last;

	if (n == 0)
		return 0;
	last = s[n - 1];
	if (next == '=')
		return strchr("!<>=", last) != NULL;
	switch (last) {
	case '=':
		return next == '>';
	case '<':
		return next == '<';
	case '/':
		return next == '/' || next == '*';
	case '.':
		return next == '.' || (is_digit(next) && n > 1 && is_digit(s[n - 2]));
	default:
		return 0;
	}
}

static int is_in(const struct fmt *f, const struct hcl_token *t)
{
	return t->kind == HT_IDENT && t->len == 2 && memcmp(f->src + t->pos.off, "in", 2) == 0;
}

/*
 * n tokens with the spaces between them; first_before is the kind before the first token
 * (it only decides for a leading '-'), last_after the kind that follows the last.
 */
static int render_tokens(struct fmt *f, const struct hcl_token *t, size_t n, int first_before,
			 int last_after, int depth)
{
	int before = K_NIL, subj = first_before, subj_in = 0;

	for (size_t i = 0; i < n; i++) {
		if (subj != K_NIL &&
		    (space_after(before, subj, subj_in, (int)t[i].kind) || would_merge(f, &t[i])) &&
		    add(f, " ", 1))
			return -1;
		if (render_token(f, &t[i], depth))
			return -1;
		before = subj;
		subj = (int)t[i].kind;
		subj_in = is_in(f, &t[i]);
	}
	if (last_after != K_NIL && subj != K_NIL && space_after(before, subj, subj_in, last_after))
		return add(f, " ", 1);
	return 0;
}

/* Columns as hclwrite counts them (grapheme clusters), closely enough: a combining mark,
 * a variation selector, an emoji modifier or what a zero-width joiner glues on adds none,
 * and a pair of regional indicators (a flag) counts once. */
static int extends(unsigned long c)
{
	return (c >= 0x300 && c <= 0x36f) || (c >= 0x483 && c <= 0x489) ||
	       (c >= 0x591 && c <= 0x5bd) || (c >= 0x610 && c <= 0x61a) ||
	       (c >= 0x64b && c <= 0x65f) || (c >= 0x1160 && c <= 0x11ff) ||
	       (c >= 0x1ab0 && c <= 0x1aff) || (c >= 0x1dc0 && c <= 0x1dff) || c == 0x200c ||
	       (c >= 0x20d0 && c <= 0x20ff) || (c >= 0x302a && c <= 0x302f) ||
	       (c >= 0x3099 && c <= 0x309a) || (c >= 0xd7b0 && c <= 0xd7ff) ||
	       (c >= 0xfe00 && c <= 0xfe0f) || (c >= 0xfe20 && c <= 0xfe2f) ||
	       (c >= 0x1f3fb && c <= 0x1f3ff) || (c >= 0xe0020 && c <= 0xe007f) ||
	       (c >= 0xe0100 && c <= 0xe01ef);
}

static size_t columns(const char *s, size_t n)
{
	size_t cols = 0, i = 0;
	int flag_half = 0, joined = 0;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		unsigned long cp = c;
		size_t l = 1;

		if (c >= 0xc0 && c < 0xf8) {
			l = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
			cp = c & (0x3f >> (l - 1));
			for (size_t k = 1; k < l; k++) {
				if (i + k >= n || ((unsigned char)s[i + k] & 0xc0) != 0x80) {
					l = 1;
					cp = 0xfffd;
					break;
				}
				cp = cp << 6 | ((unsigned char)s[i + k] & 0x3f);
			}
		}
		i += l;
		if (joined) {
			joined = 0;
			continue;
		}
		if (cp == 0x200d) {
			joined = 1;
			continue;
		}
		if (extends(cp) || (cp == '\n' && i >= 2 && s[i - 2] == '\r'))
			continue;
		if (cp >= 0x1f1e6 && cp <= 0x1f1ff) {
			flag_half = !flag_half;
			if (!flag_half)
				continue;
		} else {
			flag_half = 0;
		}
		cols++;
	}
	return cols;
}

static int render_cell(struct fmt *f, struct cell *c, const struct hcl_token *t, size_t n)
{
	c->at = f->text.len;
	if (render_tokens(f, t, n, K_NIL, K_NIL, 0))
		return -1;
	c->len = f->text.len - c->at;
	c->cols = columns(f->text.data + c->at, c->len);
	c->set = 1;
	return 0;
}

/* hclwrite's indent stack: each level remembers how many brackets opened it. */
struct indents {
	int *v;
	size_t n, cap;
};

static int indent_line(struct fmt *f, struct indents *st, int net, size_t *indent)
{
	int *top;

	if (net > 0) {
		*indent = 2 * st->n;
		top = arena_push(f->a, (void **)&st->v, &st->n, &st->cap, sizeof(*st->v));
		if (!top)
			return diag_nomem(f->d);
		*top = net;
		return 0;
	}
	for (int closed = -net; closed > 0 && st->n > 0;) {
		top = &st->v[st->n - 1];
		if (closed < *top) {
			*top -= closed;
			closed = 0;
		} else {
			closed -= *top;
			st->n--;
		}
	}
	*indent = 2 * st->n;
	return 0;
}

/* Splits tokens t[0, n) (no newline among them) into cells and renders them. */
static int build_line(struct fmt *f, struct indents *st, struct line *ln, const struct hcl_token *t,
		      size_t n, int at_eof)
{
	size_t nlead = n, ncode;
	int net = 0;

	if (n == 0) {
		ln->blank = 1;
		return 0;
	}
	/* A '#' or '//' comment after code is a cell of its own (a block comment only where
	 * no newline follows, as hclwrite's tokens have it). */
	if (n > 1 &&
	    (t[n - 1].kind == HT_COMMENT || (t[n - 1].kind == HT_BLOCK_COMMENT && at_eof))) {
		nlead--;
		if (render_cell(f, &ln->comment, &t[nlead], 1))
			return -1;
	}
	ncode = nlead;
	for (size_t i = 1; i < ncode; i++) {
		if (t[i].kind != HT_EQ)
			continue;
		/* An assignment only if its value closes on this line. */
		for (size_t k = i; k < ncode; k++)
			net += bracket_change((int)t[k].kind);
		if (net == 0)
			nlead = i;
		net = 0;
		break;
	}
	for (size_t i = 0; i < ncode; i++)
		net += bracket_change((int)t[i].kind);
	if (indent_line(f, st, net, &ln->indent) || render_cell(f, &ln->lead, t, nlead))
		return -1;
	if (nlead < ncode && render_cell(f, &ln->assign, &t[nlead], ncode - nlead))
		return -1;
	return 0;
}

/* The code of a line before its comment, in columns. */
static size_t code_cols(const struct line *ln)
{
	size_t w = ln->indent + ln->lead.cols;

	return ln->assign.set ? w + ln->assign_pad + ln->assign.cols : w;
}

/*
 * Lines up the '=' of each run of assignment lines one space past the run's longest
 * name, then the trailing comments of each run one space past its longest code.
 */
static void align(struct line *v, size_t n)
{
	size_t start = 0, max = 0;

	for (size_t i = 0; i <= n; i++) {
		if (i < n && v[i].assign.set) {
			if (i == 0 || !v[i - 1].assign.set) {
				start = i;
				max = 0;
			}
			if (v[i].indent + v[i].lead.cols > max)
				max = v[i].indent + v[i].lead.cols;
			continue;
		}
		for (size_t k = start; k < i && i > 0 && v[i - 1].assign.set; k++)
			v[k].assign_pad = max - (v[k].indent + v[k].lead.cols) + 1;
	}
	for (size_t i = 0; i <= n; i++) {
		if (i < n && v[i].comment.set) {
			if (i == 0 || !v[i - 1].comment.set) {
				start = i;
				max = 0;
			}
			if (code_cols(&v[i]) > max)
				max = code_cols(&v[i]);
			continue;
		}
		for (size_t k = start; k < i && i > 0 && v[i - 1].comment.set; k++)
			v[k].comment_pad = max - code_cols(&v[k]) + 1;
	}
}

static int pad(struct buf *out, size_t n, struct diag *d)
{
	static const char spaces[] = "                                ";

	while (n > 0) {
		size_t k = n < sizeof(spaces) - 1 ? n : sizeof(spaces) - 1;

		if (buf_add(out, spaces, k, d))
			return -1;
		n -= k;
	}
	return 0;
}

static int emit_cell(struct fmt *f, struct buf *out, const struct cell *c, size_t spaces)
{
	if (!c->set)
		return 0;
	if (pad(out, spaces, f->d))
		return -1;
	return buf_add(out, f->text.data + c->at, c->len, f->d);
}

static int emit(struct fmt *f, struct buf *out, const struct line *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct line *ln = &v[i];

		if (!ln->blank && (emit_cell(f, out, &ln->lead, ln->indent) ||
				   emit_cell(f, out, &ln->assign, ln->assign_pad) ||
				   emit_cell(f, out, &ln->comment, ln->comment_pad)))
			return -1;
		if (ln->nl && buf_add(out, f->src + ln->nl->pos.off, ln->nl->len, f->d))
			return -1;
	}
	return 0;
}

int hclfmt_format(struct arena *a, const char *file, const char *src, size_t len, struct buf *out,
		  struct diag *d)
{
	struct fmt f = { a, file, src ? src : "", len, { 0 }, d };
	struct indents st = { NULL, 0, 0 };
	struct line *lines = NULL, *ln;
	struct hcl_token *t;
	size_t n, nlines = 0, cap = 0, start = 0, out_len = out->len;
	int rc = -1;

	buf_init(&f.text, out->max);
	if (hcl_tokenize(a, file, f.src, len, &t, &n, d))
		goto out;
	for (size_t i = 0; i < n; i++) {
		if (t[i].kind != HT_NEWLINE && t[i].kind != HT_EOF)
			continue;
		ln = arena_push(a, (void **)&lines, &nlines, &cap, sizeof(*lines));
		if (!ln) {
			diag_nomem(d);
			goto out;
		}
		ln->nl = t[i].kind == HT_NEWLINE ? &t[i] : NULL;
		if (build_line(&f, &st, ln, &t[start], i - start, t[i].kind == HT_EOF))
			goto out;
		start = i + 1;
		/* No run goes past a line without '=' and comment: what came before is final. */
		if (!ln->assign.set && !ln->comment.set) {
			align(lines, nlines);
			if (emit(&f, out, lines, nlines))
				goto out;
			nlines = 0;
			buf_reset(&f.text);
		}
	}
	align(lines, nlines);
	if (emit(&f, out, lines, nlines))
		goto out;
	rc = 0;
out:
	if (rc) {
		out->len = out_len;
		if (out->data)
			out->data[out_len] = '\0';
	}
	buf_release(&f.text);
	return rc;
}
