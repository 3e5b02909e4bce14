/* emit: plan -> migration text, Atlas's statement shapes for PostgreSQL and MySQL. */
#include "emit.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

struct em {
	const struct plan *p;
	const struct emit_opts *o;
	int pg;
	struct buf *out;
	struct diag *d;
	const char *schema; /* of the change being written */
};

void emit_opts_default(struct emit_opts *o, enum schema_dialect dialect)
{
	o->qualify = dialect == SCHEMA_POSTGRES;
	o->indent = "  ";
}

static int put(struct em *e, const char *s)
{
	return buf_adds(e->out, s, e->d);
}

static int putf(struct em *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int putf(struct em *e, const char *fmt, ...)
{
	char tmp[4096];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(tmp))
		return diag_set(e->d, DIAG_USAGE, NULL, 0, 0, "statement part too long");
	return buf_add(e->out, tmp, (size_t)n, e->d);
}

/* An identifier in the dialect's quotes; Atlas does not escape embedded quotes. */
static int ident(struct em *e, const char *name)
{
	char q = e->pg ? '"' : '`';

	return buf_add(e->out, &q, 1, e->d) || buf_adds(e->out, name, e->d) ||
	       buf_add(e->out, &q, 1, e->d);
}

/* "schema"."name" when qualifying, else "name". */
static int qname(struct em *e, const char *schema, const char *name)
{
	if (e->o->qualify && schema)
		if (ident(e, schema) || put(e, "."))
			return -1;
	return ident(e, name);
}

int emit_pg_string(struct buf *b, const char *s, struct diag *d)
{
	size_t n = strlen(s);
	int quoted = n >= 2 && s[0] == '\'' && s[n - 1] == '\'';

	/* Already a valid single-quoted literal: every inner quote is doubled. */
	for (size_t i = 1; quoted && i + 1 < n; i++) {
		if (s[i] == '\'') {
			if (s[i + 1] != '\'' || i + 2 >= n)
				quoted = 0;
			i++;
		}
	}
	if (quoted)
		return buf_adds(b, s, d);
	if (buf_add(b, "'", 1, d))
		return -1;
	for (; *s; s++)
		if ((*s == '\'' && buf_add(b, "'", 1, d)) || buf_add(b, s, 1, d))
			return -1;
	return buf_add(b, "'", 1, d);
}

int emit_go_quote(struct buf *b, const char *s, struct diag *d)
{
	if (buf_add(b, "\"", 1, d))
		return -1;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		const char *esc = NULL;
		char hex[8];

		switch (*p) {
		case '"':
			esc = "\\\"";
			break;
		case '\\':
			esc = "\\\\";
			break;
		case '\n':
			esc = "\\n";
			break;
		case '\r':
			esc = "\\r";
			break;
		case '\t':
			esc = "\\t";
			break;
		case '\a':
			esc = "\\a";
			break;
		case '\b':
			esc = "\\b";
			break;
		case '\f':
			esc = "\\f";
			break;
		case '\v':
			esc = "\\v";
			break;
		default:
			if (*p < 0x20 || *p == 0x7f) {
				snprintf(hex, sizeof(hex), "\\x%02x", *p);
				esc = hex;
			}
		}
		if (esc ? buf_adds(b, esc, d) : buf_add(b, p, 1, d))
			return -1;
	}
	return buf_add(b, "\"", 1, d);
}

static int lit(struct em *e, const char *s)
{
	return e->pg ? emit_pg_string(e->out, s, e->d) : emit_go_quote(e->out, s, e->d);
}

/* Statement framing: the comment line, then the statement, then ';' and a newline. */
static int begin(struct em *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int begin(struct em *e, const char *fmt, ...)
{
	char tmp[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	tmp[0] = (char)toupper((unsigned char)tmp[0]);
	return put(e, "-- ") || put(e, tmp) || put(e, "\n");
}

static int end(struct em *e)
{
	return put(e, ";\n");
}

static int is_numeric_kind(const char *k)
{
	return strcmp(k, "integer") == 0 || strcmp(k, "decimal") == 0 || strcmp(k, "float") == 0 ||
	       strcmp(k, "bool") == 0 || strcmp(k, "bit") == 0 || strcmp(k, "serial") == 0;
}

static int type_text(struct em *e, const struct schema_type *t)
{
	if (t->enum_name)
		return qname(e, t->enum_schema, t->enum_name);
	if (t->elem && t->elem->enum_name)
		return qname(e, t->elem->enum_schema, t->elem->enum_name) || put(e, "[]");
	return put(e, t->sql);
}

static int default_text(struct em *e, const struct schema_column *c)
{
	const char *v = c->default_value, *k = c->type.kind;
	int hex = strncmp(v, "0x", 2) == 0 || strncmp(v, "0X", 2) == 0;

	if (e->pg) {
		if (c->default_kind == SCHEMA_DEFAULT_EXPR || is_numeric_kind(k))
			return put(e, v);
		return lit(e, v);
	}
	if (c->default_kind == SCHEMA_DEFAULT_LITERAL) {
		if (is_numeric_kind(k) || hex)
			return put(e, v);
		if (strlen(v) >= 2 && (v[0] == '\'' || v[0] == '"') && v[strlen(v) - 1] == v[0])
			return put(e, v);
		return lit(e, v);
	}
	if (is_numeric_kind(k) || hex || (v[0] == '(' && v[strlen(v) - 1] == ')') ||
	    (strcmp(k, "time") == 0 && strncasecmp(v, "current_timestamp", 17) == 0))
		return put(e, v);
	return lit(e, v);
}

static int column_def(struct em *e, const struct schema_column *c, const struct schema_table *t)
{
	if (ident(e, c->name) || put(e, " ") || type_text(e, &c->type))
		return -1;
	if (e->pg) {
		if (put(e, c->nullable ? " NULL" : " NOT NULL"))
			return -1;
		if (c->default_kind != SCHEMA_DEFAULT_NONE && strcmp(c->type.kind, "serial") != 0 &&
		    (put(e, " DEFAULT ") || default_text(e, c)))
			return -1;
		if (c->identity) {
			if (putf(e, " GENERATED %s AS IDENTITY", c->identity))
				return -1;
			if (c->identity_start != 1 && c->identity_increment != 1)
				return putf(e, " (START WITH %lld INCREMENT BY %lld)",
					    c->identity_start, c->identity_increment);
			if (c->identity_start != 1)
				return putf(e, " (START WITH %lld)", c->identity_start);
			if (c->identity_increment != 1)
				return putf(e, " (INCREMENT BY %lld)", c->identity_increment);
		}
		if (c->generated_expr)
			return putf(e, " GENERATED ALWAYS AS (%s) STORED", c->generated_expr);
		return 0;
	}
	if (c->charset && !(t && t->charset && strcmp(t->charset, c->charset) == 0) &&
	    putf(e, " CHARSET %s", c->charset))
		return -1;
	if (c->generated_expr && putf(e, " AS (%s) %s", c->generated_expr, c->generated_type))
		return -1;
	if (put(e, c->nullable ? " NULL" : " NOT NULL"))
		return -1;
	if (c->default_kind != SCHEMA_DEFAULT_NONE && (put(e, " DEFAULT ") || default_text(e, c)))
		return -1;
	if (c->collate && !(t && t->collate && strcmp(t->collate, c->collate) == 0) &&
	    putf(e, " COLLATE %s", c->collate))
		return -1;
	if (c->on_update && putf(e, " ON UPDATE %s", c->on_update))
		return -1;
	if (c->auto_increment && put(e, " AUTO_INCREMENT"))
		return -1;
	if (c->comment && (put(e, " COMMENT ") || lit(e, c->comment)))
		return -1;
	return 0;
}

/* "(expr)" unless expr is already one parenthesised whole. */
static int wrapped(const char *s)
{
	size_t n = strlen(s);
	int depth = 0;

	if (n < 2 || s[0] != '(' || s[n - 1] != ')')
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\'') {
			for (i++; i < n && s[i] != '\''; i++)
				;
			continue;
		}
		if (s[i] == '(')
			depth++;
		else if (s[i] == ')' && --depth == 0 && i + 1 < n)
			return 0;
	}
	return 1;
}

static int parts(struct em *e, const struct schema_part *p, size_t n)
{
	if (put(e, "("))
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (i && put(e, ", "))
			return -1;
		/* An expression key is parenthesised once: the profile may have done it. */
		if (p[i].column ? ident(e, p[i].column)
				: putf(e, wrapped(p[i].expr) ? "%s" : "(%s)", p[i].expr))
			return -1;
		if (p[i].prefix && putf(e, "(%ld)", p[i].prefix))
			return -1;
		if (p[i].ops && putf(e, " %s", p[i].ops))
			return -1;
		if (p[i].desc && put(e, " DESC"))
			return -1;
		if (p[i].nulls_first && !p[i].desc && put(e, " NULLS FIRST"))
			return -1;
		if (p[i].nulls_last && p[i].desc && put(e, " NULLS LAST"))
			return -1;
	}
	return put(e, ")");
}

static int names(struct em *e, const char *const *v, size_t n)
{
	if (put(e, "("))
		return -1;
	for (size_t i = 0; i < n; i++)
		if ((i && put(e, ", ")) || ident(e, v[i]))
			return -1;
	return put(e, ")");
}

static int fk_def(struct em *e, const struct schema_fk *fk)
{
	if (fk->name && (put(e, "CONSTRAINT ") || ident(e, fk->name) || put(e, " ")))
		return -1;
	if (put(e, "FOREIGN KEY ") || names(e, fk->columns, fk->ncolumns) ||
	    put(e, " REFERENCES ") || qname(e, fk->ref_schema, fk->ref_table) || put(e, " ") ||
	    names(e, fk->ref_columns, fk->ncolumns))
		return -1;
	if (fk->on_update && putf(e, " ON UPDATE %s", fk->on_update))
		return -1;
	if (fk->on_delete && putf(e, " ON DELETE %s", fk->on_delete))
		return -1;
	return 0;
}

static int check_def(struct em *e, const struct schema_check *ck)
{
	if (ck->name && (put(e, "CONSTRAINT ") || ident(e, ck->name) || put(e, " ")))
		return -1;
	if (put(e, "CHECK ") || putf(e, wrapped(ck->expr) ? "%s" : "(%s)", ck->expr))
		return -1;
	if (!e->pg && ck->enforced == 0 && put(e, " NOT ENFORCED"))
		return -1;
	return 0;
}

static int my_index_def(struct em *e, const struct schema_index *ix)
{
	const char *kind = ix->unique ? "UNIQUE " : "";

	if (ix->type && (strcmp(ix->type, "FULLTEXT") == 0 || strcmp(ix->type, "SPATIAL") == 0))
		kind = strcmp(ix->type, "FULLTEXT") == 0 ? "FULLTEXT " : "SPATIAL ";
	if (put(e, kind) || put(e, "INDEX ") || ident(e, ix->name) || put(e, " "))
		return -1;
	if (ix->type && strcmp(ix->type, "HASH") == 0 && put(e, "USING HASH "))
		return -1;
	if (parts(e, ix->parts, ix->nparts))
		return -1;
	if (ix->comment && (put(e, " COMMENT ") || lit(e, ix->comment)))
		return -1;
	if (ix->parser && putf(e, " WITH PARSER `%s`", ix->parser))
		return -1;
	return 0;
}

/* CREATE [UNIQUE] INDEX "i" ON "t" [USING m] (parts) [INCLUDE] [NULLS NOT DISTINCT] ... */
static int create_index(struct em *e, const struct schema_table *t, const struct schema_index *ix)
{
	if (begin(e, "create index \"%s\" to table: \"%s\"", ix->name, t->name))
		return -1;
	if (!e->pg) {
		const char *kind = ix->unique ? "UNIQUE " : "";

		if (ix->type && strcmp(ix->type, "FULLTEXT") == 0)
			kind = "FULLTEXT ";
		if (ix->type && strcmp(ix->type, "SPATIAL") == 0)
			kind = "SPATIAL ";
		if (put(e, "CREATE ") || put(e, kind) || put(e, "INDEX ") || ident(e, ix->name) ||
		    put(e, " ON ") || qname(e, e->schema, t->name) || put(e, " "))
			return -1;
		if (ix->type && strcmp(ix->type, "HASH") == 0 && put(e, "USING HASH "))
			return -1;
		if (parts(e, ix->parts, ix->nparts) ||
		    (ix->comment && (put(e, " COMMENT ") || lit(e, ix->comment))) ||
		    (ix->parser && putf(e, " WITH PARSER `%s`", ix->parser)))
			return -1;
		return end(e);
	}
	if (put(e, ix->unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ") || ident(e, ix->name) ||
	    put(e, " ON ") || qname(e, e->schema, t->name) || put(e, " "))
		return -1;
	if (ix->type && putf(e, "USING %s ", ix->type))
		return -1;
	if (parts(e, ix->parts, ix->nparts))
		return -1;
	if (ix->ninclude && (put(e, " INCLUDE ") || names(e, ix->include, ix->ninclude)))
		return -1;
	if (!ix->nulls_distinct && put(e, " NULLS NOT DISTINCT"))
		return -1;
	if (ix->page_per_range && putf(e, " WITH (pages_per_range = %ld)", ix->page_per_range))
		return -1;
	if (ix->where && putf(e, " WHERE %s", ix->where))
		return -1;
	return end(e);
}

static int comment_on(struct em *e, const char *what, const struct schema_table *t,
		      const char *name, const char *text)
{
	if (strcmp(what, "table") == 0) {
		if (begin(e, "set comment to table: \"%s\"", t->name) ||
		    put(e, "COMMENT ON TABLE ") || qname(e, e->schema, t->name))
			return -1;
	} else if (strcmp(what, "column") == 0) {
		if (begin(e, "set comment to column: \"%s\" on table: \"%s\"", name, t->name) ||
		    put(e, "COMMENT ON COLUMN ") || qname(e, e->schema, t->name) || put(e, ".") ||
		    ident(e, name))
			return -1;
	} else {
		if (begin(e, "set comment to index: \"%s\" on table: \"%s\"", name, t->name) ||
		    put(e, "COMMENT ON INDEX ") || qname(e, e->schema, name))
			return -1;
	}
	return put(e, " IS ") || lit(e, text ? text : "") || end(e);
}

/* Starts an element of CREATE TABLE: a newline and the indent, or ", " on one line. */
static int element(struct em *e, int first)
{
	if (e->o->indent)
		return put(e, first ? "\n" : ",\n") || put(e, e->o->indent);
	return first ? 0 : put(e, ", ");
}

static int add_table(struct em *e, const struct plan_change *c)
{
	const struct schema_table *t = c->to_table;
	int first = 1;

	if (begin(e, "create \"%s\" table", t->name) || put(e, "CREATE TABLE ") ||
	    qname(e, e->schema, t->name) || put(e, " ("))
		return -1;
	for (size_t i = 0; i < t->ncolumns; i++, first = 0)
		if (element(e, first) || column_def(e, &t->columns[i], t))
			return -1;
	if (t->pk) {
		if (element(e, first) || put(e, "PRIMARY KEY ") ||
		    parts(e, t->pk->parts, t->pk->nparts))
			return -1;
		first = 0;
	}
	for (size_t i = 0; i < t->nindexes; i++) {
		const struct schema_index *ix = &t->indexes[i];

		if (e->pg && !ix->constraint)
			continue;
		if (element(e, first))
			return -1;
		first = 0;
		if (e->pg) {
			if (put(e, "CONSTRAINT ") || ident(e, ix->name) || put(e, " UNIQUE ") ||
			    (!ix->nulls_distinct && put(e, "NULLS NOT DISTINCT ")) ||
			    parts(e, ix->parts, ix->nparts))
				return -1;
		} else if (my_index_def(e, ix)) {
			return -1;
		}
	}
	for (size_t i = 0; i < t->nfks; i++) {
		const struct schema_fk *fk = &t->fks[i];
		int self =
			strcmp(fk->ref_table, t->name) == 0 &&
			(!fk->ref_schema || !e->schema || strcmp(fk->ref_schema, e->schema) == 0);

		/* In a cycle the foreign keys to other tables come at the end of the plan. */
		if (c->fks_deferred && !self)
			continue;
		if (element(e, first) || fk_def(e, fk))
			return -1;
		first = 0;
	}
	for (size_t i = 0; i < t->nchecks; i++, first = 0)
		if (element(e, first) || check_def(e, &t->checks[i]))
			return -1;
	if (put(e, e->o->indent && !first ? "\n)" : ")"))
		return -1;
	if (e->pg && t->partition) {
		if (putf(e, " PARTITION BY %s ", t->partition->type) ||
		    parts(e, t->partition->parts, t->partition->nparts))
			return -1;
	}
	if (!e->pg) {
		if (t->charset && putf(e, " CHARSET %s", t->charset))
			return -1;
		if (t->collate && putf(e, " COLLATE %s", t->collate))
			return -1;
		if (t->comment && (put(e, " COMMENT ") || lit(e, t->comment)))
			return -1;
		if (t->engine && putf(e, " ENGINE %s", t->engine))
			return -1;
		if (t->auto_increment > 1 && putf(e, " AUTO_INCREMENT %lld", t->auto_increment))
			return -1;
	}
	if (end(e))
		return -1;
	if (!e->pg)
		return 0;
	for (size_t i = 0; i < t->nindexes; i++)
		if (!t->indexes[i].constraint && create_index(e, t, &t->indexes[i]))
			return -1;
	if (t->comment && comment_on(e, "table", t, NULL, t->comment))
		return -1;
	for (size_t i = 0; i < t->ncolumns; i++)
		if (t->columns[i].comment &&
		    comment_on(e, "column", t, t->columns[i].name, t->columns[i].comment))
			return -1;
	for (size_t i = 0; i < t->nindexes; i++)
		if (t->indexes[i].comment && !t->indexes[i].constraint &&
		    comment_on(e, "index", t, t->indexes[i].name, t->indexes[i].comment))
			return -1;
	return 0;
}

/* ALTER TABLE clauses: "first" says whether a ", " is due. */
static int clause(struct em *e, int *n)
{
	return (*n)++ ? put(e, ", ") : 0;
}

static int pg_alter_column(struct em *e, const struct plan_change *c, const struct plan_sub *s,
			   int *n)
{
	const struct schema_column *f = s->from_col, *t = s->to_col;

	if (s->what & PW_GENERATED) {
		if (f->generated_expr && !t->generated_expr) {
			if (clause(e, n) || put(e, "ALTER COLUMN ") || ident(e, t->name) ||
			    put(e, " DROP EXPRESSION"))
				return -1;
		} else {
			return diag_set(
				e->d, DIAG_USAGE, NULL, 0, 0,
				"table '%s', column '%s': PostgreSQL cannot change a generated "
				"column's expression in place; drop and add the column",
				c->to_table->name, t->name);
		}
	}
	if (s->what & PW_TYPE) {
		if (clause(e, n) || put(e, "ALTER COLUMN ") || ident(e, t->name) ||
		    put(e, " TYPE ") || type_text(e, &t->type))
			return -1;
	}
	if (s->what & PW_NULL) {
		if (clause(e, n) || put(e, "ALTER COLUMN ") || ident(e, t->name) ||
		    put(e, t->nullable ? " DROP NOT NULL" : " SET NOT NULL"))
			return -1;
	}
	if (s->what & PW_DEFAULT) {
		if (clause(e, n) || put(e, "ALTER COLUMN ") || ident(e, t->name))
			return -1;
		if (t->default_kind == SCHEMA_DEFAULT_NONE
			    ? put(e, " DROP DEFAULT")
			    : put(e, " SET DEFAULT ") || default_text(e, t))
			return -1;
	}
	if (s->what & PW_IDENTITY) {
		if (clause(e, n) || put(e, "ALTER COLUMN ") || ident(e, t->name))
			return -1;
		if (!t->identity) {
			if (put(e, " DROP IDENTITY"))
				return -1;
		} else if (!f->identity) {
			if (putf(e, " ADD GENERATED %s AS IDENTITY", t->identity))
				return -1;
			if ((t->identity_start != 1 || t->identity_increment != 1) &&
			    putf(e, " (START WITH %lld INCREMENT BY %lld)", t->identity_start,
				 t->identity_increment))
				return -1;
		} else if (putf(e, " SET GENERATED %s SET START WITH %lld SET INCREMENT BY %lld",
				t->identity, t->identity_start, t->identity_increment)) {
			return -1;
		}
	}
	return 0;
}

/* Does change c drop column name? */
static int drops_column(const struct plan_change *c, const char *name)
{
	for (size_t i = 0; i < c->nsubs; i++)
		if (c->subs[i].kind == PSUB_DROP_COLUMN &&
		    strcmp(c->subs[i].from_col->name, name) == 0)
			return 1;
	return 0;
}

/* PostgreSQL drops an index or foreign key with a column it covers: no statement for it. */
static int goes_with_column(const struct plan_change *c, const struct plan_sub *s)
{
	if ((s->kind == PSUB_DROP_INDEX || s->kind == PSUB_DROP_PK) && s->from_ix) {
		for (size_t i = 0; i < s->from_ix->nparts; i++)
			if (s->from_ix->parts[i].column &&
			    drops_column(c, s->from_ix->parts[i].column))
				return 1;
	}
	if (s->kind == PSUB_DROP_FK) {
		for (size_t i = 0; i < s->from_fk->ncolumns; i++)
			if (drops_column(c, s->from_fk->columns[i]))
				return 1;
	}
	return 0;
}

static int pg_modify_table(struct em *e, const struct plan_change *c)
{
	const struct schema_table *t = c->to_table;
	int n = 0;

	/* 1. Plain indexes that go or are rebuilt. */
	for (size_t i = 0; i < c->nsubs; i++) {
		const struct plan_sub *s = &c->subs[i];

		if ((s->kind == PSUB_DROP_INDEX ||
		     (s->kind == PSUB_MODIFY_INDEX && (s->what & ~PW_COMMENT))) &&
		    !s->from_ix->constraint && !goes_with_column(c, s)) {
			if (begin(e, "drop index \"%s\" from table: \"%s\"", s->from_ix->name,
				  t->name) ||
			    put(e, "DROP INDEX ") || qname(e, e->schema, s->from_ix->name) ||
			    end(e))
				return -1;
		}
	}
	/* 2. One ALTER TABLE: constraint drops first, then the rest in change order. */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < c->nsubs; i++) {
			const struct plan_sub *s = &c->subs[i];
			int is_drop =
				s->kind == PSUB_DROP_PK || s->kind == PSUB_DROP_CHECK ||
				s->kind == PSUB_DROP_FK || s->kind == PSUB_MODIFY_PK ||
				s->kind == PSUB_MODIFY_CHECK || s->kind == PSUB_MODIFY_FK ||
				((s->kind == PSUB_DROP_INDEX || s->kind == PSUB_MODIFY_INDEX) &&
				 s->from_ix->constraint &&
				 (s->what & ~PW_COMMENT || s->kind == PSUB_DROP_INDEX));

			if (pass == 0) {
				if (!is_drop || goes_with_column(c, s))
					continue;
				if (n == 0 && (begin(e, "modify \"%s\" table", t->name) ||
					       put(e, "ALTER TABLE ") ||
					       qname(e, e->schema, t->name) || put(e, " ")))
					return -1;
				if (clause(e, &n) || put(e, "DROP CONSTRAINT "))
					return -1;
				if (s->kind == PSUB_DROP_PK || s->kind == PSUB_MODIFY_PK) {
					char pk[256];

					snprintf(pk, sizeof(pk), "%s_pkey", t->name);
					if (ident(e, s->from_ix->name ? s->from_ix->name : pk))
						return -1;
				} else if (ident(e, s->from_ck	 ? s->from_ck->name
						    : s->from_fk ? s->from_fk->name
								 : s->from_ix->name)) {
					return -1;
				}
				continue;
			}
			switch (s->kind) {
			case PSUB_ADD_COLUMN:
			case PSUB_DROP_COLUMN:
			case PSUB_MODIFY_COLUMN:
			case PSUB_ADD_PK:
			case PSUB_MODIFY_PK:
			case PSUB_ADD_CHECK:
			case PSUB_MODIFY_CHECK:
			case PSUB_ADD_FK:
			case PSUB_MODIFY_FK:
				break;
			case PSUB_ADD_INDEX:
			case PSUB_MODIFY_INDEX:
				if (!s->to_ix->constraint ||
				    (s->kind == PSUB_MODIFY_INDEX && !(s->what & ~PW_COMMENT)))
					continue;
				break;
			default:
				continue;
			}
			if (s->kind == PSUB_MODIFY_COLUMN && !(s->what & ~PW_COMMENT))
				continue;
			if (n == 0 &&
			    (begin(e, "modify \"%s\" table", t->name) || put(e, "ALTER TABLE ") ||
			     qname(e, e->schema, t->name) || put(e, " ")))
				return -1;
			switch (s->kind) {
			case PSUB_ADD_COLUMN:
				if (clause(e, &n) || put(e, "ADD COLUMN ") ||
				    column_def(e, s->to_col, NULL))
					return -1;
				break;
			case PSUB_DROP_COLUMN:
				if (clause(e, &n) || put(e, "DROP COLUMN ") ||
				    ident(e, s->from_col->name))
					return -1;
				break;
			case PSUB_MODIFY_COLUMN:
				if (pg_alter_column(e, c, s, &n))
					return -1;
				break;
			case PSUB_ADD_PK:
			case PSUB_MODIFY_PK:
				if (clause(e, &n) || put(e, "ADD PRIMARY KEY ") ||
				    parts(e, s->to_ix->parts, s->to_ix->nparts))
					return -1;
				break;
			case PSUB_ADD_CHECK:
			case PSUB_MODIFY_CHECK:
				if (clause(e, &n) || put(e, "ADD ") || check_def(e, s->to_ck))
					return -1;
				break;
			case PSUB_ADD_FK:
			case PSUB_MODIFY_FK:
				if (clause(e, &n) || put(e, "ADD ") || fk_def(e, s->to_fk))
					return -1;
				break;
			default:
				if (clause(e, &n) || put(e, "ADD CONSTRAINT ") ||
				    ident(e, s->to_ix->name) || put(e, " UNIQUE ") ||
				    (!s->to_ix->nulls_distinct && put(e, "NULLS NOT DISTINCT ")) ||
				    parts(e, s->to_ix->parts, s->to_ix->nparts))
					return -1;
			}
		}
	}
	if (n && end(e))
		return -1;
	/* 3. New and rebuilt plain indexes. */
	for (size_t i = 0; i < c->nsubs; i++) {
		const struct plan_sub *s = &c->subs[i];

		if ((s->kind == PSUB_ADD_INDEX ||
		     (s->kind == PSUB_MODIFY_INDEX && (s->what & ~PW_COMMENT))) &&
		    !s->to_ix->constraint && create_index(e, t, s->to_ix))
			return -1;
	}
	/* 4. Comments. */
	for (size_t i = 0; i < c->nsubs; i++) {
		const struct plan_sub *s = &c->subs[i];

		if (s->kind == PSUB_TABLE_ATTR && (s->what & PW_COMMENT) &&
		    comment_on(e, "table", t, NULL, t->comment))
			return -1;
		if (s->kind == PSUB_ADD_COLUMN && s->to_col->comment &&
		    comment_on(e, "column", t, s->to_col->name, s->to_col->comment))
			return -1;
		if (s->kind == PSUB_MODIFY_COLUMN && (s->what & PW_COMMENT) &&
		    comment_on(e, "column", t, s->to_col->name, s->to_col->comment))
			return -1;
		if ((s->kind == PSUB_ADD_INDEX ||
		     (s->kind == PSUB_MODIFY_INDEX && (s->what & ~PW_COMMENT))) &&
		    s->to_ix->comment &&
		    comment_on(e, "index", t, s->to_ix->name, s->to_ix->comment))
			return -1;
		if (s->kind == PSUB_MODIFY_INDEX && s->what == PW_COMMENT &&
		    comment_on(e, "index", t, s->to_ix->name, s->to_ix->comment))
			return -1;
	}
	return 0;
}

static int my_modify_table(struct em *e, const struct plan_change *c)
{
	const struct schema_table *t = c->to_table;
	int n = 0;

	/* 1. Drops of modified foreign keys, which MySQL will not re-add in the same ALTER. */
	for (size_t i = 0; i < c->nsubs; i++) {
		const struct plan_sub *s = &c->subs[i];

		if (s->kind != PSUB_MODIFY_FK)
			continue;
		if (n == 0 && (begin(e, "modify \"%s\" table", t->name) || put(e, "ALTER TABLE ") ||
			       qname(e, e->schema, t->name) || put(e, " ")))
			return -1;
		if (clause(e, &n) || put(e, "DROP FOREIGN KEY ") || ident(e, s->from_fk->name))
			return -1;
	}
	if (n && end(e))
		return -1;
	n = 0;
	/* 2. Everything else but new indexes, in change order. */
	for (size_t i = 0; i < c->nsubs; i++) {
		const struct plan_sub *s = &c->subs[i];

		if (s->kind == PSUB_ADD_INDEX)
			continue;
		if (n == 0 && (begin(e, "modify \"%s\" table", t->name) || put(e, "ALTER TABLE ") ||
			       qname(e, e->schema, t->name) || put(e, " ")))
			return -1;
		switch (s->kind) {
		case PSUB_TABLE_ATTR:
			if ((s->what & PW_CHARSET) && t->charset &&
			    (clause(e, &n) || putf(e, "CHARSET %s", t->charset)))
				return -1;
			if ((s->what & PW_COLLATE) && t->collate &&
			    (clause(e, &n) || putf(e, "COLLATE %s", t->collate)))
				return -1;
			if ((s->what & PW_COMMENT) && (clause(e, &n) || put(e, "COMMENT ") ||
						       lit(e, t->comment ? t->comment : "")))
				return -1;
			if ((s->what & PW_ATTR) && t->engine &&
			    (clause(e, &n) || putf(e, "ENGINE %s", t->engine)))
				return -1;
			if ((s->what & PW_ATTR) && t->auto_increment > 1 &&
			    (clause(e, &n) || putf(e, "AUTO_INCREMENT %lld", t->auto_increment)))
				return -1;
			break;
		case PSUB_ADD_COLUMN:
			if (clause(e, &n) || put(e, "ADD COLUMN ") || column_def(e, s->to_col, t))
				return -1;
			if (s->first && put(e, " FIRST"))
				return -1;
			if (s->after && (put(e, " AFTER ") || ident(e, s->after)))
				return -1;
			break;
		case PSUB_MODIFY_COLUMN:
			if (clause(e, &n) || put(e, "MODIFY COLUMN ") ||
			    column_def(e, s->to_col, t))
				return -1;
			break;
		case PSUB_DROP_COLUMN:
			if (clause(e, &n) || put(e, "DROP COLUMN ") || ident(e, s->from_col->name))
				return -1;
			break;
		case PSUB_DROP_INDEX:
		case PSUB_MODIFY_INDEX:
			if (clause(e, &n) || put(e, "DROP INDEX ") || ident(e, s->from_ix->name))
				return -1;
			break;
		case PSUB_ADD_PK:
			if (clause(e, &n) || put(e, "ADD PRIMARY KEY ") ||
			    parts(e, s->to_ix->parts, s->to_ix->nparts))
				return -1;
			break;
		case PSUB_DROP_PK:
			if (clause(e, &n) || put(e, "DROP PRIMARY KEY"))
				return -1;
			break;
		case PSUB_MODIFY_PK:
			if (clause(e, &n) || put(e, "DROP PRIMARY KEY, ADD PRIMARY KEY ") ||
			    parts(e, s->to_ix->parts, s->to_ix->nparts))
				return -1;
			break;
		case PSUB_ADD_FK:
		case PSUB_MODIFY_FK:
			if (clause(e, &n) || put(e, "ADD ") || fk_def(e, s->to_fk))
				return -1;
			break;
		case PSUB_DROP_FK:
			if (clause(e, &n) || put(e, "DROP FOREIGN KEY ") ||
			    ident(e, s->from_fk->name))
				return -1;
			break;
		case PSUB_ADD_CHECK:
			if (clause(e, &n) || put(e, "ADD ") || check_def(e, s->to_ck))
				return -1;
			break;
		case PSUB_DROP_CHECK:
		case PSUB_MODIFY_CHECK:
			if (!s->from_ck->name)
				return diag_set(
					e->d, DIAG_USAGE, NULL, 0, 0,
					"table '%s': an unnamed check cannot be dropped by name",
					t->name);
			/* MySQL 8 drops a check with DROP CHECK; MariaDB only knows DROP
			 * CONSTRAINT. */
			if (clause(e, &n) ||
			    put(e, e->p->profile && strncmp(e->p->profile, "mysql", 5) == 0
					   ? "DROP CHECK "
					   : "DROP CONSTRAINT ") ||
			    ident(e, s->from_ck->name))
				return -1;
			if (s->kind == PSUB_MODIFY_CHECK &&
			    (clause(e, &n) || put(e, "ADD ") || check_def(e, s->to_ck)))
				return -1;
			break;
		default:
			break;
		}
	}
	if (n && end(e))
		return -1;
	/* 3. New and rebuilt indexes, each its own statement. */
	for (size_t i = 0; i < c->nsubs; i++) {
		const struct plan_sub *s = &c->subs[i];

		if ((s->kind == PSUB_ADD_INDEX || s->kind == PSUB_MODIFY_INDEX) &&
		    create_index(e, t, s->to_ix))
			return -1;
	}
	return 0;
}

static int modify_enum(struct em *e, const struct plan_change *c)
{
	const struct schema_enum *f = c->from_enum, *t = c->to_enum;
	size_t k = 0;

	/* Values may only be added: the old ones must keep their order. */
	for (size_t i = 0; i < t->nvalues && k < f->nvalues; i++)
		if (strcmp(t->values[i], f->values[k]) == 0)
			k++;
	if (k != f->nvalues)
		return diag_set(e->d, DIAG_USAGE, NULL, 0, 0,
				"enum '%s': PostgreSQL cannot remove or reorder enum values "
				"(only add them)",
				t->name);
	k = 0;
	for (size_t i = 0; i < t->nvalues; i++) {
		if (k < f->nvalues && strcmp(t->values[i], f->values[k]) == 0) {
			k++;
			continue;
		}
		if (begin(e, "add value to enum type: \"%s\"", t->name) || put(e, "ALTER TYPE ") ||
		    qname(e, e->schema, t->name) || put(e, " ADD VALUE ") || lit(e, t->values[i]))
			return -1;
		/* Atlas places a new first value BEFORE the old first, any other AFTER its
		 * predecessor, and appends at the end with no clause. */
		if (i == 0 && k < f->nvalues && (put(e, " BEFORE ") || lit(e, f->values[k])))
			return -1;
		if (i > 0 && k < f->nvalues && (put(e, " AFTER ") || lit(e, t->values[i - 1])))
			return -1;
		if (end(e))
			return -1;
	}
	return 0;
}

static int emit_change(struct em *e, const struct plan_change *c)
{
	e->schema = c->schema;
	switch (c->kind) {
	case PLAN_ADD_SCHEMA:
		if (begin(e, "add new schema named \"%s\"", c->schema))
			return -1;
		if (e->pg)
			return put(e, "CREATE SCHEMA ") || ident(e, c->schema) || end(e) ||
			       (c->to_schema->comment &&
				(begin(e, "set comment to schema: \"%s\"", c->schema) ||
				 put(e, "COMMENT ON SCHEMA ") || ident(e, c->schema) ||
				 put(e, " IS ") || lit(e, c->to_schema->comment) || end(e)));
		return put(e, "CREATE DATABASE ") || ident(e, c->schema) ||
		       (c->to_schema->charset && putf(e, " CHARSET %s", c->to_schema->charset)) ||
		       (c->to_schema->collate && putf(e, " COLLATE %s", c->to_schema->collate)) ||
		       end(e);
	case PLAN_DROP_SCHEMA:
		return begin(e, "drop schema named \"%s\"", c->schema) ||
		       put(e, e->pg ? "DROP SCHEMA " : "DROP DATABASE ") || ident(e, c->schema) ||
		       (e->pg && put(e, " CASCADE")) || end(e);
	case PLAN_MODIFY_SCHEMA:
		if (e->pg)
			return begin(e, "set comment to schema: \"%s\"", c->schema) ||
			       put(e, "COMMENT ON SCHEMA ") || ident(e, c->schema) ||
			       put(e, " IS ") ||
			       lit(e, c->to_schema->comment ? c->to_schema->comment : "") || end(e);
		/* A plan scoped to one schema (unqualified, a schema-bound URL) never changes
		 * the schema itself: Atlas reads both states' schema attributes from the same
		 * dev schema, so the HCL's charset and collation only reach its tables. */
		if (!e->o->qualify)
			return 0;
		return begin(e, "modify \"%s\" schema", c->schema) || put(e, "ALTER DATABASE ") ||
		       ident(e, c->schema) ||
		       (c->to_schema->charset && putf(e, " CHARSET %s", c->to_schema->charset)) ||
		       (c->to_schema->collate && putf(e, " COLLATE %s", c->to_schema->collate)) ||
		       end(e);
	case PLAN_ADD_ENUM:
		if (begin(e, "create enum type \"%s\"", c->to_enum->name) ||
		    put(e, "CREATE TYPE ") || qname(e, c->schema, c->to_enum->name) ||
		    put(e, " AS ENUM ("))
			return -1;
		for (size_t i = 0; i < c->to_enum->nvalues; i++)
			if ((i && put(e, ", ")) || lit(e, c->to_enum->values[i]))
				return -1;
		return put(e, ")") || end(e);
	case PLAN_DROP_ENUM:
		return begin(e, "drop enum type \"%s\"", c->from_enum->name) ||
		       put(e, "DROP TYPE ") || qname(e, c->schema, c->from_enum->name) || end(e);
	case PLAN_MODIFY_ENUM:
		return modify_enum(e, c);
	case PLAN_ADD_TABLE:
		return add_table(e, c);
	case PLAN_DROP_TABLE:
		return begin(e, "drop \"%s\" table", c->from_table->name) ||
		       put(e, "DROP TABLE ") || qname(e, c->schema, c->from_table->name) || end(e);
	case PLAN_MODIFY_TABLE:
		return e->pg ? pg_modify_table(e, c) : my_modify_table(e, c);
	}
	return 0;
}

int emit_plan(const struct plan *p, const struct emit_opts *o, struct buf *out, struct diag *d)
{
	struct em e = { p, o, p->dialect == SCHEMA_POSTGRES, out, d, NULL };

	for (size_t i = 0; i < p->n; i++)
		if (emit_change(&e, &p->v[i]))
			return -1;
	return 0;
}
