/*
 * lint: the migrate-lint run (Atlas's migratelint.Runner and DevLoader, offline) and
 * Atlas's analyzers over the changes each statement made.
 */
#include "lint.h"

#include <errno.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "fsx.h"
#include "plan.h"
#include "replay.h"
#include "sqlsplit.h"
#include "sum.h"

extern char **environ;

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static int streq(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

/* ---- the migration files */

struct mfile {
	const char *name, *path, *version;
	const char *text;
	size_t len;
	int checkpoint;
};

/* Atlas's version of a file name: up to the first '_', without ".sql". */
static const char *version_of(struct arena *a, const char *name)
{
	size_t n = strlen(name);
	const char *us;

	if (n > 4 && strcmp(name + n - 4, ".sql") == 0)
		n -= 4;
	us = memchr(name, '_', n);
	return arena_strndup(a, name, us ? (size_t)(us - name) : n);
}

static int read_files(struct arena *a, const char *dir, struct mfile **out, size_t *n,
		      struct diag *d)
{
	char **names = NULL, full[4096];
	struct buf b;
	size_t cnt = 0;
	int rc = -1;

	*out = NULL;
	*n = 0;
	buf_init(&b, 256u << 20);
	if (fsx_list(dir, ".sql", &names, &cnt, d))
		return -1;
	if (!(*out = arena_alloc(a, (cnt + 1) * sizeof(**out)))) {
		diag_nomem(d);
		goto out;
	}
	for (size_t i = 0; i < cnt; i++) {
		struct mfile *f = &(*out)[i];

		if (fsx_join(full, sizeof(full), dir, names[i], d) || fsx_read(full, &b, d))
			goto out;
		f->name = arena_strdup(a, names[i]);
		f->path = arena_strdup(a, full);
		f->version = version_of(a, names[i]);
		f->text = arena_strndup(a, b.data ? b.data : "", b.len);
		f->len = b.len;
		if (!f->name || !f->path || !f->version || !f->text) {
			diag_nomem(d);
			goto out;
		}
		f->checkpoint = sqlsplit_is_checkpoint(f->text, f->len);
	}
	*n = cnt;
	rc = 0;
out:
	fsx_names_free(names, cnt);
	buf_release(&b);
	return rc;
}

/*
 * The index of the first file git added between base and HEAD (git diff --name-only
 * --diff-filter=A, as Atlas's GitChangeDetector runs it), or n when none.
 */
static int git_first_added(const struct lint_opts *o, const struct mfile *v, size_t n,
			   size_t *first, struct diag *d)
{
	const char *gitdir = o->git_dir ? o->git_dir : ".";
	char *argv[] = { "git",	 "-C",		(char *)gitdir,	   "--no-pager",
			 "diff", "--name-only", "--diff-filter=A", (char *)o->git_base,
			 "HEAD", "--",		(char *)o->dir,	   NULL };
	posix_spawn_file_actions_t fa;
	struct buf out;
	int pfd[2], status = 0, rc = -1;
	pid_t pid;
	char chunk[4096];
	ssize_t got;

	*first = n;
	if (pipe(pfd))
		return diag_errno(d, "pipe", errno);
	buf_init(&out, 64u << 20);
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, pfd[1], 1);
	posix_spawn_file_actions_adddup2(&fa, pfd[1], 2);
	posix_spawn_file_actions_addclose(&fa, pfd[0]);
	if ((errno = posix_spawnp(&pid, "git", &fa, NULL, argv, environ))) {
		rc = diag_set(d, DIAG_IO, NULL, 0, 0, "lookup git: %s", strerror(errno));
		close(pfd[0]);
		close(pfd[1]);
		goto out;
	}
	close(pfd[1]);
	while ((got = read(pfd[0], chunk, sizeof(chunk))) > 0)
		if (buf_add(&out, chunk, (size_t)got, d)) {
			close(pfd[0]);
			waitpid(pid, &status, 0);
			goto out;
		}
	close(pfd[0]);
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		const char *txt = out.data ? out.data : "";
		size_t l = strcspn(txt, "\n");

		rc = diag_set(d, DIAG_IO, NULL, 0, 0, "git diff: exit status %d%s%.*s",
			      WIFEXITED(status) ? WEXITSTATUS(status) : -1, l ? ": " : "", (int)l,
			      txt);
		goto out;
	}
	/* The first file whose name git listed (by base name), and everything after it. */
	for (size_t i = 0; i < n && *first == n; i++) {
		const char *p = out.data ? out.data : "";

		while (*p) {
			size_t l = strcspn(p, "\n");
			const char *base = p;

			for (const char *q = p; q < p + l; q++)
				if (*q == '/')
					base = q + 1;
			if ((size_t)(p + l - base) == strlen(v[i].name) &&
			    strncmp(base, v[i].name, (size_t)(p + l - base)) == 0) {
				*first = i;
				break;
			}
			p += l + (p[l] == '\n');
		}
	}
	rc = 0;
out:
	posix_spawn_file_actions_destroy(&fa);
	buf_release(&out);
	return rc;
}

/* ---- changes: what one statement did (Atlas's schema.Changes, as the analyzers see them) */

enum chg_kind { C_ADD_SCHEMA, C_DROP_SCHEMA, C_ADD_TABLE, C_DROP_TABLE, C_MODIFY, C_RENAME };

enum sub_kind {
	S_ADD_COLUMN,
	S_DROP_COLUMN,
	S_MODIFY_COLUMN,
	S_RENAME_COLUMN,
	S_ADD_INDEX,
	S_DROP_INDEX,
	S_MODIFY_INDEX,
	S_RENAME_INDEX,
	S_ADD_FK,
	S_DROP_FK,
	S_ADD_CHECK,
	S_OTHER,
};

struct sub {
	enum sub_kind k;
	const struct schema_column *from_col, *col; /* col: the added/new/renamed-to column */
	const struct schema_index *from_ix, *ix;
	const struct schema_fk *fk;
	const struct schema_check *ck;
};

struct chg {
	enum chg_kind k;
	const char *schema;
	const struct schema_schema *s;	      /* add/drop schema */
	const struct schema_table *t;	      /* add/drop table; modify: the table after */
	const char *tname;		      /* modify: the table's name (a rename's old name) */
	const struct schema_table *from, *to; /* rename */
	const char *from_name;		      /* rename: the old name */
	struct sub *subs;
	size_t nsubs, capsubs;
};

struct stmtc {
	size_t pos;
	const struct sqlsplit_stmt *st; /* NULL for a batch */
	const struct lint_stmt *info;	/* NULL for a batch */
	struct chg *v;
	size_t n, cap;
	const char **rules; /* nolint rules */
	size_t nrules, caprules;
};

/* One file's analysis. */
struct fctx {
	struct arena *a;  /* the result's */
	struct arena *sa; /* scratch: snapshots, plans, changes */
	const struct lint_opts *o;
	const struct mfile *file;
	const struct sqlsplit_stmt *all; /* every statement of the file */
	const struct lint_stmt *infos;
	size_t nall;
	struct stmtc *sc;
	size_t nsc;
	struct spans *spans;
	struct lint_file *out;
	struct diag *d;
};

/* A copy of the realm the replay can no longer change, tables sorted for plan_diff. */
static void *dup_arr(struct arena *a, const void *p, size_t n, size_t size, int *fail)
{
	void *q;

	if (!p || n == 0)
		return NULL;
	if (!(q = arena_alloc(a, n * size))) {
		*fail = 1;
		return NULL;
	}
	memcpy(q, p, n * size);
	return q;
}

static int by_name(const void *x, const void *y)
{
	return strcmp(((const struct schema_table *)x)->name,
		      ((const struct schema_table *)y)->name);
}

static void dup_index(struct arena *a, struct schema_index *ix, int *fail)
{
	ix->parts = dup_arr(a, ix->parts, ix->nparts, sizeof(*ix->parts), fail);
	ix->include = dup_arr(a, ix->include, ix->ninclude, sizeof(*ix->include), fail);
}

static struct schema_realm *snapshot(struct arena *a, const struct schema_realm *from,
				     struct diag *d)
{
	struct schema_realm *r = arena_alloc(a, sizeof(*r));
	int fail = !r;

	if (fail)
		goto out;
	*r = *from;
	r->schemas = dup_arr(a, from->schemas, from->nschemas, sizeof(*r->schemas), &fail);
	r->capschemas = r->nschemas;
	r->objects = dup_arr(a, from->objects, from->nobjects, sizeof(*r->objects), &fail);
	r->capobjects = r->nobjects;
	for (size_t i = 0; !fail && i < r->nschemas; i++) {
		struct schema_schema *s = &r->schemas[i];

		s->tables = dup_arr(a, s->tables, s->ntables, sizeof(*s->tables), &fail);
		s->captables = s->ntables;
		s->enums = dup_arr(a, s->enums, s->nenums, sizeof(*s->enums), &fail);
		s->capenums = s->nenums;
		for (size_t k = 0; !fail && k < s->nenums; k++)
			s->enums[k].values = dup_arr(a, s->enums[k].values, s->enums[k].nvalues,
						     sizeof(char *), &fail);
		for (size_t k = 0; !fail && k < s->ntables; k++) {
			struct schema_table *t = &s->tables[k];

			t->columns =
				dup_arr(a, t->columns, t->ncolumns, sizeof(*t->columns), &fail);
			t->capcolumns = t->ncolumns;
			t->indexes =
				dup_arr(a, t->indexes, t->nindexes, sizeof(*t->indexes), &fail);
			t->capindexes = t->nindexes;
			for (size_t j = 0; !fail && j < t->nindexes; j++)
				dup_index(a, &t->indexes[j], &fail);
			if (t->pk) {
				t->pk = dup_arr(a, t->pk, 1, sizeof(*t->pk), &fail);
				if (t->pk)
					dup_index(a, t->pk, &fail);
			}
			t->fks = dup_arr(a, t->fks, t->nfks, sizeof(*t->fks), &fail);
			t->capfks = t->nfks;
			for (size_t j = 0; !fail && j < t->nfks; j++) {
				struct schema_fk *fk = &t->fks[j];

				fk->columns = dup_arr(a, fk->columns, fk->ncolumns, sizeof(char *),
						      &fail);
				fk->ref_columns = dup_arr(a, fk->ref_columns, fk->ncolumns,
							  sizeof(char *), &fail);
			}
			t->checks = dup_arr(a, t->checks, t->nchecks, sizeof(*t->checks), &fail);
			t->capchecks = t->nchecks;
			for (size_t j = 0; !fail && j < t->ncolumns; j++) {
				struct schema_type *ty = &t->columns[j].type;

				ty->values =
					dup_arr(a, ty->values, ty->nvalues, sizeof(char *), &fail);
			}
		}
		if (!fail && s->ntables > 1)
			qsort(s->tables, s->ntables, sizeof(*s->tables), by_name);
	}
out:
	if (fail) {
		diag_nomem(d);
		return NULL;
	}
	return r;
}

static const struct schema_schema *find_schema(const struct schema_realm *r, const char *name)
{
	for (size_t i = 0; i < r->nschemas; i++)
		if (strcmp(r->schemas[i].name, name) == 0)
			return &r->schemas[i];
	return NULL;
}

static const struct schema_table *find_table(const struct schema_schema *s, const char *name)
{
	for (size_t i = 0; s && i < s->ntables; i++)
		if (strcmp(s->tables[i].name, name) == 0)
			return &s->tables[i];
	return NULL;
}

static struct chg *push_chg(struct fctx *f, struct stmtc *sc, enum chg_kind k, const char *schema)
{
	struct chg *c = arena_push(f->sa, (void **)&sc->v, &sc->n, &sc->cap, sizeof(*c));

	if (!c) {
		diag_nomem(f->d);
		return NULL;
	}
	c->k = k;
	c->schema = schema;
	return c;
}

static struct sub *push_sub(struct fctx *f, struct chg *c, enum sub_kind k)
{
	struct sub *s = arena_push(f->sa, (void **)&c->subs, &c->nsubs, &c->capsubs, sizeof(*s));

	if (!s) {
		diag_nomem(f->d);
		return NULL;
	}
	s->k = k;
	return s;
}

/* The sub-changes of a plan's modify-table change, as Atlas's TableDiff lists them. */
static int convert_subs(struct fctx *f, const struct plan_change *pc, struct chg *c)
{
	for (size_t i = 0; i < pc->nsubs; i++) {
		const struct plan_sub *ps = &pc->subs[i];
		struct sub *s;
		enum sub_kind k;

		switch (ps->kind) {
		case PSUB_ADD_COLUMN:
			k = S_ADD_COLUMN;
			break;
		case PSUB_DROP_COLUMN:
			k = S_DROP_COLUMN;
			break;
		case PSUB_MODIFY_COLUMN:
			k = S_MODIFY_COLUMN;
			break;
		case PSUB_ADD_INDEX:
			k = S_ADD_INDEX;
			break;
		case PSUB_DROP_INDEX:
			k = S_DROP_INDEX;
			break;
		case PSUB_MODIFY_INDEX:
			k = S_MODIFY_INDEX;
			break;
		case PSUB_ADD_FK:
			k = S_ADD_FK;
			break;
		case PSUB_DROP_FK:
			k = S_DROP_FK;
			break;
		case PSUB_ADD_CHECK:
			k = S_ADD_CHECK;
			break;
		default:
			k = S_OTHER;
			break;
		}
		if (!(s = push_sub(f, c, k)))
			return -1;
		s->from_col = ps->from_col;
		s->col = ps->to_col;
		s->from_ix = ps->from_ix;
		s->ix = ps->to_ix;
		s->fk = k == S_ADD_FK ? ps->to_fk : ps->from_fk;
		s->ck = ps->to_ck;
	}
	return 0;
}

/* The modify-table change between two versions of a table (Atlas's TableDiff). */
static int table_diff(struct fctx *f, const char *schema, const struct schema_table *from,
		      const struct schema_table *to, struct chg *c)
{
	struct schema_schema s1 = { 0 }, s2 = { 0 };
	struct schema_realm r1 = { 0 }, r2 = { 0 };
	struct schema_table t1 = *from;
	struct plan p;

	t1.name = to->name;
	s1.name = s2.name = schema;
	s1.tables = &t1;
	s2.tables = (struct schema_table *)to;
	s1.ntables = s2.ntables = 1;
	r1.dialect = r2.dialect = f->o->dialect;
	r1.schemas = &s1;
	r2.schemas = &s2;
	r1.nschemas = r2.nschemas = 1;
	if (plan_diff(f->sa, &r1, &r2, NULL, &p, f->d))
		return -1;
	for (size_t i = 0; i < p.n; i++)
		if (p.v[i].kind == PLAN_MODIFY_TABLE && convert_subs(f, &p.v[i], c))
			return -1;
	return 0;
}

/* Atlas's RealmDiff: dropped schemas, each kept schema's tables, added schemas. */
static int realm_diff(struct fctx *f, const struct schema_realm *b, const struct schema_realm *a,
		      struct stmtc *sc)
{
	struct chg *c;

	for (size_t i = 0; i < b->nschemas; i++) {
		const struct schema_schema *s1 = &b->schemas[i], *s2 = find_schema(a, s1->name);
		struct schema_realm r1 = *b, r2 = *a;
		struct plan p;

		if (!s2) {
			if (!(c = push_chg(f, sc, C_DROP_SCHEMA, s1->name)))
				return -1;
			c->s = s1;
			continue;
		}
		r1.schemas = (struct schema_schema *)s1;
		r2.schemas = (struct schema_schema *)s2;
		r1.nschemas = r2.nschemas = 1;
		if (plan_diff(f->sa, &r1, &r2, NULL, &p, f->d))
			return -1;
		for (size_t k = 0; k < s1->ntables; k++) {
			const struct schema_table *ft = &s1->tables[k],
						  *tt = find_table(s2, ft->name);

			if (!tt) {
				if (!(c = push_chg(f, sc, C_DROP_TABLE, s1->name)))
					return -1;
				c->t = ft;
				continue;
			}
			for (size_t j = 0; j < p.n; j++) {
				if (p.v[j].kind != PLAN_MODIFY_TABLE || p.v[j].from_table != ft)
					continue;
				if (!(c = push_chg(f, sc, C_MODIFY, s1->name)))
					return -1;
				c->t = tt;
				c->tname = tt->name;
				if (convert_subs(f, &p.v[j], c))
					return -1;
				if (c->nsubs == 0)
					sc->n--;
				break;
			}
		}
		for (size_t k = 0; k < s2->ntables; k++) {
			if (find_table(s1, s2->tables[k].name))
				continue;
			if (!(c = push_chg(f, sc, C_ADD_TABLE, s2->name)))
				return -1;
			c->t = &s2->tables[k];
		}
	}
	for (size_t i = 0; i < a->nschemas; i++) {
		const struct schema_schema *s = &a->schemas[i];

		if (find_schema(b, s->name))
			continue;
		if (!(c = push_chg(f, sc, C_ADD_SCHEMA, s->name)))
			return -1;
		c->s = s;
		for (size_t k = 0; k < s->ntables; k++) {
			if (!(c = push_chg(f, sc, C_ADD_TABLE, s->name)))
				return -1;
			c->t = &s->tables[k];
		}
	}
	return 0;
}

/* ---- renames (Atlas's parseutil: a DROP and an ADD the statement renamed) */

static const char *sub_name(const struct sub *s, int from)
{
	switch (s->k) {
	case S_ADD_COLUMN:
		return s->col ? s->col->name : NULL;
	case S_DROP_COLUMN:
		return s->from_col ? s->from_col->name : NULL;
	case S_MODIFY_COLUMN:
		return from ? s->from_col->name : s->col->name;
	case S_ADD_INDEX:
		return s->ix ? s->ix->name : NULL;
	case S_DROP_INDEX:
		return s->from_ix ? s->from_ix->name : NULL;
	default:
		return NULL;
	}
}

static long find_sub(const struct chg *c, enum sub_kind k, const char *name)
{
	for (size_t i = 0; i < c->nsubs; i++)
		if (c->subs[i].k == k && streq(sub_name(&c->subs[i], 1), name))
			return (long)i;
	return -1;
}

static void remove_sub(struct chg *c, size_t i)
{
	memmove(&c->subs[i], &c->subs[i + 1], (c->nsubs - i - 1) * sizeof(c->subs[0]));
	c->nsubs--;
}

static void rename_column(struct chg *m, const char *from, const char *to)
{
	long i = find_sub(m, S_DROP_COLUMN, from), j = find_sub(m, S_ADD_COLUMN, to);

	if (j < 0)
		return;
	if (i >= 0) {
		struct sub r = {
			S_RENAME_COLUMN, m->subs[i].from_col, m->subs[j].col, NULL, NULL, NULL, NULL
		};

		m->subs[i > j ? i : j] = r;
		remove_sub(m, (size_t)(i < j ? i : j));
		return;
	}
	/* Renamed, and the old name added back: the old column was modified. */
	if ((i = find_sub(m, S_MODIFY_COLUMN, from)) < 0)
		return;
	{
		struct sub mod = m->subs[i], add = m->subs[j];
		struct sub r = { S_RENAME_COLUMN, mod.from_col, add.col, NULL, NULL, NULL, NULL };
		struct sub back = { S_ADD_COLUMN, NULL, mod.col, NULL, NULL, NULL, NULL };

		m->subs[i < j ? i : j] = r;
		m->subs[i > j ? i : j] = back;
	}
}

static void rename_index(struct chg *m, const char *from, const char *to)
{
	long i = find_sub(m, S_DROP_INDEX, from), j = find_sub(m, S_ADD_INDEX, to);
	struct sub r = { S_RENAME_INDEX, NULL, NULL, NULL, NULL, NULL, NULL };

	if (i < 0 || j < 0)
		return;
	r.from_ix = m->subs[i].from_ix;
	r.ix = m->subs[j].ix;
	m->subs[i > j ? i : j] = r;
	remove_sub(m, (size_t)(i < j ? i : j));
}

static void rename_table(struct stmtc *sc, const char *from, const char *to)
{
	long i = -1, j = -1;

	for (size_t k = 0; k < sc->n; k++) {
		if (sc->v[k].k == C_DROP_TABLE && strcmp(sc->v[k].t->name, from) == 0)
			i = (long)k;
		if (sc->v[k].k == C_ADD_TABLE && strcmp(sc->v[k].t->name, to) == 0)
			j = (long)k;
	}
	if (i < 0 || j < 0)
		return;
	{
		struct chg r = sc->v[i];

		r.k = C_RENAME;
		r.from = sc->v[i].t;
		r.from_name = sc->v[i].t->name;
		r.to = sc->v[j].t;
		r.t = NULL;
		sc->v[i > j ? i : j] = r;
		memmove(&sc->v[i < j ? i : j], &sc->v[(i < j ? i : j) + 1],
			(sc->n - (size_t)(i < j ? i : j) - 1) * sizeof(sc->v[0]));
		sc->n--;
	}
}

/* Copies the changes so a fix that fails leaves them as they were (Atlas's mayFix). */
static int save_changes(struct fctx *f, const struct stmtc *sc, struct chg **v)
{
	*v = NULL;
	if (!sc->n)
		return 0;
	if (!(*v = arena_alloc(f->sa, sc->n * sizeof(**v))))
		return diag_nomem(f->d);
	memcpy(*v, sc->v, sc->n * sizeof(**v));
	for (size_t i = 0; i < sc->n; i++) {
		if (!sc->v[i].nsubs)
			continue;
		if (!((*v)[i].subs = arena_alloc(f->sa, sc->v[i].nsubs * sizeof(struct sub))))
			return diag_nomem(f->d);
		memcpy((*v)[i].subs, sc->v[i].subs, sc->v[i].nsubs * sizeof(struct sub));
		(*v)[i].capsubs = sc->v[i].nsubs;
	}
	return 0;
}

/* MySQL ALTER TABLE t RENAME TO u, ...: a modify of t and the rename (myparse's renameTable). */
static int my_alter_rename(struct fctx *f, struct stmtc *sc, const char *old, const char *new,
			   int *ok)
{
	long i = -1, j = -1;
	struct chg mod = { 0 }, ren = { 0 };
	struct schema_table *changed;

	*ok = 0;
	if (sc->n != 2)
		return 0;
	for (size_t k = 0; k < 2; k++) {
		if (sc->v[k].k == C_DROP_TABLE && strcmp(sc->v[k].t->name, old) == 0)
			i = (long)k;
		if (sc->v[k].k == C_ADD_TABLE && strcmp(sc->v[k].t->name, new) == 0)
			j = (long)k;
	}
	if (i < 0 || j < 0)
		return 0;
	if (!(changed = arena_alloc(f->sa, sizeof(*changed))))
		return diag_nomem(f->d);
	*changed = *sc->v[j].t;
	changed->name = old;
	mod.k = C_MODIFY;
	mod.schema = sc->v[j].schema;
	mod.t = changed;
	mod.tname = old;
	if (table_diff(f, mod.schema, sc->v[i].t, sc->v[j].t, &mod))
		return -1;
	ren.k = C_RENAME;
	ren.schema = sc->v[j].schema;
	ren.from = changed;
	ren.from_name = old;
	ren.to = sc->v[j].t;
	sc->v[0] = mod;
	sc->v[1] = ren;
	*ok = 1;
	return 0;
}

/* Turns the drops and adds a renaming statement caused into renames, or leaves them. */
static int fix_renames(struct fctx *f, struct stmtc *sc)
{
	const struct lint_stmt *s = sc->info;
	struct chg *saved;
	size_t nsaved = sc->n;
	int ok = 1;

	if (!s || !s->nrenames || sc->n == 0)
		return 0;
	if (save_changes(f, sc, &saved))
		return -1;
	if (s->pg_rename) {
		const struct lint_rename *r = &s->renames[0];

		if (r->kind == LINT_RENAME_TABLE) {
			rename_table(sc, r->from, r->to);
		} else if (sc->n != 1 || sc->v[0].k != C_MODIFY) {
			ok = 0;
		} else if (r->kind == LINT_RENAME_COLUMN) {
			rename_column(&sc->v[0], r->from, r->to);
		} else {
			rename_index(&sc->v[0], r->from, r->to);
		}
	} else if (s->my_rename_table) {
		for (size_t i = 0; i < s->nrenames; i++)
			rename_table(sc, s->renames[i].from, s->renames[i].to);
	} else if (s->my_alter) {
		for (size_t i = 0; ok && i < s->nrenames; i++)
			if (s->renames[i].kind == LINT_RENAME_TABLE) {
				if (my_alter_rename(f, sc, s->renames[i].from, s->renames[i].to,
						    &ok))
					return -1;
				break;
			}
		if (ok && sc->v[0].k != C_MODIFY)
			ok = 0;
		for (size_t i = 0; ok && i < s->nrenames; i++)
			if (s->renames[i].kind == LINT_RENAME_COLUMN)
				rename_column(&sc->v[0], s->renames[i].from, s->renames[i].to);
		for (size_t i = 0; ok && i < s->nrenames; i++)
			if (s->renames[i].kind == LINT_RENAME_INDEX)
				rename_index(&sc->v[0], s->renames[i].from, s->renames[i].to);
	}
	if (!ok) {
		sc->v = saved;
		sc->n = sc->cap = nsaved;
	}
	return 0;
}

/* ---- spans: what a file did to a resource over all its statements (sqlcheck's spans) */

enum { SPAN_ADDED = 1, SPAN_DROPPED = 2, SPAN_TEMP = 3 };

struct nspan {
	const char *name;
	unsigned st;
};

struct tspan {
	const char *schema, *table;
	unsigned st;
	struct nspan *cols, *ixs;
	size_t ncols, capcols, nixs, capixs;
};

struct spans {
	struct nspan *schemas;
	size_t nschemas, capschemas;
	struct tspan *tables;
	size_t ntables, captables;
};

static struct nspan *nspan(struct arena *a, struct nspan **v, size_t *n, size_t *cap,
			   const char *name)
{
	struct nspan *s;

	for (size_t i = 0; i < *n; i++)
		if (streq((*v)[i].name, name))
			return &(*v)[i];
	if ((s = arena_push(a, (void **)v, n, cap, sizeof(*s))))
		s->name = name;
	return s;
}

static struct tspan *tspan(struct arena *a, struct spans *sp, const char *schema, const char *table)
{
	struct tspan *t;

	for (size_t i = 0; i < sp->ntables; i++)
		if (streq(sp->tables[i].schema, schema) && streq(sp->tables[i].table, table))
			return &sp->tables[i];
	if ((t = arena_push(a, (void **)&sp->tables, &sp->ntables, &sp->captables, sizeof(*t)))) {
		t->schema = schema;
		t->table = table;
	}
	return t;
}

/* The span state of a schema, table, column or index (0 when unknown or out of memory). */
static unsigned schema_span(struct fctx *f, const char *schema)
{
	struct nspan *s = nspan(f->sa, &f->spans->schemas, &f->spans->nschemas,
				&f->spans->capschemas, schema);

	return s ? s->st : 0;
}

static unsigned table_span(struct fctx *f, const char *schema, const char *table)
{
	struct tspan *t = tspan(f->sa, f->spans, schema, table);

	return t ? t->st : 0;
}

static unsigned column_span(struct fctx *f, const char *schema, const char *table, const char *col)
{
	struct tspan *t = tspan(f->sa, f->spans, schema, table);
	struct nspan *c = t ? nspan(f->sa, &t->cols, &t->ncols, &t->capcols, col) : NULL;

	return c ? c->st : 0;
}

static unsigned index_span(struct fctx *f, const char *schema, const char *table, const char *ix)
{
	struct tspan *t = tspan(f->sa, f->spans, schema, table);
	struct nspan *c = t ? nspan(f->sa, &t->ixs, &t->nixs, &t->capixs, ix) : NULL;

	return c ? c->st : 0;
}

static int load_spans(struct fctx *f)
{
	struct arena *a = f->sa;
	struct spans *sp = arena_alloc(a, sizeof(*sp));

	if (!(f->spans = sp))
		return diag_nomem(f->d);
	for (size_t i = 0; i < f->nsc; i++)
		for (size_t k = 0; k < f->sc[i].n; k++) {
			const struct chg *c = &f->sc[i].v[k];
			struct nspan *s;
			struct tspan *t;

			switch (c->k) {
			case C_ADD_SCHEMA:
			case C_DROP_SCHEMA:
				if (!(s = nspan(a, &sp->schemas, &sp->nschemas, &sp->capschemas,
						c->schema)))
					return diag_nomem(f->d);
				if (c->k == C_ADD_SCHEMA)
					s->st = SPAN_ADDED;
				else
					s->st |= SPAN_DROPPED;
				break;
			case C_ADD_TABLE:
				if (!(t = tspan(a, sp, c->schema, c->t->name)))
					return diag_nomem(f->d);
				t->st = SPAN_ADDED;
				for (size_t j = 0; j < c->t->ncolumns; j++) {
					if (!(s = nspan(a, &t->cols, &t->ncols, &t->capcols,
							c->t->columns[j].name)))
						return diag_nomem(f->d);
					s->st = SPAN_ADDED;
				}
				for (size_t j = 0; j < c->t->nindexes; j++) {
					if (!(s = nspan(a, &t->ixs, &t->nixs, &t->capixs,
							c->t->indexes[j].name)))
						return diag_nomem(f->d);
					s->st = SPAN_ADDED;
				}
				break;
			case C_DROP_TABLE:
				if (!(t = tspan(a, sp, c->schema, c->t->name)))
					return diag_nomem(f->d);
				t->st |= SPAN_DROPPED;
				break;
			case C_MODIFY:
				if (!(t = tspan(a, sp, c->schema, c->tname)))
					return diag_nomem(f->d);
				for (size_t j = 0; j < c->nsubs; j++) {
					const struct sub *u = &c->subs[j];
					int col = u->k == S_ADD_COLUMN || u->k == S_DROP_COLUMN;
					int add = u->k == S_ADD_COLUMN || u->k == S_ADD_INDEX;

					if (!col && u->k != S_ADD_INDEX && u->k != S_DROP_INDEX)
						continue;
					s = col ? nspan(a, &t->cols, &t->ncols, &t->capcols,
							sub_name(u, 1))
						: nspan(a, &t->ixs, &t->nixs, &t->capixs,
							sub_name(u, 1));
					if (!s)
						return diag_nomem(f->d);
					if (add)
						s->st = SPAN_ADDED;
					else
						s->st |= SPAN_DROPPED;
				}
				break;
			case C_RENAME:
				break;
			}
		}
	return 0;
}

/* ---- diagnostics and reports */

struct dlist {
	struct lint_diag *v;
	size_t n, cap;
	size_t *stmt; /* the statement of each diagnostic */
	size_t capstmt, nstmt;
};

static unsigned line_of(const struct mfile *m, size_t pos)
{
	unsigned line = 1;

	for (size_t i = 0; i < pos && i < m->len; i++)
		line += m->text[i] == '\n';
	return line;
}

static int add_diag(struct fctx *f, struct dlist *l, size_t si, const char *code, const char *fix,
		    const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static int add_diag(struct fctx *f, struct dlist *l, size_t si, const char *code, const char *fix,
		    const char *fmt, ...)
{
	struct lint_diag *g = arena_push(f->a, (void **)&l->v, &l->n, &l->cap, sizeof(*g));
	size_t *s = arena_push(f->sa, (void **)&l->stmt, &l->nstmt, &l->capstmt, sizeof(*s));
	char text[2048];
	va_list ap;

	if (!g || !s)
		return diag_nomem(f->d);
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	*s = si;
	g->pos = f->sc[si].pos;
	g->line = line_of(f->file, g->pos);
	g->code = code;
	g->fix = fix;
	if (!(g->text = arena_strdup(f->a, text)))
		return diag_nomem(f->d);
	return 0;
}

/* The nolint filter (Atlas's skipRules): 1 when the diagnostic is suppressed. */
static int suppressed(const struct stmtc *sc, const char *code, const char *az)
{
	if (sc->nrules == 1 && sc->rules[0][0] == '\0')
		return 1;
	for (size_t i = 0; i < sc->nrules; i++)
		if (streq(sc->rules[i], code) || (az && streq(sc->rules[i], az)))
			return 1;
	return 0;
}

/* Files the analyzer's report with what the nolint rules leave of it. */
static int report(struct fctx *f, enum lint_analyzer az, const char *text, struct dlist *l)
{
	struct lint_report *r;
	size_t keep = 0;
	int fails;

	for (size_t i = 0; i < l->n; i++)
		if (!suppressed(&f->sc[l->stmt[i]], l->v[i].code, lint_analyzer_name(az)))
			l->v[keep++] = l->v[i];
	if (keep == 0)
		return 0;
	r = arena_push(f->a, (void **)&f->out->reports, &f->out->nreports, &f->out->capreports,
		       sizeof(*r));
	if (!r)
		return diag_nomem(f->d);
	fails = az != LINT_INLINE_REF && f->o->cfg->error[az];
	r->analyzer = az;
	r->text = text;
	r->error = fails;
	r->v = l->v;
	r->n = r->cap = keep;
	if (fails) {
		f->out->error =
			f->out->error ? arena_printf(f->a, "%s; %s", f->out->error, text) : text;
		if (!f->out->error)
			return diag_nomem(f->d);
	}
	return 0;
}

static const char *quote(struct fctx *f, const char *s)
{
	const char *q = lint_goquote(f->a, s ? s : "");

	return q ? q : "\"\"";
}

/* destructive: DS101 DS102 DS103. */
static int destructive(struct fctx *f)
{
	struct dlist l = { 0 };

	for (size_t i = 0; i < f->nsc; i++)
		for (size_t k = 0; k < f->sc[i].n; k++) {
			const struct chg *c = &f->sc[i].v[k];

			if (c->k == C_DROP_SCHEMA && schema_span(f, c->schema) != SPAN_TEMP) {
				size_t n = c->s->ntables;
				int rc =
					n == 0	 ? add_diag(f, &l, i, "DS101", NULL,
							    "Dropping schema %s", quote(f, c->schema))
					: n == 1 ? add_diag(f, &l, i, "DS101", NULL,
							    "Dropping non-empty schema %s with 1 "
							    "table",
							    quote(f, c->schema))
						 : add_diag(f, &l, i, "DS101", NULL,
							    "Dropping non-empty schema %s with %zu "
							    "tables",
							    quote(f, c->schema), n);

				if (rc)
					return -1;
			} else if (c->k == C_DROP_TABLE &&
				   schema_span(f, c->schema) != SPAN_DROPPED &&
				   table_span(f, c->schema, c->t->name) != SPAN_TEMP) {
				const char *q = quote(f, c->t->name);
				const char *fix = arena_printf(f->a,
							       "Add a pre-migration check to "
							       "ensure table %s is empty before "
							       "dropping it",
							       q);

				if (!fix ||
				    add_diag(f, &l, i, "DS102", fix, "Dropping table %s", q))
					return -1;
			} else if (c->k == C_MODIFY) {
				struct buf names;
				size_t n = 0;
				const char *last = NULL, *fix;
				int rc = 0;

				buf_init(&names, 0);
				for (size_t j = 0; j < c->nsubs && rc == 0; j++) {
					const struct schema_column *col = c->subs[j].from_col;

					if (c->subs[j].k != S_DROP_COLUMN ||
					    column_span(f, c->schema, c->tname, col->name) ==
						    SPAN_TEMP)
						continue;
					if (col->generated_type &&
					    strcasecmp(col->generated_type, "VIRTUAL") == 0)
						continue;
					if (last)
						rc = buf_addf(&names, f->d, "%s%s",
							      n > 1 ? ", " : "", last);
					last = quote(f, col->name);
					n++;
				}
				if (rc == 0 && n == 1) {
					fix = arena_printf(
						f->a,
						"Add a pre-migration check to ensure column %s "
						"is NULL before dropping it",
						last);
					rc = !fix ||
					     add_diag(f, &l, i, "DS103", fix,
						      "Dropping non-virtual column %s", last);
				} else if (rc == 0 && n > 1) {
					fix = arena_printf(
						f->a,
						"Add pre-migration checks to ensure columns %s "
						"and %s are NULL before dropping them",
						names.data, last);
					rc = !fix ||
					     add_diag(f, &l, i, "DS103", fix,
						      "Dropping non-virtual columns %s and %s",
						      names.data, last);
				}
				buf_release(&names);
				if (rc)
					return diag_nomem(f->d);
			}
		}
	return l.n ? report(f, LINT_DESTRUCTIVE, "destructive changes detected", &l) : 0;
}

/* Whether an UPDATE of the file fills the column (parseutil's MatchStmtBefore/After). */
static int fills(const struct lint_stmt *s, const char *schema, const char *table, const char *col)
{
	if (!s->update || !streq(s->upd_table, table) ||
	    (s->upd_schema && !streq(s->upd_schema, schema)))
		return 0;
	for (size_t i = 0; i < s->nset; i++)
		if (streq(s->set[i].column, col) && !s->set[i].null)
			return 1;
	return 0;
}

static int filled_before(struct fctx *f, const char *schema, const char *table, const char *col,
			 size_t pos)
{
	for (size_t i = 0; i < f->nall && f->all[i].atlas_pos < pos; i++) {
		const struct lint_stmt *s = &f->infos[i];

		if (fills(s, schema, table, col) &&
		    (s->where == LINT_WHERE_NONE ||
		     (s->where == LINT_WHERE_IS_NULL && streq(s->where_col, col))))
			return 1;
	}
	return 0;
}

/* Go's strconv.Unquote of a "..."-quoted value, else the value. */
static const char *unquote(struct fctx *f, const char *v)
{
	size_t n = strlen(v);
	char *o, *p;

	if (n < 2 || v[0] != '"' || v[n - 1] != '"')
		return v;
	if (!(o = arena_alloc(f->a, n)))
		return v;
	p = o;
	for (size_t i = 1; i + 1 < n; i++) {
		if (v[i] == '\\' && i + 2 < n)
			i++;
		*p++ = v[i];
	}
	*p = '\0';
	return o;
}

static int filled_after(struct fctx *f, const char *schema, const char *table, const char *col,
			size_t pos, const char *match)
{
	const char *m = unquote(f, match);

	for (size_t i = 0; i < f->nall; i++) {
		const struct lint_stmt *s = &f->infos[i];

		if (f->all[i].atlas_pos < pos || !fills(s, schema, table, col))
			continue;
		if (s->where == LINT_WHERE_NONE ||
		    (s->where == LINT_WHERE_EQ && streq(s->where_col, col) &&
		     streq(s->where_val, m)))
			return 1;
	}
	return 0;
}

/* The base name of a MySQL type: "varchar(120)" -> "varchar", "int unsigned" -> "int". */
static const char *base_type(struct fctx *f, const char *sql)
{
	return arena_strndup(f->a, sql, strcspn(sql, "( "));
}

/* MySQL's AddNotNull handler (mysqlcheck): MY101 implicit values, MF103 failures. */
static int my_add_not_null(struct fctx *f, struct dlist *l, size_t si, const struct chg *c,
			   const struct schema_column *col)
{
	const struct schema_type *ty = &col->type;
	const char *kind = ty->kind ? ty->kind : "", *sql = ty->sql ? ty->sql : "";
	const char *base = base_type(f, sql), *tt = NULL, *v = NULL;
	int maria = f->o->mariadb, fail = 0;

	if (!base)
		return diag_nomem(f->d);
	if (!strcmp(kind, "integer") || !strcmp(kind, "bool") || !strcmp(kind, "decimal") ||
	    !strcmp(kind, "float") || !strcmp(kind, "bit") || !strcmp(kind, "binary")) {
		if (col->auto_increment)
			return 0;
		tt = !strcmp(kind, "bool") || !strcmp(sql, "tinyint(1)") ? "bool" : sql;
		v = "0";
	} else if (!strcmp(kind, "string")) {
		if (!strcmp(base, "varchar") || !strcmp(base, "char") || maria) {
			tt = base;
			v = "\"\"";
		}
	} else if (!strcmp(kind, "enum")) {
		if (ty->nvalues == 0)
			return 0;
		tt = "enum";
		v = quote(f, ty->values[0]);
	} else if (!strcmp(kind, "set")) {
		tt = "set";
		v = "\"\"";
	} else if (!strcmp(kind, "json")) {
		if (maria) {
			tt = base;
			v = "\"\"";
		}
	} else if (!strcmp(kind, "time")) {
		tt = base;
		if (!strcmp(base, "date") || !strcmp(base, "datetime")) {
			if (maria)
				v = "00:00:00";
			else
				fail = 1;
		} else if (!strcmp(base, "year")) {
			v = "0000";
		} else if (!strcmp(base, "time")) {
			v = "00:00:00";
		} else if (!strcmp(base, "timestamp")) {
			v = "CURRENT_TIMESTAMP";
			if (maria) {
				for (size_t i = 0; i < c->t->ncolumns &&
						   strcmp(c->t->columns[i].name, col->name) != 0;
				     i++)
					if (c->t->columns[i].type.sql &&
					    !strncmp(c->t->columns[i].type.sql, "timestamp", 9)) {
						v = "0000-00-00 00:00:00";
						break;
					}
			} else {
				/* explicit_defaults_for_timestamp, on since MySQL 8.0.2. */
				v = "0000-00-00 00:00:00";
			}
		} else {
			tt = NULL;
		}
	} else if (!strcmp(kind, "spatial")) {
		tt = base;
		if (maria)
			v = "\"\"";
		else
			fail = 1;
	}
	if (fail)
		return add_diag(f, l, si, "MF103", NULL,
				"Adding a non-nullable %s column %s will fail in case table %s is "
				"not empty",
				quote(f, tt), quote(f, col->name), quote(f, c->t->name));
	if (!tt || !v || filled_after(f, c->schema, c->t->name, col->name, f->sc[si].pos, v))
		return 0;
	return add_diag(f, l, si, "MY101", NULL,
			"Adding a non-nullable %s column %s on table %s without a default value "
			"implicitly sets existing rows with %s",
			quote(f, tt), quote(f, col->name), quote(f, c->t->name), v);
}

/* data_depend: MF101 MF102 MF103 MF104 (and MySQL's MY101). */
static int data_depend(struct fctx *f)
{
	struct dlist l = { 0 };

	for (size_t i = 0; i < f->nsc; i++)
		for (size_t k = 0; k < f->sc[i].n; k++) {
			const struct chg *c = &f->sc[i].v[k];

			if (c->k != C_MODIFY)
				continue;
			for (size_t j = 0; j < c->nsubs; j++) {
				const struct sub *u = &c->subs[j];
				int rc = 0;

				if (u->k == S_ADD_INDEX && u->ix->unique) {
					struct buf names;
					size_t n = 0;

					buf_init(&names, 0);
					for (size_t p = 0; p < u->ix->nparts && rc == 0; p++) {
						const char *col = u->ix->parts[p].column;

						if (!col ||
						    column_span(f, c->schema, c->tname, col) &
							    SPAN_ADDED)
							continue;
						rc = buf_addf(&names, f->d, "%s%s", n ? ", " : "",
							      quote(f, col));
						n++;
					}
					if (rc == 0 && n)
						rc = add_diag(
							f, &l, i, "MF101", NULL,
							"Adding a unique index %s on table %s "
							"might "
							"fail in case %s %s %s duplicate entries",
							quote(f, u->ix->name), quote(f, c->tname),
							n == 1 ? "column" : "columns", names.data,
							n == 1 ? "contains" : "contain");
					buf_release(&names);
				} else if (u->k == S_MODIFY_INDEX && u->ix->unique &&
					   !u->from_ix->unique &&
					   !(index_span(f, c->schema, c->tname, u->ix->name) &
					     SPAN_ADDED)) {
					rc = add_diag(
						f, &l, i, "MF102", NULL,
						"Modifying an index %s on table %s might fail in "
						"case of duplicate entries",
						quote(f, u->ix->name), quote(f, c->tname));
				} else if (u->k == S_ADD_COLUMN && !u->col->nullable &&
					   u->col->default_kind == SCHEMA_DEFAULT_NONE &&
					   (table_span(f, c->schema, c->tname) & SPAN_ADDED) !=
						   SPAN_ADDED) {
					if (f->o->dialect == SCHEMA_MYSQL)
						rc = my_add_not_null(f, &l, i, c, u->col);
					else
						rc = add_diag(
							f, &l, i, "MF103", NULL,
							"Adding a non-nullable %s column %s will "
							"fail in case table %s is not empty",
							quote(f, u->col->type.sql),
							quote(f, u->col->name), quote(f, c->tname));
				} else if (u->k == S_MODIFY_COLUMN && u->from_col->nullable &&
					   !u->col->nullable &&
					   (table_span(f, c->schema, c->tname) & SPAN_ADDED) !=
						   SPAN_ADDED &&
					   !filled_before(f, c->schema, c->tname, u->from_col->name,
							  f->sc[i].pos)) {
					rc = add_diag(
						f, &l, i, "MF104", NULL,
						"Modifying nullable column %s to non-nullable "
						"might fail in case it contains NULL values",
						quote(f, u->col->name));
				}
				if (rc)
					return -1;
			}
		}
	return l.n ? report(f, LINT_DATA_DEPEND, "data dependent changes detected", &l) : 0;
}

/* condrop: CD101, unless a column of the foreign key goes in the same change. */
static int condrop(struct fctx *f)
{
	struct dlist l = { 0 };

	for (size_t i = 0; i < f->nsc; i++)
		for (size_t k = 0; k < f->sc[i].n; k++) {
			const struct chg *c = &f->sc[i].v[k];

			for (size_t j = 0; c->k == C_MODIFY && j < c->nsubs; j++) {
				const struct schema_fk *fk = c->subs[j].fk;
				int dropc = 0;

				if (c->subs[j].k != S_DROP_FK)
					continue;
				for (size_t p = 0; p < fk->ncolumns; p++)
					dropc |= find_sub(c, S_DROP_COLUMN, fk->columns[p]) >= 0;
				if (!dropc && add_diag(f, &l, i, "CD101", NULL,
						       "Dropping foreign-key constraint %s",
						       quote(f, fk->name)))
					return -1;
			}
		}
	return l.n ? report(f, LINT_CONDROP, "constraint deletion detected", &l) : 0;
}

/* incompatible: BC101 BC102, unless created in the file or the old column added back. */
static int incompatible(struct fctx *f)
{
	struct dlist l = { 0 };

	for (size_t i = 0; i < f->nsc; i++)
		for (size_t k = 0; k < f->sc[i].n; k++) {
			const struct chg *c = &f->sc[i].v[k];

			if (c->k == C_RENAME && !(schema_span(f, c->schema) & SPAN_ADDED) &&
			    !(table_span(f, c->schema, c->from_name) & SPAN_ADDED)) {
				if (add_diag(f, &l, i, "BC101", NULL, "Renaming table %s to %s",
					     quote(f, c->from_name), quote(f, c->to->name)))
					return -1;
				continue;
			}
			if (c->k != C_MODIFY || (table_span(f, c->schema, c->tname) & SPAN_ADDED))
				continue;
			for (size_t j = 0; j < c->nsubs; j++) {
				const struct sub *u = &c->subs[j];
				int back = 0;

				if (u->k != S_RENAME_COLUMN)
					continue;
				for (size_t p = i; p < f->nsc && !back; p++)
					for (size_t q = 0; q < f->sc[p].n && !back; q++)
						back = f->sc[p].v[q].k == C_MODIFY &&
						       find_sub(&f->sc[p].v[q], S_ADD_COLUMN,
								u->from_col->name) >= 0;
				if (!back &&
				    add_diag(f, &l, i, "BC102", NULL, "Renaming column %s to %s",
					     quote(f, u->from_col->name), quote(f, u->col->name)))
					return -1;
			}
		}
	return l.n ? report(f, LINT_INCOMPATIBLE, "backward incompatible changes detected", &l) : 0;
}

static int name_diag(struct fctx *f, struct dlist *l, size_t si, enum lint_resource res,
		     const char *name)
{
	const char *code = NULL, *text = lint_naming_check(f->a, f->o->cfg, res, name, &code);

	return text ? add_diag(f, l, si, code, NULL, "%s", text) : 0;
}

/* naming: NM101-NM106 on what the file creates or renames. */
static int naming(struct fctx *f)
{
	struct dlist l = { 0 };

	for (size_t i = 0; i < f->nsc; i++)
		for (size_t k = 0; k < f->sc[i].n; k++) {
			const struct chg *c = &f->sc[i].v[k];
			const struct schema_table *t = c->t;
			int rc = 0;

			switch (c->k) {
			case C_ADD_SCHEMA:
				rc = name_diag(f, &l, i, LINT_RES_SCHEMA, c->schema);
				break;
			case C_ADD_TABLE:
				rc = name_diag(f, &l, i, LINT_RES_TABLE, t->name);
				for (size_t j = 0; rc == 0 && j < t->ncolumns; j++)
					rc = name_diag(f, &l, i, LINT_RES_COLUMN,
						       t->columns[j].name);
				for (size_t j = 0; rc == 0 && j < t->nindexes; j++)
					rc = name_diag(f, &l, i, LINT_RES_INDEX,
						       t->indexes[j].name);
				for (size_t j = 0; rc == 0 && j < t->nfks; j++)
					rc = name_diag(f, &l, i, LINT_RES_FOREIGN_KEY,
						       t->fks[j].name);
				for (size_t j = 0; rc == 0 && j < t->nchecks; j++)
					rc = name_diag(f, &l, i, LINT_RES_CHECK, t->checks[j].name);
				break;
			case C_RENAME:
				rc = name_diag(f, &l, i, LINT_RES_TABLE, c->to->name);
				break;
			case C_MODIFY:
				for (size_t j = 0; rc == 0 && j < c->nsubs; j++) {
					const struct sub *u = &c->subs[j];

					if (u->k == S_ADD_COLUMN || u->k == S_RENAME_COLUMN)
						rc = name_diag(f, &l, i, LINT_RES_COLUMN,
							       u->col->name);
					else if (u->k == S_ADD_INDEX || u->k == S_RENAME_INDEX)
						rc = name_diag(f, &l, i, LINT_RES_INDEX,
							       u->ix->name);
					else if (u->k == S_ADD_FK)
						rc = name_diag(f, &l, i, LINT_RES_FOREIGN_KEY,
							       u->fk->name);
					else if (u->k == S_ADD_CHECK)
						rc = name_diag(f, &l, i, LINT_RES_CHECK,
							       u->ck->name);
				}
				break;
			default:
				break;
			}
			if (rc)
				return -1;
		}
	return l.n ? report(f, LINT_NAMING, "naming violations detected", &l) : 0;
}

static int has_ref(const struct lint_stmt *s, const char *col)
{
	for (size_t i = 0; s && i < s->nrefcols; i++)
		if (streq(s->refcols[i], col))
			return 1;
	return 0;
}

/* MySQL: MY102, columns defined with an inline REFERENCES clause. */
static int inline_refs(struct fctx *f)
{
	struct dlist l = { 0 };

	for (size_t i = 0; i < f->nsc; i++)
		for (size_t k = 0; k < f->sc[i].n; k++) {
			const struct chg *c = &f->sc[i].v[k];
			const struct lint_stmt *s = f->sc[i].info;

			if (c->k == C_ADD_TABLE)
				for (size_t j = 0; j < c->t->ncolumns; j++) {
					const char *col = c->t->columns[j].name;

					if (has_ref(s, col) &&
					    add_diag(f, &l, i, "MY102", NULL,
						     "Defining column %s on table %s with inline "
						     "REFERENCES is ignored by MySQL",
						     quote(f, col), quote(f, c->t->name)))
						return -1;
				}
			for (size_t j = 0; c->k == C_MODIFY && j < c->nsubs; j++) {
				const struct sub *u = &c->subs[j];

				if (u->k == S_ADD_COLUMN && has_ref(s, u->col->name) &&
				    add_diag(f, &l, i, "MY102", NULL,
					     "Defining column %s on table %s with inline "
					     "REFERENCES is "
					     "ignored by MySQL",
					     quote(f, u->col->name), quote(f, c->tname)))
					return -1;
			}
		}
	return l.n ? report(f, LINT_INLINE_REF, "inline REFERENCES detected", &l) : 0;
}

/* ---- the run */

struct run {
	struct arena *a;
	const struct lint_opts *o;
	struct replay r;
	struct schema_realm realm;
	int live; /* r holds trees to release */
	struct diag *d;
};

static int start_realm(struct run *x)
{
	if (x->live)
		replay_release(&x->r);
	x->live = 1;
	return replay_init(&x->r, x->a, &x->realm, x->o->dialect, x->o->schema, x->d);
}

static int read_stmts(struct run *x, const struct mfile *m, struct sqlsplit_stmt **st, size_t *n,
		      struct lint_stmt **info)
{
	enum sqlsplit_dialect sd =
		x->o->dialect == SCHEMA_POSTGRES ? SQLSPLIT_POSTGRES : SQLSPLIT_MYSQL;

	if (sqlsplit(x->a, sd, m->path, m->text, m->len, st, n, x->d))
		return -1;
	if (!(*info = arena_alloc(x->a, (*n + 1) * sizeof(**info))))
		return diag_nomem(x->d);
	for (size_t i = 0; i < *n; i++)
		if (lint_sql_read(x->a, x->o->dialect, (*st)[i].text, (*st)[i].len, &(*info)[i],
				  x->d))
			return -1;
	return 0;
}

/* Replays one statement; MySQL 8 ignores inline REFERENCES, and so does the replay then. */
static int replay_one(struct run *x, const struct mfile *m, const struct sqlsplit_stmt *st,
		      const struct lint_stmt *info)
{
	struct sqlsplit_stmt copy;

	x->r.file = m->path;
	x->r.src = m->text;
	x->r.srclen = m->len;
	if (x->o->dialect == SCHEMA_POSTGRES)
		return replay_pg(&x->r, st, x->d);
	if (info && info->stripped && !x->o->mariadb) {
		copy = *st;
		copy.text = info->stripped;
		st = &copy;
	}
	return replay_my(&x->r, st, x->d);
}

static int replay_whole(struct run *x, const struct mfile *m)
{
	struct sqlsplit_stmt *st;
	struct lint_stmt *info;
	size_t n;

	if (read_stmts(x, m, &st, &n, &info))
		return -1;
	for (size_t i = 0; i < n; i++)
		if (replay_one(x, m, &st[i], &info[i]))
			return -1;
	return 0;
}

/* nolint rules: the file's directive arguments, then the statement's (Atlas's nolintRules). */
static int add_rules(struct fctx *f, struct stmtc *sc, const char *arg, size_t len)
{
	const char *p = arg, *end = arg + len;

	for (;;) {
		const char *sp = memchr(p, ' ', (size_t)(end - p));
		const char **slot = arena_push(f->sa, (void **)&sc->rules, &sc->nrules,
					       &sc->caprules, sizeof(*slot));

		if (!slot ||
		    !(*slot = arena_strndup(f->sa, p, sp ? (size_t)(sp - p) : (size_t)(end - p))))
			return diag_nomem(f->d);
		if (!sp)
			return 0;
		p = sp + 1;
	}
}

static int nolint_rules(struct fctx *f, const char *const *fargs, size_t nf)
{
	for (size_t i = 0; i < f->nsc; i++) {
		struct stmtc *sc = &f->sc[i];

		for (size_t k = 0; k < nf; k++)
			if (add_rules(f, sc, fargs[k], strlen(fargs[k])))
				return -1;
		for (size_t k = 0; sc->st && k < sc->st->ncomments; k++) {
			const char *c = sc->st->comments[k], *arg;
			size_t cl = strlen(c), al;

			if (strncmp(c, "/*", 2) == 0 && !memchr(c, '\n', cl)) {
				if (cl >= 4 && strcmp(c + cl - 2, "*/") == 0)
					cl -= 2;
				if (sqlsplit_directive(c, cl, "nolint", "/*", &arg, &al) &&
				    add_rules(f, sc, arg, al))
					return -1;
				continue;
			}
			for (size_t p = 0; p < 3; p++) {
				static const char *const pre[] = { "#", "--", "-- " };

				if (sqlsplit_directive(c, cl, "nolint", pre[p], &arg, &al) &&
				    add_rules(f, sc, arg, al))
					return -1;
			}
		}
	}
	return 0;
}

/*
 * Replays a new file statement by statement (or as one batch), collects the changes, and
 * analyses them into out. *ignored is set for a file atlas:nolint skips whole.
 */
static int lint_file(struct run *x, const struct mfile *m, int first, struct lint_file *out,
		     int *ignored)
{
	struct arena sa;
	struct fctx f = { x->a, &sa, x->o, m, NULL, NULL, 0, NULL, 0, NULL, out, x->d };
	struct sqlsplit_stmt *st;
	struct lint_stmt *info;
	const char **fargs;
	size_t n, nf;
	struct schema_realm *before, *after;
	uint64_t t0 = now_ns();
	int rc = -1;

	arena_init(&sa, 0);
	memset(out, 0, sizeof(*out));
	out->name = m->name;
	out->version = m->version;
	*ignored = 0;
	if (read_stmts(x, m, &st, &n, &info) ||
	    sqlsplit_file_directives(x->a, m->text, m->len, "nolint", &fargs, &nf, x->d))
		goto out;
	f.all = st;
	f.infos = info;
	f.nall = n;
	*ignored = nf == 1 && fargs[0][0] == '\0';
	/* The first file of an empty base, when long, is one change at position 0. */
	if (first && n > 10) {
		if (!(f.sc = arena_alloc(&sa, sizeof(*f.sc)))) {
			diag_nomem(x->d);
			goto out;
		}
		if (!(before = snapshot(&sa, &x->realm, x->d)))
			goto out;
		for (size_t i = 0; i < n; i++)
			if (replay_one(x, m, &st[i], &info[i]))
				goto out;
		if (!(after = snapshot(&sa, &x->realm, x->d)))
			goto out;
		f.nsc = 1;
		if (realm_diff(&f, before, after, &f.sc[0]))
			goto out;
	} else {
		if (!(f.sc = arena_alloc(&sa, (n + 1) * sizeof(*f.sc)))) {
			diag_nomem(x->d);
			goto out;
		}
		if (!(before = snapshot(&sa, &x->realm, x->d)))
			goto out;
		for (size_t i = 0; i < n; i++) {
			struct stmtc *sc = &f.sc[f.nsc++];

			if (replay_one(x, m, &st[i], &info[i]) ||
			    !(after = snapshot(&sa, &x->realm, x->d)))
				goto out;
			sc->pos = st[i].atlas_pos;
			sc->st = &st[i];
			sc->info = &info[i];
			if (realm_diff(&f, before, after, sc) || fix_renames(&f, sc))
				goto out;
			before = after;
		}
	}
	out->nchanges = f.nsc;
	if (*ignored) {
		rc = 0;
		goto out;
	}
	t0 = now_ns();
	if (nolint_rules(&f, fargs, nf) || load_spans(&f) || destructive(&f) || data_depend(&f) ||
	    condrop(&f) || incompatible(&f) || naming(&f) ||
	    (x->o->dialect == SCHEMA_MYSQL && inline_refs(&f)))
		goto out;
	rc = 0;
out:
	out->ns = now_ns() - t0;
	arena_release(&sa);
	return rc;
}

/* The atlas.sum check, as migrate lint runs it first: 0 holds, 1 failed (r->sum_error). */
static int check_sum(struct arena *a, const char *dir, struct lint_result *r, struct diag *d)
{
	struct sum_file stored, now;
	struct sum_mismatch m = { 0 };
	char path[4096];
	int rc;

	if (fsx_join(path, sizeof(path), dir, SUM_FILE, d))
		return -1;
	if (access(path, F_OK) != 0)
		return 0; /* no atlas.sum: Atlas lints anyway */
	sum_file_init(&stored);
	sum_file_init(&now);
	rc = sum_check(dir, &stored, &now, &m, d);
	if (rc == 1) {
		r->sum_error =
			m.file ? arena_printf(a, "checksum mismatch (atlas.sum): L%u: %s was %s",
					      m.line, m.file, sum_reason_name(m.reason))
			       : "checksum mismatch";
		if (!r->sum_error)
			rc = diag_nomem(d);
		else
			diag_init(d);
	}
	sum_file_release(&stored);
	sum_file_release(&now);
	return rc;
}

int lint_run(struct arena *a, const struct lint_opts *o, struct lint_result *r, struct diag *d)
{
	struct run x = { a, o, { 0 }, { 0 }, 0, d };
	struct mfile *files;
	struct lint_file *outs = NULL;
	int *ign = NULL, rc = -1;
	size_t n, first, from = 0;
	uint64_t t0 = now_ns();

	memset(r, 0, sizeof(*r));
	r->dir = o->dir;
	if (read_files(a, o->dir, &files, &n, d))
		return -1;
	switch (check_sum(a, o->dir, r, d)) {
	case 0:
		break;
	case 1:
		r->ns = now_ns() - t0;
		return 0;
	default:
		return -1;
	}
	if (o->latest > 0)
		first = (size_t)o->latest >= n ? 0 : n - (size_t)o->latest;
	else if (o->git_base) {
		if (git_first_added(o, files, n, &first, d))
			return -1;
	} else
		return diag_set(d, DIAG_USAGE, NULL, 0, 0, "--latest or --git-base is required");
	if (first > 0)
		r->from = files[first - 1].version;
	if (first < n)
		r->to = files[n - 1].version;
	r->total = n - first;
	if (!(outs = arena_alloc(a, (n - first + 1) * sizeof(*outs))) ||
	    !(ign = arena_alloc(a, (n - first + 1) * sizeof(*ign))))
		return diag_nomem(d);
	/* The base, from its last checkpoint. */
	for (size_t i = 0; i < first; i++)
		if (files[i].checkpoint)
			from = i;
	if (start_realm(&x))
		goto out;
	for (size_t i = from; i < first; i++)
		if (replay_whole(&x, &files[i]))
			goto out;
	/* New files in order; checkpoint files later, each on an empty database. */
	for (size_t i = first; i < n; i++)
		if (!files[i].checkpoint && lint_file(&x, &files[i], first == 0 && i == 0,
						      &outs[i - first], &ign[i - first]))
			goto out;
	for (size_t i = first; i < n; i++)
		if (files[i].checkpoint &&
		    (start_realm(&x) ||
		     lint_file(&x, &files[i], 0, &outs[i - first], &ign[i - first])))
			goto out;
	for (size_t i = 0; i < n - first; i++) {
		struct lint_file *f;

		if (ign[i])
			continue;
		if (!(f = arena_push(a, (void **)&r->files, &r->nfiles, &r->capfiles, sizeof(*f))))
			goto out;
		*f = outs[i];
	}
	rc = 0;
out:
	if (rc && d->kind == DIAG_NONE)
		diag_nomem(d);
	if (x.live)
		replay_release(&x.r);
	r->ns = now_ns() - t0;
	return rc;
}

int lint_failed(const struct lint_result *r)
{
	if (r->sum_error)
		return 1;
	for (size_t i = 0; i < r->nfiles; i++)
		if (r->files[i].error)
			return 1;
	return 0;
}
