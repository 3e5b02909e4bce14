/*
 * myexpr: MySQL expressions in a canonical form, for comparison (see myexpr.h).
 *
 * Three steps: lex() cuts the text into tokens; the parse_*() functions follow the levels
 * of the server's grammar (sql_yacc.yy: expr, bool_pri, predicate, bit_expr, simple_expr)
 * and build the tree through constructors that apply the servers' rewrites as they go
 * (negate(), logic(), ...); print() writes the tree with every operation in parentheses.
 */
#include "myexpr.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"

#define MAX_DEPTH 200		    /* nesting followed before giving up */
#define MAX_OUT	  ((size_t)1 << 20) /* canonical forms are far smaller */
#define MAX_ARENA ((size_t)1 << 26) /* for myexpr_same() */

/* ---- tokens */

enum tk {
	T_END,
	T_WORD,	  /* a bare word: keyword, name or function; s as written */
	T_QUOTED, /* a `quoted` name; s decoded */
	T_STR,	  /* a string literal; s decoded, n bytes (may hold NUL) */
	T_NUM,	  /* a number; s canonical */
	T_HEX,	  /* 0x1F or X'1F'; s canonical: x'1f' */
	T_OP,	  /* an operator or punctuation; s the operator */
};

struct tok {
	enum tk k;
	const char *s;
	size_t n;
	size_t off; /* where it starts in the expression */
};

/* ---- the tree */

enum nk {
	N_COL,	   /* s: the printed name, `a` or `t`.`a` */
	N_STR,	   /* s, n: the value; cs: an introducer that is kept, or NULL */
	N_HEX,	   /* s: x'..' */
	N_NUM,	   /* s: canonical text */
	N_NULL,	   /* NULL */
	N_FUNC,	   /* s: the canonical name (`quoted` for a stored function); v: arguments */
	N_CAST,	   /* s: the canonical type; v[0] */
	N_NEG,	   /* unary minus */
	N_INV,	   /* ~ */
	N_NOT,	   /* NOT of a condition that has no negated form (<=>) */
	N_BIN,	   /* s: the operator; v[0], v[1] */
	N_AND,	   /* v: two or more conditions, none of them N_AND */
	N_OR,	   /* v: two or more conditions, none of them N_OR */
	N_XOR,	   /* v[0], v[1]: conditions */
	N_IS,	   /* s: "null", "true" or "false"; neg: IS NOT */
	N_IN,	   /* v[0] [NOT] IN (v[1], ...): two or more in the list */
	N_BETWEEN, /* v[0] [NOT] BETWEEN v[1] AND v[2] */
	N_LIKE,	   /* v[0] [NOT] LIKE v[1] [ESCAPE v[2]] */
	N_REGEXP,  /* v[0] [NOT] REGEXP v[1] */
	N_CASE,	   /* [base] (when then)... [else] */
	N_COLLATE, /* s: the collation; v[0] */
};

struct node {
	enum nk k;
	const char *s;
	size_t n;
	const char *cs;
	int neg;       /* N_IS, N_IN, N_BETWEEN, N_LIKE, N_REGEXP */
	int base, els; /* N_CASE: v starts with the operand, ends with the ELSE */
	struct node **v;
	size_t nv, cap;
};

struct px {
	struct arena *a;
	struct diag *d;
	const char *src;
	size_t len;
	struct tok *t;
	size_t nt, i;
	int depth;
};

/* Whether the n bytes of s, ASCII letters in any case, are the n bytes of lowercase kw. */
static int lower_eqn(const char *s, const char *kw, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != kw[i])
			return 0;
	}
	return 1;
}

static int lower_eq(const char *s, size_t n, const char *kw)
{
	return strlen(kw) == n && lower_eqn(s, kw, n);
}

static char *lowered(struct arena *a, const char *s, size_t n)
{
	char *r = arena_strndup(a, s, n);

	for (size_t i = 0; r && i < n; i++)
		if (r[i] >= 'A' && r[i] <= 'Z')
			r[i] = (char)(r[i] - 'A' + 'a');
	return r;
}

static int fail_at(struct px *p, size_t off, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* A DIAG_PARSE error at byte off of the expression, with its source for a caret. */
static int fail_at(struct px *p, size_t off, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vset(p->d, DIAG_PARSE, NULL, 1, (unsigned)off + 1, fmt, ap);
	va_end(ap);
	diag_source(p->d, p->src, p->len, off);
	return -1;
}

/* A length for "%.*s" in a message: long text is cut. */
static int cut(size_t n)
{
	return n > 60 ? 60 : (int)n;
}

static int nomem(struct px *p)
{
	return diag_nomem(p->d);
}

/* ---- lexer */

static int is_word_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '$' || c >= 0x80;
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_hex(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static struct tok *push_tok(struct px *p, size_t *cap, enum tk k, size_t off)
{
	struct tok *t = arena_push(p->a, (void **)&p->t, &p->nt, cap, sizeof(*t));

	if (t) {
		t->k = k;
		t->off = off;
	}
	return t;
}

/* The quoted text at q (' " or `), decoded: doubled quotes, and backslash escapes but in `. */
static int lex_quoted(struct px *p, size_t *pos, struct tok *t)
{
	const char *s = p->src;
	char q = s[*pos], *out = arena_alloc(p->a, p->len - *pos + 1);
	size_t i = *pos + 1, n = 0;

	if (!out)
		return nomem(p);
	for (;;) {
		char c = s[i];

		if (i >= p->len)
			return fail_at(p, *pos, "unterminated quoted text '%.*s'",
				       cut(p->len - *pos), s + *pos);
		if (c == q && s[i + 1] == q) {
			out[n++] = q;
			i += 2;
		} else if (c == q) {
			i++;
			break;
		} else if (c == '\\' && q != '`' && i + 1 < p->len) {
			/* MySQL's escapes; \% and \_ keep their backslash (they are for LIKE) */
			static const char from[] = "0'\"bnrtZ\\", to[] = "\0'\"\b\n\r\t\032\\";
			const char *e = memchr(from, s[i + 1], sizeof(from) - 1);

			if (s[i + 1] == '%' || s[i + 1] == '_')
				out[n++] = '\\';
			out[n++] = e ? to[e - from] : s[i + 1];
			i += 2;
		} else {
			out[n++] = c;
			i++;
		}
	}
	out[n] = 0;
	t->s = out;
	t->n = n;
	*pos = i;
	return 0;
}

/* A hex literal's digits as x'..', lowercase, padded to whole bytes. */
static int hex_tok(struct px *p, struct tok *t, const char *h, size_t n)
{
	char *r = arena_alloc(p->a, n + 5);
	size_t k = 0;

	if (!r)
		return nomem(p);
	r[k++] = 'x';
	r[k++] = '\'';
	if (n % 2)
		r[k++] = '0';
	for (size_t i = 0; i < n; i++)
		r[k++] = (char)(h[i] >= 'A' && h[i] <= 'F' ? h[i] - 'A' + 'a' : h[i]);
	r[k++] = '\'';
	t->k = T_HEX;
	t->s = r;
	t->n = k;
	return 0;
}

/* A number: integer part without leading zeros, fraction as written, exponent e[-]N. */
static int lex_number(struct px *p, size_t *pos, struct tok *t)
{
	const char *s = p->src;
	size_t i = *pos, ib, ie, fb = 0, fe = 0, xb = 0, xe = 0;
	int dot = 0, eneg = 0;
	struct buf b;
	int err;

	if (s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X') && is_hex(s[i + 2])) {
		size_t h = i + 2;

		while (is_hex(s[h]))
			h++;
		if (is_word_char((unsigned char)s[h]))
			return fail_at(p, *pos, "unexpected '%.*s'", cut(h - *pos + 1), s + *pos);
		*pos = h;
		return hex_tok(p, t, s + i + 2, h - i - 2);
	}
	ib = i;
	while (is_digit(s[i]))
		i++;
	ie = i;
	if (s[i] == '.') {
		dot = 1;
		fb = ++i;
		while (is_digit(s[i]))
			i++;
		fe = i;
	}
	if ((s[i] == 'e' || s[i] == 'E') &&
	    (is_digit(s[i + 1]) || ((s[i + 1] == '+' || s[i + 1] == '-') && is_digit(s[i + 2])))) {
		i++;
		if (s[i] == '+' || s[i] == '-')
			eneg = s[i++] == '-';
		while (s[i] == '0' && is_digit(s[i + 1]))
			i++;
		xb = i;
		while (is_digit(s[i]))
			i++;
		xe = i;
	}
	if (is_word_char((unsigned char)s[i]) || s[i] == '.')
		return fail_at(p, *pos, "'%.*s' is not covered", cut(i - *pos + 1), s + *pos);
	while (ib + 1 < ie && s[ib] == '0')
		ib++;
	buf_init(&b, MAX_OUT);
	err = buf_add(&b, ib < ie ? s + ib : "0", ib < ie ? ie - ib : 1, p->d) ||
	      (dot && buf_addf(&b, p->d, ".%.*s", (int)(fe - fb), s + fb)) ||
	      (xe && buf_addf(&b, p->d, "e%s%.*s", eneg ? "-" : "", (int)(xe - xb), s + xb));
	t->s = err ? NULL : arena_strndup(p->a, b.data, b.len);
	t->n = b.len;
	buf_release(&b);
	if (!err && !t->s)
		return nomem(p);
	*pos = i;
	return err ? -1 : 0;
}

static int lex(struct px *p)
{
	static const char *const ops[] = { "<=>", "<=", ">=", "<>", "!=", "<<", ">>", "&&", "||",
					   "(",	  ")",	",",  ".",  "=",  "<",	">",  "!",  "~",
					   "^",	  "*",	"/",  "%",  "+",  "-",	"&",  "|",  NULL };
	const char *s = p->src;
	size_t pos = 0, cap = 0;

	for (;;) {
		struct tok *t;
		char c;

		while (pos < p->len && is_space(s[pos]))
			pos++;
		if (!(t = push_tok(p, &cap, T_END, pos)))
			return nomem(p);
		if (pos >= p->len)
			return 0;
		c = s[pos];
		if (c == '#' || (c == '/' && s[pos + 1] == '*') ||
		    (c == '-' && s[pos + 1] == '-' &&
		     (pos + 2 >= p->len || (unsigned char)s[pos + 2] <= ' ')))
			return fail_at(p, pos, "comments are not covered");
		if (c == '\'' || c == '"') {
			t->k = T_STR;
			if (lex_quoted(p, &pos, t))
				return -1;
		} else if (c == '`') {
			t->k = T_QUOTED;
			if (lex_quoted(p, &pos, t))
				return -1;
		} else if (is_digit(c) || (c == '.' && is_digit(s[pos + 1]))) {
			t->k = T_NUM;
			if (lex_number(p, &pos, t))
				return -1;
		} else if ((c == 'x' || c == 'X') && s[pos + 1] == '\'') {
			size_t h = pos + 2;

			while (is_hex(s[h]))
				h++;
			if (s[h] != '\'' || (h - pos) % 2)
				return fail_at(p, pos, "bad hexadecimal literal '%.*s'",
					       cut(h - pos + 1), s + pos);
			if (hex_tok(p, t, s + pos + 2, h - pos - 2))
				return -1;
			pos = h + 1;
		} else if (is_word_char((unsigned char)c)) {
			size_t b = pos;

			while (pos < p->len && is_word_char((unsigned char)s[pos]))
				pos++;
			if (s[pos] == '\'' && pos - b == 1)
				return fail_at(p, b, "'%.*s' literals are not covered", 2, s + b);
			t->k = T_WORD;
			t->s = s + b;
			t->n = pos - b;
		} else {
			size_t k = 0;

			while (ops[k] && strncmp(s + pos, ops[k], strlen(ops[k])) != 0)
				k++;
			if (!ops[k])
				return fail_at(p, pos, "unexpected '%c'", s[pos]);
			t->k = T_OP;
			t->s = ops[k];
			t->n = strlen(ops[k]);
			pos += t->n;
		}
	}
}

/* ---- parser helpers */

static const struct tok *peek(const struct px *p, size_t ahead)
{
	size_t i = p->i + ahead;

	return &p->t[i < p->nt ? i : p->nt - 1];
}

static int kw(const struct px *p, size_t ahead, const char *word)
{
	const struct tok *t = peek(p, ahead);

	return t->k == T_WORD && lower_eq(t->s, t->n, word);
}

static int op(const struct px *p, size_t ahead, const char *o)
{
	const struct tok *t = peek(p, ahead);

	return t->k == T_OP && strcmp(t->s, o) == 0;
}

static int unexpected(struct px *p)
{
	const struct tok *t = peek(p, 0);

	if (t->k == T_END)
		return fail_at(p, t->off, "unexpected end of expression");
	return fail_at(p, t->off, "unexpected '%.*s'",
		       t->k == T_WORD || t->k == T_OP ? cut(t->n) : 1, p->src + t->off);
}

static int expect_op(struct px *p, const char *o)
{
	if (!op(p, 0, o))
		return unexpected(p);
	p->i++;
	return 0;
}

static int expect_kw(struct px *p, const char *word)
{
	if (!kw(p, 0, word))
		return unexpected(p);
	p->i++;
	return 0;
}

/* ---- constructors: the servers' rewrites */

/* A node; s is its text, NULL for none (a kind that needs text passes NULL when out of memory). */
static struct node *mk(struct px *p, enum nk k, const char *s)
{
	struct node *n = arena_alloc(p->a, sizeof(*n));
	int needs_text = k == N_COL || k == N_NUM || k == N_HEX || k == N_FUNC || k == N_BIN ||
			 k == N_IS || k == N_COLLATE;

	if (!n || (needs_text && !s)) {
		nomem(p);
		return NULL;
	}
	n->k = k;
	n->s = s;
	n->n = s ? strlen(s) : 0;
	return n;
}

static int add(struct px *p, struct node *n, struct node *arg)
{
	struct node **slot;

	if (!arg)
		return -1;
	slot = arena_push(p->a, (void **)&n->v, &n->nv, &n->cap, sizeof(*slot));
	if (!slot)
		return nomem(p);
	*slot = arg;
	return 0;
}

static struct node *bin(struct px *p, const char *o, struct node *x, struct node *y)
{
	struct node *n = x && y ? mk(p, N_BIN, o) : NULL;

	return n && !add(p, n, x) && !add(p, n, y) ? n : NULL;
}

static struct node *num(struct px *p, const char *text)
{
	return mk(p, N_NUM, text);
}

static struct node *copy(struct px *p, const struct node *x)
{
	struct node *n = arena_alloc(p->a, sizeof(*n));

	if (!n) {
		nomem(p);
		return NULL;
	}
	*n = *x;
	return n;
}

static const char *const comparisons[][2] = {
	{ "=", "<>" }, { "<>", "=" }, { "<", ">=" }, { ">=", "<" }, { ">", "<=" }, { "<=", ">" },
};

/* The negated comparison of operator o, "" for <=> (a comparison without one), or NULL. */
static const char *negated_comparison(const char *o)
{
	if (strcmp(o, "<=>") == 0)
		return "";
	for (size_t i = 0; i < sizeof(comparisons) / sizeof(comparisons[0]); i++)
		if (strcmp(o, comparisons[i][0]) == 0)
			return comparisons[i][1];
	return NULL;
}

/* Whether x yields a truth value: a comparison, a predicate or a logical operation. */
static int is_condition(const struct node *x)
{
	switch (x->k) {
	case N_BIN:
		return negated_comparison(x->s) != NULL;
	case N_NOT:
	case N_AND:
	case N_OR:
	case N_XOR:
	case N_IS:
	case N_IN:
	case N_BETWEEN:
	case N_LIKE:
	case N_REGEXP:
		return 1;
	default:
		return 0;
	}
}

/* An operand of AND, OR or XOR: a value v is tested as v <> 0, as MariaDB stores it. */
static struct node *condition(struct px *p, struct node *x)
{
	if (!x || is_condition(x))
		return x;
	return bin(p, "<>", x, num(p, "0"));
}

/* x AND y (k N_AND) or x OR y (N_OR), flattened: a AND (b AND c) is a AND b AND c. */
static struct node *logic(struct px *p, enum nk k, struct node *x, struct node *y)
{
	struct node *n = x && y ? mk(p, k, NULL) : NULL;
	struct node *both[2] = { x, y };

	if (!n)
		return NULL;
	for (int s = 0; s < 2; s++) {
		if (both[s]->k == k) {
			for (size_t i = 0; i < both[s]->nv; i++)
				if (add(p, n, both[s]->v[i]))
					return NULL;
		} else if (add(p, n, condition(p, both[s]))) {
			return NULL;
		}
	}
	return n;
}

static struct node *xor_of(struct px *p, struct node *x, struct node *y)
{
	struct node *n = x && y ? mk(p, N_XOR, NULL) : NULL;

	return n && !add(p, n, condition(p, x)) && !add(p, n, condition(p, y)) ? n : NULL;
}

/* Whether x is an integer literal. */
static int is_int(const struct node *x)
{
	return x->k == N_NUM && x->s[strspn(x->s, "-0123456789")] == 0;
}

/*
 * NOT x, pushed into x as the server does: a comparison flips, a predicate takes or loses
 * its NOT, AND and OR follow De Morgan, NOT NOT c is c, NOT (c XOR d) is NOT c XOR d, NOT
 * of an integer is 0 or 1, and NOT of a value v is v = 0.
 */
static struct node *negate(struct px *p, struct node *x)
{
	struct node *n;

	if (!x)
		return NULL;
	if (++p->depth > MAX_DEPTH) {
		fail_at(p, 0, "expression nested too deeply");
		return NULL;
	}
	if (x->k == N_BIN && strcmp(x->s, "<>") == 0 && is_int(x->v[0]) && is_int(x->v[1]) &&
	    strcmp(x->v[1]->s, "0") == 0)
		x = x->v[0]; /* n <> 0, an integer tested as a condition: NOT n is 0 or 1 */
	switch (x->k) {
	case N_BIN: {
		const char *o = negated_comparison(x->s);

		if (!o) {
			n = bin(p, "=", x, num(p, "0"));
		} else if (!*o) {
			n = mk(p, N_NOT, NULL);
			if (n && add(p, n, x))
				n = NULL;
		} else if ((n = copy(p, x))) {
			n->s = o;
		}
		break;
	}
	case N_IS:
	case N_IN:
	case N_BETWEEN:
	case N_LIKE:
	case N_REGEXP:
		if ((n = copy(p, x)))
			n->neg = !n->neg;
		break;
	case N_AND:
	case N_OR:
		n = negate(p, x->v[0]);
		for (size_t i = 1; n && i < x->nv; i++)
			n = logic(p, x->k == N_AND ? N_OR : N_AND, n, negate(p, x->v[i]));
		break;
	case N_NOT:
		n = x->v[0];
		break;
	case N_XOR:
		n = xor_of(p, negate(p, x->v[0]), x->v[1]);
		break;
	case N_NUM:
		if (is_int(x)) { /* NOT 5 is 0, NOT 0 is 1 */
			n = num(p, strspn(x->s, "-0") == strlen(x->s) ? "1" : "0");
			break;
		}
		/* fall through */
	default:
		n = bin(p, "=", x, num(p, "0"));
		break;
	}
	p->depth--;
	return n;
}

/* Unary minus; on a number it is part of the number: - 5 is -5, - -5 is 5, -0 is 0. */
static struct node *minus(struct px *p, struct node *x)
{
	struct node *n;

	if (!x)
		return NULL;
	if (x->k == N_NUM) {
		const char *s = x->s;

		if (s[0] == '-')
			s++;
		else if (strcmp(s, "0") != 0)
			s = arena_printf(p->a, "-%s", s);
		return s ? num(p, s) : NULL;
	}
	n = mk(p, N_NEG, NULL);
	return n && !add(p, n, x) ? n : NULL;
}

/* ---- parser: the levels of sql_yacc.yy, lowest precedence first */

static struct node *parse_expr(struct px *p);
static struct node *parse_predicate(struct px *p);
static struct node *parse_bits(struct px *p, int level);
static struct node *parse_simple(struct px *p);

/*
 * Words as " a b c ": reserved words that cannot be column names here; those of them that
 * may name a function; the keywords that call a function without parentheses
 * (CURRENT_TIMESTAMP is CURRENT_TIMESTAMP()).
 */
static const char reserved[] =
	" all and any as asc between binary both by case cast char character collate convert"
	" current_date current_time current_timestamp current_user database default desc"
	" distinct distinctrow div dual else end escape exists false for from group having if"
	" in insert interval into is join key leading left like limit localtime localtimestamp"
	" match member mod not null of on or order regexp repeat replace right rlike row schema"
	" select separator some sounds table then trailing true union unknown using utc_date"
	" utc_time utc_timestamp values when where with xor ";
static const char functions[] = " char database if insert left mod repeat replace right schema ";
static const char niladic[] = " current_date current_time current_timestamp current_user"
			      " localtime localtimestamp utc_date utc_time utc_timestamp ";

/* Synonyms, as MariaDB prints them. */
static const char *const synonyms[][2] = {
	{ "lower", "lcase" },
	{ "upper", "ucase" },
	{ "length", "octet_length" },
	{ "character_length", "char_length" },
	{ "substring", "substr" },
	{ "mid", "substr" },
	{ "now", "current_timestamp" },
	{ "localtime", "current_timestamp" },
	{ "localtimestamp", "current_timestamp" },
	{ "curdate", "current_date" },
	{ "curtime", "current_time" },
};

/* Whether the word s (n bytes, any case) is one of words, " a b c ". */
static int in_words(const char *words, const char *s, size_t n)
{
	for (const char *w = strchr(words, ' '); w && w[1]; w = strchr(w + 1, ' ')) {
		const char *e = strchr(w + 1, ' ');

		if ((size_t)(e - w - 1) == n && lower_eqn(s, w + 1, n))
			return 1;
	}
	return 0;
}

/* A name as printed: `a`, with ` doubled; column names in lowercase when lower is set. */
static int add_name(struct px *p, struct buf *b, const struct tok *t, int lower)
{
	const char *s = t->s;
	size_t n = t->n;

	if (buf_adds(b, "`", p->d))
		return -1;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if (lower && c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c == '`' && buf_add(b, "`", 1, p->d)) || buf_add(b, &c, 1, p->d))
			return -1;
	}
	return buf_adds(b, "`", p->d);
}

/* A column, bare or qualified: the last part is the column and is lowercased. */
static struct node *parse_column(struct px *p)
{
	struct buf b;
	struct node *n = NULL;
	int err = 0;

	buf_init(&b, MAX_OUT);
	for (;;) {
		const struct tok *t = peek(p, 0);
		int last =
			!(op(p, 1, ".") && (peek(p, 2)->k == T_WORD || peek(p, 2)->k == T_QUOTED));

		if ((err = add_name(p, &b, t, last)))
			break;
		p->i++;
		if (last)
			break;
		if ((err = buf_adds(&b, ".", p->d)))
			break;
		p->i++;
	}
	if (!err) {
		const char *s = arena_strndup(p->a, b.data, b.len);

		n = mk(p, N_COL, s);
	}
	buf_release(&b);
	return n;
}

/* A call's arguments, '(' [expr {, expr}] ')', into n. */
static int parse_args(struct px *p, struct node *n)
{
	if (expect_op(p, "("))
		return -1;
	if (op(p, 0, ")")) {
		p->i++;
		return 0;
	}
	for (;;) {
		if (add(p, n, parse_expr(p)))
			return -1;
		if (op(p, 0, ")")) {
			p->i++;
			return 0;
		}
		if (expect_op(p, ","))
			return -1;
	}
}

/* A function call name(args): built-in names are lowercased and their synonyms merged. */
static struct node *parse_call(struct px *p)
{
	const struct tok *t = peek(p, 0);
	struct node *n;
	const char *name;

	if (t->k == T_QUOTED) { /* `f`(x) calls a stored function, even if f is built in */
		struct buf b;
		int err;

		buf_init(&b, MAX_OUT);
		err = add_name(p, &b, t, 1);
		name = err ? NULL : arena_strndup(p->a, b.data, b.len);
		buf_release(&b);
		if (err)
			return NULL;
	} else {
		name = lowered(p->a, t->s, t->n);
		for (size_t i = 0; name && i < sizeof(synonyms) / sizeof(synonyms[0]); i++)
			if (strcmp(name, synonyms[i][0]) == 0)
				name = synonyms[i][1];
	}
	if (!name) {
		nomem(p);
		return NULL;
	}
	p->i++;
	if (!(n = mk(p, N_FUNC, name)))
		return NULL;
	if (op(p, 0, "(") && parse_args(p, n))
		return NULL;
	if (strcmp(name, "mod") == 0 && n->nv == 2)
		return bin(p, "mod", n->v[0], n->v[1]);
	return n;
}

/*
 * A CAST or CONVERT target type up to the closing parenthesis, lowercased and respaced:
 * "DECIMAL(10, 2)" is "decimal(10,2)"; SIGNED INTEGER is SIGNED, DECIMAL is DECIMAL(10,0).
 */
static const char *parse_type(struct px *p)
{
	struct buf b;
	const char *r = NULL;
	int depth = 0, err = 0;

	buf_init(&b, MAX_OUT);
	while (!err && !(depth == 0 && op(p, 0, ")"))) {
		const struct tok *t = peek(p, 0);

		if (t->k == T_WORD) {
			char *w = lowered(p->a, t->s, t->n);

			err = !w ? nomem(p) : buf_addf(&b, p->d, "%s%s", b.len ? " " : "", w);
		} else if (t->k == T_NUM && depth > 0) {
			err = buf_adds(&b, t->s, p->d);
		} else if (op(p, 0, "(") || (op(p, 0, ",") && depth > 0) ||
			   (op(p, 0, ")") && depth > 0)) {
			depth += op(p, 0, "(") ? 1 : op(p, 0, ")") ? -1 : 0;
			err = buf_adds(&b, t->s, p->d);
		} else {
			err = unexpected(p);
		}
		p->i++;
	}
	if (!err && b.len == 0)
		err = unexpected(p);
	if (!err) {
		static const char *const types[][2] = {
			{ "signed integer", "signed" },
			{ "unsigned integer", "unsigned" },
			{ "decimal", "decimal(10,0)" },
		};
		const char *s = b.data;

		for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
			if (strcmp(s, types[i][0]) == 0)
				s = types[i][1];
		if (strncmp(s, "decimal(", 8) == 0 && !strchr(s, ',') && !strchr(s, ' ') &&
		    s[strlen(s) - 1] == ')')
			r = arena_printf(p->a, "decimal(%.*s,0)", (int)(strlen(s) - 9), s + 8);
		else
			r = arena_strdup(p->a, s);
		if (!r)
			nomem(p);
	}
	buf_release(&b);
	return r;
}

/* CAST(x AS type) and CONVERT(x, type), the same cast. */
static struct node *parse_cast(struct px *p, int convert)
{
	struct node *n = mk(p, N_CAST, NULL);

	p->i++;
	if (!n || expect_op(p, "(") || add(p, n, parse_expr(p)) ||
	    (convert ? expect_op(p, ",") : expect_kw(p, "as")) || !(n->s = parse_type(p)) ||
	    expect_op(p, ")"))
		return NULL;
	return n;
}

/* CASE [x] WHEN c THEN r ... [ELSE e] END */
static struct node *parse_case(struct px *p)
{
	struct node *n = mk(p, N_CASE, NULL);

	p->i++;
	if (!n)
		return NULL;
	if (!kw(p, 0, "when")) {
		n->base = 1;
		if (add(p, n, parse_expr(p)))
			return NULL;
	}
	if (!kw(p, 0, "when")) {
		unexpected(p);
		return NULL;
	}
	while (kw(p, 0, "when")) {
		p->i++;
		if (add(p, n, parse_expr(p)) || expect_kw(p, "then") || add(p, n, parse_expr(p)))
			return NULL;
	}
	if (kw(p, 0, "else")) {
		p->i++;
		n->els = 1;
		if (add(p, n, parse_expr(p)))
			return NULL;
	}
	return expect_kw(p, "end") ? NULL : n;
}

/* A string literal: an optional introducer, then one or more adjacent quoted parts. */
static struct node *parse_string(struct px *p, const struct tok *intro)
{
	struct node *n = mk(p, N_STR, NULL);
	struct buf b;
	int err = 0;

	if (!n)
		return NULL;
	if (intro) {
		n->cs = lowered(p->a, intro->s, intro->n);
		if (!n->cs) {
			nomem(p);
			return NULL;
		}
		if (!strcmp(n->cs, "_utf8mb4") || !strcmp(n->cs, "_utf8mb3") ||
		    !strcmp(n->cs, "_utf8"))
			n->cs = NULL;
		p->i++;
	}
	buf_init(&b, MAX_OUT);
	while (!err && peek(p, 0)->k == T_STR) {
		err = buf_add(&b, peek(p, 0)->s, peek(p, 0)->n, p->d);
		p->i++;
	}
	if (!err) {
		n->s = arena_strndup(p->a, b.data ? b.data : "", b.len);
		n->n = b.len;
		if (!n->s)
			err = nomem(p);
	}
	buf_release(&b);
	return err ? NULL : n;
}

static struct node *parse_primary(struct px *p)
{
	const struct tok *t = peek(p, 0);
	struct node *n;

	switch (t->k) {
	case T_STR:
		return parse_string(p, NULL);
	case T_NUM:
	case T_HEX:
		p->i++;
		return mk(p, t->k == T_NUM ? N_NUM : N_HEX, t->s);
	case T_QUOTED:
		return op(p, 1, "(") ? parse_call(p) : parse_column(p);
	case T_OP:
		if (strcmp(t->s, "(") != 0)
			break;
		p->i++;
		n = parse_expr(p);
		return n && !expect_op(p, ")") ? n : NULL;
	case T_WORD:
		if (t->s[0] == '_' && peek(p, 1)->k == T_STR)
			return parse_string(p, t);
		if (kw(p, 0, "null")) {
			p->i++;
			return mk(p, N_NULL, NULL);
		}
		if (kw(p, 0, "true") || kw(p, 0, "false")) {
			const char *v = kw(p, 0, "true") ? "1" : "0";

			p->i++;
			return num(p, v);
		}
		if (kw(p, 0, "case"))
			return parse_case(p);
		if (kw(p, 0, "cast") || kw(p, 0, "convert"))
			return op(p, 1, "(") ? parse_cast(p, kw(p, 0, "convert")) : NULL;
		if (in_words(niladic, t->s, t->n) ||
		    (op(p, 1, "(") &&
		     (!in_words(reserved, t->s, t->n) || in_words(functions, t->s, t->n))))
			return parse_call(p);
		if (in_words(reserved, t->s, t->n))
			break;
		return parse_column(p);
	case T_END:
		break;
	}
	unexpected(p);
	return NULL;
}

/* simple_expr: unary - + ~ ! over primary [COLLATE name]... (COLLATE binds tighter). */
static struct node *parse_simple(struct px *p)
{
	struct node *n = NULL;

	if (++p->depth > MAX_DEPTH) {
		fail_at(p, peek(p, 0)->off, "expression nested too deeply");
		return NULL;
	}
	if (op(p, 0, "-") || op(p, 0, "+") || op(p, 0, "~") || op(p, 0, "!")) {
		char o = peek(p, 0)->s[0];
		struct node *x;

		p->i++;
		x = parse_simple(p);
		if (o == '-')
			n = minus(p, x);
		else if (o == '+')
			n = x;
		else if (o == '!')
			n = negate(p, x);
		else if (x && (n = mk(p, N_INV, NULL)) && add(p, n, x))
			n = NULL;
	} else {
		n = parse_primary(p);
		while (n && kw(p, 0, "collate")) {
			const struct tok *t = peek(p, 1);
			struct node *c;

			if (t->k != T_WORD && t->k != T_QUOTED && t->k != T_STR) {
				p->i++;
				unexpected(p);
				return NULL;
			}
			if (!(c = mk(p, N_COLLATE, lowered(p->a, t->s, t->n))) || add(p, c, n))
				return NULL;
			n = c;
			p->i += 2;
		}
	}
	p->depth--;
	return n;
}

/* bit_expr: | & (<< >>) (+ -) (* / DIV MOD %) ^, left-associative, lowest first. */
static struct node *parse_bits(struct px *p, int level)
{
	static const char *const levels[][5] = {
		{ "|" }, { "&" }, { "<<", ">>" }, { "+", "-" }, { "*", "/", "%", "div", "mod" },
		{ "^" },
	};
	struct node *x;

	if (level == (int)(sizeof(levels) / sizeof(levels[0])))
		return parse_simple(p);
	x = parse_bits(p, level + 1);
	while (x) {
		const char *o = NULL;

		for (int k = 0; k < 5 && levels[level][k] && !o; k++)
			if (op(p, 0, levels[level][k]) || kw(p, 0, levels[level][k]))
				o = levels[level][k];
		if (!o)
			break;
		p->i++;
		x = bin(p, strcmp(o, "%") == 0 ? "mod" : o, x, parse_bits(p, level + 1));
	}
	return x;
}

/* predicate: bit_expr [NOT] IN (...) | BETWEEN | LIKE [ESCAPE] | REGEXP, or bit_expr. */
static struct node *parse_predicate(struct px *p)
{
	struct node *x = parse_bits(p, 0), *n;
	int neg = 0;

	if (!x)
		return NULL;
	if (kw(p, 0, "not") && (kw(p, 1, "in") || kw(p, 1, "between") || kw(p, 1, "like") ||
				kw(p, 1, "regexp") || kw(p, 1, "rlike"))) {
		neg = 1;
		p->i++;
	}
	if (kw(p, 0, "in")) {
		p->i++;
		if (!(n = mk(p, N_IN, NULL)) || add(p, n, x) || parse_args(p, n))
			return NULL;
		if (n->nv < 2) {
			unexpected(p);
			return NULL;
		}
		if (n->nv == 2) /* x IN (y) is x = y */
			return bin(p, neg ? "<>" : "=", x, n->v[1]);
	} else if (kw(p, 0, "between")) {
		p->i++;
		if (!(n = mk(p, N_BETWEEN, NULL)) || add(p, n, x) || add(p, n, parse_bits(p, 0)) ||
		    expect_kw(p, "and") || add(p, n, parse_predicate(p)))
			return NULL;
	} else if (kw(p, 0, "like")) {
		p->i++;
		if (!(n = mk(p, N_LIKE, NULL)) || add(p, n, x) || add(p, n, parse_bits(p, 0)))
			return NULL;
		if (kw(p, 0, "escape")) {
			struct node *e;

			p->i++;
			if (!(e = parse_simple(p)))
				return NULL;
			/* '\\' is the default escape */
			if (!(e->k == N_STR && !e->cs && e->n == 1 && e->s[0] == '\\') &&
			    add(p, n, e))
				return NULL;
		}
	} else if (kw(p, 0, "regexp") || kw(p, 0, "rlike")) {
		p->i++;
		if (!(n = mk(p, N_REGEXP, NULL)) || add(p, n, x) || add(p, n, parse_bits(p, 0)))
			return NULL;
	} else {
		return x;
	}
	n->neg = neg;
	return n;
}

/* IS [NOT] NULL, TRUE, FALSE or UNKNOWN at ahead: the word, or NULL; *neg for IS NOT. */
static const char *is_test(const struct px *p, int *neg)
{
	size_t k = 1;

	if (!kw(p, 0, "is"))
		return NULL;
	*neg = kw(p, 1, "not");
	k += (size_t)*neg;
	if (kw(p, k, "null") || kw(p, k, "unknown")) /* IS UNKNOWN is IS NULL */
		return "null";
	if (kw(p, k, "true"))
		return "true";
	if (kw(p, k, "false"))
		return "false";
	return NULL;
}

static struct node *is_node(struct px *p, struct node *x, const char *what, int neg)
{
	struct node *n = x ? mk(p, N_IS, what) : NULL;

	if (!n || add(p, n, x))
		return NULL;
	n->neg = neg;
	p->i += 2 + (size_t)neg;
	return n;
}

/* bool_pri: predicate {comparison predicate | IS [NOT] NULL}, left-associative. */
static struct node *parse_boolpri(struct px *p)
{
	static const char *const cmp[] = { "=", "<=>", ">=", ">", "<=", "<", "<>", "!=", NULL };
	struct node *x = parse_predicate(p);

	while (x) {
		const char *what;
		int neg, k = 0;

		while (cmp[k] && !op(p, 0, cmp[k]))
			k++;
		if (cmp[k]) {
			p->i++;
			x = bin(p, strcmp(cmp[k], "!=") == 0 ? "<>" : cmp[k], x,
				parse_predicate(p));
		} else if ((what = is_test(p, &neg)) && strcmp(what, "null") == 0 &&
			   !kw(p, 1 + (size_t)neg, "unknown")) {
			x = is_node(p, x, what, neg);
		} else {
			break;
		}
	}
	return x;
}

/* NOT expr | bool_pri [IS [NOT] TRUE|FALSE|UNKNOWN] */
static struct node *parse_not(struct px *p)
{
	struct node *x;
	const char *what;
	int neg;

	if (kw(p, 0, "not")) {
		if (++p->depth > MAX_DEPTH) {
			fail_at(p, peek(p, 0)->off, "expression nested too deeply");
			return NULL;
		}
		p->i++;
		x = negate(p, parse_not(p));
		p->depth--;
		return x;
	}
	x = parse_boolpri(p);
	if (x && (what = is_test(p, &neg)))
		x = is_node(p, x, what, neg);
	return x;
}

static struct node *parse_and(struct px *p)
{
	struct node *x = parse_not(p);

	while (x && (kw(p, 0, "and") || op(p, 0, "&&"))) {
		p->i++;
		x = logic(p, N_AND, x, parse_not(p));
	}
	return x;
}

static struct node *parse_xor(struct px *p)
{
	struct node *x = parse_and(p);

	while (x && kw(p, 0, "xor")) {
		p->i++;
		x = xor_of(p, x, parse_and(p));
	}
	return x;
}

/* expr: the OR level ('||' is OR in the default sql_mode). */
static struct node *parse_expr(struct px *p)
{
	struct node *x;

	if (++p->depth > MAX_DEPTH) {
		fail_at(p, peek(p, 0)->off, "expression nested too deeply");
		return NULL;
	}
	x = parse_xor(p);
	while (x && (kw(p, 0, "or") || op(p, 0, "||"))) {
		p->i++;
		x = logic(p, N_OR, x, parse_xor(p));
	}
	p->depth--;
	return x;
}

/* ---- printer */

static int print(struct buf *b, const struct node *n, struct diag *d);

static int print_list(struct buf *b, const struct node *n, size_t from, const char *sep,
		      struct diag *d)
{
	for (size_t i = from; i < n->nv; i++)
		if ((i > from && buf_adds(b, sep, d)) || print(b, n->v[i], d))
			return -1;
	return 0;
}

static int print_string(struct buf *b, const struct node *n, struct diag *d)
{
	if ((n->cs && buf_adds(b, n->cs, d)) || buf_adds(b, "'", d))
		return -1;
	for (size_t i = 0; i < n->n; i++) {
		unsigned char c = (unsigned char)n->s[i];
		int err;

		if (c == '\'' || c == '\\')
			err = buf_addf(b, d, "\\%c", c);
		else if (c < 0x20 || c == 0x7f)
			err = buf_addf(b, d, "\\x%02x", c);
		else
			err = buf_add(b, &c, 1, d);
		if (err)
			return -1;
	}
	return buf_adds(b, "'", d);
}

static int print(struct buf *b, const struct node *n, struct diag *d)
{
	static const char *const preds[] = {
		[N_IN] = "in", [N_BETWEEN] = "between", [N_LIKE] = "like", [N_REGEXP] = "regexp"
	};

	switch (n->k) {
	case N_COL:
	case N_HEX:
	case N_NUM:
		return buf_adds(b, n->s, d);
	case N_STR:
		return print_string(b, n, d);
	case N_NULL:
		return buf_adds(b, "null", d);
	case N_FUNC:
		return buf_addf(b, d, "%s(", n->s) || print_list(b, n, 0, ",", d) ||
		       buf_adds(b, ")", d);
	case N_CAST:
		return buf_adds(b, "cast(", d) || print(b, n->v[0], d) ||
		       buf_addf(b, d, " as %s)", n->s);
	case N_NEG:
	case N_INV:
	case N_NOT:
		return buf_adds(b,
				n->k == N_NEG	? "(-"
				: n->k == N_INV ? "(~"
						: "(not ",
				d) ||
		       print(b, n->v[0], d) || buf_adds(b, ")", d);
	case N_BIN:
		return buf_adds(b, "(", d) || print(b, n->v[0], d) ||
		       buf_addf(b, d, " %s ", n->s) || print(b, n->v[1], d) || buf_adds(b, ")", d);
	case N_AND:
	case N_OR:
	case N_XOR:
		return buf_adds(b, "(", d) ||
		       print_list(b, n, 0,
				  n->k == N_AND	 ? " and "
				  : n->k == N_OR ? " or "
						 : " xor ",
				  d) ||
		       buf_adds(b, ")", d);
	case N_IS:
		return buf_adds(b, "(", d) || print(b, n->v[0], d) ||
		       buf_addf(b, d, " is %s%s)", n->neg ? "not " : "", n->s);
	case N_IN:
		return buf_adds(b, "(", d) || print(b, n->v[0], d) ||
		       buf_addf(b, d, " %sin (", n->neg ? "not " : "") ||
		       print_list(b, n, 1, ",", d) || buf_adds(b, "))", d);
	case N_BETWEEN:
	case N_LIKE:
	case N_REGEXP:
		return buf_adds(b, "(", d) || print(b, n->v[0], d) ||
		       buf_addf(b, d, " %s%s ", n->neg ? "not " : "", preds[n->k]) ||
		       print(b, n->v[1], d) ||
		       (n->nv > 2 && (buf_adds(b, n->k == N_LIKE ? " escape " : " and ", d) ||
				      print(b, n->v[2], d))) ||
		       buf_adds(b, ")", d);
	case N_CASE: {
		size_t i = 0, end = n->nv - (size_t)n->els;

		if (buf_adds(b, "(case", d))
			return -1;
		if (n->base && (buf_adds(b, " ", d) || print(b, n->v[i++], d)))
			return -1;
		for (; i + 1 < end; i += 2)
			if (buf_adds(b, " when ", d) || print(b, n->v[i], d) ||
			    buf_adds(b, " then ", d) || print(b, n->v[i + 1], d))
				return -1;
		if (n->els && (buf_adds(b, " else ", d) || print(b, n->v[end], d)))
			return -1;
		return buf_adds(b, " end)", d);
	}
	case N_COLLATE:
		return buf_adds(b, "(", d) || print(b, n->v[0], d) ||
		       buf_addf(b, d, " collate %s)", n->s);
	}
	return -1;
}

/* ---- entry points */

int myexpr_canon(struct arena *a, const char *expr, const char **out, struct diag *d)
{
	struct px p = { a, d, expr, strlen(expr), NULL, 0, 0, 0 };
	struct node *n;
	struct buf b;
	int err;

	if (lex(&p))
		return -1;
	if (!(n = parse_expr(&p)))
		return -1;
	if (peek(&p, 0)->k != T_END)
		return unexpected(&p);
	buf_init(&b, MAX_OUT);
	err = print(&b, n, d);
	if (!err && !(*out = arena_strndup(a, b.data ? b.data : "", b.len)))
		err = diag_nomem(d);
	buf_release(&b);
	return err ? -1 : 0;
}

int myexpr_same(const char *x, const char *y)
{
	struct arena a;
	struct diag d;
	const char *cx, *cy;
	int same;

	if (!x || !y)
		return x == y;
	arena_init(&a, MAX_ARENA);
	diag_init(&d);
	same = !myexpr_canon(&a, x, &cx, &d) && !myexpr_canon(&a, y, &cy, &d) &&
	       strcmp(cx, cy) == 0;
	arena_release(&a);
	return same;
}
