/* diff: Atlas's diff semantics (by name) and statement order over two schema states. */
#include "plan.h"

#include "buf.h"
#include "myexpr.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int streq(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

/* Tables are sorted by name (plan_diff checks it): binary search. */
static const struct schema_table *find_table(const struct schema_schema *s, const char *name)
{
	size_t lo = 0, hi = s ? s->ntables : 0;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(s->tables[mid].name, name);

		if (c == 0)
			return &s->tables[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static int sorted_tables(const struct schema_realm *r)
{
	for (size_t i = 0; i < r->nschemas; i++)
		for (size_t k = 1; k < r->schemas[i].ntables; k++)
			if (strcmp(r->schemas[i].tables[k - 1].name,
				   r->schemas[i].tables[k].name) >= 0)
				return 0;
	return 1;
}

static const struct schema_column *find_column(const struct schema_table *t, const char *name)
{
	for (size_t i = 0; t && i < t->ncolumns; i++)
		if (strcmp(t->columns[i].name, name) == 0)
			return &t->columns[i];
	return NULL;
}

static const struct schema_index *find_index(const struct schema_table *t, const char *name)
{
	for (size_t i = 0; t && i < t->nindexes; i++)
		if (streq(t->indexes[i].name, name))
			return &t->indexes[i];
	return NULL;
}

static int type_equal(const struct schema_type *a, const struct schema_type *b)
{
	if (a->enum_name || b->enum_name)
		return streq(a->enum_name, b->enum_name) && streq(a->enum_schema, b->enum_schema);
	return streq(a->sql, b->sql);
}

static int is_text_kind(const char *k)
{
	return strcmp(k, "string") == 0 || strcmp(k, "enum") == 0 || strcmp(k, "set") == 0;
}

static int same_expr(enum schema_dialect dialect, const char *a, const char *b);

/*
 * What changed in a column. In MySQL a text column without a charset of its own has its
 * table's: a table charset or collation change changes it too, and only a MODIFY COLUMN
 * moves the column over (the server converts just the table default otherwise).
 */
static unsigned column_changes(enum schema_dialect dialect, const struct schema_table *ft,
			       const struct schema_column *f, const struct schema_table *tt,
			       const struct schema_column *t)
{
	unsigned w = 0;

	if (dialect == SCHEMA_MYSQL && is_text_kind(f->type.kind) && is_text_kind(t->type.kind)) {
		if (!streq(f->charset ? f->charset : ft->charset,
			   t->charset ? t->charset : tt->charset))
			w |= PW_CHARSET;
		if (!streq(f->collate ? f->collate : ft->collate,
			   t->collate ? t->collate : tt->collate))
			w |= PW_COLLATE;
	}

	if (!streq(f->comment, t->comment))
		w |= PW_COMMENT;
	if (f->nullable != t->nullable)
		w |= PW_NULL;
	if (!type_equal(&f->type, &t->type))
		w |= PW_TYPE;
	if (f->default_kind != t->default_kind || !streq(f->default_value, t->default_value))
		w |= PW_DEFAULT;
	if (!streq(f->identity, t->identity) ||
	    (f->identity && (f->identity_start != t->identity_start ||
			     f->identity_increment != t->identity_increment)))
		w |= PW_IDENTITY;
	if (!(dialect == SCHEMA_MYSQL ? same_expr(dialect, f->generated_expr, t->generated_expr)
				      : streq(f->generated_expr, t->generated_expr)) ||
	    !streq(f->generated_type, t->generated_type))
		w |= PW_GENERATED;
	if (dialect == SCHEMA_MYSQL) {
		if (!is_text_kind(t->type.kind) && !streq(f->charset, t->charset))
			w |= PW_CHARSET;
		if (!is_text_kind(t->type.kind) && !streq(f->collate, t->collate))
			w |= PW_COLLATE;
		if (f->auto_increment != t->auto_increment)
			w |= PW_AUTO_INCREMENT;
		if (!streq(f->on_update, t->on_update))
			w |= PW_ON_UPDATE;
	}
	return w;
}

static int parts_equal(const struct schema_part *a, size_t na, const struct schema_part *b,
		       size_t nb)
{
	if (na != nb)
		return 0;
	for (size_t i = 0; i < na; i++)
		if (!streq(a[i].column, b[i].column) || !streq(a[i].expr, b[i].expr) ||
		    a[i].desc != b[i].desc || a[i].prefix != b[i].prefix ||
		    !streq(a[i].ops, b[i].ops) || a[i].nulls_first != b[i].nulls_first ||
		    a[i].nulls_last != b[i].nulls_last)
			return 0;
	return 1;
}

static int names_equal(const char *const *a, size_t na, const char *const *b, size_t nb)
{
	if (na != nb)
		return 0;
	for (size_t i = 0; i < na; i++)
		if (strcmp(a[i], b[i]) != 0)
			return 0;
	return 1;
}

static unsigned index_changes(const struct schema_index *f, const struct schema_index *t)
{
	unsigned w = 0;

	if (f->unique != t->unique || f->constraint != t->constraint)
		w |= PW_UNIQUE;
	if (!parts_equal(f->parts, f->nparts, t->parts, t->nparts))
		w |= PW_PARTS;
	if (!streq(f->type, t->type) || !streq(f->where, t->where) ||
	    !names_equal(f->include, f->ninclude, t->include, t->ninclude) ||
	    f->nulls_distinct != t->nulls_distinct || f->page_per_range != t->page_per_range ||
	    !streq(f->parser, t->parser))
		w |= PW_ATTR;
	if (!streq(f->comment, t->comment))
		w |= PW_COMMENT;
	return w;
}

static int fk_equal(const struct schema_fk *f, const struct schema_fk *t)
{
	return names_equal(f->columns, f->ncolumns, t->columns, t->ncolumns) &&
	       names_equal(f->ref_columns, f->ncolumns, t->ref_columns, t->ncolumns) &&
	       streq(f->ref_schema, t->ref_schema) && streq(f->ref_table, t->ref_table) &&
	       streq(f->on_update ? f->on_update : "NO ACTION",
		     t->on_update ? t->on_update : "NO ACTION") &&
	       streq(f->on_delete ? f->on_delete : "NO ACTION",
		     t->on_delete ? t->on_delete : "NO ACTION");
}

static struct plan_sub *add_sub(struct arena *a, struct plan_change *c, enum plan_sub_kind k)
{
	struct plan_sub *s = arena_push(a, (void **)&c->subs, &c->nsubs, &c->capsubs, sizeof(*s));

	if (s)
		s->kind = k;
	return s;
}

/*
 * The server prints a check on an IN list over a varchar column with one cast around the
 * whole array, '(c)::text = ANY ((ARRAY['a'::character varying, ...])::text[])': that is
 * what the profile makes of the HCL's 'c IN (...)' (and what Atlas writes into its
 * migrations). A server that parses that text again, as replaying a migration directory
 * does (offline in sql2json or for real), pushes the cast into each element:
 * '(c)::text = ANY (ARRAY[('a'::character varying)::text, ...])' (pgexpr.h). Both are
 * the same constraint, so settle() rewrites every 'op ANY|ALL ((ARRAY[e, ...])::T[])' into
 * 'op ANY|ALL (ARRAY[(e)::T, ...])' before the texts are compared. Returns a malloc'd
 * string, or NULL when there is nothing to rewrite (or no memory: then the texts are
 * compared as they are).
 */
static const char *settle_head(const char *e)
{
	const char *any = strstr(e, " ANY ((ARRAY["), *all = strstr(e, " ALL ((ARRAY[");

	return !any ? all : !all ? any : any < all ? any : all;
}

/* The end of the quoted 'literal' or "name" starting at q, or NULL if unterminated. */
static const char *skip_quoted(const char *q)
{
	char c = *q;

	for (q++; *q; q++)
		if (*q == c && *++q != c)
			return q;
	return NULL;
}

/* The first stop or ']' outside brackets and quotes from q, or NULL if there is none. */
static const char *settle_top(const char *q, char stop)
{
	int depth = 0;

	while (q && *q) {
		if (*q == '\'' || *q == '"') {
			q = skip_quoted(q);
			continue;
		}
		if (depth == 0 && (*q == stop || *q == ']'))
			return q;
		if (*q == '(' || *q == '[')
			depth++;
		else if (*q == ')' || *q == ']')
			depth--;
		q++;
	}
	return NULL;
}

static char *settle(const char *e)
{
	static const size_t headlen = sizeof(" ANY ((ARRAY[") - 1;
	struct buf out;
	struct diag d;
	const char *p;
	int changed = 0, err = 0;

	buf_init(&out, 0);
	diag_init(&d);
	while (!err && (p = settle_head(e))) {
		const char *el = p + headlen, *q = settle_top(el, ']'), *t = NULL, *te = NULL;

		/* ARRAY[e, ...] must be followed by ')::T[])', T a type name */
		if (q && q != el && !strncmp(q, "])::", 4)) {
			t = q + 4;
			te = t + strspn(t, "abcdefghijklmnopqrstuvwxyz0123456789_ ");
			if (te == t || strncmp(te, "[])", 3))
				te = NULL;
		}
		if (!te) { /* not that form: keep it and look further */
			err = buf_add(&out, e, (size_t)(p - e) + headlen, &d);
			e = el;
			continue;
		}
		/* the prefix, " ANY " or " ALL ", then each element at depth 0 as (e)::T */
		err = buf_add(&out, e, (size_t)(p - e) + 5, &d) || buf_adds(&out, "(ARRAY[", &d);
		for (const char *r = el, *c; !err; r = c + 1 + (c[1] == ' ')) {
			c = settle_top(r, ',');
			err = buf_addf(&out, &d, "%s(%.*s)::%.*s", r == el ? "" : ", ",
				       (int)(c - r), r, (int)(te - t), t);
			if (c == q)
				break;
		}
		err = err || buf_adds(&out, "])", &d);
		e = te + 3;
		changed = 1;
	}
	if (!err && changed && !buf_adds(&out, e, &d))
		return out.data;
	buf_release(&out);
	return NULL;
}

/*
 * Two check or generated-column expressions are the same when equal as text or once
 * settled; in MySQL also when their canonical forms are equal (myexpr.h): the server keeps
 * its own reprint, "(`a` > 0 and `b` <> 'x')" for "a > 0 AND b <> 'x'". Only the comparison
 * changes: the plan still carries the texts as they are.
 */
static int same_expr(enum schema_dialect dialect, const char *a, const char *b)
{
	char *sa, *sb;
	int eq;

	if (streq(a, b))
		return 1;
	if (!a || !b)
		return 0;
	sa = settle(a);
	sb = settle(b);
	eq = strcmp(sa ? sa : a, sb ? sb : b) == 0;
	free(sa);
	free(sb);
	return eq || (dialect == SCHEMA_MYSQL && myexpr_same(a, b));
}

/* The check of 'in' that matches ck: by name when both are named, else by expression. */
static const struct schema_check *match_check(enum schema_dialect dialect,
					      const struct schema_table *in,
					      const struct schema_check *ck)
{
	for (size_t i = 0; in && i < in->nchecks; i++) {
		const struct schema_check *o = &in->checks[i];

		if (ck->name && o->name ? streq(ck->name, o->name)
					: same_expr(dialect, ck->expr, o->expr))
			return o;
	}
	return NULL;
}

static int skipped(const int *skip, enum config_skip k)
{
	return skip && skip[k];
}

/* Sub-changes of one table, in Atlas's order; skipped kinds go to *held. */
static int diff_table(struct arena *a, enum schema_dialect dialect, const struct schema_table *f,
		      const struct schema_table *t, const int *skip, struct plan_change *c,
		      struct plan_change *held, struct diag *d)
{
	struct plan_sub *s;

	/* Table attributes and checks. */
	{
		unsigned w = 0;

		if (!streq(f->comment, t->comment))
			w |= PW_COMMENT;
		if (dialect == SCHEMA_MYSQL) {
			if (!streq(f->charset, t->charset))
				w |= PW_CHARSET;
			if (!streq(f->collate, t->collate))
				w |= PW_COLLATE;
			if (!streq(f->engine, t->engine) || f->auto_increment != t->auto_increment)
				w |= PW_ATTR;
		}
		if (w) {
			if (!(s = add_sub(a, skipped(skip, SKIP_MODIFY_TABLE) ? held : c,
					  PSUB_TABLE_ATTR)))
				return diag_nomem(d);
			s->what = w;
		}
	}
	for (size_t i = 0; i < f->nchecks; i++) {
		const struct schema_check *o = match_check(dialect, t, &f->checks[i]);

		if (!o) {
			if (!(s = add_sub(a, c, PSUB_DROP_CHECK)))
				return diag_nomem(d);
			s->from_ck = &f->checks[i];
		} else if (!same_expr(dialect, o->expr, f->checks[i].expr) ||
			   o->enforced != f->checks[i].enforced) {
			if (!(s = add_sub(a, c, PSUB_MODIFY_CHECK)))
				return diag_nomem(d);
			s->from_ck = &f->checks[i];
			s->to_ck = o;
		}
	}
	for (size_t i = 0; i < t->nchecks; i++) {
		if (match_check(dialect, f, &t->checks[i]))
			continue;
		if (!(s = add_sub(a, c, PSUB_ADD_CHECK)))
			return diag_nomem(d);
		s->to_ck = &t->checks[i];
	}
	/* Columns: drops and modifications in 'from' order, then additions in 'to' order. */
	for (size_t i = 0; i < f->ncolumns; i++) {
		const struct schema_column *fc = &f->columns[i], *tc = find_column(t, fc->name);

		if (!tc) {
			if (!(s = add_sub(a, skipped(skip, SKIP_DROP_COLUMN) ? held : c,
					  PSUB_DROP_COLUMN)))
				return diag_nomem(d);
			s->from_col = fc;
			continue;
		}
		unsigned w = column_changes(dialect, f, fc, t, tc);

		if (!w)
			continue;
		if (!(s = add_sub(a, skipped(skip, SKIP_MODIFY_COLUMN) ? held : c,
				  PSUB_MODIFY_COLUMN)))
			return diag_nomem(d);
		s->from_col = fc;
		s->to_col = tc;
		s->what = w;
	}
	for (size_t i = 0; i < t->ncolumns; i++) {
		const struct schema_column *tc = &t->columns[i];

		if (find_column(f, tc->name))
			continue;
		if (!(s = add_sub(a, skipped(skip, SKIP_ADD_COLUMN) ? held : c, PSUB_ADD_COLUMN)))
			return diag_nomem(d);
		s->to_col = tc;
		/* MySQL keeps the declared position: AFTER the previous column, or FIRST. */
		if (dialect == SCHEMA_MYSQL && i + 1 < t->ncolumns) {
			if (i == 0)
				s->first = 1;
			else
				s->after = t->columns[i - 1].name;
		}
	}
	/* Primary key. */
	if (f->pk && !t->pk) {
		if (!(s = add_sub(a, c, PSUB_DROP_PK)))
			return diag_nomem(d);
		s->from_ix = f->pk;
	} else if (!f->pk && t->pk) {
		if (!(s = add_sub(a, c, PSUB_ADD_PK)))
			return diag_nomem(d);
		s->to_ix = t->pk;
	} else if (f->pk && t->pk &&
		   !parts_equal(f->pk->parts, f->pk->nparts, t->pk->parts, t->pk->nparts)) {
		if (!(s = add_sub(a, c, PSUB_MODIFY_PK)))
			return diag_nomem(d);
		s->from_ix = f->pk;
		s->to_ix = t->pk;
		s->what = PW_PARTS;
	}
	/* Indexes: drops and modifications in 'from' order, then additions. */
	for (size_t i = 0; i < f->nindexes; i++) {
		const struct schema_index *fi = &f->indexes[i], *ti = find_index(t, fi->name);

		if (!ti) {
			if (!(s = add_sub(a, skipped(skip, SKIP_DROP_INDEX) ? held : c,
					  PSUB_DROP_INDEX)))
				return diag_nomem(d);
			s->from_ix = fi;
			continue;
		}
		unsigned w = index_changes(fi, ti);

		if (!w)
			continue;
		if (!(s = add_sub(a, skipped(skip, SKIP_MODIFY_INDEX) ? held : c,
				  PSUB_MODIFY_INDEX)))
			return diag_nomem(d);
		s->from_ix = fi;
		s->to_ix = ti;
		s->what = w;
	}
	for (size_t i = 0; i < t->nindexes; i++) {
		if (find_index(f, t->indexes[i].name))
			continue;
		if (!(s = add_sub(a, skipped(skip, SKIP_ADD_INDEX) ? held : c, PSUB_ADD_INDEX)))
			return diag_nomem(d);
		s->to_ix = &t->indexes[i];
	}
	/* Foreign keys, by constraint name. */
	for (size_t i = 0; i < f->nfks; i++) {
		const struct schema_fk *ff = &f->fks[i], *tf = NULL;

		for (size_t k = 0; k < t->nfks; k++)
			if (streq(t->fks[k].name, ff->name))
				tf = &t->fks[k];
		if (!tf) {
			if (!(s = add_sub(a, skipped(skip, SKIP_DROP_FOREIGN_KEY) ? held : c,
					  PSUB_DROP_FK)))
				return diag_nomem(d);
			s->from_fk = ff;
		} else if (!fk_equal(ff, tf)) {
			if (!(s = add_sub(a, skipped(skip, SKIP_MODIFY_FOREIGN_KEY) ? held : c,
					  PSUB_MODIFY_FK)))
				return diag_nomem(d);
			s->from_fk = ff;
			s->to_fk = tf;
		}
	}
	for (size_t i = 0; i < t->nfks; i++) {
		int found = 0;

		for (size_t k = 0; k < f->nfks; k++)
			found |= streq(f->fks[k].name, t->fks[i].name);
		if (found)
			continue;
		if (!(s = add_sub(a, skipped(skip, SKIP_ADD_FOREIGN_KEY) ? held : c, PSUB_ADD_FK)))
			return diag_nomem(d);
		s->to_fk = &t->fks[i];
	}
	return 0;
}

static struct plan_change *push(struct arena *a, struct plan *p, enum plan_kind k,
				const char *schema)
{
	struct plan_change *c = arena_push(a, (void **)&p->v, &p->n, &p->cap, sizeof(*c));

	if (c) {
		c->kind = k;
		c->schema = schema;
	}
	return c;
}

static struct plan_change *hold(struct arena *a, struct plan *p, enum plan_kind k,
				const char *schema)
{
	struct plan_change *c =
		arena_push(a, (void **)&p->skipped, &p->nskipped, &p->capskipped, sizeof(*c));

	if (c) {
		c->kind = k;
		c->schema = schema;
	}
	return c;
}

/* Tables in dependency order: a table after the tables its foreign keys reference. */
struct topo {
	const struct schema_schema *s;
	int *state; /* 0 new, 1 visiting, 2 done */
	const struct schema_table **out;
	size_t n;
	int cycle;
};

static void visit(struct topo *tp, size_t i)
{
	const struct schema_table *t = &tp->s->tables[i];

	if (tp->state[i] == 2)
		return;
	if (tp->state[i] == 1) {
		tp->cycle = 1;
		return;
	}
	tp->state[i] = 1;
	for (size_t k = 0; k < t->nfks; k++) {
		const struct schema_table *parent;

		if (!streq(t->fks[k].ref_schema, tp->s->name))
			continue;
		parent = find_table(tp->s, t->fks[k].ref_table);
		if (parent && parent != t)
			visit(tp, (size_t)(parent - tp->s->tables));
	}
	tp->state[i] = 2;
	tp->out[tp->n++] = t;
}

/*
 * One schema's changes into p; deferred foreign keys into late, table drops into tdrops
 * (children before parents) and enum drops into edrops, which the caller appends last.
 */
static int self_fk(const struct schema_schema *s, const struct schema_table *t,
		   const struct schema_fk *fk)
{
	return streq(fk->ref_schema, s->name) && strcmp(fk->ref_table, t->name) == 0;
}

/* Has the table a foreign key to, or (refd: marked by referenced_tables) from, another? */
static int in_graph(const struct schema_schema *s, const struct schema_table *t, const char *refd)
{
	for (size_t k = 0; k < t->nfks; k++)
		if (!self_fk(s, t, &t->fks[k]) && streq(t->fks[k].ref_schema, s->name) &&
		    find_table(s, t->fks[k].ref_table))
			return 1;
	return refd[t - s->tables];
}

/* refd[i] = 1 when another table of s has a foreign key to table i. */
static void referenced_tables(const struct schema_schema *s, char *refd)
{
	for (size_t i = 0; i < s->ntables; i++)
		for (size_t k = 0; k < s->tables[i].nfks; k++) {
			const struct schema_fk *fk = &s->tables[i].fks[k];
			const struct schema_table *p;

			if (!streq(fk->ref_schema, s->name))
				continue;
			p = find_table(s, fk->ref_table);
			if (p && p != &s->tables[i])
				refd[p - s->tables] = 1;
		}
}

/* Do the new tables' foreign keys among themselves form a cycle? 1, 0, or -1 (memory). */
static int new_cycle(struct arena *a, const struct schema_schema *s,
		     const struct schema_table *const *nt, size_t nn)
{
	struct schema_schema sub = *s;
	struct schema_table *v = arena_alloc(a, (nn + 1) * sizeof(*v));
	struct topo tp = { &sub, NULL, NULL, 0, 0 };

	tp.state = arena_alloc(a, (nn + 1) * sizeof(*tp.state));
	tp.out = arena_alloc(a, (nn + 1) * sizeof(*tp.out));
	if (!v || !tp.state || !tp.out)
		return -1;
	for (size_t i = 0; i < nn; i++)
		v[i] = *nt[i];
	sub.tables = v;
	sub.ntables = nn;
	for (size_t i = 0; i < nn; i++)
		visit(&tp, i);
	return tp.cycle;
}

static int diff_schema(struct arena *a, enum schema_dialect dialect, const struct schema_schema *f,
		       const struct schema_schema *t, const int *skip, struct plan *p,
		       struct plan *late, struct plan *tdrops, struct plan *edrops, struct diag *d)
{
	struct plan_change *c;
	struct topo tp = { t, NULL, NULL, 0, 0 };

	/* Enums (PostgreSQL): changes and drops in 'from' order, then new ones. */
	for (size_t i = 0; f && i < f->nenums; i++) {
		const struct schema_enum *fe = &f->enums[i], *te = NULL;

		for (size_t k = 0; k < t->nenums; k++)
			if (strcmp(t->enums[k].name, fe->name) == 0)
				te = &t->enums[k];
		if (!te) {
			if (!(c = push(a, edrops, PLAN_DROP_ENUM, t->name)))
				return diag_nomem(d);
			c->from_enum = fe;
		} else if (!names_equal(fe->values, fe->nvalues, te->values, te->nvalues)) {
			if (!(c = push(a, p, PLAN_MODIFY_ENUM, t->name)))
				return diag_nomem(d);
			c->from_enum = fe;
			c->to_enum = te;
		}
	}
	for (size_t i = 0; i < t->nenums; i++) {
		int found = 0;

		for (size_t k = 0; f && k < f->nenums; k++)
			found |= strcmp(f->enums[k].name, t->enums[i].name) == 0;
		if (found)
			continue;
		if (!(c = push(a, p, PLAN_ADD_ENUM, t->name)))
			return diag_nomem(d);
		c->to_enum = &t->enums[i];
	}
	/* Existing tables: drop (last, a child before its parent) or modify. */
	if (f) {
		struct topo ft = { f, NULL, NULL, 0, 0 };

		ft.state = arena_alloc(a, (f->ntables + 1) * sizeof(*ft.state));
		ft.out = arena_alloc(a, (f->ntables + 1) * sizeof(*ft.out));
		if (!ft.state || !ft.out)
			return diag_nomem(d);
		for (size_t i = 0; i < f->ntables; i++)
			visit(&ft, i);
		for (size_t i = ft.n; i-- > 0;) {
			if (find_table(t, ft.out[i]->name))
				continue;
			if (skipped(skip, SKIP_DROP_TABLE)) {
				if (!(c = hold(a, p, PLAN_DROP_TABLE, t->name)))
					return diag_nomem(d);
			} else if (!(c = push(a, tdrops, PLAN_DROP_TABLE, t->name))) {
				return diag_nomem(d);
			}
			c->from_table = ft.out[i];
		}
	}
	for (size_t i = 0; f && i < f->ntables; i++) {
		const struct schema_table *ft = &f->tables[i], *tt = find_table(t, ft->name);

		if (!tt)
			continue;
		struct plan_change mod = {
			PLAN_MODIFY_TABLE, t->name, f, t, ft, tt, NULL, NULL, NULL, 0, 0, 0
		};
		struct plan_change held = mod;

		if (diff_table(a, dialect, ft, tt, skip, &mod, &held, d))
			return -1;
		if (held.nsubs) {
			if (!(c = hold(a, p, PLAN_MODIFY_TABLE, t->name)))
				return diag_nomem(d);
			*c = held;
		}
		if (mod.nsubs) {
			if (!(c = push(a, p, PLAN_MODIFY_TABLE, t->name)))
				return diag_nomem(d);
			*c = mod;
		}
	}
	/*
	 * New tables, as Atlas orders them: when their foreign keys form a cycle, in input
	 * order with the (non-self) foreign keys added at the end; otherwise stably sorted by
	 * the post-order index of each table in the foreign-key graph, tables outside the
	 * graph counting 0, so parents come before their children.
	 */
	{
		const struct schema_table **nt = arena_alloc(a, (t->ntables + 1) * sizeof(*nt));
		char *refd = arena_alloc(a, t->ntables + 1);
		size_t nn = 0;
		long *key;

		if (!refd)
			return diag_nomem(d);
		referenced_tables(t, refd);
		tp.state = arena_alloc(a, (t->ntables + 1) * sizeof(*tp.state));
		tp.out = arena_alloc(a, (t->ntables + 1) * sizeof(*tp.out));
		key = arena_alloc(a, (t->ntables + 1) * sizeof(*key));
		if (!nt || !tp.state || !tp.out || !key)
			return diag_nomem(d);
		for (size_t i = 0; i < t->ntables; i++)
			if (!find_table(f, t->tables[i].name))
				nt[nn++] = &t->tables[i];
		/* Post-order over the graph, visiting from the new tables in input order. */
		for (size_t i = 0; i < nn; i++)
			if (in_graph(t, nt[i], refd))
				visit(&tp, (size_t)(nt[i] - t->tables));
		{
			long *pos = arena_alloc(a, (t->ntables + 1) * sizeof(*pos));

			if (!pos)
				return diag_nomem(d);
			for (size_t k = 0; k < tp.n; k++)
				pos[tp.out[k] - t->tables] = (long)k;
			for (size_t i = 0; i < nn; i++)
				key[i] = in_graph(t, nt[i], refd) ? pos[nt[i] - t->tables] : 0;
		}
		tp.cycle = new_cycle(a, t, nt, nn);
		if (tp.cycle < 0)
			return diag_nomem(d);
		if (!tp.cycle)
			for (size_t i = 1; i < nn; i++) /* insertion sort: stable */
				for (size_t k = i; k > 0 && key[k - 1] > key[k]; k--) {
					const struct schema_table *x = nt[k];
					long y = key[k];

					nt[k] = nt[k - 1];
					key[k] = key[k - 1];
					nt[k - 1] = x;
					key[k - 1] = y;
				}
		for (size_t i = 0; i < nn; i++) {
			const struct schema_table *tt = nt[i];
			size_t nonself = 0;

			if (skipped(skip, SKIP_ADD_TABLE)) {
				if (!(c = hold(a, p, PLAN_ADD_TABLE, t->name)))
					return diag_nomem(d);
				c->to_table = tt;
				continue;
			}
			if (!(c = push(a, p, PLAN_ADD_TABLE, t->name)))
				return diag_nomem(d);
			c->to_table = tt;
			c->to_schema = t;
			for (size_t k = 0; k < tt->nfks; k++)
				nonself += !self_fk(t, tt, &tt->fks[k]);
			if (tp.cycle && nonself) {
				struct plan_change *fkc;

				c->fks_deferred = 1;
				if (!(fkc = push(a, late, PLAN_MODIFY_TABLE, t->name)))
					return diag_nomem(d);
				fkc->from_table = tt;
				fkc->to_table = tt;
				for (size_t k = 0; k < tt->nfks; k++) {
					struct plan_sub *s;

					if (self_fk(t, tt, &tt->fks[k]))
						continue;
					if (!(s = add_sub(a, fkc, PSUB_ADD_FK)))
						return diag_nomem(d);
					s->to_fk = &tt->fks[k];
				}
			}
		}
	}
	return 0;
}

static const struct schema_schema *find_schema(const struct schema_realm *r, const char *name)
{
	for (size_t i = 0; i < r->nschemas; i++)
		if (strcmp(r->schemas[i].name, name) == 0)
			return &r->schemas[i];
	return NULL;
}

int plan_diff(struct arena *a, const struct schema_realm *from, const struct schema_realm *to,
	      const int *skip, struct plan *p, struct diag *d)
{
	struct plan late = { to->dialect, NULL, NULL, 0, 0, NULL, 0, 0 }, drops = late,
		    tdrops = late, edrops = late;
	int empty = from->nschemas == 0;
	struct plan_change *c;

	memset(p, 0, sizeof(*p));
	p->dialect = to->dialect;
	if (!sorted_tables(from) || !sorted_tables(to))
		return diag_set(d, DIAG_USAGE, NULL, 0, 0,
				"internal: tables must be sorted by name (apply a profile first)");
	if (to->nschemas == 0 && from->nschemas > 0) {
		/* An empty target keeps the schemas the scope implies, emptied of their tables. */
		struct schema_realm *t2 = arena_alloc(a, sizeof(*t2));

		if (!t2)
			return diag_nomem(d);
		t2->dialect = from->dialect;
		t2->schemas = arena_alloc(a, (from->nschemas + 1) * sizeof(*t2->schemas));
		if (!t2->schemas)
			return diag_nomem(d);
		for (size_t i = 0; i < from->nschemas; i++)
			if (from->dialect == SCHEMA_MYSQL ||
			    strcmp(from->schemas[i].name, "public") == 0)
				t2->schemas[t2->nschemas++] = (struct schema_schema){
					.name = from->schemas[i].name,
					.charset = from->schemas[i].charset,
					.collate = from->schemas[i].collate,
					.comment = from->schemas[i].comment,
				};
		to = t2;
		p->dialect = to->dialect;
	}
	if (!empty && from->dialect != to->dialect)
		return diag_set(
			d, DIAG_USAGE, NULL, 0, 0, "cannot diff a %s schema against a %s schema",
			schema_dialect_name(from->dialect), schema_dialect_name(to->dialect));
	/* Schemas first: drops (held to the end), modifications, additions. */
	for (size_t i = 0; i < from->nschemas; i++) {
		const struct schema_schema *fs = &from->schemas[i], *ts = find_schema(to, fs->name);

		if (!ts) {
			if (skipped(skip, SKIP_DROP_SCHEMA)) {
				if (!(c = hold(a, p, PLAN_DROP_SCHEMA, fs->name)))
					return diag_nomem(d);
			} else if (!(c = push(a, &drops, PLAN_DROP_SCHEMA, fs->name))) {
				return diag_nomem(d);
			}
			c->from_schema = fs;
			continue;
		}
		/* MySQL stores no schema comment: Atlas's MySQL diff compares the charset and
		 * the collation only, so a comment alone writes no ALTER DATABASE. */
		if ((to->dialect == SCHEMA_POSTGRES && !streq(fs->comment, ts->comment)) ||
		    !streq(fs->charset, ts->charset) || !streq(fs->collate, ts->collate)) {
			if (!(c = push(a, p, PLAN_MODIFY_SCHEMA, fs->name)))
				return diag_nomem(d);
			c->from_schema = fs;
			c->to_schema = ts;
		}
	}
	for (size_t i = 0; i < to->nschemas; i++) {
		const struct schema_schema *ts = &to->schemas[i];
		int implied =
			empty && (to->dialect == SCHEMA_MYSQL || strcmp(ts->name, "public") == 0);

		if (find_schema(from, ts->name) || implied)
			continue;
		if (!(c = push(a, p, PLAN_ADD_SCHEMA, ts->name)))
			return diag_nomem(d);
		c->to_schema = ts;
	}
	for (size_t i = 0; i < to->nschemas; i++) {
		const struct schema_schema *ts = &to->schemas[i];

		if (diff_schema(a, to->dialect, find_schema(from, ts->name), ts, skip, p, &late,
				&tdrops, &edrops, d))
			return -1;
	}
	/* Deferred foreign keys, then drops: tables, types, schemas. */
	const struct plan *tail[] = { &late, &tdrops, &edrops, &drops };

	for (size_t k = 0; k < sizeof(tail) / sizeof(tail[0]); k++)
		for (size_t i = 0; i < tail[k]->n; i++) {
			if (!(c = arena_push(a, (void **)&p->v, &p->n, &p->cap, sizeof(*c))))
				return diag_nomem(d);
			*c = tail[k]->v[i];
		}
	return 0;
}
