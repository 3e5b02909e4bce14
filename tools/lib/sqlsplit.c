/*
 * sqlsplit: a line-for-line port of Atlas's statement scanner (sql/migrate/lex.go). The
 * structure follows the Go code on purpose, case order included: the order of the checks
 * in stmt() decides the output, and a reader comparing the two should find them alike.
 * One addition: BEGIN blocks found (or not) are remembered by offset (struct memo), which
 * changes no answer and keeps hostile input from taking exponential time.
 */
#include "sqlsplit.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define EOS	   (-1)
#define RUNE_ERROR 0xFFFD

struct scan_opts {
	int begin, atomic, dollar, backslash, hash;
};

static const struct scan_opts dialect_opts[] = {
	[SQLSPLIT_GENERIC] = { 0, 1, 1, 0, 0 },
	[SQLSPLIT_POSTGRES] = { 1, 1, 1, 0, 0 },
	[SQLSPLIT_MYSQL] = { 1, 0, 0, 1, 1 },
};

/* A statement as stmt() leaves it: a slice of the scanner's input, before copying. */
struct raw {
	const char *text;
	size_t len, pos; /* pos: Atlas's Stmt.Pos, relative to the scanner's start */
	const char **comments;
	size_t ncomments;
};

/*
 * What a BEGIN block scan found at an offset of the input: the bytes the block takes, or
 * -1 when there is no block there. The answer depends on the offset alone (a block is
 * scanned by a fresh scanner with the default delimiter), so it is kept: without it,
 * unclosed BEGINs inside unclosed BEGINs rescan the rest of the input exponentially often.
 */
struct memo_e {
	size_t key; /* offset * 2 + (1 for BEGIN ATOMIC); 0 is an empty slot, offsets are > 0 */
	long adv;
};

struct memo {
	const char *root; /* offsets count from here */
	struct memo_e *v;
	size_t n, cap; /* cap: 0 or a power of two */
};

struct scan {
	const struct scan_opts *o;
	struct memo *memo; /* shared by the nested scanners of one split; may be NULL */
	struct arena *a;   /* NULL: comments are not kept (nested scanners) */
	const char *src;   /* what init() was given; errors count from here */
	size_t srclen;
	const char *in; /* Go's s.input */
	size_t inlen;
	size_t pos, total;
	int width;
	char delim[256];
	size_t dlen;
	const char **cv; /* the comment group being collected */
	size_t cn, ccap;
	/* The first error: its offset in src and message. */
	int failed;
	size_t errp;
	char errmsg[300];
};

/* ---- UTF-8 and white space, as Go's utf8.DecodeRune and unicode.IsSpace */

static int decode(const unsigned char *p, size_t n, int *width)
{
	unsigned b0 = p[0], b1, b2, b3;

	*width = 1;
	if (b0 < 0x80)
		return (int)b0;
	if (b0 < 0xC2 || b0 > 0xF4 || n < 2)
		return RUNE_ERROR;
	b1 = p[1];
	if (b0 < 0xE0) {
		if ((b1 & 0xC0) != 0x80)
			return RUNE_ERROR;
		*width = 2;
		return (int)(((b0 & 0x1F) << 6) | (b1 & 0x3F));
	}
	if ((b0 == 0xE0 && (b1 < 0xA0 || b1 > 0xBF)) || (b0 == 0xED && (b1 < 0x80 || b1 > 0x9F)) ||
	    (b0 == 0xF0 && (b1 < 0x90 || b1 > 0xBF)) || (b0 == 0xF4 && (b1 < 0x80 || b1 > 0x8F)) ||
	    (b1 & 0xC0) != 0x80 || n < 3)
		return RUNE_ERROR;
	b2 = p[2];
	if ((b2 & 0xC0) != 0x80)
		return RUNE_ERROR;
	if (b0 < 0xF0) {
		*width = 3;
		return (int)(((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F));
	}
	if (n < 4 || (p[3] & 0xC0) != 0x80)
		return RUNE_ERROR;
	b3 = p[3];
	*width = 4;
	return (int)(((b0 & 0x07) << 18) | ((b1 & 0x3F) << 12) | ((b2 & 0x3F) << 6) | (b3 & 0x3F));
}

static int is_space_rune(int r)
{
	switch (r) {
	case '\t':
	case '\n':
	case '\v':
	case '\f':
	case '\r':
	case ' ':
	case 0x85:
	case 0xA0:
	case 0x1680:
	case 0x2028:
	case 0x2029:
	case 0x202F:
	case 0x205F:
	case 0x3000:
		return 1;
	default:
		return r >= 0x2000 && r <= 0x200A;
	}
}

/* Bytes of Unicode white space at the start of p. */
static size_t space_prefix(const char *p, size_t n)
{
	size_t i = 0;
	int w;

	while (i < n && is_space_rune(decode((const unsigned char *)p + i, n - i, &w)))
		i += (size_t)w;
	return i;
}

/* strings.TrimSpace: *p and *n narrowed to the text without surrounding white space. */
static void trim_space(const char **p, size_t *n)
{
	size_t lead = space_prefix(*p, *n), i, end;
	int w;

	*p += lead;
	*n -= lead;
	for (i = 0, end = 0; i < *n; i += (size_t)w)
		if (!is_space_rune(decode((const unsigned char *)*p + i, *n - i, &w)))
			end = i + (size_t)w;
	*n = end;
}

static int is_word(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_';
}

/* RE2's \s: [\t\n\f\r ] (no \v). */
static int re_space(int c)
{
	return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
}

/* ---- the regular expressions of lex.go, by hand */

/* (?i)^\s*WORD at p: the length through WORD, or 0. */
static size_t re_word(const char *p, size_t n, const char *word)
{
	size_t i = 0, k = strlen(word);

	while (i < n && re_space((unsigned char)p[i]))
		i++;
	if (n - i < k || strncasecmp(p + i, word, k) != 0)
		return 0;
	return i + k;
}

/* (?i)^\s*BEGIN\s+ -> match length or 0 */
static size_t re_begin(const char *p, size_t n)
{
	size_t i = re_word(p, n, "BEGIN"), j;

	if (!i)
		return 0;
	for (j = i; j < n && re_space((unsigned char)p[j]); j++)
		;
	return j > i ? j : 0;
}

/* (?i)^\s*BEGIN\s+ATOMIC\s+ -> match length or 0 */
static size_t re_begin_atomic(const char *p, size_t n)
{
	size_t i = re_begin(p, n), j;

	if (!i || n - i < 6 || strncasecmp(p + i, "ATOMIC", 6) != 0)
		return 0;
	for (j = i + 6; j < n && re_space((unsigned char)p[j]); j++)
		;
	return j > i + 6 ? j : 0;
}

/* (?i)^\s*END\s* -> match length, or -1 when it does not match */
static long re_end(const char *p, size_t n)
{
	size_t i = re_word(p, n, "END");

	if (!i)
		return -1;
	while (i < n && re_space((unsigned char)p[i]))
		i++;
	return (long)i;
}

/* A rune of the class È-ÿ (U+00C8..U+00FF) at p: its width, else 0. */
static int latin_tag_rune(const char *p, size_t n)
{
	int w, r = decode((const unsigned char *)p, n, &w);

	return r >= 0xC8 && r <= 0xFF ? w : 0;
}

/* ^\$([A-Za-zÈ-ÿ_][\wÈ-ÿ]*)*\$ at p: the length of the opening tag, or 0. */
static size_t re_dollar(const char *p, size_t n)
{
	size_t i = 1;
	int w;

	if (n < 2 || p[0] != '$')
		return 0;
	if (p[1] == '$')
		return 2;
	if ((w = latin_tag_rune(p + 1, n - 1)))
		i += (size_t)w;
	else if (is_word((unsigned char)p[1]) && !(p[1] >= '0' && p[1] <= '9'))
		i++;
	else
		return 0;
	for (;;) {
		if (i < n && is_word((unsigned char)p[i]))
			i++;
		else if (i < n && (w = latin_tag_rune(p + i, n - i)))
			i += (size_t)w;
		else
			break;
	}
	return i < n && p[i] == '$' ? i + 1 : 0;
}

/* ---- the scanner */

static int serr(struct scan *s, size_t pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int serr(struct scan *s, size_t pos, const char *fmt, ...)
{
	va_list ap;

	if (!s->failed) {
		s->failed = 1;
		s->errp = (size_t)(s->in - s->src) + pos;
		va_start(ap, fmt);
		vsnprintf(s->errmsg, sizeof(s->errmsg), fmt, ap);
		va_end(ap);
	}
	return -1;
}

static void add_pos(struct scan *s, size_t p)
{
	s->pos += p;
	s->total += p;
}

static int next(struct scan *s)
{
	int r, w;

	if (s->pos >= s->inlen)
		return EOS;
	r = decode((const unsigned char *)s->in + s->pos, s->inlen - s->pos, &w);
	s->width = w;
	add_pos(s, (size_t)w);
	return r;
}

static int pick(struct scan *s)
{
	size_t p = s->pos, t = s->total;
	int w = s->width, r = next(s);

	s->pos = p;
	s->total = t;
	s->width = w;
	return r;
}

static void skip_spaces(struct scan *s)
{
	size_t k = space_prefix(s->in, s->inlen);

	s->in += k;
	s->inlen -= k;
	s->total += k;
}

/* Go's %q of a delimiter, enough for messages. */
static void quote_go(char *out, size_t outsz, const char *p, size_t n)
{
	size_t o = 0;

	out[o++] = '"';
	for (size_t i = 0; i < n && o + 5 < outsz; i++) {
		const char *e = NULL;

		switch (p[i]) {
		case '"':
			e = "\\\"";
			break;
		case '\\':
			e = "\\\\";
			break;
		case '\n':
			e = "\\n";
			break;
		case '\r':
			e = "\\r";
			break;
		case '\t':
			e = "\\t";
			break;
		}
		if (e) {
			memcpy(out + o, e, 2);
			o += 2;
		} else {
			out[o++] = p[i];
		}
	}
	out[o++] = '"';
	out[o] = '\0';
}

/* setDelim: empty is an error; the two-character escapes \n \r \t are decoded. */
static int set_delim(struct scan *s, const char *d, size_t n)
{
	size_t o = 0;

	if (n == 0)
		return serr(s, s->pos, "empty delimiter");
	for (size_t i = 0; i < n; i++) {
		char c = d[i];

		if (c == '\\' && i + 1 < n &&
		    (d[i + 1] == 'n' || d[i + 1] == 'r' || d[i + 1] == 't')) {
			c = d[i + 1] == 'n' ? '\n' : d[i + 1] == 'r' ? '\r' : '\t';
			i++;
		}
		if (o + 1 >= sizeof(s->delim))
			return serr(s, s->pos, "delimiter too long");
		s->delim[o++] = c;
	}
	s->delim[o] = '\0';
	s->dlen = o;
	return 0;
}

static int default_delim(const struct scan *s)
{
	return s->dlen == 1 && s->delim[0] == ';';
}

static int scan_init(struct scan *s, const struct scan_opts *o, struct arena *a, const char *in,
		     size_t n)
{
	const char *arg;
	size_t arglen;

	memset(s, 0, sizeof(*s));
	s->o = o;
	s->a = a;
	s->src = s->in = in;
	s->srclen = s->inlen = n;
	s->delim[0] = ';';
	s->dlen = 1;
	if (sqlsplit_directive(in, n, "delimiter", "-- ", &arg, &arglen)) {
		const char *nl = memchr(in, '\n', n);
		char q[300];

		if (set_delim(s, arg, arglen))
			return -1;
		if (!nl) {
			quote_go(q, sizeof(q), s->delim, s->dlen);
			return serr(s, s->pos, "no input found after delimiter %s", q);
		}
		s->in = nl + 1;
		s->inlen = n - (size_t)(s->in - in);
	}
	return 0;
}

/* emit: the statement text from the current input, and the input moved past it. */
static void emit(struct scan *s, size_t textlen, struct raw *out)
{
	const char *t = s->in;
	size_t n = textlen;

	out->pos = s->total - textlen;
	out->comments = s->cv;
	out->ncomments = s->cn;
	s->in += s->pos;
	s->inlen -= s->pos;
	s->pos = 0;
	s->cv = NULL;
	s->cn = s->ccap = 0;
	if (!default_delim(s) && n >= s->dlen && memcmp(t + n - s->dlen, s->delim, s->dlen) == 0)
		n -= s->dlen;
	trim_space(&t, &n);
	out->text = t;
	out->len = n;
}

static int keep_comment(struct scan *s, const char *p, size_t n)
{
	if (!s->a)
		return 0;
	if (s->cn == s->ccap) {
		size_t cap = s->ccap ? s->ccap * 2 : 4;
		const char **v = arena_alloc(s->a, cap * sizeof(*v));

		if (!v)
			return serr(s, s->pos, "out of memory");
		if (s->cn)
			memcpy(v, s->cv, s->cn * sizeof(*v));
		s->cv = v;
		s->ccap = cap;
	}
	if (!(s->cv[s->cn++] = arena_strndup(s->a, p, n)))
		return serr(s, s->pos, "out of memory");
	return 0;
}

static const char *find(const char *p, size_t n, const char *needle)
{
	size_t k = strlen(needle);

	for (size_t i = 0; i + k <= n; i++)
		if (memcmp(p + i, needle, k) == 0)
			return p + i;
	return NULL;
}

static int comment(struct scan *s, const char *left, const char *right)
{
	const char *at = find(s->in + s->pos, s->inlen - s->pos, right);
	size_t i, rl = strlen(right);

	if (!at) /* not a comment */
		return 0;
	i = (size_t)(at - (s->in + s->pos));
	if (s->pos != strlen(left)) { /* inside a statement: part of its text */
		add_pos(s, i + rl);
		return 0;
	}
	add_pos(s, i + rl);
	if (keep_comment(s, s->in, s->pos))
		return -1;
	s->in += s->pos;
	s->inlen -= s->pos;
	s->pos = 0;
	/* A blank line detaches the group from the statement. */
	if ((s->inlen >= 2 && s->in[0] == '\n' && s->in[1] == '\n') ||
	    (rl == 1 && s->inlen >= 1 && s->in[0] == '\n'))
		s->cn = 0;
	skip_spaces(s);
	return 0;
}

static int skip_quote(struct scan *s, int quote)
{
	size_t pos = s->pos;
	/* See the header: Atlas's E'' test never fires, only MySQL escapes backslashes. */
	int escaped = s->o->backslash;

	for (;;) {
		int r = next(s);

		if (r == EOS)
			return serr(s, pos, "unclosed quote %s",
				    quote == '\''  ? "'\\''"
				    : quote == '"' ? "'\"'"
						   : "'`'");
		if (r == '\\' && escaped)
			next(s);
		else if (r == quote)
			return 0;
	}
}

static void skip_dollar(struct scan *s)
{
	const char *m = s->in + s->pos - 1;
	size_t mlen = re_dollar(m, s->inlen - s->pos + 1);

	add_pos(s, mlen - 1);
	for (;;) {
		int r = next(s);

		/* Unclosed: the delimiter is never empty, so Atlas takes the rest as the body. */
		if (r == EOS)
			return;
		if (r == '$' && s->inlen - s->pos + 1 >= mlen &&
		    memcmp(s->in + s->pos - 1, m, mlen) == 0) {
			add_pos(s, mlen - 1);
			return;
		}
	}
}

static int stmt(struct scan *s, struct raw *out);

static size_t memo_key(const struct scan *s, int atomic)
{
	return (size_t)(s->in + s->pos - s->memo->root) * 2 + (atomic ? 1 : 0);
}

static struct memo_e *memo_slot(struct memo *m, size_t key)
{
	size_t i = (key * 0x9e3779b97f4a7c15u) & (m->cap - 1);

	while (m->v[i].key && m->v[i].key != key)
		i = (i + 1) & (m->cap - 1);
	return &m->v[i];
}

/* 1 with *adv set when the block scan at the current offset was done before. */
static int memo_get(const struct scan *s, int atomic, long *adv)
{
	const struct memo_e *e;

	if (!s->memo || !s->memo->cap)
		return 0;
	e = memo_slot(s->memo, memo_key(s, atomic));
	if (!e->key)
		return 0;
	*adv = e->adv;
	return 1;
}

/* Keeps an answer; out of memory, it is simply not kept. */
static void memo_put(const struct scan *s, int atomic, long adv)
{
	struct memo *m = s->memo;
	struct memo_e *e;

	if (!m)
		return;
	if (2 * (m->n + 1) > m->cap) {
		size_t ocap = m->cap, cap = ocap ? 2 * ocap : 64;
		struct memo_e *old = m->v, *v = calloc(cap, sizeof(*v));

		if (!v)
			return;
		m->v = v;
		m->cap = cap;
		for (size_t i = 0; i < ocap; i++)
			if (old[i].key)
				*memo_slot(m, old[i].key) = old[i];
		free(old);
	}
	e = memo_slot(m, memo_key(s, atomic));
	if (!e->key)
		m->n++;
	e->key = memo_key(s, atomic);
	e->adv = adv;
}

/* BEGIN ATOMIC ... END: nested statements until one that starts with END. */
static int skip_begin_atomic(struct scan *s)
{
	size_t m = re_begin_atomic(s->in + s->pos - 1, s->inlen - s->pos + 1);
	struct scan body;
	struct raw st;
	long adv;

	if (!m)
		return -1;
	add_pos(s, m - 1);
	if (memo_get(s, 1, &adv)) {
		if (adv < 0)
			return -1;
		add_pos(s, (size_t)adv);
		return 0;
	}
	if (scan_init(&body, s->o, NULL, s->in + s->pos, s->inlen - s->pos))
		return -1;
	body.memo = s->memo;
	for (;;) {
		int rc = stmt(&body, &st);

		if (rc <= 0) {
			memo_put(s, 1, -1);
			return -1; /* end of input or an error: not a block */
		}
		if (re_end(st.text, st.len) >= 0)
			break;
	}
	memo_put(s, 1, (long)body.total);
	add_pos(s, body.total);
	return 0;
}

/* BEGIN ... END: nested statements until 'END' or 'END;' alone. */
static int skip_begin(struct scan *s)
{
	size_t m = re_begin(s->in + s->pos - 1, s->inlen - s->pos + 1);
	struct scan group;
	struct raw st;
	long adv;

	if (!m)
		return -1;
	add_pos(s, m - 1);
	if (memo_get(s, 0, &adv)) {
		if (adv < 0)
			return -1;
		add_pos(s, (size_t)adv);
		return 0;
	}
	if (scan_init(&group, s->o, NULL, s->in + s->pos, s->inlen - s->pos))
		return -1;
	group.memo = s->memo;
	for (;;) {
		int rc = stmt(&group, &st);
		long e;

		if (rc <= 0) {
			memo_put(s, 0, -1);
			return -1;
		}
		e = re_end(st.text, st.len);
		if (e >= 0 &&
		    ((size_t)e == st.len || (st.len - (size_t)e == s->dlen &&
					     memcmp(st.text + e, s->delim, s->dlen) == 0)))
			break;
	}
	memo_put(s, 0, (long)group.total);
	add_pos(s, group.total);
	return 0;
}

/* The MySQL client's DELIMITER command: the rest of the line is the new delimiter. */
static int delim_cmd(struct scan *s)
{
	const char *d;
	size_t n;
	struct raw ignored;
	char buf[256];

	if (pick(s) != ' ')
		return 0;
	for (int r = pick(s); r != EOS && r != '\n'; r = next(s))
		;
	d = s->in + 9;
	n = s->pos - 9;
	trim_space(&d, &n);
	if (n >= 1 && d[0] == '\'' && d[n - 1] == '\'') {
		size_t o = 0;

		for (size_t i = 1; i + 1 < n && o + 1 < sizeof(buf); i++) {
			buf[o++] = d[i];
			if (d[i] == '\'' && i + 2 < n && d[i + 1] == '\'')
				i++;
		}
		d = buf;
		n = n >= 2 ? o : 0;
	}
	if (set_delim(s, d, n))
		return -1;
	emit(s, s->pos, &ignored);
	return 0;
}

/* One statement: 1 with *out set, 0 at the end of the input, -1 on an error. */
static int stmt(struct scan *s, struct raw *out)
{
	size_t depth = 0, opening = 0, textlen = 0;

	skip_spaces(s);
	for (;;) {
		int r = next(s);

		if (r == EOS) {
			if (depth > 0)
				return serr(s, opening, "unclosed '('");
			if (s->pos > 0) {
				textlen = s->inlen;
				break;
			}
			return 0;
		}
		if (r == '(') {
			if (depth == 0)
				opening = s->pos;
			depth++;
		} else if (r == ')') {
			if (depth == 0)
				return serr(s, s->pos, "unexpected ')'");
			depth--;
		} else if (r == '\'' || r == '"' || r == '`') {
			if (skip_quote(s, r))
				return -1;
		} else if (s->pos == 1 && s->inlen > 9 && strncasecmp(s->in, "delimiter", 9) == 0) {
			add_pos(s, 8);
			if (delim_cmd(s))
				return -1;
			skip_spaces(s);
		} else if (depth == 0 && s->inlen - (s->pos - (size_t)s->width) >= s->dlen &&
			   memcmp(s->in + s->pos - (size_t)s->width, s->delim, s->dlen) == 0) {
			add_pos(s, s->dlen - (size_t)s->width);
			textlen = s->pos;
			break;
		} else if (s->o->dollar && r == '$' &&
			   re_dollar(s->in + s->pos - 1, s->inlen - s->pos + 1)) {
			skip_dollar(s);
		} else if (r == '#' && s->o->hash) {
			if (comment(s, "#", "\n"))
				return -1;
		} else if (r == '-' && pick(s) == '-') {
			next(s);
			if (comment(s, "--", "\n"))
				return -1;
		} else if (r == '/' && pick(s) == '*') {
			next(s);
			if (comment(s, "/*", "*/"))
				return -1;
		} else if (default_delim(s) && s->o->atomic &&
			   re_begin_atomic(s->in + s->pos - 1, s->inlen - s->pos + 1)) {
			if (skip_begin_atomic(s) == 0) {
				textlen = s->pos;
				break;
			}
		} else if (default_delim(s) && s->o->begin &&
			   ((s->pos == 1 && re_begin(s->in, s->inlen)) ||
			    (s->pos > 1 && re_begin(s->in + s->pos - 2, s->inlen - s->pos + 2)))) {
			if (skip_begin(s) == 0) {
				textlen = s->pos;
				break;
			}
		}
		if (s->failed && s->a)
			return -1; /* out of memory while keeping a comment */
	}
	emit(s, textlen, out);
	return 1;
}

static unsigned line_of(const char *src, size_t off)
{
	unsigned line = 1;

	for (size_t i = 0; i < off; i++)
		line += src[i] == '\n';
	return line;
}

int sqlsplit(struct arena *a, enum sqlsplit_dialect dialect, const char *path, const char *src,
	     size_t len, struct sqlsplit_stmt **out, size_t *n, struct diag *d)
{
	struct sqlsplit_stmt *v = NULL;
	size_t cap = 0, base, line_off = 0;
	struct memo memo = { src, NULL, 0, 0 };
	unsigned line = 1;
	struct scan s;
	struct raw r;
	int rc;

	*out = NULL;
	*n = 0;
	if ((unsigned)dialect > SQLSPLIT_MYSQL)
		return diag_set(d, DIAG_USAGE, path, 0, 0, "unknown statement dialect");
	if (scan_init(&s, &dialect_opts[dialect], a, src, len))
		goto fail;
	s.memo = &memo;
	base = (size_t)(s.in - src);
	while ((rc = stmt(&s, &r)) == 1) {
		struct sqlsplit_stmt *st = arena_push(a, (void **)&v, n, &cap, sizeof(*v));
		char *text;

		if (!st || !(text = arena_alloc(a, r.len + 1))) {
			free(memo.v);
			return diag_nomem(d);
		}
		memcpy(text, r.text, r.len);
		st->text = text;
		st->len = r.len;
		st->atlas_pos = r.pos;
		st->off = base + r.pos;
		/* Lines are counted incrementally: statements come in file order. */
		for (; line_off < st->off && line_off < len; line_off++)
			line += src[line_off] == '\n';
		st->line = line;
		st->comments = r.comments;
		st->ncomments = r.ncomments;
	}
	free(memo.v);
	memo.v = NULL;
	*out = v;
	if (rc == 0)
		return 0;
fail:
	free(memo.v);
	if (s.errp > len)
		s.errp = len;
	{
		unsigned el = line_of(src, s.errp);
		size_t ls = s.errp;

		while (ls > 0 && src[ls - 1] != '\n')
			ls--;
		/*
		 * Atlas prints a 0-based column that points just past the offending character;
		 * as a 1-based column that is the character itself, which the caret marks.
		 */
		diag_set(d, strcmp(s.errmsg, "out of memory") == 0 ? DIAG_NOMEM : DIAG_PARSE, path,
			 el, (unsigned)(s.errp - ls > 0 ? s.errp - ls : 1), "%s", s.errmsg);
		diag_source(d, src, len, s.errp);
	}
	*out = NULL;
	*n = 0;
	return -1;
}

/* ---- directives */

int sqlsplit_directive(const char *s, size_t n, const char *name, const char *prefix,
		       const char **arg, size_t *arglen)
{
	size_t run = 0, i, nm, a0, a1, eol;
	const char *nameat = NULL;

	while (run < n && (unsigned char)s[run] >= 0x20 && (unsigned char)s[run] <= 0x7e)
		run++;
	for (i = run; i-- > 0;) {
		if (i + 6 < run && memcmp(s + i, "atlas:", 6) == 0 &&
		    is_word((unsigned char)s[i + 6])) {
			nameat = s + i + 6;
			break;
		}
	}
	if (!nameat)
		return 0;
	for (nm = 0; nameat + nm < s + n && is_word((unsigned char)nameat[nm]); nm++)
		;
	if (nm != strlen(name) || memcmp(nameat, name, nm) != 0)
		return 0;
	if (prefix && (strlen(prefix) != i || memcmp(s, prefix, i) != 0))
		return 0;
	/* (?: +(.+))*: spaces, then the rest of the line; a lone space run keeps one space. */
	a0 = a1 = (size_t)(nameat - s) + nm;
	for (eol = a0; eol < n && s[eol] != '\n'; eol++)
		;
	if (a0 < eol && s[a0] == ' ') {
		size_t sp = a0;

		while (sp < eol && s[sp] == ' ')
			sp++;
		if (sp < eol) {
			a0 = sp;
			a1 = eol;
		} else if (sp - a0 >= 2) {
			a0 = sp - 1;
			a1 = sp;
		}
	}
	if (arg)
		*arg = s + a0;
	if (arglen)
		*arglen = a1 - a0;
	return 1;
}

/*
 * LocalFile.comments(): calls fn on each trimmed leading comment line, but only when the
 * run of them is followed by an empty line; returns -1 when fn does, else 0.
 */
static int each_file_comment(const char *src, size_t len,
			     int (*fn)(void *ctx, const char *c, size_t n), void *ctx)
{
	size_t p = 0, end;

	/* First find where the run ends, and whether an empty line follows it. */
	for (end = 0; end < len && (src[end] == '#' ||
				    (len - end >= 2 && src[end] == '-' && src[end + 1] == '-'));) {
		const char *nl = memchr(src + end, '\n', len - end);

		if (!nl)
			return 0; /* the file ends inside the run: no file directives */
		end = (size_t)(nl - src) + 1;
	}
	if (end >= len || src[end] != '\n')
		return 0;
	while (p < end) {
		const char *nl = memchr(src + p, '\n', end - p), *c = src + p;
		size_t n = (size_t)(nl - c);

		trim_space(&c, &n);
		if (fn(ctx, c, n))
			return -1;
		p = (size_t)(nl - src) + 1;
	}
	return 0;
}

struct collect {
	struct arena *a;
	const char *name;
	const char **v;
	size_t n, cap;
	int nomem;
};

static int collect_one(void *ctx, const char *c, size_t n)
{
	struct collect *k = ctx;
	const char *arg, **slot;
	size_t arglen;

	if (!sqlsplit_directive(c, n, k->name, NULL, &arg, &arglen))
		return 0;
	if (!k->a) { /* only counting */
		k->n++;
		return 0;
	}
	slot = arena_push(k->a, (void **)&k->v, &k->n, &k->cap, sizeof(*slot));
	if (!slot || !(*slot = arena_strndup(k->a, arg, arglen))) {
		k->nomem = 1;
		return -1;
	}
	return 0;
}

int sqlsplit_file_directives(struct arena *a, const char *src, size_t len, const char *name,
			     const char ***args, size_t *n, struct diag *d)
{
	struct collect k = { a, name, NULL, 0, 0, 0 };

	*args = NULL;
	*n = 0;
	if (each_file_comment(src, len, collect_one, &k) && k.nomem)
		return diag_nomem(d);
	*args = k.v;
	*n = k.n;
	return 0;
}

int sqlsplit_txmode(struct arena *a, const char *path, const char *src, size_t len,
		    enum sqlsplit_txmode *mode, struct diag *d)
{
	const char **v;
	size_t n;

	*mode = SQLSPLIT_TXMODE_UNSET;
	if (sqlsplit_file_directives(a, src, len, "txmode", &v, &n, d))
		return -1;
	if (n == 0)
		return 0;
	if (n > 1)
		return diag_set(d, DIAG_PARSE, path, 0, 0,
				"multiple txmode values found in file: '%s' and '%s'", v[0], v[1]);
	if (strcmp(v[0], "all") == 0)
		return diag_set(d, DIAG_PARSE, path, 0, 0,
				"txmode \"all\" is not allowed in file directive. Use \"file\" "
				"instead");
	if (strcmp(v[0], "none") == 0)
		*mode = SQLSPLIT_TXMODE_NONE;
	else if (strcmp(v[0], "file") == 0)
		*mode = SQLSPLIT_TXMODE_FILE;
	else
		return diag_set(d, DIAG_PARSE, path, 0, 0,
				"unknown txmode '%s' found in file directive", v[0]);
	return 0;
}

int sqlsplit_is_checkpoint(const char *src, size_t len)
{
	struct collect k = { NULL, "checkpoint", NULL, 0, 0, 0 };

	each_file_comment(src, len, collect_one, &k);
	return k.n > 0;
}
