/*
 * lint_sql: what the analyzers need to know about a statement beyond the changes it made:
 * the renames in it, the UPDATE that fills a column, MySQL's inline REFERENCES. Atlas
 * reads these with its statement parsers (cmd/atlas/internal/sqlparse); a token scan is
 * enough for the shapes those parsers accept, and a statement of another shape says
 * nothing, as there.
 */
#include "lint.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

enum tk { T_END, T_WORD, T_IDENT, T_STR, T_NUM, T_PUNCT };

struct tok {
	enum tk k;
	size_t off, end; /* bytes of the token in the text */
	const char *v;	 /* a word or name unquoted (PG words folded), a string decoded */
};

struct lx {
	struct arena *a;
	enum schema_dialect dialect;
	const char *s;
	size_t n, i;
	struct tok *v;
	size_t nv, cap;
	struct diag *d;
};

static int push_tok(struct lx *x, enum tk k, size_t off, size_t end, const char *v)
{
	struct tok *t = arena_push(x->a, (void **)&x->v, &x->nv, &x->cap, sizeof(*t));

	if (!t || (k != T_END && k != T_PUNCT && !v))
		return diag_nomem(x->d);
	t->k = k;
	t->off = off;
	t->end = end;
	t->v = v;
	return 0;
}

/* A quoted run from x->i (at the quote q); doubled quotes, and backslashes when esc. */
static char *quoted(struct lx *x, char q, int esc, size_t *end)
{
	char *out = arena_alloc(x->a, x->n - x->i + 1);
	size_t o = 0, i = x->i + 1;

	if (!out)
		return NULL;
	while (i < x->n) {
		char c = x->s[i];

		if (esc && c == '\\' && i + 1 < x->n) {
			out[o++] = x->s[i + 1];
			i += 2;
			continue;
		}
		if (c == q) {
			if (i + 1 < x->n && x->s[i + 1] == q) {
				out[o++] = q;
				i += 2;
				continue;
			}
			i++;
			break;
		}
		out[o++] = c;
		i++;
	}
	out[o] = '\0';
	*end = i;
	return out;
}

static int is_word_start(int c)
{
	return isalpha(c) || c == '_' || (c & 0x80);
}

static int is_word(int c)
{
	return isalnum(c) || c == '_' || c == '$' || (c & 0x80);
}

/* Lexes the statement, at most max tokens (then stops early). */
static int lex(struct lx *x, size_t max)
{
	int my = x->dialect == SCHEMA_MYSQL;

	while (x->i < x->n && x->nv < max) {
		const char *s = x->s;
		size_t i = x->i, end;
		unsigned char c = (unsigned char)s[i];
		char *v;

		if (isspace(c)) {
			x->i++;
			continue;
		}
		if ((c == '-' && i + 1 < x->n && s[i + 1] == '-') || (my && c == '#')) {
			while (x->i < x->n && s[x->i] != '\n')
				x->i++;
			continue;
		}
		if (c == '/' && i + 1 < x->n && s[i + 1] == '*') {
			const char *e = strstr(s + i + 2, "*/");

			x->i = e ? (size_t)(e - s) + 2 : x->n;
			continue;
		}
		if (c == '\'' || (my && c == '"')) {
			if (!(v = quoted(x, (char)c, my, &end)) || push_tok(x, T_STR, i, end, v))
				return diag_nomem(x->d);
			x->i = end;
			continue;
		}
		if (c == '`' || (!my && c == '"')) {
			if (!(v = quoted(x, (char)c, 0, &end)) || push_tok(x, T_IDENT, i, end, v))
				return diag_nomem(x->d);
			x->i = end;
			continue;
		}
		if (!my && (c == 'E' || c == 'e') && i + 1 < x->n && s[i + 1] == '\'') {
			x->i++;
			if (!(v = quoted(x, '\'', 1, &end)) || push_tok(x, T_STR, i, end, v))
				return diag_nomem(x->d);
			x->i = end;
			continue;
		}
		if (!my && c == '$' && i + 1 < x->n &&
		    (s[i + 1] == '$' || is_word_start(s[i + 1]))) {
			size_t t = i + 1;

			while (t < x->n && is_word(s[t]) && s[t] != '$')
				t++;
			if (t < x->n && s[t] == '$') {
				size_t tl = t + 1 - i;
				const char *close = NULL;

				for (size_t k = t + 1; k + tl <= x->n; k++)
					if (strncmp(s + k, s + i, tl) == 0) {
						close = s + k;
						break;
					}
				end = close ? (size_t)(close - s) + tl : x->n;
				v = arena_strndup(x->a, s + t + 1,
						  close ? (size_t)(close - s) - t - 1
							: x->n - t - 1);
				if (push_tok(x, T_STR, i, end, v))
					return -1;
				x->i = end;
				continue;
			}
		}
		if (isdigit(c) || (c == '.' && i + 1 < x->n && isdigit((unsigned char)s[i + 1]))) {
			end = i;
			while (end < x->n && (isalnum((unsigned char)s[end]) || s[end] == '.' ||
					      ((s[end] == '+' || s[end] == '-') &&
					       (s[end - 1] == 'e' || s[end - 1] == 'E'))))
				end++;
			if (push_tok(x, T_NUM, i, end, arena_strndup(x->a, s + i, end - i)))
				return -1;
			x->i = end;
			continue;
		}
		if (is_word_start(c)) {
			end = i;
			while (end < x->n && is_word((unsigned char)s[end]))
				end++;
			v = arena_strndup(x->a, s + i, end - i);
			if (v && !my)
				for (char *p = v; *p; p++)
					*p = (char)tolower((unsigned char)*p);
			if (push_tok(x, T_WORD, i, end, v))
				return -1;
			x->i = end;
			continue;
		}
		if (push_tok(x, T_PUNCT, i, i + 1, NULL))
			return -1;
		x->i++;
	}
	return push_tok(x, T_END, x->i, x->i, NULL);
}

/* The parser over the tokens. */
struct px {
	struct lx *x;
	size_t i;
};

static const struct tok *cur(struct px *p)
{
	return &p->x->v[p->i < p->x->nv ? p->i : p->x->nv - 1];
}

static const struct tok *peek(struct px *p, size_t k)
{
	size_t i = p->i + k;

	return &p->x->v[i < p->x->nv ? i : p->x->nv - 1];
}

static int is_kw(const struct tok *t, const char *w)
{
	return t->k == T_WORD && strcasecmp(t->v, w) == 0;
}

/* The punctuation character of a token (0 for other tokens). */
static char punct(const struct px *p, const struct tok *t)
{
	return t->k == T_PUNCT ? p->x->s[t->off] : 0;
}

static int accept(struct px *p, const char *w)
{
	if (!is_kw(cur(p), w))
		return 0;
	p->i++;
	return 1;
}

static int is_name(const struct tok *t)
{
	return t->k == T_WORD || t->k == T_IDENT;
}

/* [a.]b[.c]: the last part, and the one before it (NULL when unqualified). */
static int qname(struct px *p, const char **last, const char **prev)
{
	*last = *prev = NULL;
	if (!is_name(cur(p)))
		return 0;
	*last = cur(p)->v;
	p->i++;
	while (punct(p, cur(p)) == '.' && is_name(peek(p, 1))) {
		*prev = *last;
		*last = peek(p, 1)->v;
		p->i += 2;
	}
	return 1;
}

/* Skips a balanced (...) group at the cursor. */
static void skip_group(struct px *p)
{
	int depth = 0;

	do {
		char c = punct(p, cur(p));

		if (c == '(')
			depth++;
		else if (c == ')')
			depth--;
		p->i++;
	} while (depth > 0 && cur(p)->k != T_END);
}

/* Moves to the next ',' (or end, or ')' closing the level) at the current depth. */
static void skip_item(struct px *p)
{
	while (cur(p)->k != T_END) {
		char c = punct(p, cur(p));

		if (c == ',' || c == ')' || c == ';')
			return;
		if (c == '(') {
			skip_group(p);
			continue;
		}
		p->i++;
	}
}

static int add_rename(struct px *p, struct lint_stmt *s, enum lint_rename_kind k, const char *from,
		      const char *to, size_t *cap)
{
	struct lint_rename *r;

	if (!from || !to)
		return 0;
	r = arena_push(p->x->a, (void **)&s->renames, &s->nrenames, cap, sizeof(*r));
	if (!r)
		return diag_nomem(p->x->d);
	r->kind = k;
	r->from = from;
	r->to = to;
	return 0;
}

/* PostgreSQL: ALTER TABLE|INDEX [IF EXISTS] [ONLY] name [*] RENAME ... (a RenameStmt). */
static int pg_alter(struct px *p, struct lint_stmt *s)
{
	const char *name, *q, *a, *b;
	size_t cap = 0;
	int index;

	if (!accept(p, "ALTER"))
		return 0;
	if (accept(p, "INDEX"))
		index = 1;
	else if (accept(p, "TABLE"))
		index = 0;
	else
		return 0;
	if (is_kw(cur(p), "IF") && is_kw(peek(p, 1), "EXISTS"))
		p->i += 2;
	accept(p, "ONLY");
	if (!qname(p, &name, &q))
		return 0;
	if (punct(p, cur(p)) == '*')
		p->i++;
	if (!accept(p, "RENAME"))
		return 0;
	if (accept(p, "TO")) {
		if (!is_name(cur(p)))
			return 0;
		s->pg_rename = 1;
		s->table = name;
		return add_rename(p, s, index ? LINT_RENAME_INDEX : LINT_RENAME_TABLE, name,
				  cur(p)->v, &cap);
	}
	if (index || accept(p, "CONSTRAINT"))
		return 0;
	accept(p, "COLUMN");
	if (!is_name(cur(p)) || !is_kw(peek(p, 1), "TO") || !is_name(peek(p, 2)))
		return 0;
	a = cur(p)->v;
	b = peek(p, 2)->v;
	s->pg_rename = 1;
	s->table = name;
	return add_rename(p, s, LINT_RENAME_COLUMN, a, b, &cap);
}

/* Column definitions that start with these words are keys or constraints, not columns. */
static int not_column(const struct tok *t)
{
	static const char *const w[] = { "CONSTRAINT", "PRIMARY",  "UNIQUE",  "FOREIGN", "INDEX",
					 "KEY",	       "FULLTEXT", "SPATIAL", "CHECK",	 "PERIOD",
					 "PARTITION",  "SYSTEM",   NULL };

	for (const char *const *k = w; *k; k++)
		if (is_kw(t, *k))
			return 1;
	return 0;
}

/*
 * One MySQL column definition at the cursor (name type ...), up to the ',' or ')' that
 * ends it: when it holds an inline REFERENCES clause, records the column and blanks the
 * clause (REFERENCES t (cols) [MATCH ..] [ON DELETE|UPDATE action]...) in *text.
 */
static int column_def(struct px *p, struct lint_stmt *s, char **text, size_t *cap)
{
	const char *col;

	if (!is_name(cur(p)))
		return 0;
	col = cur(p)->v;
	p->i++;
	while (cur(p)->k != T_END) {
		char c = punct(p, cur(p));
		size_t from, to;
		const char *t, *q;

		if (c == ',' || c == ')' || c == ';')
			return 0;
		if (c == '(') {
			skip_group(p);
			continue;
		}
		if (!is_kw(cur(p), "REFERENCES")) {
			p->i++;
			continue;
		}
		from = cur(p)->off;
		p->i++;
		if (!qname(p, &t, &q))
			return 0;
		if (punct(p, cur(p)) == '(')
			skip_group(p);
		if (accept(p, "MATCH") && is_name(cur(p)))
			p->i++;
		while (is_kw(cur(p), "ON") &&
		       (is_kw(peek(p, 1), "DELETE") || is_kw(peek(p, 1), "UPDATE"))) {
			p->i += 2;
			if (accept(p, "SET") || accept(p, "NO"))
				p->i++;
			else if (is_kw(cur(p), "RESTRICT") || is_kw(cur(p), "CASCADE"))
				p->i++;
		}
		to = peek(p, 0)->k == T_END ? p->x->n : p->x->v[p->i - 1].end;
		{
			const char **slot = arena_push(p->x->a, (void **)&s->refcols, &s->nrefcols,
						       cap, sizeof(*slot));

			if (!slot)
				return diag_nomem(p->x->d);
			*slot = col;
		}
		if (!*text) {
			if (!(*text = arena_strndup(p->x->a, p->x->s, p->x->n)))
				return diag_nomem(p->x->d);
		}
		for (size_t k = from; k < to; k++)
			if ((*text)[k] != '\n')
				(*text)[k] = ' ';
	}
	return 0;
}

/* MySQL CREATE TABLE name (defs): the column definitions with inline REFERENCES. */
static int my_create(struct px *p, struct lint_stmt *s)
{
	const char *name, *q;
	size_t cap = 0;

	if (!accept(p, "CREATE"))
		return 0;
	accept(p, "TEMPORARY");
	if (!accept(p, "TABLE"))
		return 0;
	if (is_kw(cur(p), "IF") && is_kw(peek(p, 1), "NOT") && is_kw(peek(p, 2), "EXISTS"))
		p->i += 3;
	if (!qname(p, &name, &q) || punct(p, cur(p)) != '(')
		return 0;
	p->i++;
	while (cur(p)->k != T_END && punct(p, cur(p)) != ')') {
		if (not_column(cur(p)))
			skip_item(p);
		else if (column_def(p, s, &s->stripped, &cap))
			return -1;
		if (punct(p, cur(p)) == ',')
			p->i++;
		else if (punct(p, cur(p)) != ')')
			return 0;
	}
	return 0;
}

/* MySQL ALTER [ONLINE] [IGNORE] TABLE name spec, ...: renames and added columns' refs. */
static int my_alter(struct px *p, struct lint_stmt *s)
{
	const char *name, *q, *a, *b;
	size_t cap = 0, rcap = 0;

	if (!accept(p, "ALTER"))
		return 0;
	accept(p, "ONLINE");
	accept(p, "IGNORE");
	if (!accept(p, "TABLE") || !qname(p, &name, &q))
		return 0;
	s->my_alter = 1;
	s->table = name;
	while (cur(p)->k != T_END) {
		if (accept(p, "RENAME")) {
			if (accept(p, "COLUMN")) {
				if (!is_name(cur(p)) || !is_kw(peek(p, 1), "TO") ||
				    !is_name(peek(p, 2)))
					return 0;
				a = cur(p)->v;
				b = peek(p, 2)->v;
				p->i += 3;
				if (add_rename(p, s, LINT_RENAME_COLUMN, a, b, &rcap))
					return -1;
			} else if (accept(p, "INDEX") || accept(p, "KEY")) {
				if (!is_name(cur(p)) || !is_kw(peek(p, 1), "TO") ||
				    !is_name(peek(p, 2)))
					return 0;
				a = cur(p)->v;
				b = peek(p, 2)->v;
				p->i += 3;
				if (add_rename(p, s, LINT_RENAME_INDEX, a, b, &rcap))
					return -1;
			} else {
				if (!accept(p, "TO"))
					accept(p, "AS");
				if (!qname(p, &b, &q))
					return 0;
				if (add_rename(p, s, LINT_RENAME_TABLE, name, b, &rcap))
					return -1;
			}
		} else if (accept(p, "ADD")) {
			int col = accept(p, "COLUMN");

			if (is_kw(cur(p), "IF") && is_kw(peek(p, 1), "NOT") &&
			    is_kw(peek(p, 2), "EXISTS"))
				p->i += 3;
			if (punct(p, cur(p)) == '(') {
				p->i++;
				while (cur(p)->k != T_END && punct(p, cur(p)) != ')') {
					if (column_def(p, s, &s->stripped, &cap))
						return -1;
					if (punct(p, cur(p)) == ',')
						p->i++;
					else if (punct(p, cur(p)) != ')')
						return 0;
				}
				if (punct(p, cur(p)) == ')')
					p->i++;
			} else if (col || !not_column(cur(p))) {
				if (column_def(p, s, &s->stripped, &cap))
					return -1;
			}
		}
		skip_item(p);
		if (punct(p, cur(p)) != ',')
			break;
		p->i++;
	}
	return 0;
}

/* MySQL RENAME TABLE a TO b [, c TO d]... */
static int my_rename(struct px *p, struct lint_stmt *s)
{
	size_t cap = 0;

	if (!accept(p, "RENAME") || !accept(p, "TABLE"))
		return 0;
	s->my_rename_table = 1;
	for (;;) {
		const char *a, *b, *q;

		if (!qname(p, &a, &q) || !accept(p, "TO") || !qname(p, &b, &q))
			return 0;
		if (add_rename(p, s, LINT_RENAME_TABLE, a, b, &cap))
			return -1;
		if (punct(p, cur(p)) != ',')
			return 0;
		p->i++;
	}
}

/* A literal as Atlas's MySQL parser prints its value: a string decoded, a number as is. */
static int literal(const struct tok *t)
{
	return t->k == T_STR || t->k == T_NUM;
}

/* The end of the statement: nothing, or a last ';'. */
static int is_end(struct px *p, const struct tok *t)
{
	return t->k == T_END || (punct(p, t) == ';' && t[1].k == T_END);
}

/* The WHERE condition from the cursor to its end (or a terminator word at depth 0). */
static void where(struct px *p, struct lint_stmt *s, const char *const *stop)
{
	size_t start = p->i, end = p->i;
	int pg = p->x->dialect == SCHEMA_POSTGRES;
	const char *col, *q;

	/* The condition's extent: up to the end or a terminator at depth 0. */
	while (!is_end(p, peek(p, end - p->i))) {
		const struct tok *t = peek(p, end - p->i);
		int hit = 0;

		for (const char *const *w = stop; *w; w++)
			hit |= is_kw(t, *w);
		if (hit)
			break;
		if (punct(p, t) == '(') {
			size_t save = p->i;

			p->i = end;
			skip_group(p);
			end = p->i;
			p->i = save;
			continue;
		}
		end++;
	}
	s->where = LINT_WHERE_OTHER;
	p->i = start;
	/* [q.]col IS NULL (PostgreSQL: an unqualified column only). */
	if (qname(p, &col, &q) && (!pg || !q) && is_kw(cur(p), "IS") && is_kw(peek(p, 1), "NULL") &&
	    p->i + 2 == end) {
		s->where = LINT_WHERE_IS_NULL;
		s->where_col = col;
		return;
	}
	/* [q.]col = literal, or literal = [q.]col. */
	p->i = start;
	if (qname(p, &col, &q) && punct(p, cur(p)) == '=' && literal(peek(p, 1)) &&
	    p->i + 2 == end) {
		s->where = LINT_WHERE_EQ;
		s->where_col = col;
		s->where_val = peek(p, 1)->v;
		return;
	}
	p->i = start;
	if (literal(cur(p)) && punct(p, peek(p, 1)) == '=') {
		const char *v = cur(p)->v;

		p->i += 2;
		if (qname(p, &col, &q) && p->i == end) {
			s->where = LINT_WHERE_EQ;
			s->where_col = col;
			s->where_val = v;
		}
	}
}

/* UPDATE [ONLY|LOW_PRIORITY|IGNORE] table [[AS] alias] SET col = expr, ... [WHERE ...]. */
static int update(struct px *p, struct lint_stmt *s)
{
	static const char *const pg_stop[] = { "FROM", "WHERE", "RETURNING", NULL };
	static const char *const my_stop[] = { "WHERE", "ORDER", "LIMIT", NULL };
	static const char *const pg_wstop[] = { "RETURNING", NULL };
	static const char *const my_wstop[] = { "ORDER", "LIMIT", NULL };
	int pg = p->x->dialect == SCHEMA_POSTGRES;
	const char *const *stop = pg ? pg_stop : my_stop;
	const char *t, *q;
	size_t cap = 0;

	if (!accept(p, "UPDATE"))
		return 0;
	if (pg)
		accept(p, "ONLY");
	else
		while (accept(p, "LOW_PRIORITY") || accept(p, "IGNORE"))
			;
	if (!qname(p, &t, &q))
		return 0;
	if (pg && punct(p, cur(p)) == '*')
		p->i++;
	if (accept(p, "AS")) {
		if (!is_name(cur(p)))
			return 0;
		p->i++;
	} else if (is_name(cur(p)) && !is_kw(cur(p), "SET")) {
		p->i++;
	}
	if (!accept(p, "SET"))
		return 0;
	s->update = 1;
	s->upd_table = t;
	s->upd_schema = q;
	for (;;) {
		const char *cols[64];
		size_t nc = 0;
		int isnull;

		if (punct(p, cur(p)) == '(') {
			p->i++;
			while (is_name(cur(p)) && nc < 64) {
				cols[nc++] = cur(p)->v;
				p->i++;
				if (punct(p, cur(p)) != ',')
					break;
				p->i++;
			}
			if (punct(p, cur(p)) != ')')
				return 0;
			p->i++;
		} else {
			const char *c, *cq;

			if (!qname(p, &c, &cq))
				return 0;
			cols[nc++] = c;
			if (punct(p, cur(p)) == '[')
				while (cur(p)->k != T_END && punct(p, cur(p)) != '=')
					p->i++;
		}
		if (punct(p, cur(p)) != '=')
			return 0;
		p->i++;
		isnull = 0;
		if (is_kw(cur(p), "NULL")) {
			const struct tok *n1 = peek(p, 1);
			int ends = punct(p, n1) == ',' || is_end(p, n1);

			for (const char *const *w = stop; *w; w++)
				ends |= is_kw(n1, *w);
			isnull = ends && nc == 1;
		}
		for (size_t k = 0; k < nc; k++) {
			struct lint_set *e =
				arena_push(p->x->a, (void **)&s->set, &s->nset, &cap, sizeof(*e));

			if (!e)
				return diag_nomem(p->x->d);
			e->column = cols[k];
			e->null = isnull;
		}
		/* The value: up to ',' or a terminator at depth 0. */
		for (;;) {
			const struct tok *k = cur(p);
			int hit = 0;

			for (const char *const *w = stop; *w; w++)
				hit |= is_kw(k, *w);
			if (hit || is_end(p, k) || punct(p, k) == ',')
				break;
			if (punct(p, k) == '(') {
				skip_group(p);
				continue;
			}
			p->i++;
		}
		if (punct(p, cur(p)) != ',')
			break;
		p->i++;
	}
	s->where = LINT_WHERE_NONE;
	if (pg && is_kw(cur(p), "FROM"))
		while (!is_end(p, cur(p)) && !is_kw(cur(p), "WHERE") &&
		       !is_kw(cur(p), "RETURNING")) {
			if (punct(p, cur(p)) == '(')
				skip_group(p);
			else
				p->i++;
		}
	if (accept(p, "WHERE"))
		where(p, s, pg ? pg_wstop : my_wstop);
	return 0;
}

int lint_sql_read(struct arena *a, enum schema_dialect dialect, const char *text, size_t len,
		  struct lint_stmt *s, struct diag *d)
{
	struct lx x = { a, dialect, text, len, 0, NULL, 0, 0, d };
	struct px p = { &x, 0 };
	const struct tok *k;
	int pg = dialect == SCHEMA_POSTGRES;

	memset(s, 0, sizeof(*s));
	/* One word says whether the rest is worth reading (INSERTs may be large). */
	if (lex(&x, 1))
		return -1;
	k = &x.v[0];
	if (k->k != T_WORD || !(is_kw(k, "ALTER") || is_kw(k, "UPDATE") || is_kw(k, "RENAME") ||
				(!pg && is_kw(k, "CREATE"))))
		return 0;
	x.nv = 0;
	x.i = 0;
	if (lex(&x, (size_t)-1))
		return -1;
	if (is_kw(cur(&p), "UPDATE"))
		return update(&p, s);
	if (pg)
		return pg_alter(&p, s);
	if (is_kw(cur(&p), "CREATE"))
		return my_create(&p, s);
	if (is_kw(cur(&p), "RENAME"))
		return my_rename(&p, s);
	return my_alter(&p, s);
}
