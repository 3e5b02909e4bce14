/*
 * replay_my: MySQL and MariaDB DDL into the model, through a small parser of our own (there
 * is no embeddable MySQL parser to lean on, as replay_pg leans on libpg_query).
 *
 * The replay follows what the server does with a statement, not what its text seems to say:
 * a column is nullable unless NOT NULL is said; a primary key makes its columns NOT NULL;
 * unnamed indexes and foreign keys get the names the server gives them; a foreign key
 * without a usable index gets one, which goes again when another index can serve it; a
 * table charset change leaves the existing columns in the old one. Where MySQL 8 and
 * MariaDB disagree, or the model has no place for a clause, the statement is refused with
 * the clause named (replay_unsupported), never guessed.
 */
#include "replay.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "hcleval.h"

enum tk {
	TK_END,	  /* the end of the statement text */
	TK_WORD,  /* a keyword or an unquoted name */
	TK_IDENT, /* a `quoted` name */
	TK_STR,	  /* '...' or "..." */
	TK_NUM,	  /* 12, 1.5, 2e3 */
	TK_BITS,  /* x'1f', b'01', 0x1f, 0b01: kept as written */
	TK_PUNCT, /* any other single byte */
};

struct tok {
	enum tk kind;
	size_t off, end; /* its bytes in the statement text */
	const char *v;	 /* NUL-terminated: a word or number as written, a name unquoted, a
			    string with its escapes decoded */
};

struct myp {
	struct replay *r;
	const struct sqlsplit_stmt *st;
	struct diag *d;
	const char *s; /* the statement text */
	size_t n;
	struct tok *t;
	size_t nt, capt;
	size_t i;	/* the current token */
	size_t lpos;	/* where the lexer goes on */
	int exec;	/* inside a / *! ... * / executable comment */
	int failed;	/* an error is recorded: keep it */
	char what[160]; /* the statement, for messages: "CREATE TABLE 't'" */
};

/* Names collected over one statement (case-insensitive, as MySQL compares them). */
struct names {
	const char **v;
	size_t n, cap;
};

/*
 * What one CREATE TABLE, ALTER TABLE, CREATE INDEX or DROP INDEX did to its table, for the
 * work the server does at the end of the statement (finish()).
 */
struct alter {
	struct schema_schema *s;
	struct schema_table *t;
	const char *cs0, *co0; /* the table's charset and collation before */
	const char *cs, *co;   /* a charset or collation the statement gives the table */
	int set_cs, set_co;
	struct names touched; /* columns the statement (re)defines */
	struct names added;   /* indexes it adds; "PRIMARY" for a primary key */
	struct names fks0;    /* foreign keys before it */
	struct names fk_drop; /* foreign keys it drops by name */
	struct names fk_gone; /* foreign keys that went with a dropped column */
	struct names fk_auto; /* foreign keys it named itself (tbl_ibfk_N) */
};

/* A column definition with the keys and checks said on the column. */
struct coldef {
	struct schema_column c;
	int pk, unique;
	struct {
		const char *name, *expr;
		int enforced;
	} check[4];
	size_t ncheck;
};

/* ---- errors */

/* The statement as seen from token k, so that a message names the line the token is on. */
static struct sqlsplit_stmt at_tok(const struct myp *p, const struct tok *k)
{
	struct sqlsplit_stmt at = *p->st;
	size_t off = k ? k->off : 0;

	for (size_t i = 0; i < off && i < p->n; i++)
		if (p->s[i] == '\n')
			at.line++;
	at.off += off;
	return at;
}

static int fail(struct myp *p, const struct tok *k, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail(struct myp *p, const struct tok *k, const char *fmt, ...)
{
	struct sqlsplit_stmt at;
	char msg[512];
	va_list ap;

	if (p->failed)
		return -1;
	p->failed = 1;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	at = at_tok(p, k);
	return replay_error(p->r, &at, p->d, "%s", msg);
}

static int refuse(struct myp *p, const struct tok *k, const char *what)
{
	struct sqlsplit_stmt at;

	if (p->failed)
		return -1;
	p->failed = 1;
	at = at_tok(p, k);
	return replay_unsupported(p->r, &at, what, p->d);
}

static int nomem(struct myp *p)
{
	p->failed = 1;
	return diag_nomem(p->d);
}

/* ---- the lexer */

static int identchar(unsigned char c)
{
	return isalnum(c) || c == '_' || c == '$' || c >= 0x80;
}

static struct tok *push_tok(struct myp *p, enum tk kind, size_t off, size_t end)
{
	struct tok *k = arena_push(p->r->a, (void **)&p->t, &p->nt, &p->capt, sizeof(*k));

	if (!k) {
		nomem(p);
		return NULL;
	}
	k->kind = kind;
	k->off = off;
	k->end = end;
	return k;
}

/* A quoted run from s[i] (the quote): its end, or 0 when it is not closed. */
static size_t quoted_end(const struct myp *p, size_t i)
{
	char q = p->s[i];

	for (i++; i < p->n; i++) {
		if (p->s[i] == '\\' && q != '`') {
			i++;
		} else if (p->s[i] == q) {
			if (i + 1 < p->n && p->s[i + 1] == q) {
				i++;
				continue;
			}
			return i + 1;
		}
	}
	return 0;
}

/*
 * The value of the quoted run s[a, b): doubled quotes are one; in strings, backslash escapes
 * as the server reads them without NO_BACKSLASH_ESCAPES ('\%' and '\_' keep the backslash).
 */
static int unquote(struct myp *p, struct tok *k, size_t a, size_t b)
{
	char q = p->s[a], *v = arena_alloc(p->r->a, b - a);
	size_t o = 0;

	if (!v)
		return nomem(p);
	for (size_t i = a + 1; i + 1 < b; i++) {
		char c = p->s[i];

		if (c == '\0') {
			return fail(p, k, "a NUL byte in a quoted string is not supported");
		} else if (c == q) {
			i++;
		} else if (c == '\\' && q != '`') {
			c = p->s[++i];
			switch (c) {
			case '0':
				return fail(p, k,
					    "a NUL byte ('\\0') in a string is not supported");
			case 'b':
				c = '\b';
				break;
			case 'n':
				c = '\n';
				break;
			case 'r':
				c = '\r';
				break;
			case 't':
				c = '\t';
				break;
			case 'Z':
				c = 0x1a;
				break;
			case '%':
			case '_':
				v[o++] = '\\';
				break;
			}
		}
		v[o++] = c;
	}
	v[o] = '\0';
	k->v = v;
	return 0;
}

/* Lexes up to max more tokens (TK_END last). */
static int lex(struct myp *p, size_t max)
{
	const char *s = p->s;
	size_t n = p->n;

	while (max > 0 && (p->nt == 0 || p->t[p->nt - 1].kind != TK_END)) {
		size_t i = p->lpos, j;
		unsigned char c;
		struct tok *k;

		while (i < n && isspace((unsigned char)s[i]))
			i++;
		if (i >= n) {
			if (p->exec)
				return fail(p, NULL, "unclosed executable comment '/*!'");
			if (!push_tok(p, TK_END, n, n))
				return -1;
			p->lpos = n;
			break;
		}
		c = (unsigned char)s[i];
		if (p->exec && c == '*' && i + 1 < n && s[i + 1] == '/') {
			p->exec = 0;
			p->lpos = i + 2;
			continue;
		}
		if (c == '#' || (c == '-' && i + 2 <= n && s[i + 1] == '-' &&
				 (i + 2 == n || isspace((unsigned char)s[i + 2]) ||
				  iscntrl((unsigned char)s[i + 2])))) {
			while (i < n && s[i] != '\n')
				i++;
			p->lpos = i;
			continue;
		}
		if (c == '/' && i + 1 < n && s[i + 1] == '*') {
			if (i + 2 < n && s[i + 2] == '!' && !p->exec) {
				/* Executable comment: the server runs its text (any version here).
				 */
				for (i += 3; i < n && isdigit((unsigned char)s[i]); i++)
					;
				p->exec = 1;
				p->lpos = i;
				continue;
			}
			if (i + 3 < n && s[i + 2] == 'M' && s[i + 3] == '!') {
				struct tok at = { TK_END, i, i, NULL };

				return refuse(p, &at, "a MariaDB-only executable comment '/*M!'");
			}
			for (j = i + 2; j + 1 < n && !(s[j] == '*' && s[j + 1] == '/'); j++)
				;
			if (j + 1 >= n) {
				struct tok at = { TK_END, i, i, NULL };

				return fail(p, &at, "unclosed comment");
			}
			p->lpos = j + 2;
			continue;
		}
		if (c == '`' || c == '\'' || c == '"') {
			j = quoted_end(p, i);
			if (!j) {
				struct tok at = { TK_END, i, i, NULL };

				return fail(p, &at, "unclosed quote %c", c);
			}
			k = push_tok(p, c == '`' ? TK_IDENT : TK_STR, i, j);
			if (!k || unquote(p, k, i, j))
				return -1;
		} else if ((c == 'x' || c == 'X' || c == 'b' || c == 'B') && i + 1 < n &&
			   s[i + 1] == '\'') {
			for (j = i + 2; j < n && s[j] != '\''; j++)
				;
			if (j >= n) {
				struct tok at = { TK_END, i, i, NULL };

				return fail(p, &at, "unclosed quote '");
			}
			j++;
			k = push_tok(p, TK_BITS, i, j);
		} else if (isdigit(c) ||
			   (c == '.' && i + 1 < n && isdigit((unsigned char)s[i + 1]))) {
			enum tk kind = TK_NUM;

			for (j = i; j < n && isdigit((unsigned char)s[j]); j++)
				;
			if (j < n && s[j] == '.')
				for (j++; j < n && isdigit((unsigned char)s[j]); j++)
					;
			if (j + 1 < n && (s[j] == 'e' || s[j] == 'E') &&
			    (isdigit((unsigned char)s[j + 1]) ||
			     ((s[j + 1] == '+' || s[j + 1] == '-') && j + 2 < n &&
			      isdigit((unsigned char)s[j + 2]))))
				for (j += 2; j < n && isdigit((unsigned char)s[j]); j++)
					;
			if (c != '.' && j < n && identchar((unsigned char)s[j])) {
				/* 0x1f, 0b01, or a name that starts with digits */
				for (j = i; j < n && identchar((unsigned char)s[j]); j++)
					;
				kind = TK_WORD;
				if (c == '0' && (s[i + 1] == 'x' || s[i + 1] == 'b'))
					kind = TK_BITS;
			}
			k = push_tok(p, kind, i, j);
		} else if (identchar(c)) {
			for (j = i; j < n && identchar((unsigned char)s[j]); j++)
				;
			k = push_tok(p, TK_WORD, i, j);
		} else {
			j = i + 1;
			k = push_tok(p, TK_PUNCT, i, j);
		}
		if (!k)
			return -1;
		if (!k->v && !(k->v = arena_strndup(p->r->a, s + i, j - i)))
			return nomem(p);
		p->lpos = j;
		max--;
	}
	return 0;
}

/* ---- the parser's primitives */

static const struct tok *cur(const struct myp *p)
{
	return &p->t[p->i < p->nt ? p->i : p->nt - 1];
}

static const struct tok *ahead(const struct myp *p, size_t k)
{
	return &p->t[p->i + k < p->nt ? p->i + k : p->nt - 1];
}

static int is_kw(const struct tok *k, const char *w)
{
	return k->kind == TK_WORD && strcasecmp(k->v, w) == 0;
}

static int is_punct(const struct myp *p, const struct tok *k, char c)
{
	return k->kind == TK_PUNCT && p->s[k->off] == c;
}

static int accept(struct myp *p, const char *w)
{
	if (!is_kw(cur(p), w))
		return 0;
	p->i++;
	return 1;
}

static int accept_p(struct myp *p, char c)
{
	if (!is_punct(p, cur(p), c))
		return 0;
	p->i++;
	return 1;
}

/* The statement ends here (its ';' or the end of its text). */
static int at_end(const struct myp *p)
{
	return cur(p)->kind == TK_END || is_punct(p, cur(p), ';');
}

static const char *shown(const struct myp *p, const struct tok *k, char *buf, size_t n)
{
	if (k->kind == TK_END || (k->kind == TK_PUNCT && p->s[k->off] == ';'))
		return "the end of the statement";
	snprintf(buf, n, "'%.*s'", (int)(k->end - k->off > 40 ? 40 : k->end - k->off),
		 p->s + k->off);
	return buf;
}

static int unexpected(struct myp *p)
{
	char b[64];

	return fail(p, cur(p), "unexpected %s in %s", shown(p, cur(p), b, sizeof(b)), p->what);
}

/* Where a clause was due and the current token starts none we know: name it, refuse. */
static int clause(struct myp *p)
{
	char what[256];

	if (cur(p)->kind != TK_WORD)
		return unexpected(p);
	snprintf(what, sizeof(what), "'%s' in %s", cur(p)->v, p->what);
	return refuse(p, cur(p), what);
}

static int expect(struct myp *p, const char *w)
{
	char b[64];

	if (accept(p, w))
		return 0;
	return fail(p, cur(p), "expected %s, found %s in %s", w, shown(p, cur(p), b, sizeof(b)),
		    p->what);
}

static int expect_p(struct myp *p, char c)
{
	char b[64];

	if (accept_p(p, c))
		return 0;
	return fail(p, cur(p), "expected '%c', found %s in %s", c, shown(p, cur(p), b, sizeof(b)),
		    p->what);
}

/* The statement is over: only its ';' may follow. */
static int end_of(struct myp *p)
{
	accept_p(p, ';');
	if (cur(p)->kind != TK_END)
		return at_end(p) ? unexpected(p) : clause(p);
	return 0;
}

static int is_name(const struct tok *k)
{
	return k->kind == TK_IDENT || k->kind == TK_WORD;
}

static int get_name(struct myp *p, const char **out, const char *what)
{
	char b[64];

	if (!is_name(cur(p)))
		return fail(p, cur(p), "expected %s, found %s in %s", what,
			    shown(p, cur(p), b, sizeof(b)), p->what);
	*out = cur(p)->v;
	p->i++;
	return 0;
}

/* [schema.]name */
static int qname(struct myp *p, const char **schema, const char **out, const char *what)
{
	*schema = NULL;
	if (get_name(p, out, what))
		return -1;
	if (accept_p(p, '.')) {
		*schema = *out;
		return get_name(p, out, what);
	}
	return 0;
}

static int get_string(struct myp *p, const char **out, const char *what)
{
	char b[64];

	if (cur(p)->kind != TK_STR)
		return fail(p, cur(p), "expected %s (a quoted string), found %s in %s", what,
			    shown(p, cur(p), b, sizeof(b)), p->what);
	*out = cur(p)->v;
	p->i++;
	return 0;
}

/* A charset or collation name, lower-cased as the server stores it. */
static int lower_name(struct myp *p, const char **out, const char *what)
{
	char *v;

	if (cur(p)->kind == TK_STR)
		v = arena_strdup(p->r->a, cur(p)->v), p->i++;
	else if (get_name(p, out, what))
		return -1;
	else
		v = arena_strdup(p->r->a, *out);
	if (!v)
		return nomem(p);
	for (char *c = v; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	*out = v;
	return 0;
}

/* The source text from the start of token a to the end of token b, trimmed. */
static const char *text_of(struct myp *p, size_t a, size_t b)
{
	while (a < b && isspace((unsigned char)p->s[a]))
		a++;
	while (b > a && isspace((unsigned char)p->s[b - 1]))
		b--;
	return arena_strndup(p->r->a, p->s + a, b - a);
}

/*
 * A parenthesised group at the current token, as written: with its parentheses ("(a > 0)")
 * when keep is set, else only what is inside them.
 */
static int group(struct myp *p, int keep, const char **out)
{
	size_t open = p->i, k = p->i;
	int depth = 0;

	if (!is_punct(p, cur(p), '('))
		return expect_p(p, '(');
	for (; k < p->nt && p->t[k].kind != TK_END; k++) {
		if (is_punct(p, &p->t[k], '('))
			depth++;
		else if (is_punct(p, &p->t[k], ')') && --depth == 0)
			break;
	}
	if (depth)
		return fail(p, &p->t[open], "unclosed '(' in %s", p->what);
	*out = keep ? text_of(p, p->t[open].off, p->t[k].end)
		    : text_of(p, p->t[open].end, p->t[k].off);
	if (!*out)
		return nomem(p);
	p->i = k + 1;
	return 0;
}

/* The token just past the element that starts at token k: its ',' or the closing ')'. */
static size_t element_end(const struct myp *p, size_t k)
{
	int depth = 0;

	for (; k < p->nt && p->t[k].kind != TK_END; k++) {
		if (is_punct(p, &p->t[k], '('))
			depth++;
		else if (is_punct(p, &p->t[k], ')') && depth-- == 0)
			break;
		else if (is_punct(p, &p->t[k], ',') && depth == 0)
			break;
	}
	return k;
}

static int names_add(struct myp *p, struct names *v, const char *s)
{
	const char **slot = arena_push(p->r->a, (void **)&v->v, &v->n, &v->cap, sizeof(*slot));

	if (!slot)
		return nomem(p);
	*slot = s;
	return 0;
}

static int names_has(const struct names *v, const char *s)
{
	for (size_t i = 0; s && i < v->n; i++)
		if (strcasecmp(v->v[i], s) == 0)
			return 1;
	return 0;
}

/* ---- the model, as the server looks things up (column and index names ignore case) */

static struct schema_column *col_find(struct schema_table *t, const char *name)
{
	for (size_t i = 0; i < t->ncolumns; i++)
		if (strcasecmp(t->columns[i].name, name) == 0)
			return &t->columns[i];
	return NULL;
}

static struct schema_index *ix_find(struct schema_table *t, const char *name)
{
	for (size_t i = 0; i < t->nindexes; i++)
		if (t->indexes[i].name && strcasecmp(t->indexes[i].name, name) == 0)
			return &t->indexes[i];
	return NULL;
}

static struct schema_fk *fk_find(struct schema_table *t, const char *name)
{
	for (size_t i = 0; i < t->nfks; i++)
		if (t->fks[i].name && strcasecmp(t->fks[i].name, name) == 0)
			return &t->fks[i];
	return NULL;
}

static struct schema_check *check_find(struct schema_table *t, const char *name)
{
	for (size_t i = 0; i < t->nchecks; i++)
		if (t->checks[i].name && strcasecmp(t->checks[i].name, name) == 0)
			return &t->checks[i];
	return NULL;
}

static struct schema_schema *schema_named(struct myp *p, const char *name)
{
	struct schema_schema *s = replay_schema(p->r, name ? name : p->r->schema);

	if (!s)
		fail(p, cur(p), "database '%s' does not exist", name ? name : p->r->schema);
	return s;
}

static struct schema_table *table_named(struct myp *p, struct schema_schema *s, const char *name)
{
	struct schema_table *t = replay_table(s, name);

	if (!t)
		fail(p, cur(p), "table '%s' does not exist", name);
	return t;
}

static int is_text(const struct schema_column *c)
{
	return strcmp(c->type.kind, "string") == 0 || strcmp(c->type.kind, "enum") == 0 ||
	       strcmp(c->type.kind, "set") == 0;
}

/* Does the expression text e name column col (a word or `name`, not inside a string)? */
static int expr_uses(const char *e, const char *col)
{
	size_t cl = strlen(col);

	for (const char *q = e; *q;) {
		if (*q == '\'' || *q == '"') {
			char quote = *q++;

			for (; *q && *q != quote; q++)
				if (*q == '\\' && q[1])
					q++;
			q += *q != '\0';
		} else if (*q == '`') {
			const char *end = strchr(q + 1, '`');

			if (!end)
				return 0;
			if ((size_t)(end - q - 1) == cl && strncasecmp(q + 1, col, cl) == 0)
				return 1;
			q = end + 1;
		} else if (identchar((unsigned char)*q)) {
			const char *w = q;

			while (identchar((unsigned char)*q))
				q++;
			if ((size_t)(q - w) == cl && strncasecmp(w, col, cl) == 0)
				return 1;
		} else {
			q++;
		}
	}
	return 0;
}

/*
 * An expression of t that names column col (a check, a generated column, a default, an
 * index part), described in buf; NULL when none does. Dropping or renaming the column
 * under it is refused: MySQL 8 refuses most of these, MariaDB differs.
 */
static const char *expr_user(struct schema_table *t, const char *col, char *buf, size_t n)
{
	for (size_t i = 0; i < t->nchecks; i++)
		if (expr_uses(t->checks[i].expr, col)) {
			if (t->checks[i].name)
				snprintf(buf, n, "check '%s'", t->checks[i].name);
			else
				snprintf(buf, n, "the check %.60s", t->checks[i].expr);
			return buf;
		}
	for (size_t i = 0; i < t->ncolumns; i++) {
		const struct schema_column *c = &t->columns[i];

		if (strcasecmp(c->name, col) == 0)
			continue;
		if ((c->generated_expr && expr_uses(c->generated_expr, col)) ||
		    (c->default_kind == SCHEMA_DEFAULT_EXPR && expr_uses(c->default_value, col))) {
			snprintf(buf, n, "column '%s'", c->name);
			return buf;
		}
	}
	for (size_t i = 0; i < t->nindexes; i++)
		for (size_t k = 0; k < t->indexes[i].nparts; k++)
			if (t->indexes[i].parts[k].expr &&
			    expr_uses(t->indexes[i].parts[k].expr, col)) {
				snprintf(buf, n, "index '%s'", t->indexes[i].name);
				return buf;
			}
	return NULL;
}

/* name, or name_2, name_3...: the first that no index of t has, as the server numbers them. */
static const char *free_index_name(struct myp *p, struct schema_table *t, const char *base)
{
	const char *v = base;

	for (int k = 2; v && (ix_find(t, v) || strcasecmp(v, "PRIMARY") == 0); k++)
		v = arena_printf(p->r->a, "%s_%d", base, k);
	if (!v)
		nomem(p);
	return v;
}

/* ---- types, defaults, columns */

/* MySQL spellings of one type under another name. */
static const char *type_alias(const char *w)
{
	static const char *const alias[][2] = {
		{ "int1", "tinyint" },	{ "int2", "smallint" }, { "int3", "mediumint" },
		{ "int4", "int" },	{ "int8", "bigint" },	{ "middleint", "mediumint" },
		{ "dec", "decimal" },	{ "fixed", "decimal" }, { "float4", "float" },
		{ "float8", "double" }, { "integer", "int" },	{ "numeric", "decimal" },
		{ "boolean", "bool" },
	};

	for (size_t i = 0; i < sizeof(alias) / sizeof(alias[0]); i++)
		if (strcmp(w, alias[i][0]) == 0)
			return alias[i][1];
	return w;
}

/*
 * The column's type: its text in lower case with the arguments as the server reads them
 * ("varchar(255)", "decimal(26,10)", "enum('a','b')"), converted as Atlas normalises it;
 * UNSIGNED and ZEROFILL (which implies it) go to is_unsigned.
 */
static int type_def(struct myp *p, struct schema_column *c)
{
	const struct tok *at = cur(p);
	struct buf b;
	struct hcl_value v;
	char w[64], msg[sizeof(p->d->msg)];
	int uns = 0, is_enum, rc;

	if (at->kind != TK_WORD || strlen(at->v) >= sizeof(w))
		return fail(p, at, "expected the type of column '%s' in %s", c->name, p->what);
	for (size_t i = 0; i <= strlen(at->v); i++)
		w[i] = (char)tolower((unsigned char)at->v[i]);
	p->i++;
	if (strcmp(w, "double") == 0) {
		accept(p, "PRECISION");
	} else if (strcmp(w, "character") == 0 || strcmp(w, "char") == 0) {
		snprintf(w, sizeof(w), "%s", accept(p, "VARYING") ? "varchar" : "char");
	} else if (strcmp(w, "long") == 0) {
		snprintf(w, sizeof(w), "%s", accept(p, "VARBINARY") ? "mediumblob" : "mediumtext");
		accept(p, "VARCHAR");
	} else if (strcmp(w, "national") == 0 || strcmp(w, "nchar") == 0 ||
		   strcmp(w, "nvarchar") == 0 || strcmp(w, "serial") == 0) {
		char what[160];

		snprintf(what, sizeof(what), "the type '%s' (column '%s')", at->v, c->name);
		return refuse(p, at, what);
	}
	if (type_alias(w) != w)
		snprintf(w, sizeof(w), "%s", type_alias(w));
	is_enum = strcmp(w, "enum") == 0 || strcmp(w, "set") == 0;
	buf_init(&b, 1u << 20);
	rc = buf_adds(&b, w, p->d);
	if (!rc && accept_p(p, '(')) {
		rc = buf_adds(&b, "(", p->d);
		for (int first = 1; !rc; first = 0) {
			if (!first && accept_p(p, ')'))
				break;
			if (!first && (rc = expect_p(p, ',')))
				break;
			rc = buf_adds(&b, first ? "" : ",", p->d);
			if (rc)
				break;
			if (is_enum) {
				const char *val;

				if ((rc = get_string(p, &val, "a value")))
					break;
				/* quoted again for parse_raw: '' and \\ inside */
				rc = buf_adds(&b, "'", p->d);
				for (const char *q = val; !rc && *q; q++)
					rc = *q == '\''	  ? buf_adds(&b, "''", p->d)
					     : *q == '\\' ? buf_adds(&b, "\\\\", p->d)
							  : buf_add(&b, q, 1, p->d);
				rc = rc || buf_adds(&b, "'", p->d);
			} else if (cur(p)->kind == TK_NUM) {
				rc = buf_adds(&b, cur(p)->v, p->d);
				p->i++;
			} else {
				rc = unexpected(p);
			}
		}
		rc = rc || buf_adds(&b, ")", p->d);
	}
	for (; !rc;) {
		if (accept(p, "UNSIGNED") || accept(p, "ZEROFILL"))
			uns = 1;
		else if (!accept(p, "SIGNED"))
			break;
	}
	if (rc) {
		buf_release(&b);
		return -1;
	}
	memset(&v, 0, sizeof(v));
	v.kind = HV_RAW;
	v.s = arena_strndup(p->r->a, b.data, b.len);
	v.slen = b.len;
	buf_release(&b);
	if (!v.s)
		return nomem(p);
	if (schema_type_from_hcl(p->r->a, SCHEMA_MYSQL, NULL, &v, uns, &c->type, p->d)) {
		snprintf(msg, sizeof(msg), "%s", p->d->msg);
		return fail(p, at, "column '%s': %s", c->name, msg);
	}
	c->type.raw = 0;
	return 0;
}

/*
 * CURRENT_TIMESTAMP and its synonyms (NOW(), LOCALTIME, LOCALTIMESTAMP), as the server
 * reports them: "CURRENT_TIMESTAMP", or "CURRENT_TIMESTAMP(3)" with a precision.
 * Returns 1 when the current token starts none of them.
 */
static int now_func(struct myp *p, const char **out)
{
	const struct tok *at = cur(p);
	int call = 0;
	long prec = 0;

	if (!is_kw(at, "CURRENT_TIMESTAMP") && !is_kw(at, "NOW") && !is_kw(at, "LOCALTIME") &&
	    !is_kw(at, "LOCALTIMESTAMP"))
		return 1;
	p->i++;
	if (accept_p(p, '(')) {
		call = 1;
		if (cur(p)->kind == TK_NUM) {
			prec = strtol(cur(p)->v, NULL, 10);
			p->i++;
		}
		if (expect_p(p, ')'))
			return -1;
	}
	if (is_kw(at, "NOW") && !call)
		return fail(p, at, "NOW needs parentheses: NOW()");
	*out = prec > 0 ? arena_printf(p->r->a, "CURRENT_TIMESTAMP(%ld)", prec)
			: "CURRENT_TIMESTAMP";
	return *out ? 0 : nomem(p);
}

/*
 * The bytes of a hex or bit literal as written: 0x6162, x'6162', 0b01100001, b'01100001'
 * -> "ab" (*n = 2); bits and odd hex digits are grouped from the right. -1 when it is
 * none of those or longer than 64 bytes.
 */
static int literal_bytes(const char *w, unsigned char *out, size_t *n)
{
	int hex = w[0] == 'x' || w[0] == 'X' || (w[0] == '0' && (w[1] == 'x' || w[1] == 'X'));
	const char *q = w + 2, *end; /* past 0x, 0b, x' or b' */
	size_t digits, per = hex ? 2 : 8;

	end = w[0] == '0' ? q + strlen(q) : strchr(q, '\'');
	if (!end)
		return -1;
	digits = (size_t)(end - q);
	*n = hex ? (digits + 1) / 2 : (digits + 7) / 8;
	if (*n > 64)
		return -1;
	memset(out, 0, *n);
	for (size_t i = 0; i < digits; i++) {
		/* digit i from the right goes to byte n-1-(i/per) */
		char c = q[digits - 1 - i];
		unsigned v;

		if (hex && isxdigit((unsigned char)c))
			v = (unsigned)(isdigit((unsigned char)c)
					       ? c - '0'
					       : tolower((unsigned char)c) - 'a' + 10);
		else if (!hex && (c == '0' || c == '1'))
			v = (unsigned)(c - '0');
		else
			return -1;
		out[*n - 1 - i / per] |= (unsigned char)(v << (hex ? 4 * (i % 2) : i % 8));
	}
	return 0;
}

/*
 * A default the server stores converted to the column's type: a bit column keeps b'101'
 * (from b'0101', 0x5 or 5); a hex or bit literal is a number on a number column and a
 * string on a string one. Returns 1 when the column's kind keeps it as it is.
 */
static int typed_default(struct myp *p, struct schema_column *c, const struct tok *k)
{
	unsigned char b[64];
	unsigned long long v = 0;
	size_t n = 0;
	char bits[70], *o = bits + sizeof(bits) - 2;
	int number = strcmp(c->type.kind, "integer") == 0 || strcmp(c->type.kind, "decimal") == 0 ||
		     strcmp(c->type.kind, "float") == 0 || strcmp(c->type.kind, "bool") == 0;

	if (k->kind == TK_BITS) {
		if (literal_bytes(k->v, b, &n))
			return fail(p, k, "malformed literal %s", k->v);
	} else if (k->kind != TK_NUM || strcmp(c->type.kind, "bit") != 0 ||
		   strspn(k->v, "0123456789") != strlen(k->v)) {
		return 1;
	}
	if (strcmp(c->type.kind, "string") == 0 || strcmp(c->type.kind, "binary") == 0) {
		if (memchr(b, '\0', n))
			return refuse(p, k, "a default with a NUL byte");
		c->default_kind = SCHEMA_DEFAULT_LITERAL;
		c->default_value = arena_strndup(p->r->a, (const char *)b, n);
		return c->default_value ? 0 : nomem(p);
	}
	if (strcmp(c->type.kind, "bit") != 0 && !number)
		return 1;
	if (k->kind == TK_NUM) {
		v = strtoull(k->v, NULL, 10);
	} else {
		for (size_t i = 0; i < n; i++) {
			if (v >> 56)
				return fail(p, k, "literal %s is out of range", k->v);
			v = v << 8 | b[i];
		}
	}
	if (number) {
		c->default_kind = SCHEMA_DEFAULT_LITERAL;
		c->default_value = arena_printf(p->r->a, "%llu", v);
		return c->default_value ? 0 : nomem(p);
	}
	o[1] = '\0';
	*o = '0';
	for (unsigned long long x = v; x; x >>= 1)
		*o-- = (char)('0' + (x & 1));
	c->default_kind = SCHEMA_DEFAULT_EXPR;
	c->default_value = arena_printf(p->r->a, "b'%s'", v ? o + 1 : o);
	return c->default_value ? 0 : nomem(p);
}

/*
 * DEFAULT's value: a quoted string is a literal holding its value; a number or TRUE/FALSE
 * a literal as written; CURRENT_TIMESTAMP, (expr) an expression; b'..', 0x.. as the column's
 * type keeps them (typed_default); NULL no default.
 */
static int default_value(struct myp *p, struct schema_column *c)
{
	const struct tok *k = cur(p);
	int rc;

	c->default_kind = SCHEMA_DEFAULT_NONE;
	c->default_value = NULL;
	if (k->kind == TK_STR) {
		/* A literal joins the strings that follow it: 'a' 'b' is 'ab'. */
		c->default_kind = SCHEMA_DEFAULT_LITERAL;
		c->default_value = k->v;
		for (p->i++; cur(p)->kind == TK_STR; p->i++)
			if (!(c->default_value =
				      arena_printf(p->r->a, "%s%s", c->default_value, cur(p)->v)))
				return nomem(p);
		return 0;
	}
	if ((is_punct(p, k, '-') || is_punct(p, k, '+')) && ahead(p, 1)->kind == TK_NUM) {
		c->default_kind = SCHEMA_DEFAULT_LITERAL;
		c->default_value = is_punct(p, k, '-')
					   ? arena_printf(p->r->a, "-%s", ahead(p, 1)->v)
					   : ahead(p, 1)->v;
		p->i += 2;
		return c->default_value ? 0 : nomem(p);
	}
	if ((k->kind == TK_NUM || k->kind == TK_BITS) && (rc = typed_default(p, c, k)) != 1) {
		p->i++;
		return rc;
	}
	if (k->kind == TK_NUM || is_kw(k, "TRUE") || is_kw(k, "FALSE")) {
		c->default_kind = SCHEMA_DEFAULT_LITERAL;
		c->default_value = k->v;
		p->i++;
		return 0;
	}
	if (k->kind == TK_BITS) {
		c->default_kind = SCHEMA_DEFAULT_EXPR;
		c->default_value = k->v;
		p->i++;
		return 0;
	}
	if (accept(p, "NULL"))
		return 0;
	if (is_punct(p, k, '(')) {
		c->default_kind = SCHEMA_DEFAULT_EXPR;
		return group(p, 1, &c->default_value);
	}
	rc = now_func(p, &c->default_value);
	if (rc == 0)
		c->default_kind = SCHEMA_DEFAULT_EXPR;
	return rc == 1 ? unexpected(p) : rc;
}

/* CHECK (expr) [[NOT] ENFORCED], at CHECK. */
static int check_clause(struct myp *p, const char **expr, int *enforced)
{
	p->i++;
	if (group(p, 1, expr))
		return -1;
	*enforced = -1;
	if (accept(p, "ENFORCED"))
		*enforced = 1;
	else if (is_kw(cur(p), "NOT") && is_kw(ahead(p, 1), "ENFORCED"))
		*enforced = 0, p->i += 2;
	return 0;
}

/* name type [attributes]: stops before ',', ')', FIRST or AFTER. */
static int column_def(struct myp *p, struct coldef *cd)
{
	struct schema_column *c = &cd->c;

	memset(cd, 0, sizeof(*cd));
	if (get_name(p, &c->name, "a column name"))
		return -1;
	c->nullable = 1;
	if (type_def(p, c))
		return -1;
	for (;;) {
		const struct tok *k = cur(p);

		if (at_end(p) || is_punct(p, k, ',') || is_punct(p, k, ')') || is_kw(k, "FIRST") ||
		    is_kw(k, "AFTER"))
			return 0;
		if (is_kw(k, "NOT") && is_kw(ahead(p, 1), "NULL")) {
			c->nullable = 0;
			p->i += 2;
		} else if (accept(p, "NULL")) {
			c->nullable = 1;
		} else if (accept(p, "DEFAULT")) {
			if (default_value(p, c))
				return -1;
		} else if (is_kw(k, "ON") && is_kw(ahead(p, 1), "UPDATE")) {
			int rc;

			p->i += 2;
			rc = now_func(p, &c->on_update);
			if (rc)
				return rc == 1 ? unexpected(p) : -1;
		} else if (accept(p, "AUTO_INCREMENT")) {
			c->auto_increment = 1;
		} else if (accept(p, "COMMENT")) {
			if (get_string(p, &c->comment, "a comment"))
				return -1;
			if (!c->comment[0])
				c->comment = NULL; /* the server keeps '' as no comment */
		} else if (accept(p, "PRIMARY")) {
			if (expect(p, "KEY"))
				return -1;
			cd->pk = 1;
		} else if (accept(p, "KEY")) {
			cd->pk = 1; /* KEY alone on a column means PRIMARY KEY */
		} else if (accept(p, "UNIQUE")) {
			accept(p, "KEY");
			cd->unique = 1;
		} else if (accept(p, "CHARSET") ||
			   (is_kw(k, "CHARACTER") && is_kw(ahead(p, 1), "SET") && (p->i += 2))) {
			if (lower_name(p, &c->charset, "a charset"))
				return -1;
		} else if (accept(p, "COLLATE")) {
			if (lower_name(p, &c->collate, "a collation"))
				return -1;
		} else if (accept(p, "GENERATED") || is_kw(k, "AS")) {
			if (!is_kw(k, "AS") && expect(p, "ALWAYS"))
				return -1;
			if (expect(p, "AS") || group(p, 0, &c->generated_expr))
				return -1;
			c->generated_type = "VIRTUAL";
			if (accept(p, "STORED") || accept(p, "PERSISTENT"))
				c->generated_type = "STORED";
			else
				accept(p, "VIRTUAL");
		} else if (is_kw(k, "CHECK") || is_kw(k, "CONSTRAINT")) {
			size_t i = cd->ncheck;

			if (i == sizeof(cd->check) / sizeof(cd->check[0]))
				return fail(p, k, "too many checks on column '%s'", c->name);
			if (accept(p, "CONSTRAINT") && !is_kw(cur(p), "CHECK") &&
			    get_name(p, &cd->check[i].name, "a constraint name"))
				return -1;
			if (!is_kw(cur(p), "CHECK"))
				return clause(p);
			if (check_clause(p, &cd->check[i].expr, &cd->check[i].enforced))
				return -1;
			cd->ncheck++;
		} else if (accept(p, "VISIBLE")) {
			/* the default */
		} else if (is_kw(k, "REFERENCES")) {
			char what[200];

			/* MySQL ignores it, MariaDB makes a foreign key of it. */
			snprintf(what, sizeof(what), "a REFERENCES clause on column '%s'", c->name);
			return refuse(p, k, what);
		} else {
			return clause(p);
		}
	}
}

/* ---- keys and constraints */

/* (name, ...) of columns of t (canonical names), or of a table the model may not hold. */
static int name_list(struct myp *p, struct schema_table *t, const char ***out, size_t *n)
{
	size_t cap = 0;

	*out = NULL;
	*n = 0;
	if (expect_p(p, '('))
		return -1;
	do {
		const char **slot = arena_push(p->r->a, (void **)out, n, &cap, sizeof(*slot));
		struct schema_column *c;

		if (!slot)
			return nomem(p);
		if (get_name(p, slot, "a column name"))
			return -1;
		c = t ? col_find(t, *slot) : NULL;
		if (t && !c && t->ncolumns)
			return fail(p, cur(p), "key column '%s' does not exist in table '%s'",
				    *slot, t->name);
		if (c)
			*slot = c->name;
	} while (accept_p(p, ','));
	return expect_p(p, ')');
}

/* (part, ...): `col`, `col`(N), (expr), each with ASC or DESC. */
static int key_parts(struct myp *p, struct schema_table *t, struct schema_part **out, size_t *n)
{
	size_t cap = 0;

	*out = NULL;
	*n = 0;
	if (expect_p(p, '('))
		return -1;
	do {
		struct schema_part *pt = arena_push(p->r->a, (void **)out, n, &cap, sizeof(*pt));
		struct schema_column *c;
		const char *col;

		if (!pt)
			return nomem(p);
		if (is_punct(p, cur(p), '(')) {
			if (group(p, 0, &pt->expr))
				return -1;
		} else {
			if (get_name(p, &col, "a column name"))
				return -1;
			c = col_find(t, col);
			if (!c)
				return fail(p, cur(p),
					    "key column '%s' does not exist in table '%s'", col,
					    t->name);
			pt->column = c->name;
			if (is_punct(p, cur(p), '(') && ahead(p, 1)->kind == TK_NUM &&
			    is_punct(p, ahead(p, 2), ')')) {
				pt->prefix = strtol(ahead(p, 1)->v, NULL, 10);
				p->i += 3;
			}
		}
		if (!accept(p, "ASC") && accept(p, "DESC"))
			pt->desc = 1;
	} while (accept_p(p, ','));
	return expect_p(p, ')');
}

/* USING BTREE|HASH: HASH is kept as said (InnoDB builds a BTREE anyway, Atlas keeps it). */
static int index_using(struct myp *p, struct schema_index *ix)
{
	if (accept(p, "BTREE"))
		return 0;
	if (accept(p, "HASH")) {
		if (!ix->type)
			ix->type = "HASH";
		return 0;
	}
	return clause(p);
}

/* Index options after the parts: USING, COMMENT, WITH PARSER, VISIBLE. */
static int index_options(struct myp *p, struct schema_index *ix)
{
	for (;;) {
		if (accept(p, "USING")) {
			if (index_using(p, ix))
				return -1;
		} else if (accept(p, "COMMENT")) {
			if (get_string(p, &ix->comment, "a comment"))
				return -1;
			if (!ix->comment[0])
				ix->comment = NULL;
		} else if (is_kw(cur(p), "WITH") && is_kw(ahead(p, 1), "PARSER")) {
			p->i += 2;
			if (get_name(p, &ix->parser, "a parser name"))
				return -1;
		} else if (!accept(p, "VISIBLE")) {
			return 0;
		}
	}
}

static int set_primary_key(struct myp *p, struct alter *a, struct schema_part *parts, size_t n,
			   const struct tok *at)
{
	struct schema_table *t = a->t;

	if (t->pk)
		return fail(p, at, "table '%s' has a primary key already", t->name);
	t->pk = arena_alloc(p->r->a, sizeof(*t->pk));
	if (!t->pk)
		return nomem(p);
	t->pk->parts = parts;
	t->pk->nparts = n;
	t->pk->nulls_distinct = 1;
	return names_add(p, &a->added, "PRIMARY");
}

static struct schema_index *add_index(struct myp *p, struct alter *a, const char *name,
				      const struct tok *at)
{
	struct schema_index *ix;

	if (ix_find(a->t, name) || strcasecmp(name, "PRIMARY") == 0) {
		fail(p, at, "duplicate key name '%s' in table '%s'", name, a->t->name);
		return NULL;
	}
	ix = replay_add_index(p->r, p->st, a->t, name, p->d);
	if (!ix || names_add(p, &a->added, ix->name)) {
		p->failed = 1;
		return NULL;
	}
	return ix;
}

/* The name the server gives a foreign key without one: tbl_ibfk_N, N past the highest. */
static const char *fk_auto_name(struct myp *p, struct schema_table *t)
{
	size_t len = strlen(t->name);
	long max = 0;
	const char *v;

	for (size_t i = 0; i < t->nfks; i++) {
		const char *nm = t->fks[i].name;
		char *end;
		long k;

		if (!nm || strncmp(nm, t->name, len) != 0 || strncmp(nm + len, "_ibfk_", 6) != 0)
			continue;
		k = strtol(nm + len + 6, &end, 10);
		if (*end == '\0' && k > max)
			max = k;
	}
	v = arena_printf(p->r->a, "%s_ibfk_%ld", t->name, max + 1);
	if (!v)
		nomem(p);
	return v;
}

static const char *fk_action(struct myp *p)
{
	if (accept(p, "RESTRICT"))
		return "RESTRICT";
	if (accept(p, "CASCADE"))
		return "CASCADE";
	if (is_kw(cur(p), "SET") && is_kw(ahead(p, 1), "NULL"))
		return p->i += 2, "SET NULL";
	if (is_kw(cur(p), "SET") && is_kw(ahead(p, 1), "DEFAULT"))
		return p->i += 2, "SET DEFAULT";
	if (is_kw(cur(p), "NO") && is_kw(ahead(p, 1), "ACTION"))
		return p->i += 2, "NO ACTION";
	unexpected(p);
	return NULL;
}

/* FOREIGN KEY (cols) REFERENCES [schema.]table (cols) [MATCH ..] [ON DELETE|UPDATE ..]. */
static int foreign_key(struct myp *p, struct alter *a, const char *sym)
{
	const struct tok *at = cur(p);
	struct schema_table *t = a->t, *parent;
	struct schema_schema *ps;
	struct schema_fk *fk;
	const char **cols, **refs, *rs, *rt;
	size_t n, nref;

	p->i++;
	if (expect(p, "KEY"))
		return -1;
	if (is_name(cur(p))) {
		/* The index name: MySQL 8 ignores it, MariaDB names the constraint after it. */
		if (!sym)
			return refuse(p, cur(p), "an index name in FOREIGN KEY without CONSTRAINT");
		p->i++;
	}
	if (name_list(p, t, &cols, &n) || expect(p, "REFERENCES") ||
	    qname(p, &rs, &rt, "the referenced table"))
		return -1;
	/* An unqualified parent is in the current database, as every unqualified name. */
	ps = replay_schema(p->r, rs ? rs : p->r->schema);
	parent = ps ? replay_table(ps, rt) : NULL;
	if (name_list(p, parent, &refs, &nref))
		return -1;
	if (nref != n)
		return fail(p, at, "foreign key of table '%s': %zu columns reference %zu", t->name,
			    n, nref);
	if (sym && fk_find(t, sym))
		return fail(p, at, "duplicate foreign key constraint name '%s'", sym);
	fk = replay_add_fk(p->r, t, p->d);
	if (!fk)
		return nomem(p);
	fk->name = sym ? sym : fk_auto_name(p, t);
	if (!fk->name || (!sym && names_add(p, &a->fk_auto, fk->name)))
		return -1;
	fk->columns = cols;
	fk->ncolumns = n;
	fk->ref_columns = refs;
	fk->ref_schema = rs ? rs : p->r->schema;
	fk->ref_table = rt;
	if (accept(p, "MATCH") && !accept(p, "FULL") && !accept(p, "PARTIAL") &&
	    !accept(p, "SIMPLE"))
		return unexpected(p);
	while (is_kw(cur(p), "ON")) {
		const char **slot;

		p->i++;
		if (accept(p, "DELETE"))
			slot = &fk->on_delete;
		else if (accept(p, "UPDATE"))
			slot = &fk->on_update;
		else
			return unexpected(p);
		if (!(*slot = fk_action(p)))
			return -1;
	}
	return 0;
}

/*
 * A key or constraint of CREATE TABLE or ALTER TABLE ADD, at CONSTRAINT, PRIMARY, UNIQUE,
 * INDEX, KEY, FULLTEXT, SPATIAL, FOREIGN or CHECK.
 */
static int key_element(struct myp *p, struct alter *a)
{
	const struct tok *at = cur(p);
	struct schema_table *t = a->t;
	const char *sym = NULL, *nm = NULL, *type = NULL;
	struct schema_index tmp;
	struct schema_index *ix;
	int unique = 0;

	if (accept(p, "CONSTRAINT") && !is_kw(cur(p), "PRIMARY") && !is_kw(cur(p), "UNIQUE") &&
	    !is_kw(cur(p), "FOREIGN") && !is_kw(cur(p), "CHECK") &&
	    get_name(p, &sym, "a constraint name"))
		return -1;
	if (is_kw(cur(p), "FOREIGN"))
		return foreign_key(p, a, sym);
	if (is_kw(cur(p), "CHECK")) {
		struct schema_check *ck;
		const char *expr;
		int enf;

		if (check_clause(p, &expr, &enf))
			return -1;
		if (sym && check_find(t, sym))
			return fail(p, at, "duplicate check constraint name '%s'", sym);
		ck = replay_add_check(p->r, t, p->d);
		if (!ck)
			return nomem(p);
		/* Unnamed checks stay unnamed: MySQL and MariaDB name them differently. */
		ck->name = sym;
		ck->expr = expr;
		ck->enforced = enf;
		return 0;
	}
	memset(&tmp, 0, sizeof(tmp));
	if (accept(p, "PRIMARY")) {
		if (expect(p, "KEY"))
			return -1;
		if (accept(p, "USING") && index_using(p, &tmp))
			return -1;
		if (key_parts(p, t, &tmp.parts, &tmp.nparts) || index_options(p, &tmp))
			return -1;
		if (set_primary_key(p, a, tmp.parts, tmp.nparts, at))
			return -1;
		t->pk->type = tmp.type;
		t->pk->comment = tmp.comment;
		return 0;
	}
	if (sym && !is_kw(cur(p), "UNIQUE"))
		return unexpected(p);
	if (accept(p, "UNIQUE")) {
		unique = 1;
		if (!accept(p, "INDEX"))
			accept(p, "KEY");
	} else if (accept(p, "FULLTEXT") || accept(p, "SPATIAL")) {
		type = is_kw(&p->t[p->i - 1], "FULLTEXT") ? "FULLTEXT" : "SPATIAL";
		if (!accept(p, "INDEX"))
			accept(p, "KEY");
	} else if (!accept(p, "INDEX") && !accept(p, "KEY")) {
		return clause(p);
	}
	if (is_kw(cur(p), "IF") && is_kw(ahead(p, 1), "NOT") && is_kw(ahead(p, 2), "EXISTS")) {
		p->i += 3;
		if (is_name(cur(p)) && ix_find(t, cur(p)->v)) {
			p->i = element_end(p, p->i);
			return 0;
		}
	}
	if (is_name(cur(p)) && !is_kw(cur(p), "USING"))
		nm = cur(p)->v, p->i++;
	tmp.type = type;
	if (accept(p, "USING") && index_using(p, &tmp))
		return -1;
	if (key_parts(p, t, &tmp.parts, &tmp.nparts) || index_options(p, &tmp))
		return -1;
	if (!nm)
		nm = sym;
	if (!nm) {
		if (!tmp.parts[0].column)
			return refuse(p, at, "an unnamed index on an expression");
		nm = free_index_name(p, t, tmp.parts[0].column);
		if (!nm)
			return -1;
	}
	ix = add_index(p, a, nm, at);
	if (!ix)
		return -1;
	ix->unique = unique;
	ix->type = tmp.type;
	ix->parts = tmp.parts;
	ix->nparts = tmp.nparts;
	ix->comment = tmp.comment;
	ix->parser = tmp.parser;
	return 0;
}

static int is_key_start(const struct tok *k)
{
	static const char *const w[] = { "CONSTRAINT", "PRIMARY", "UNIQUE",  "INDEX", "KEY",
					 "FULLTEXT",   "SPATIAL", "FOREIGN", "CHECK", NULL };

	for (const char *const *x = w; *x; x++)
		if (is_kw(k, *x))
			return 1;
	return 0;
}

/* The keys and checks said on a column, once it is in the table under name. */
static int column_keys(struct myp *p, struct alter *a, const struct coldef *cd, const char *name,
		       const struct tok *at)
{
	struct schema_table *t = a->t;

	if (cd->pk) {
		struct schema_part *pt = arena_alloc(p->r->a, sizeof(*pt));

		if (!pt)
			return nomem(p);
		pt->column = name;
		if (set_primary_key(p, a, pt, 1, at))
			return -1;
	}
	if (cd->unique) {
		const char *nm = free_index_name(p, t, name);
		struct schema_index *ix = nm ? add_index(p, a, nm, at) : NULL;

		if (!ix)
			return -1;
		ix->unique = 1;
		ix->parts = arena_alloc(p->r->a, sizeof(*ix->parts));
		if (!ix->parts)
			return nomem(p);
		ix->parts[0].column = name;
		ix->nparts = 1;
	}
	for (size_t i = 0; i < cd->ncheck; i++) {
		struct schema_check *ck;

		if (cd->check[i].name && check_find(t, cd->check[i].name))
			return fail(p, at, "duplicate check constraint name '%s'",
				    cd->check[i].name);
		ck = replay_add_check(p->r, t, p->d);
		if (!ck)
			return nomem(p);
		ck->name = cd->check[i].name;
		ck->expr = cd->check[i].expr;
		ck->enforced = cd->check[i].enforced;
	}
	return 0;
}

/* A new column: at the end, FIRST, or AFTER a column. */
static int add_column(struct myp *p, struct alter *a, struct coldef *cd, int first,
		      const char *after, const struct tok *at)
{
	struct schema_column *c;
	const char *nm = cd->c.name;

	if (col_find(a->t, nm))
		return fail(p, at, "duplicate column name '%s' in table '%s'", nm, a->t->name);
	if (after && !col_find(a->t, after))
		return fail(p, at, "unknown column '%s' in table '%s' (AFTER)", after, a->t->name);
	if (after)
		after = col_find(a->t, after)->name;
	c = replay_add_column(p->r, p->st, a->t, nm, after, first, p->d);
	if (!c) {
		p->failed = 1;
		return -1;
	}
	cd->c.name = c->name;
	cd->c.pos = c->pos;
	*c = cd->c;
	return names_add(p, &a->touched, c->name) || column_keys(p, a, cd, c->name, at);
}

/* ---- renames that other objects follow */

/* Expressions keep the text they were written with: a column they name keeps its name. */
static int renamable(struct myp *p, struct schema_table *t, const char *from, const char *to,
		     const struct tok *at)
{
	char user[160], what[256];

	if (strcasecmp(from, to) == 0 || !expr_user(t, from, user, sizeof(user)))
		return 0;
	snprintf(what, sizeof(what), "renaming column '%s' that %s of table '%s' uses", from, user,
		 t->name);
	return refuse(p, at, what);
}

/* Column from of table t (in schema s) is now to: in t's keys and in foreign keys to t. */
static void rename_column(struct myp *p, struct schema_schema *s, struct schema_table *t,
			  const char *from, const char *to)
{
	for (size_t i = 0; i < t->nindexes; i++)
		for (size_t k = 0; k < t->indexes[i].nparts; k++)
			if (t->indexes[i].parts[k].column &&
			    strcasecmp(t->indexes[i].parts[k].column, from) == 0)
				t->indexes[i].parts[k].column = to;
	for (size_t k = 0; t->pk && k < t->pk->nparts; k++)
		if (t->pk->parts[k].column && strcasecmp(t->pk->parts[k].column, from) == 0)
			t->pk->parts[k].column = to;
	for (size_t i = 0; i < t->nfks; i++)
		for (size_t k = 0; k < t->fks[i].ncolumns; k++)
			if (strcasecmp(t->fks[i].columns[k], from) == 0)
				t->fks[i].columns[k] = to;
	for (size_t si = 0; si < p->r->realm->nschemas; si++) {
		struct schema_schema *os = &p->r->realm->schemas[si];

		for (size_t ti = 0; ti < os->ntables; ti++)
			for (size_t i = 0; i < os->tables[ti].nfks; i++) {
				struct schema_fk *f = &os->tables[ti].fks[i];

				if (strcmp(f->ref_table, t->name) != 0 ||
				    strcmp(f->ref_schema, s->name) != 0)
					continue;
				for (size_t k = 0; k < f->ncolumns; k++)
					if (strcasecmp(f->ref_columns[k], from) == 0)
						f->ref_columns[k] = to;
			}
	}
}

static int made_for(const struct schema_fk *f, const struct schema_index *ix);

/*
 * The foreign keys of t the server named (from_ibfk_N) take the new table name, as MySQL
 * 8 and MariaDB rename them; an index made for one keeps its link (see made_for()).
 */
static int rename_auto_fks(struct myp *p, struct schema_table *t, const char *from, const char *to)
{
	size_t len = strlen(from);

	for (size_t i = 0; i < t->nfks; i++) {
		struct schema_fk *f = &t->fks[i];
		const char *nm = f->name, *ixname = NULL, *num;
		struct schema_index *ix = NULL;
		char *both;
		size_t l1, l2;

		if (!nm || strncmp(nm, from, len) != 0 || strncmp(nm + len, "_ibfk_", 6) != 0)
			continue;
		num = nm + len + 6;
		if (!*num || strspn(num, "0123456789") != strlen(num))
			continue;
		for (size_t k = 0; !ix && k < t->nindexes; k++)
			if (made_for(f, &t->indexes[k]))
				ix = &t->indexes[k];
		if (ix)
			ixname = ix->name;
		l1 = strlen(to) + 6 + strlen(num);
		l2 = ixname ? strlen(ixname) : 0;
		both = arena_alloc(p->r->a, l1 + l2 + 2);
		if (!both)
			return nomem(p);
		snprintf(both, l1 + 1, "%s_ibfk_%s", to, num);
		if (ix) {
			memcpy(both + l1 + 1, ixname, l2 + 1);
			ix->name = both + l1 + 1;
		}
		f->name = both;
	}
	return 0;
}

/* Table t of schema s becomes [ts.]to; foreign keys to it follow. Updates a->s and a->t. */
static int rename_table(struct myp *p, struct alter *a, const char *ts, const char *to,
			const struct tok *at)
{
	struct schema_schema *dst = schema_named(p, ts ? ts : a->s->name);
	const char *from = a->t->name, *from_schema = a->s->name;

	if (!dst)
		return -1;
	if (replay_table(dst, to))
		return fail(p, at, "table '%s' already exists", to);
	for (size_t si = 0; si < p->r->realm->nschemas; si++) {
		struct schema_schema *os = &p->r->realm->schemas[si];

		for (size_t ti = 0; ti < os->ntables; ti++)
			for (size_t i = 0; i < os->tables[ti].nfks; i++) {
				struct schema_fk *f = &os->tables[ti].fks[i];

				if (strcmp(f->ref_table, from) == 0 &&
				    strcmp(f->ref_schema, from_schema) == 0) {
					f->ref_table = to;
					f->ref_schema = dst->name;
				}
			}
	}
	if (rename_auto_fks(p, a->t, from, to))
		return -1;
	if (dst != a->s) {
		struct schema_table moved = *a->t, *nt;

		nt = replay_add_table(p->r, p->st, dst, to, p->d);
		if (!nt) {
			p->failed = 1;
			return -1;
		}
		moved.name = nt->name;
		*nt = moved;
		if (replay_drop_table(p->r, p->st, a->s, from, p->d)) {
			p->failed = 1;
			return -1;
		}
		a->s = dst;
		a->t = replay_table(dst, to);
		return 0;
	}
	a->t->name = to;
	return 0;
}

/* ---- the end of a statement: what the server does once every clause is applied */

/* Can index ix serve foreign key f: its first columns are f's, whole, in order? */
static int serves(const struct schema_index *ix, const struct schema_fk *f)
{
	if (!ix || ix->nparts < f->ncolumns ||
	    (ix->type && (strcmp(ix->type, "FULLTEXT") == 0 || strcmp(ix->type, "SPATIAL") == 0)))
		return 0;
	for (size_t k = 0; k < f->ncolumns; k++)
		if (!ix->parts[k].column || ix->parts[k].prefix ||
		    strcasecmp(ix->parts[k].column, f->columns[k]) != 0)
			return 0;
	return 1;
}

/*
 * The index the server made for foreign key f. The model has no flag for it, so implicit()
 * stores f's name as "fk\0index" and points the index's name at the second half: the link
 * survives renames of columns and moves of the arrays, and nothing else makes that pointer.
 */
static int made_for(const struct schema_fk *f, const struct schema_index *ix)
{
	return f->name && ix->name == f->name + strlen(f->name) + 1;
}

/* The index the server adds for a new foreign key no index can serve. */
static int implicit(struct myp *p, struct alter *a, struct schema_fk *f)
{
	struct schema_table *t = a->t;
	const char *nm =
		names_has(&a->fk_auto, f->name) ? free_index_name(p, t, f->columns[0]) : f->name;
	struct schema_index *ix;
	size_t l1 = strlen(f->name), l2;
	char *both;

	if (!nm)
		return -1;
	ix = add_index(p, a, nm, cur(p));
	if (!ix)
		return -1;
	l2 = strlen(nm);
	both = arena_alloc(p->r->a, l1 + l2 + 2);
	ix->parts = arena_alloc(p->r->a, f->ncolumns * sizeof(*ix->parts));
	if (!both || !ix->parts)
		return nomem(p);
	memcpy(both, f->name, l1 + 1);
	memcpy(both + l1 + 1, nm, l2 + 1);
	f->name = both;
	ix->name = both + l1 + 1;
	for (size_t k = 0; k < f->ncolumns; k++)
		ix->parts[k].column = f->columns[k];
	ix->nparts = f->ncolumns;
	return 0;
}

static int finish(struct myp *p, struct alter *a)
{
	struct schema_table *t = a->t;

	if (a->set_cs || a->set_co) {
		const char *cs = a->set_cs ? a->cs : NULL, *co = a->set_co ? a->co : NULL;
		int same = (cs ? a->cs0 && strcmp(cs, a->cs0) == 0 : !a->cs0) &&
			   (co ? a->co0 && strcmp(co, a->co0) == 0 : !a->co0);

		/* Columns that keep the table's charset keep the old one: pin it on them. */
		for (size_t i = 0; !same && i < t->ncolumns; i++) {
			struct schema_column *c = &t->columns[i];
			const char *us;

			if (!is_text(c) || c->charset || c->collate ||
			    names_has(&a->touched, c->name))
				continue;
			if (!a->cs0 && !a->co0) {
				char what[256];

				snprintf(what, sizeof(what),
					 "changing the charset of table '%s' while its column '%s' "
					 "keeps the server's default one (unknown offline)",
					 t->name, c->name);
				return refuse(p, NULL, what);
			}
			c->charset = a->cs0;
			c->collate = a->co0;
			if (!c->charset && (us = strchr(a->co0, '_')) &&
			    !(c->charset = arena_strndup(p->r->a, a->co0, (size_t)(us - a->co0))))
				return nomem(p);
		}
		t->charset = cs;
		t->collate = co;
	}
	if (t->nfks && t->engine && strcmp(t->engine, "InnoDB") != 0 &&
	    strcmp(t->engine, "NDB") != 0) {
		char what[160];

		snprintf(what, sizeof(what),
			 "foreign keys on table '%s' of engine '%s' (which ignores them)", t->name,
			 t->engine);
		return refuse(p, NULL, what);
	}
	for (size_t k = 0; t->pk && k < t->pk->nparts; k++) {
		struct schema_column *c =
			t->pk->parts[k].column ? col_find(t, t->pk->parts[k].column) : NULL;

		if (c)
			c->nullable = 0;
	}
	/* The counter belongs to an AUTO_INCREMENT column: without one the server forgets it. */
	for (size_t i = 0; t->auto_increment; i++) {
		if (i == t->ncolumns)
			t->auto_increment = 0;
		else if (t->columns[i].auto_increment)
			break;
	}
	for (size_t i = 0; i < t->nfks; i++) {
		struct schema_fk *f = &t->fks[i];
		int served = 0, by_new = 0;

		for (size_t k = 0; k < a->added.n; k++) {
			const char *nm = a->added.v[k];
			struct schema_index *ix =
				strcmp(nm, "PRIMARY") == 0 ? t->pk : ix_find(t, nm);

			by_new |= serves(ix, f) && !made_for(f, ix);
		}
		/* A new index that serves f replaces the one the server made for it. */
		for (size_t k = 0; by_new && k < t->nindexes; k++)
			if (made_for(f, &t->indexes[k])) {
				if (replay_drop_index(p->r, p->st, t, t->indexes[k].name, p->d)) {
					p->failed = 1;
					return -1;
				}
				break;
			}
		served = serves(t->pk, f);
		for (size_t k = 0; !served && k < t->nindexes; k++)
			served = serves(&t->indexes[k], f);
		if (served)
			continue;
		if (names_has(&a->fks0, f->name))
			return fail(
				p, NULL,
				"cannot drop the index of table '%s' that foreign key '%s' needs",
				t->name, f->name);
		if (implicit(p, a, f))
			return -1;
	}
	return 0;
}

/* The state of table t before a statement changes it. */
static int start(struct myp *p, struct alter *a, struct schema_schema *s, struct schema_table *t)
{
	memset(a, 0, sizeof(*a));
	a->s = s;
	a->t = t;
	a->cs0 = t->charset;
	a->co0 = t->collate;
	for (size_t i = 0; i < t->nfks; i++)
		if (t->fks[i].name && names_add(p, &a->fks0, t->fks[i].name))
			return -1;
	return 0;
}

/* ---- CREATE TABLE, table options */

static const char *engine_name(const char *w)
{
	static const char *const known[] = { "InnoDB", "MyISAM", "Memory", "CSV", "NDB", NULL };

	for (const char *const *k = known; *k; k++)
		if (strcasecmp(w, *k) == 0)
			return *k;
	return w;
}

/*
 * One table option at the current token: 1 when it was one, 0 when not, -1 on error.
 * Charset and collation are collected in a (finish() applies them); the others go to t.
 */
static int table_option(struct myp *p, struct alter *a)
{
	struct schema_table *t = a->t;
	size_t save = p->i;
	int dflt = accept(p, "DEFAULT");

	if (accept(p, "CHARSET") ||
	    (is_kw(cur(p), "CHARACTER") && is_kw(ahead(p, 1), "SET") && (p->i += 2))) {
		accept_p(p, '=');
		a->set_cs = 1;
		return lower_name(p, &a->cs, "a charset") ? -1 : 1;
	}
	if (accept(p, "COLLATE")) {
		accept_p(p, '=');
		a->set_co = 1;
		return lower_name(p, &a->co, "a collation") ? -1 : 1;
	}
	if (dflt) {
		p->i = save;
		return 0;
	}
	if (accept(p, "COMMENT")) {
		accept_p(p, '=');
		if (get_string(p, &t->comment, "a comment"))
			return -1;
		if (!t->comment[0])
			t->comment = NULL;
		return 1;
	}
	if (accept(p, "ENGINE")) {
		const char *e;

		accept_p(p, '=');
		if (get_name(p, &e, "an engine"))
			return -1;
		t->engine = engine_name(e);
		return 1;
	}
	if (accept(p, "AUTO_INCREMENT")) {
		long long v;

		accept_p(p, '=');
		if (cur(p)->kind != TK_NUM)
			return unexpected(p);
		v = strtoll(cur(p)->v, NULL, 10);
		t->auto_increment = v > 1 ? v : 0; /* 1 is where a counter starts anyway */
		p->i++;
		return 1;
	}
	return 0;
}

static int create_table(struct myp *p, int temporary)
{
	const struct tok *at = cur(p);
	struct schema_schema *s;
	struct schema_table *t;
	struct alter a;
	const char *sn, *tn;
	size_t open, close;
	int if_not = 0, rc;

	if (is_kw(cur(p), "IF") && is_kw(ahead(p, 1), "NOT") && is_kw(ahead(p, 2), "EXISTS"))
		if_not = 1, p->i += 3;
	if (qname(p, &sn, &tn, "a table name"))
		return -1;
	snprintf(p->what, sizeof(p->what), "CREATE TABLE '%s'", tn);
	if (!(s = schema_named(p, sn)))
		return -1;
	if (is_kw(cur(p), "LIKE") || (is_punct(p, cur(p), '(') && is_kw(ahead(p, 1), "LIKE")))
		return refuse(p, cur(p), "'CREATE TABLE ... LIKE'");
	if (temporary) {
		/* A temporary table leaves nothing behind, unless it hides a real one. */
		if (replay_table(s, tn))
			return refuse(p, at, "a temporary table that hides a table");
		return 0;
	}
	if (replay_table(s, tn)) {
		if (if_not)
			return 0;
		return fail(p, at, "table '%s' already exists", tn);
	}
	if (!is_punct(p, cur(p), '('))
		return is_kw(cur(p), "SELECT") || is_kw(cur(p), "AS")
			       ? refuse(p, cur(p), "'CREATE TABLE ... SELECT'")
			       : unexpected(p);
	t = replay_add_table(p->r, p->st, s, tn, p->d);
	if (!t || start(p, &a, s, t)) {
		p->failed = 1;
		return -1;
	}
	t->pos.line = p->st->line;
	open = p->i;
	/* Columns first, as the server reads them: keys may name a column declared later. */
	for (p->i = open + 1;;) {
		const struct tok *el = cur(p);

		if (is_key_start(el)) {
			p->i = element_end(p, p->i);
		} else {
			struct coldef cd;

			if (column_def(p, &cd) || add_column(p, &a, &cd, 0, NULL, el))
				return -1;
		}
		if (accept_p(p, ','))
			continue;
		if (is_punct(p, cur(p), ')'))
			break;
		return clause(p);
	}
	close = p->i;
	if (t->ncolumns == 0)
		return fail(p, at, "table '%s' must have at least one column", tn);
	for (p->i = open + 1; p->i < close;) {
		if (is_key_start(cur(p))) {
			if (key_element(p, &a))
				return -1;
			if (!is_punct(p, cur(p), ',') && !is_punct(p, cur(p), ')'))
				return clause(p);
		} else {
			p->i = element_end(p, p->i);
		}
		p->i++;
	}
	p->i = close + 1;
	while ((rc = table_option(p, &a)) == 1)
		accept_p(p, ',');
	if (rc < 0)
		return -1;
	if (is_kw(cur(p), "PARTITION"))
		return clause(p); /* 'PARTITION' in CREATE TABLE 't' */
	if (is_kw(cur(p), "SELECT") || is_kw(cur(p), "AS") || is_kw(cur(p), "IGNORE") ||
	    is_kw(cur(p), "REPLACE"))
		return refuse(p, cur(p), "'CREATE TABLE ... SELECT'");
	if (end_of(p))
		return -1;
	/* The table is born with its own charset or the database's. */
	if (!a.set_cs && !a.set_co) {
		t->charset = s->charset;
		t->collate = s->collate;
	}
	return finish(p, &a);
}

/* ---- ALTER TABLE */

/* FIRST or AFTER col, if said. */
static int position(struct myp *p, int *first, const char **after)
{
	*first = 0;
	*after = NULL;
	if (accept(p, "FIRST")) {
		*first = 1;
		return 0;
	}
	if (accept(p, "AFTER"))
		return get_name(p, after, "a column name");
	return 0;
}

static int if_exists(struct myp *p)
{
	if (is_kw(cur(p), "IF") && is_kw(ahead(p, 1), "EXISTS")) {
		p->i += 2;
		return 1;
	}
	return 0;
}

/* MODIFY and CHANGE: column old gets definition cd (and cd's name), maybe a new place. */
static int redefine(struct myp *p, struct alter *a, const char *old, struct coldef *cd, int first,
		    const char *after, const struct tok *at)
{
	struct schema_table *t = a->t;
	struct schema_column *c = col_find(t, old), tmp;
	size_t i, to, n;

	if (!c)
		return fail(p, at, "unknown column '%s' in table '%s'", old, t->name);
	if (strcasecmp(c->name, cd->c.name) != 0 && col_find(t, cd->c.name))
		return fail(p, at, "duplicate column name '%s' in table '%s'", cd->c.name, t->name);
	if (renamable(p, t, c->name, cd->c.name, at))
		return -1;
	if (strcmp(c->name, cd->c.name) != 0)
		rename_column(p, a->s, t, c->name, cd->c.name);
	cd->c.pos = c->pos;
	*c = cd->c;
	if (first || after) {
		i = (size_t)(c - t->columns);
		n = t->ncolumns;
		to = 0;
		if (after) {
			struct schema_column *ac = col_find(t, after);

			if (!ac || ac == c)
				return fail(p, at, "unknown column '%s' in table '%s' (AFTER)",
					    after, t->name);
			to = (size_t)(ac - t->columns);
			to = (to > i ? to - 1 : to) + 1; /* its place once c is out */
		}
		tmp = *c;
		memmove(&t->columns[i], &t->columns[i + 1], (n - i - 1) * sizeof(tmp));
		memmove(&t->columns[to + 1], &t->columns[to], (n - 1 - to) * sizeof(tmp));
		t->columns[to] = tmp;
	}
	return names_add(p, &a->touched, cd->c.name) || column_keys(p, a, cd, cd->c.name, at);
}

static int drop_column(struct myp *p, struct alter *a, const char *nm, const struct tok *at)
{
	struct schema_table *t = a->t;
	struct schema_column *c = col_find(t, nm);
	char user[160], what[256];

	if (!c)
		return fail(p, at, "column '%s' of table '%s' does not exist", nm, t->name);
	nm = c->name;
	if (expr_user(t, nm, user, sizeof(user))) {
		snprintf(what, sizeof(what), "dropping column '%s' that %s of table '%s' uses", nm,
			 user, t->name);
		return refuse(p, at, what);
	}
	for (size_t i = 0; i < t->nfks; i++)
		for (size_t k = 0; k < t->fks[i].ncolumns; k++) {
			if (strcmp(t->fks[i].columns[k], nm) != 0)
				continue;
			if (!names_has(&a->fk_drop, t->fks[i].name))
				return fail(p, at,
					    "cannot drop column '%s': foreign key '%s' of table "
					    "'%s' needs it",
					    nm, t->fks[i].name, t->name);
			if (names_add(p, &a->fk_gone, t->fks[i].name))
				return -1;
		}
	/* A key keeps its other columns; MariaDB refuses where uniqueness would change. */
	for (size_t i = 0; i <= t->nindexes; i++) {
		struct schema_index *ix = i < t->nindexes ? &t->indexes[i] : t->pk;
		size_t hit = 0;

		for (size_t k = 0; ix && k < ix->nparts; k++)
			hit += ix->parts[k].column && strcmp(ix->parts[k].column, nm) == 0;
		if (!hit || hit == ix->nparts)
			continue;
		if (ix->unique || ix == t->pk) {
			snprintf(what, sizeof(what),
				 "dropping column '%s' of the multi-column %s '%s' (MySQL shrinks "
				 "the key, MariaDB refuses)",
				 nm, ix == t->pk ? "primary key" : "unique key",
				 ix->name ? ix->name : "PRIMARY");
			return refuse(p, at, what);
		}
		for (size_t k = 0, o = 0; k < ix->nparts; k++)
			if (!(ix->parts[k].column && strcmp(ix->parts[k].column, nm) == 0))
				ix->parts[o++] = ix->parts[k];
		ix->nparts -= hit;
	}
	if (replay_drop_column(p->r, p->st, t, nm, p->d)) {
		p->failed = 1;
		return -1;
	}
	return 0;
}

static int drop_index(struct myp *p, struct alter *a, const char *nm, const struct tok *at)
{
	struct schema_index *ix = ix_find(a->t, nm);

	if (!ix)
		return fail(p, at, "index '%s' of table '%s' does not exist", nm, a->t->name);
	if (replay_drop_index(p->r, p->st, a->t, ix->name, p->d)) {
		p->failed = 1;
		return -1;
	}
	return 0;
}

/* DROP CONSTRAINT: a check, a foreign key, a unique key or the primary key, by name. */
static int drop_constraint(struct myp *p, struct alter *a, const char *nm, int if_ex,
			   const struct tok *at)
{
	struct schema_table *t = a->t;
	struct schema_index *ix;

	if (check_find(t, nm) || fk_find(t, nm)) {
		const char *canon =
			check_find(t, nm) ? check_find(t, nm)->name : fk_find(t, nm)->name;

		if (replay_drop_constraint(p->r, p->st, t, canon, p->d)) {
			p->failed = 1;
			return -1;
		}
		return 0;
	}
	if ((ix = ix_find(t, nm)) && ix->unique)
		return drop_index(p, a, nm, at);
	if (strcasecmp(nm, "PRIMARY") == 0 && t->pk) {
		t->pk = NULL;
		return 0;
	}
	if (if_ex || names_has(&a->fk_gone, nm))
		return 0;
	return fail(p, at, "constraint '%s' of table '%s' does not exist", nm, t->name);
}

static int alter_add(struct myp *p, struct alter *a, const struct tok *at)
{
	struct coldef cd;
	const char *after;
	int first;

	if (is_kw(cur(p), "PARTITION"))
		return refuse(p, cur(p), "'ALTER TABLE ... PARTITION'");
	if (is_key_start(cur(p)))
		return key_element(p, a);
	accept(p, "COLUMN");
	if (is_kw(cur(p), "IF") && is_kw(ahead(p, 1), "NOT") && is_kw(ahead(p, 2), "EXISTS")) {
		p->i += 3;
		if (is_name(cur(p)) && col_find(a->t, cur(p)->v)) {
			p->i = element_end(p, p->i);
			return 0;
		}
	}
	if (accept_p(p, '(')) {
		do {
			if (column_def(p, &cd) || add_column(p, a, &cd, 0, NULL, at))
				return -1;
		} while (accept_p(p, ','));
		return expect_p(p, ')');
	}
	if (column_def(p, &cd) || position(p, &first, &after))
		return -1;
	return add_column(p, a, &cd, first, after, at);
}

static int alter_drop(struct myp *p, struct alter *a, const struct tok *at)
{
	struct schema_table *t = a->t;
	const char *nm;
	int ex;

	if (is_kw(cur(p), "PARTITION"))
		return refuse(p, cur(p), "'ALTER TABLE ... PARTITION'");
	if (is_kw(cur(p), "PRIMARY")) {
		p->i++;
		if (expect(p, "KEY"))
			return -1;
		if (!t->pk)
			return fail(p, at, "table '%s' has no primary key", t->name);
		t->pk = NULL;
		return 0;
	}
	if (accept(p, "INDEX") || accept(p, "KEY")) {
		ex = if_exists(p);
		if (get_name(p, &nm, "an index name"))
			return -1;
		return ex && !ix_find(t, nm) ? 0 : drop_index(p, a, nm, at);
	}
	if (is_kw(cur(p), "FOREIGN")) {
		struct schema_fk *f;

		p->i++;
		if (expect(p, "KEY"))
			return -1;
		ex = if_exists(p);
		if (get_name(p, &nm, "a foreign key name"))
			return -1;
		f = fk_find(t, nm);
		if (!f)
			return ex || names_has(&a->fk_gone, nm)
				       ? 0
				       : fail(p, at,
					      "foreign key '%s' of table '%s' does not exist", nm,
					      t->name);
		/* The server keeps the index it made for the key. */
		if (replay_drop_constraint(p->r, p->st, t, f->name, p->d)) {
			p->failed = 1;
			return -1;
		}
		return 0;
	}
	if (accept(p, "CHECK")) {
		struct schema_check *ck;

		if (get_name(p, &nm, "a check name"))
			return -1;
		ck = check_find(t, nm);
		if (!ck)
			return fail(p, at, "check '%s' of table '%s' does not exist", nm, t->name);
		if (replay_drop_constraint(p->r, p->st, t, ck->name, p->d)) {
			p->failed = 1;
			return -1;
		}
		return 0;
	}
	if (accept(p, "CONSTRAINT")) {
		ex = if_exists(p);
		if (get_name(p, &nm, "a constraint name"))
			return -1;
		return drop_constraint(p, a, nm, ex, at);
	}
	accept(p, "COLUMN");
	ex = if_exists(p);
	if (get_name(p, &nm, "a column name"))
		return -1;
	return ex && !col_find(t, nm) ? 0 : drop_column(p, a, nm, at);
}

static int alter_rename(struct myp *p, struct alter *a, const struct tok *at)
{
	struct schema_table *t = a->t;
	const char *from, *to, *ts;

	if (accept(p, "COLUMN")) {
		struct schema_column *c;

		if (get_name(p, &from, "a column name") || expect(p, "TO") ||
		    get_name(p, &to, "a column name"))
			return -1;
		c = col_find(t, from);
		if (!c)
			return fail(p, at, "unknown column '%s' in table '%s'", from, t->name);
		if (strcasecmp(from, to) != 0 && col_find(t, to))
			return fail(p, at, "duplicate column name '%s' in table '%s'", to, t->name);
		if (renamable(p, t, c->name, to, at))
			return -1;
		rename_column(p, a->s, t, c->name, to);
		c->name = to;
		return names_add(p, &a->touched, to);
	}
	if (accept(p, "INDEX") || accept(p, "KEY")) {
		struct schema_index *ix;

		if (get_name(p, &from, "an index name") || expect(p, "TO") ||
		    get_name(p, &to, "an index name"))
			return -1;
		ix = ix_find(t, from);
		if (!ix)
			return fail(p, at, "index '%s' of table '%s' does not exist", from,
				    t->name);
		if (strcasecmp(from, to) != 0 && ix_find(t, to))
			return fail(p, at, "duplicate key name '%s' in table '%s'", to, t->name);
		ix->name = to;
		return 0;
	}
	if (!accept(p, "TO"))
		accept(p, "AS");
	if (qname(p, &ts, &to, "a table name"))
		return -1;
	return rename_table(p, a, ts, to, at);
}

/* ALTER [COLUMN] c SET DEFAULT v | DROP DEFAULT; ALTER INDEX i VISIBLE; ALTER CHECK c ENFORCED */
static int alter_alter(struct myp *p, struct alter *a, const struct tok *at)
{
	struct schema_table *t = a->t;
	struct schema_column *c;
	const char *nm;

	if (accept(p, "INDEX")) {
		if (get_name(p, &nm, "an index name"))
			return -1;
		if (!ix_find(t, nm))
			return fail(p, at, "index '%s' of table '%s' does not exist", nm, t->name);
		return accept(p, "VISIBLE") ? 0 : clause(p);
	}
	if ((is_kw(cur(p), "CHECK") || is_kw(cur(p), "CONSTRAINT")) && is_name(ahead(p, 1)) &&
	    !is_kw(ahead(p, 1), "SET") && !is_kw(ahead(p, 1), "DROP")) {
		struct schema_check *ck;

		p->i++;
		if (get_name(p, &nm, "a check name"))
			return -1;
		ck = check_find(t, nm);
		if (!ck)
			return fail(p, at, "check '%s' of table '%s' does not exist", nm, t->name);
		if (accept(p, "ENFORCED")) {
			ck->enforced = 1;
			return 0;
		}
		if (expect(p, "NOT") || expect(p, "ENFORCED"))
			return -1;
		ck->enforced = 0;
		return 0;
	}
	accept(p, "COLUMN");
	if (get_name(p, &nm, "a column name"))
		return -1;
	c = col_find(t, nm);
	if (!c)
		return fail(p, at, "unknown column '%s' in table '%s'", nm, t->name);
	if (is_kw(cur(p), "SET") && is_kw(ahead(p, 1), "DEFAULT")) {
		p->i += 2;
		return default_value(p, c);
	}
	if (is_kw(cur(p), "DROP") && is_kw(ahead(p, 1), "DEFAULT")) {
		p->i += 2;
		c->default_kind = SCHEMA_DEFAULT_NONE;
		c->default_value = NULL;
		return 0;
	}
	if (is_kw(cur(p), "SET") && is_kw(ahead(p, 1), "VISIBLE")) {
		p->i += 2;
		return 0;
	}
	accept(p, "SET");
	return clause(p);
}

static int alter_action(struct myp *p, struct alter *a)
{
	const struct tok *at = cur(p);
	struct coldef cd;
	const char *old, *after;
	int first, rc;

	if (accept(p, "ADD"))
		return alter_add(p, a, at);
	if (accept(p, "DROP"))
		return alter_drop(p, a, at);
	if (accept(p, "MODIFY")) {
		accept(p, "COLUMN");
		if (if_exists(p) && is_name(cur(p)) && !col_find(a->t, cur(p)->v)) {
			p->i = element_end(p, p->i);
			return 0;
		}
		if (column_def(p, &cd) || position(p, &first, &after))
			return -1;
		return redefine(p, a, cd.c.name, &cd, first, after, at);
	}
	if (accept(p, "CHANGE")) {
		accept(p, "COLUMN");
		if (if_exists(p) && is_name(cur(p)) && !col_find(a->t, cur(p)->v)) {
			p->i = element_end(p, p->i);
			return 0;
		}
		if (get_name(p, &old, "a column name") || column_def(p, &cd) ||
		    position(p, &first, &after))
			return -1;
		return redefine(p, a, old, &cd, first, after, at);
	}
	if (accept(p, "RENAME"))
		return alter_rename(p, a, at);
	if (accept(p, "ALTER"))
		return alter_alter(p, a, at);
	if (accept(p, "ALGORITHM") || accept(p, "LOCK")) {
		/* how the server works, not what it makes */
		accept_p(p, '=');
		return is_name(cur(p)) ? (p->i++, 0) : unexpected(p);
	}
	if (accept(p, "FORCE"))
		return 0;
	if (is_kw(cur(p), "CONVERT"))
		return refuse(p, at, "'ALTER TABLE ... CONVERT TO CHARACTER SET'");
	if (is_kw(cur(p), "PARTITION") || is_kw(cur(p), "REMOVE") || is_kw(cur(p), "COALESCE") ||
	    is_kw(cur(p), "REORGANIZE") || is_kw(cur(p), "EXCHANGE") || is_kw(cur(p), "TRUNCATE") ||
	    is_kw(cur(p), "REBUILD"))
		return refuse(p, at, "'ALTER TABLE ... PARTITION'");
	rc = table_option(p, a);
	if (rc == 1) {
		/* Table options may follow one another without commas. */
		while ((rc = table_option(p, a)) == 1)
			;
	} else if (rc == 0) {
		return clause(p);
	}
	return rc < 0 ? -1 : 0;
}

/* The foreign keys an ALTER TABLE drops by name, wherever it says so in the statement. */
static int fks_dropped(struct myp *p, struct alter *a)
{
	for (size_t k = p->i; k + 2 < p->nt; k++) {
		size_t j = k + 1;

		if (!is_kw(&p->t[k], "DROP"))
			continue;
		if (is_kw(&p->t[j], "FOREIGN") && is_kw(&p->t[j + 1], "KEY"))
			j += 2;
		else if (is_kw(&p->t[j], "CONSTRAINT"))
			j++;
		else
			continue;
		if (j + 1 < p->nt && is_kw(&p->t[j], "IF") && is_kw(&p->t[j + 1], "EXISTS"))
			j += 2;
		if (j < p->nt && is_name(&p->t[j]) && names_add(p, &a->fk_drop, p->t[j].v))
			return -1;
	}
	return 0;
}

static int alter_table(struct myp *p)
{
	struct schema_schema *s;
	struct schema_table *t;
	struct alter a;
	const char *sn, *tn;
	size_t first;

	if (qname(p, &sn, &tn, "a table name"))
		return -1;
	snprintf(p->what, sizeof(p->what), "ALTER TABLE '%s'", tn);
	if (!(s = schema_named(p, sn)) || !(t = table_named(p, s, tn)) || start(p, &a, s, t) ||
	    fks_dropped(p, &a))
		return -1;
	first = p->i;
	/* The server takes the old table minus what is dropped, then applies the rest in
	 * order: ADD PRIMARY KEY (..), DROP PRIMARY KEY works, so does ADD x .., DROP x. */
	for (int pass = 0; pass < 2; pass++) {
		for (p->i = first; !at_end(p);) {
			if (is_kw(cur(p), "DROP") == (pass == 0)) {
				if (alter_action(p, &a))
					return -1;
			} else {
				p->i = element_end(p, p->i);
			}
			if (!accept_p(p, ',') && !at_end(p))
				return clause(p);
		}
	}
	return end_of(p) || finish(p, &a);
}

/* ---- indexes, tables and databases by statement */

static int create_index(struct myp *p)
{
	const struct tok *at = cur(p);
	struct schema_schema *s;
	struct schema_table *t;
	struct schema_index tmp, *ix;
	struct alter a;
	const char *nm, *sn, *tn;
	int unique = 0, if_not = 0;

	memset(&tmp, 0, sizeof(tmp));
	if (accept(p, "UNIQUE"))
		unique = 1;
	else if (accept(p, "FULLTEXT"))
		tmp.type = "FULLTEXT";
	else if (accept(p, "SPATIAL"))
		tmp.type = "SPATIAL";
	if (expect(p, "INDEX"))
		return -1;
	if (is_kw(cur(p), "IF") && is_kw(ahead(p, 1), "NOT") && is_kw(ahead(p, 2), "EXISTS"))
		if_not = 1, p->i += 3;
	if (get_name(p, &nm, "an index name"))
		return -1;
	snprintf(p->what, sizeof(p->what), "CREATE INDEX '%s'", nm);
	if (accept(p, "USING") && index_using(p, &tmp))
		return -1;
	if (expect(p, "ON") || qname(p, &sn, &tn, "a table name"))
		return -1;
	if (!(s = schema_named(p, sn)) || !(t = table_named(p, s, tn)) || start(p, &a, s, t))
		return -1;
	if (if_not && ix_find(t, nm))
		return 0;
	if (key_parts(p, t, &tmp.parts, &tmp.nparts) || index_options(p, &tmp))
		return -1;
	while (accept(p, "ALGORITHM") || accept(p, "LOCK")) {
		accept_p(p, '=');
		if (!is_name(cur(p)))
			return unexpected(p);
		p->i++;
	}
	if (end_of(p))
		return -1;
	ix = add_index(p, &a, nm, at);
	if (!ix)
		return -1;
	ix->unique = unique;
	ix->type = tmp.type;
	ix->parts = tmp.parts;
	ix->nparts = tmp.nparts;
	ix->comment = tmp.comment;
	ix->parser = tmp.parser;
	return finish(p, &a);
}

static int drop_index_stmt(struct myp *p)
{
	const struct tok *at = cur(p);
	struct schema_schema *s;
	struct schema_table *t;
	struct alter a;
	const char *nm, *sn, *tn;
	int ex = if_exists(p);

	if (get_name(p, &nm, "an index name"))
		return -1;
	snprintf(p->what, sizeof(p->what), "DROP INDEX '%s'", nm);
	if (expect(p, "ON") || qname(p, &sn, &tn, "a table name"))
		return -1;
	while (accept(p, "ALGORITHM") || accept(p, "LOCK")) {
		accept_p(p, '=');
		if (!is_name(cur(p)))
			return unexpected(p);
		p->i++;
	}
	if (end_of(p) || !(s = schema_named(p, sn)) || !(t = table_named(p, s, tn)) ||
	    start(p, &a, s, t))
		return -1;
	if (strcasecmp(nm, "PRIMARY") == 0) {
		if (!t->pk)
			return fail(p, at, "table '%s' has no primary key", t->name);
		t->pk = NULL;
		return finish(p, &a);
	}
	if (ex && !ix_find(t, nm))
		return 0;
	return drop_index(p, &a, nm, at) || finish(p, &a);
}

static int drop_tables(struct myp *p)
{
	int ex = if_exists(p);

	snprintf(p->what, sizeof(p->what), "DROP TABLE");
	do {
		const char *sn, *tn;
		struct schema_schema *s;

		if (qname(p, &sn, &tn, "a table name") || !(s = schema_named(p, sn)))
			return -1;
		if (!replay_table(s, tn)) {
			if (ex)
				continue;
			return fail(p, cur(p), "table '%s' does not exist", tn);
		}
		if (replay_drop_table(p->r, p->st, s, tn, p->d)) {
			p->failed = 1;
			return -1;
		}
	} while (accept_p(p, ','));
	if (!accept(p, "RESTRICT"))
		accept(p, "CASCADE");
	return end_of(p);
}

static int rename_tables(struct myp *p)
{
	snprintf(p->what, sizeof(p->what), "RENAME TABLE");
	do {
		const struct tok *at = cur(p);
		const char *sn, *tn, *ts, *to;
		struct schema_schema *s;
		struct schema_table *t;
		struct alter a;

		if (qname(p, &sn, &tn, "a table name") || expect(p, "TO") ||
		    qname(p, &ts, &to, "a table name"))
			return -1;
		if (!(s = schema_named(p, sn)) || !(t = table_named(p, s, tn)) ||
		    start(p, &a, s, t) || rename_table(p, &a, ts ? ts : s->name, to, at))
			return -1;
	} while (accept_p(p, ','));
	return end_of(p);
}

/* [DEFAULT] CHARACTER SET|CHARSET [=] x, [DEFAULT] COLLATE [=] x, COMMENT [=] '..' */
static int database_options(struct myp *p, const char **cs, const char **co, const char **cm,
			    int *set_cs, int *set_co)
{
	for (;;) {
		accept(p, "DEFAULT");
		if (accept(p, "CHARSET") ||
		    (is_kw(cur(p), "CHARACTER") && is_kw(ahead(p, 1), "SET") && (p->i += 2))) {
			accept_p(p, '=');
			*set_cs = 1;
			if (lower_name(p, cs, "a charset"))
				return -1;
		} else if (accept(p, "COLLATE")) {
			accept_p(p, '=');
			*set_co = 1;
			if (lower_name(p, co, "a collation"))
				return -1;
		} else if (accept(p, "COMMENT")) {
			accept_p(p, '=');
			if (get_string(p, cm, "a comment"))
				return -1;
		} else {
			return at_end(p) ? end_of(p) : clause(p);
		}
	}
}

static int create_database(struct myp *p)
{
	const char *nm, *cs = NULL, *co = NULL, *cm = NULL;
	struct schema_schema *s;
	int if_not = 0, set_cs = 0, set_co = 0;

	if (is_kw(cur(p), "IF") && is_kw(ahead(p, 1), "NOT") && is_kw(ahead(p, 2), "EXISTS"))
		if_not = 1, p->i += 3;
	if (get_name(p, &nm, "a database name"))
		return -1;
	snprintf(p->what, sizeof(p->what), "CREATE DATABASE '%s'", nm);
	if (database_options(p, &cs, &co, &cm, &set_cs, &set_co))
		return -1;
	if (replay_schema(p->r, nm) && if_not)
		return 0;
	s = replay_add_schema(p->r, p->st, nm, p->d);
	if (!s) {
		p->failed = 1;
		return -1;
	}
	s->charset = cs;
	s->collate = co;
	s->comment = cm && cm[0] ? cm : NULL;
	return 0;
}

static int alter_database(struct myp *p)
{
	const char *nm = p->r->schema, *cs = NULL, *co = NULL, *cm = NULL;
	struct schema_schema *s;
	int set_cs = 0, set_co = 0;

	if (is_name(cur(p)) && !is_kw(cur(p), "DEFAULT") && !is_kw(cur(p), "CHARACTER") &&
	    !is_kw(cur(p), "CHARSET") && !is_kw(cur(p), "COLLATE") && !is_kw(cur(p), "COMMENT"))
		nm = cur(p)->v, p->i++;
	snprintf(p->what, sizeof(p->what), "ALTER DATABASE '%s'", nm);
	if (database_options(p, &cs, &co, &cm, &set_cs, &set_co) || !(s = schema_named(p, nm)))
		return -1;
	if (set_cs || set_co) {
		/* Tables keep the charset they were born with: pin it on those that took the
		 * database's (the replay copies a known one at CREATE TABLE). */
		for (size_t i = 0; i < s->ntables; i++)
			if (!s->tables[i].charset && !s->tables[i].collate) {
				char what[256];

				snprintf(what, sizeof(what),
					 "changing the charset of database '%s' while its table "
					 "'%s' "
					 "keeps the server's default one (unknown offline)",
					 nm, s->tables[i].name);
				return refuse(p, NULL, what);
			}
		s->charset = set_cs ? cs : NULL;
		s->collate = set_co ? co : NULL;
	}
	if (cm)
		s->comment = cm[0] ? cm : NULL;
	return 0;
}

static int drop_database(struct myp *p)
{
	const char *nm;
	int ex = if_exists(p);

	if (get_name(p, &nm, "a database name"))
		return -1;
	snprintf(p->what, sizeof(p->what), "DROP DATABASE '%s'", nm);
	if (end_of(p))
		return -1;
	if (ex && !replay_schema(p->r, nm))
		return 0;
	if (replay_drop_schema(p->r, p->st, nm, p->d)) {
		p->failed = 1;
		return -1;
	}
	return 0;
}

/* ---- statements */

/* The kind of object a CREATE, ALTER or DROP names, for a refusal: "'CREATE VIEW'". */
static int refuse_object(struct myp *p, const char *verb)
{
	static const char *const kinds[] = { "VIEW",	"TRIGGER",  "PROCEDURE",  "FUNCTION",
					     "EVENT",	"SEQUENCE", "TABLESPACE", "SERVER",
					     "LOGFILE", "PACKAGE",  "SYNONYM",	  NULL };
	const struct tok *first = cur(p);
	char what[96];

	for (size_t k = p->i; k < p->nt && !is_punct(p, &p->t[k], '('); k++)
		for (const char *const *w = kinds; *w; w++)
			if (is_kw(&p->t[k], *w)) {
				snprintf(what, sizeof(what), "'%s %s'", verb, *w);
				return refuse(p, first, what);
			}
	snprintf(what, sizeof(what), "'%s %s'", verb, first->kind == TK_WORD ? first->v : "...");
	return refuse(p, first, what);
}

static int create_stmt(struct myp *p)
{
	int temporary = 0;

	if (is_kw(cur(p), "OR") && is_kw(ahead(p, 1), "REPLACE")) {
		if (is_kw(ahead(p, 2), "TABLE") || is_kw(ahead(p, 2), "INDEX") ||
		    is_kw(ahead(p, 2), "DATABASE") || is_kw(ahead(p, 2), "SCHEMA"))
			return refuse(p, cur(p),
				      "'CREATE OR REPLACE' of a table, index or database");
		return refuse_object(p, "CREATE");
	}
	if (accept(p, "TEMPORARY"))
		temporary = 1;
	if (accept(p, "TABLE"))
		return create_table(p, temporary);
	if (temporary)
		return unexpected(p);
	if (is_kw(cur(p), "UNIQUE") || is_kw(cur(p), "FULLTEXT") || is_kw(cur(p), "SPATIAL") ||
	    is_kw(cur(p), "INDEX"))
		return create_index(p);
	if (accept(p, "DATABASE") || accept(p, "SCHEMA"))
		return create_database(p);
	if (is_kw(cur(p), "USER") || is_kw(cur(p), "ROLE"))
		return 0; /* accounts are not schema */
	return refuse_object(p, "CREATE");
}

static int alter_stmt(struct myp *p)
{
	accept(p, "ONLINE");
	accept(p, "IGNORE");
	if (accept(p, "TABLE"))
		return alter_table(p);
	if (accept(p, "DATABASE") || accept(p, "SCHEMA"))
		return alter_database(p);
	if (is_kw(cur(p), "USER") || is_kw(cur(p), "ROLE"))
		return 0;
	return refuse_object(p, "ALTER");
}

static int drop_stmt(struct myp *p)
{
	if (accept(p, "TEMPORARY")) {
		/* A temporary table leaves nothing behind (CREATE TEMPORARY TABLE is passed over).
		 */
		return expect(p, "TABLE");
	}
	if (accept(p, "TABLE"))
		return drop_tables(p);
	if (accept(p, "INDEX"))
		return drop_index_stmt(p);
	if (accept(p, "DATABASE") || accept(p, "SCHEMA"))
		return drop_database(p);
	if (is_kw(cur(p), "USER") || is_kw(cur(p), "ROLE"))
		return 0;
	return refuse_object(p, "DROP");
}

/*
 * SET changes no schema, except the session settings that decide how later statements
 * read or what CREATE TABLE defaults to: those the replay cannot follow.
 */
static int set_stmt(struct myp *p)
{
	static const char *const vars[] = { "default_storage_engine",
					    "storage_engine",
					    "character_set_database",
					    "collation_database",
					    "default_collation_for_utf8mb4",
					    "explicit_defaults_for_timestamp",
					    NULL };
	static const char *const modes[] = { "ANSI_QUOTES", "ANSI",  "NO_BACKSLASH_ESCAPES",
					     "ORACLE",	    "MSSQL", "DB2",
					     "POSTGRESQL",  "MAXDB", NULL };

	for (size_t k = p->i; k < p->nt; k++) {
		const struct tok *x = &p->t[k];
		char what[160];

		if (!is_name(x))
			continue;
		for (const char *const *v = vars; *v; v++)
			if (strcasecmp(x->v, *v) == 0) {
				snprintf(what, sizeof(what), "setting '%s'", x->v);
				return refuse(p, x, what);
			}
		if (strcasecmp(x->v, "sql_mode") != 0)
			continue;
		for (size_t j = k + 1; j < p->nt && !is_punct(p, &p->t[j], ','); j++) {
			const struct tok *y = &p->t[j];

			for (const char *const *m = modes; *m; m++)
				if ((y->kind == TK_STR || y->kind == TK_WORD) &&
				    strcasestr(y->v, *m)) {
					snprintf(what, sizeof(what), "an sql_mode with '%s'", *m);
					return refuse(p, y, what);
				}
		}
	}
	return 0;
}

int replay_my(struct replay *r, const struct sqlsplit_stmt *st, struct diag *d)
{
	/* Statements that change no schema: data, transactions, accounts, diagnostics. */
	static const char *const passed[] = {
		"INSERT",     "UPDATE",	 "DELETE",   "SELECT",	"REPLACE",  "WITH",
		"VALUES",     "TABLE",	 "START",    "BEGIN",	"COMMIT",   "ROLLBACK",
		"SAVEPOINT",  "RELEASE", "TRUNCATE", "DO",	"LOAD",	    "SHOW",
		"DESCRIBE",   "DESC",	 "EXPLAIN",  "ANALYZE", "OPTIMIZE", "CHECK",
		"CHECKSUM",   "GRANT",	 "REVOKE",   "FLUSH",	"XA",	    "HANDLER",
		"DEALLOCATE", "HELP",	 NULL
	};
	struct myp p;
	const struct tok *k;

	memset(&p, 0, sizeof(p));
	p.r = r;
	p.st = st;
	p.d = d;
	p.s = st->text;
	p.n = st->len;
	snprintf(p.what, sizeof(p.what), "the statement");
	/* One token says whether the rest is worth reading (INSERTs may be large). */
	if (lex(&p, 1))
		return -1;
	k = cur(&p);
	if (k->kind == TK_END || is_punct(&p, k, ';') || is_punct(&p, k, '('))
		return 0; /* nothing, or a parenthesised query */
	if (k->kind == TK_WORD)
		for (const char *const *w = passed; *w; w++)
			if (strcasecmp(k->v, *w) == 0)
				return 0;
	if (lex(&p, (size_t)-1))
		return -1;
	k = cur(&p);
	if (k->kind != TK_WORD)
		return unexpected(&p);
	p.i++;
	if (is_kw(k, "CREATE"))
		return create_stmt(&p);
	if (is_kw(k, "ALTER"))
		return alter_stmt(&p);
	if (is_kw(k, "DROP"))
		return drop_stmt(&p);
	if (is_kw(k, "RENAME")) {
		if (accept(&p, "TABLE"))
			return rename_tables(&p);
		if (is_kw(cur(&p), "USER"))
			return 0;
		return refuse_object(&p, "RENAME");
	}
	if (is_kw(k, "SET"))
		return set_stmt(&p);
	if (is_kw(k, "USE")) {
		const char *nm;

		snprintf(p.what, sizeof(p.what), "USE");
		if (get_name(&p, &nm, "a database name") || end_of(&p))
			return -1;
		if (strcmp(nm, r->schema) == 0)
			return 0;
		return refuse(&p, k, "'USE' of another database");
	}
	{
		char what[96];

		/* LOCK TABLES, UNLOCK TABLES, CALL, PREPARE...: named by their first words. */
		if (is_kw(cur(&p), "TABLES") || is_kw(cur(&p), "TABLE"))
			snprintf(what, sizeof(what), "'%s %s'", k->v, cur(&p)->v);
		else
			snprintf(what, sizeof(what), "'%s'", k->v);
		for (char *c = what; *c; c++)
			*c = (char)toupper((unsigned char)*c);
		return refuse(&p, k, what);
	}
}
