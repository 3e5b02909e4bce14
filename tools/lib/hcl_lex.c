/* hcl_lex: HCL source text to tokens. */
#include "hcl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct lexer {
	const char *file, *src;
	size_t len, pos, srclen; /* len: where lexing stops; srclen: the whole text */
	unsigned line;
	size_t bol; /* offset of the current line's first byte */
	struct diag *d;
};

static struct hcl_pos here(const struct lexer *lx, size_t off)
{
	struct hcl_pos p;
	size_t bol = lx->bol;

	/* The lexer tracks where the current line starts; no walking back over long lines. */
	if (bol > off)
		for (bol = off; bol > 0 && lx->src[bol - 1] != '\n'; bol--)
			;
	p.off = off;
	p.col = (unsigned)(off - bol + 1);
	p.line = lx->line;
	return p;
}

static int lex_error(struct lexer *lx, size_t off, unsigned line, const char *msg)
{
	size_t bol = off;

	while (bol > 0 && lx->src[bol - 1] != '\n')
		bol--;
	diag_set(lx->d, DIAG_PARSE, lx->file, line, (unsigned)(off - bol + 1), "%s", msg);
	diag_source(lx->d, lx->src, lx->srclen, off);
	return -1;
}

static int is_id_start(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

static int is_id_char(unsigned char c)
{
	return is_id_start(c) || (c >= '0' && c <= '9') || c == '-';
}

static int is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static int scan_string(struct lexer *lx, size_t start, size_t *end, int depth);

#define MAX_NESTING 64

/* Skips a ${...} interpolation body starting just after '${'; *end is just past '}'. */
static int scan_interp(struct lexer *lx, size_t p, size_t open, size_t *end, int nest)
{
	int depth = 1;

	if (nest > MAX_NESTING)
		return lex_error(lx, open, lx->line, "strings and interpolations nested too deep");

	while (p < lx->len) {
		char c = lx->src[p];

		if (c == '"') {
			if (scan_string(lx, p, &p, nest + 1))
				return -1;
			continue;
		}
		if (c == '\n')
			break;
		if (c == '{')
			depth++;
		else if (c == '}' && --depth == 0) {
			*end = p + 1;
			return 0;
		}
		p++;
	}
	return lex_error(lx, open, lx->line, "unclosed '${' in string");
}

/* A quoted template from the '"' at start; *end is just past the closing quote. */
static int scan_string(struct lexer *lx, size_t start, size_t *end, int depth)
{
	size_t p = start + 1;

	while (p < lx->len) {
		char c = lx->src[p];

		if (c == '"') {
			*end = p + 1;
			return 0;
		}
		if (c == '\n' || (c == '\r' && p + 1 < lx->len && lx->src[p + 1] == '\n'))
			break;
		if (c == '\\') {
			/* A backslash does not carry a string over a line end. */
			if (p + 1 < lx->len && (lx->src[p + 1] == '\n' || lx->src[p + 1] == '\r'))
				break;
			p += 2;
			continue;
		}
		if ((c == '$' || c == '%') && p + 1 < lx->len && lx->src[p + 1] == '{') {
			/* '$${' and '%%{' are literal; they were consumed as one char pair below.
			 */
			if (scan_interp(lx, p + 2, p, &p, depth))
				return -1;
			continue;
		}
		if ((c == '$' || c == '%') && p + 2 < lx->len && lx->src[p + 1] == c &&
		    lx->src[p + 2] == '{') {
			p += 3;
			continue;
		}
		p++;
	}
	return lex_error(lx, start, lx->line, "unterminated string");
}

/* A heredoc from '<<'; *end is the end of the closing marker line, before its newline. */
static int scan_heredoc(struct lexer *lx, size_t start, size_t *end)
{
	size_t p = start + 2, mark, marklen, line;
	unsigned startline = lx->line;

	if (p < lx->len && lx->src[p] == '-')
		p++;
	mark = p;
	while (p < lx->len && is_id_char((unsigned char)lx->src[p]))
		p++;
	marklen = p - mark;
	if (marklen == 0 || !is_id_start((unsigned char)lx->src[mark]))
		return lex_error(lx, start, startline, "heredoc marker expected after '<<'");
	if (p < lx->len && lx->src[p] == '\r')
		p++;
	if (p >= lx->len || lx->src[p] != '\n')
		return lex_error(lx, p, startline, "newline expected after the heredoc marker");
	line = p + 1;
	lx->line++;
	while (line < lx->len) {
		const char *nl = memchr(lx->src + line, '\n', lx->len - line);
		size_t e = nl ? (size_t)(nl - lx->src) : lx->len, a = line, b = e;

		while (a < b && (lx->src[a] == ' ' || lx->src[a] == '\t'))
			a++;
		while (b > a &&
		       (lx->src[b - 1] == ' ' || lx->src[b - 1] == '\t' || lx->src[b - 1] == '\r'))
			b--;
		if (b - a == marklen && memcmp(lx->src + a, lx->src + mark, marklen) == 0) {
			*end = (e > line && lx->src[e - 1] == '\r') ? e - 1 : e;
			lx->bol = line;
			return 0;
		}
		if (!nl)
			break;
		line = e + 1;
		lx->line++;
	}
	lx->line = startline;
	return lex_error(lx, start, startline, "unterminated heredoc");
}

static int lex_one(struct lexer *lx, struct hcl_token *t)
{
	const char *s = lx->src;
	size_t p = lx->pos, end;
	unsigned char c;

	while (p < lx->len && (s[p] == ' ' || s[p] == '\t' ||
			       (s[p] == '\r' && !(p + 1 < lx->len && s[p + 1] == '\n'))))
		p++;
	t->pos = here(lx, p);
	if (p >= lx->len) {
		t->kind = HT_EOF;
		t->len = 0;
		lx->pos = p;
		return 0;
	}
	c = (unsigned char)s[p];
	end = p + 1;
	switch (c) {
	case '\r': /* followed by \n */
	case '\n':
		t->kind = HT_NEWLINE;
		end = c == '\r' ? p + 2 : p + 1;
		lx->pos = end;
		t->len = end - p;
		lx->line++;
		lx->bol = end;
		return 0;
	case '#':
		goto line_comment;
	case '/':
		if (p + 1 < lx->len && s[p + 1] == '/')
			goto line_comment;
		if (p + 1 < lx->len && s[p + 1] == '*') {
			const char *close = NULL;

			for (size_t q = p + 2; q + 1 < lx->len; q++) {
				if (s[q] == '*' && s[q + 1] == '/') {
					close = s + q;
					break;
				}
			}
			if (!close)
				return lex_error(lx, p, lx->line, "unterminated '/*' comment");
			end = (size_t)(close - s) + 2;
			for (size_t q = p; q < end; q++)
				if (s[q] == '\n') {
					lx->line++;
					lx->bol = q + 1;
				}
			t->kind = HT_BLOCK_COMMENT;
			break;
		}
		t->kind = HT_SLASH;
		break;
	case '"':
		if (scan_string(lx, p, &end, 0))
			return -1;
		t->kind = HT_STRING;
		break;
	case '<':
		if (p + 1 < lx->len && s[p + 1] == '<') {
			if (scan_heredoc(lx, p, &end))
				return -1;
			t->kind = HT_HEREDOC;
			break;
		}
		if (p + 1 < lx->len && s[p + 1] == '=') {
			t->kind = HT_LE;
			end = p + 2;
		} else {
			t->kind = HT_LT;
		}
		break;
	case '>':
		if (p + 1 < lx->len && s[p + 1] == '=') {
			t->kind = HT_GE;
			end = p + 2;
		} else {
			t->kind = HT_GT;
		}
		break;
	case '=':
		if (p + 1 < lx->len && s[p + 1] == '=') {
			t->kind = HT_EQEQ;
			end = p + 2;
		} else if (p + 1 < lx->len && s[p + 1] == '>') {
			t->kind = HT_ARROW;
			end = p + 2;
		} else {
			t->kind = HT_EQ;
		}
		break;
	case '!':
		if (p + 1 < lx->len && s[p + 1] == '=') {
			t->kind = HT_NOTEQ;
			end = p + 2;
		} else {
			t->kind = HT_BANG;
		}
		break;
	case '&':
		if (p + 1 < lx->len && s[p + 1] == '&') {
			t->kind = HT_AND;
			end = p + 2;
			break;
		}
		return lex_error(lx, p, lx->line, "unexpected character '&'; did you mean '&&'?");
	case '|':
		if (p + 1 < lx->len && s[p + 1] == '|') {
			t->kind = HT_OR;
			end = p + 2;
			break;
		}
		return lex_error(lx, p, lx->line, "unexpected character '|'; did you mean '||'?");
	case '.':
		if (p + 2 < lx->len && s[p + 1] == '.' && s[p + 2] == '.') {
			t->kind = HT_ELLIPSIS;
			end = p + 3;
		} else {
			t->kind = HT_DOT;
		}
		break;
	case '{':
		t->kind = HT_LBRACE;
		break;
	case '}':
		t->kind = HT_RBRACE;
		break;
	case '[':
		t->kind = HT_LBRACK;
		break;
	case ']':
		t->kind = HT_RBRACK;
		break;
	case '(':
		t->kind = HT_LPAREN;
		break;
	case ')':
		t->kind = HT_RPAREN;
		break;
	case ',':
		t->kind = HT_COMMA;
		break;
	case ':':
		t->kind = HT_COLON;
		break;
	case '?':
		t->kind = HT_QUESTION;
		break;
	case '+':
		t->kind = HT_PLUS;
		break;
	case '-':
		t->kind = HT_MINUS;
		break;
	case '*':
		t->kind = HT_STAR;
		break;
	case '%':
		t->kind = HT_PERCENT;
		break;
	default:
		if (is_digit(c)) {
			while (end < lx->len && is_digit((unsigned char)s[end]))
				end++;
			if (end + 1 < lx->len && s[end] == '.' &&
			    is_digit((unsigned char)s[end + 1])) {
				end++;
				while (end < lx->len && is_digit((unsigned char)s[end]))
					end++;
			}
			if (end < lx->len && (s[end] == 'e' || s[end] == 'E')) {
				size_t q = end + 1;

				if (q < lx->len && (s[q] == '+' || s[q] == '-'))
					q++;
				if (q < lx->len && is_digit((unsigned char)s[q])) {
					while (q < lx->len && is_digit((unsigned char)s[q]))
						q++;
					end = q;
				}
			}
			t->kind = HT_NUMBER;
			break;
		}
		if (is_id_start(c)) {
			while (end < lx->len && is_id_char((unsigned char)s[end]))
				end++;
			t->kind = HT_IDENT;
			break;
		}
		if (c < 0x20 || c == 0x7f)
			return lex_error(lx, p, lx->line, "unexpected control character");
		{
			char msg[64];

			snprintf(msg, sizeof(msg), "unexpected character '%c'", c);
			return lex_error(lx, p, lx->line, msg);
		}
	}
	t->len = end - p;
	lx->pos = end;
	return 0;
line_comment:
	end = p;
	while (end < lx->len && s[end] != '\n' &&
	       !(s[end] == '\r' && end + 1 < lx->len && s[end + 1] == '\n'))
		end++;
	t->kind = HT_COMMENT;
	t->len = end - p;
	lx->pos = end;
	return 0;
}

int hcl_tokenize(struct arena *a, const char *file, const char *src, size_t len,
		 struct hcl_token **toks, size_t *n, struct diag *d)
{
	return hcl_tokenize_span(a, file, src, len, 0, len, 1, toks, n, d);
}

int hcl_tokenize_heap(const char *file, const char *src, size_t len, struct hcl_token **toks,
		      size_t *n, struct diag *d)
{
	struct lexer lx = { file, src, len, 0, len, 1, 0, d };
	size_t cnt = 0, cap = len / 8 + 16;
	struct hcl_token *v = malloc(cap * sizeof(*v));

	for (;;) {
		if (!v)
			return diag_nomem(d);
		if (cnt == cap) {
			struct hcl_token *nv = realloc(v, 2 * cap * sizeof(*v));

			if (!nv) {
				free(v);
				return diag_nomem(d);
			}
			v = nv;
			cap *= 2;
		}
		if (lex_one(&lx, &v[cnt])) {
			free(v);
			return -1;
		}
		if (v[cnt++].kind == HT_EOF)
			break;
	}
	*toks = v;
	*n = cnt;
	return 0;
}

const char *hcl_tok_name(enum hcl_tok k)
{
	static const char *const names[] = {
		[HT_EOF] = "end of file",  [HT_NEWLINE] = "newline",
		[HT_COMMENT] = "comment",  [HT_BLOCK_COMMENT] = "comment",
		[HT_IDENT] = "identifier", [HT_NUMBER] = "number",
		[HT_STRING] = "string",	   [HT_HEREDOC] = "heredoc",
		[HT_LBRACE] = "'{'",	   [HT_RBRACE] = "'}'",
		[HT_LBRACK] = "'['",	   [HT_RBRACK] = "']'",
		[HT_LPAREN] = "'('",	   [HT_RPAREN] = "')'",
		[HT_EQ] = "'='",	   [HT_COMMA] = "','",
		[HT_DOT] = "'.'",	   [HT_ELLIPSIS] = "'...'",
		[HT_COLON] = "':'",	   [HT_QUESTION] = "'?'",
		[HT_BANG] = "'!'",	   [HT_PLUS] = "'+'",
		[HT_MINUS] = "'-'",	   [HT_STAR] = "'*'",
		[HT_SLASH] = "'/'",	   [HT_PERCENT] = "'%'",
		[HT_EQEQ] = "'=='",	   [HT_NOTEQ] = "'!='",
		[HT_LT] = "'<'",	   [HT_GT] = "'>'",
		[HT_LE] = "'<='",	   [HT_GE] = "'>='",
		[HT_AND] = "'&&'",	   [HT_OR] = "'||'",
		[HT_ARROW] = "'=>'",
	};

	return k < sizeof(names) / sizeof(names[0]) && names[k] ? names[k] : "token";
}

int hcl_tokenize_span(struct arena *a, const char *file, const char *src, size_t srclen,
		      size_t start, size_t end, unsigned line, struct hcl_token **toks, size_t *n,
		      struct diag *d)
{
	struct lexer lx = { file, src, end, start, srclen, line, start, d };

	while (lx.bol > 0 && src[lx.bol - 1] != '\n')
		lx.bol--;
	struct hcl_token *v = NULL, *t;
	size_t cnt = 0, cap = 0;

	for (;;) {
		t = arena_push(a, (void **)&v, &cnt, &cap, sizeof(*v));
		if (!t)
			return diag_nomem(d);
		if (lex_one(&lx, t))
			return -1;
		if (t->kind == HT_EOF)
			break;
	}
	*toks = v;
	*n = cnt;
	return 0;
}
