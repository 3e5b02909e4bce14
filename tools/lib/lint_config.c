/*
 * lint_config: atlas.hcl's lint blocks, and the naming rule (Atlas's sqlcheck/naming) as
 * it applies to a name, to migration changes and to HCL schema files.
 */
#include "lint.h"

#include <stdio.h>
#include <string.h>

#include "hcleval.h"

static const char *const az_names[LINT_NANALYZERS] = {
	"destructive", "data_depend", "condrop", "incompatible", "naming", NULL,
};

/* Analyzers Atlas's commercial builds have: accepted in the file, not run here. */
static const char *const az_other[] = { "concurrent_index", NULL };

static const char *const res_names[LINT_NRES] = {
	NULL, "schema", "table", "column", "index", "foreign_key", "check",
};

/* Atlas's words and codes per resource (sqlcheck/naming). */
static const struct {
	const char *code, *word;
} res_text[LINT_NRES] = {
	{ NULL, NULL },
	{ "NM101", "Schema" },
	{ "NM102", "Table" },
	{ "NM103", "Column" },
	{ "NM104", "Index" },
	{ "NM105", "Foreign-key constraint" },
	{ "NM106", "Check constraint" },
};

const char *lint_analyzer_name(enum lint_analyzer a)
{
	return a < LINT_NANALYZERS ? az_names[a] : NULL;
}

void lint_config_init(struct lint_config *c)
{
	memset(c, 0, sizeof(*c));
	c->error[LINT_DESTRUCTIVE] = 1;
}

void lint_config_release(struct lint_config *c)
{
	for (size_t i = 0; i < LINT_NRES; i++)
		if (c->naming[i].compiled)
			regfree(&c->naming[i].re);
	lint_config_init(c);
}

int lint_config_naming(struct lint_config *c, enum lint_resource res, const char *match,
		       const char *message, struct diag *d)
{
	struct lint_naming_rule *r = &c->naming[res];
	int rc;

	if (r->compiled)
		regfree(&r->re);
	r->compiled = 0;
	r->match = match;
	r->message = message;
	if (!match)
		return 0;
	rc = regcomp(&r->re, match, REG_EXTENDED | REG_NOSUB);
	if (rc) {
		char why[256];

		regerror(rc, &r->re, why, sizeof(why));
		r->match = NULL;
		return diag_set(d, DIAG_PARSE, NULL, 0, 0, "naming: cannot compile match '%s': %s",
				match, why);
	}
	r->compiled = 1;
	return 0;
}

const char *lint_naming_check(struct arena *a, const struct lint_config *c, enum lint_resource res,
			      const char *name, const char **code)
{
	const struct lint_naming_rule *r = &c->naming[res];
	const char *q;

	if (!r->compiled)
		r = &c->naming[LINT_RES_ALL];
	if (!r->compiled || !name || regexec(&r->re, name, 0, NULL, 0) == 0)
		return NULL;
	*code = res_text[res].code;
	if (!(q = lint_goquote(a, name)))
		return NULL;
	if (r->message && r->message[0])
		return arena_printf(a, "%s named %s violates the naming policy: %s",
				    res_text[res].word, q, r->message);
	return arena_printf(a, "%s named %s violates the naming policy", res_text[res].word, q);
}

char *lint_goquote(struct arena *a, const char *s)
{
	size_t n = strlen(s);
	char *out = arena_alloc(a, 4 * n + 3), *o = out;

	if (!out)
		return NULL;
	*o++ = '"';
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		static const char esc[] = "\a\b\f\n\r\t\v";
		static const char let[] = "abfnrtv";
		const char *e = *p ? strchr(esc, *p) : NULL;

		if (*p == '"' || *p == '\\') {
			*o++ = '\\';
			*o++ = (char)*p;
		} else if (e) {
			*o++ = '\\';
			*o++ = let[e - esc];
		} else if (*p < 0x20 || *p == 0x7f) {
			o += sprintf(o, "\\x%02x", *p);
		} else {
			*o++ = (char)*p;
		}
	}
	*o++ = '"';
	*o = '\0';
	return out;
}

/* ---- reading the lint blocks */

static int eval_attr(struct hcl_ctx *cx, const struct hcl_item *blk, const struct hcl_scope *up,
		     const struct hcl_item *it, enum hcl_vkind want, struct hcl_value **v,
		     struct diag *d)
{
	struct hcl_scope sc = { blk, up };

	if (hcl_eval(cx, it, &sc, it->expr, v, d))
		return -1;
	if ((*v)->kind != want)
		return hcl_error(d, it, (*v)->pos, "lint: '%s' must be a %s, not %s", it->name,
				 hcl_vkind_name(want), hcl_vkind_name((*v)->kind));
	return 0;
}

/* match, message (and error for the top level) of a naming block or one of its parts. */
static int read_naming(struct hcl_ctx *cx, const struct hcl_item *blk, const struct hcl_scope *up,
		       struct lint_config *c, enum lint_resource res, struct diag *d)
{
	struct hcl_scope sc = { blk, up };
	const char *match = NULL, *message = NULL;

	for (size_t i = 0; i < blk->body.n; i++) {
		const struct hcl_item *it = &blk->body.v[i];
		struct hcl_value *v;
		int k = -1;

		if (it->kind == HI_BLOCK && res == LINT_RES_ALL) {
			for (int j = 1; j < LINT_NRES; j++)
				if (strcmp(it->name, res_names[j]) == 0)
					k = j;
			if (k < 0)
				return hcl_error(d, it, it->pos, "lint: unknown naming block '%s'",
						 it->name);
			if (read_naming(cx, it, &sc, c, (enum lint_resource)k, d))
				return -1;
			continue;
		}
		if (it->kind == HI_ATTR && strcmp(it->name, "match") == 0) {
			if (eval_attr(cx, blk, up, it, HV_STRING, &v, d))
				return -1;
			match = v->s;
		} else if (it->kind == HI_ATTR && strcmp(it->name, "message") == 0) {
			if (eval_attr(cx, blk, up, it, HV_STRING, &v, d))
				return -1;
			message = v->s;
		} else if (it->kind == HI_ATTR && strcmp(it->name, "error") == 0 &&
			   res == LINT_RES_ALL) {
			if (eval_attr(cx, blk, up, it, HV_BOOL, &v, d))
				return -1;
			c->error[LINT_NAMING] = v->b;
			c->error_set[LINT_NAMING] = 1;
		} else {
			return hcl_error(d, it, it->pos, "lint: unknown naming setting '%s'",
					 it->name);
		}
	}
	if (!match && (message || res != LINT_RES_ALL))
		return hcl_error(d, blk, blk->pos, "lint: naming %s%sneeds a 'match'",
				 res_names[res] ? res_names[res] : "", res_names[res] ? " " : "");
	if (lint_config_naming(c, res, match, message, d)) {
		const struct hcl_item *m = hcl_attr(blk, "match");
		char why[sizeof(d->msg)];

		snprintf(why, sizeof(why), "%s", d->msg);
		return hcl_error(d, m, m->expr->pos, "%s", why);
	}
	return 0;
}

static int read_lint(struct hcl_ctx *cx, const struct hcl_item *blk, const struct hcl_scope *up,
		     struct lint_config *c, struct diag *d)
{
	struct hcl_scope sc = { blk, up };

	for (size_t i = 0; i < blk->body.n; i++) {
		const struct hcl_item *it = &blk->body.v[i];
		struct hcl_value *v;
		int k = -1;

		if (it->kind == HI_ATTR) {
			if (strcmp(it->name, "latest") == 0) {
				if (eval_attr(cx, blk, up, it, HV_NUMBER, &v, d))
					return -1;
				if (v->num < 0 || v->num != (double)(long)v->num)
					return hcl_error(d, it, v->pos,
							 "lint: 'latest' must be a whole number");
				c->latest = (long)v->num;
			} else if (strcmp(it->name, "log") != 0 &&
				   strcmp(it->name, "format") != 0 &&
				   strcmp(it->name, "review") != 0) {
				return hcl_error(d, it, it->pos, "lint: unknown setting '%s'",
						 it->name);
			}
			continue;
		}
		for (int j = 0; j < LINT_NANALYZERS; j++)
			if (az_names[j] && strcmp(it->name, az_names[j]) == 0)
				k = j;
		if (k == LINT_NAMING) {
			if (read_naming(cx, it, &sc, c, LINT_RES_ALL, d))
				return -1;
		} else if (k >= 0) {
			for (size_t j = 0; j < it->body.n; j++) {
				const struct hcl_item *e = &it->body.v[j];

				if (e->kind != HI_ATTR || strcmp(e->name, "error") != 0)
					return hcl_error(d, e, e->pos,
							 "lint: unknown %s setting '%s'", it->name,
							 e->name);
				if (eval_attr(cx, it, &sc, e, HV_BOOL, &v, d))
					return -1;
				c->error[k] = v->b;
				c->error_set[k] = 1;
			}
		} else if (strcmp(it->name, "git") == 0) {
			for (size_t j = 0; j < it->body.n; j++) {
				const struct hcl_item *e = &it->body.v[j];
				int base = strcmp(e->name, "base") == 0;

				if (e->kind != HI_ATTR || (!base && strcmp(e->name, "dir") != 0))
					return hcl_error(d, e, e->pos,
							 "lint: unknown git setting '%s'", e->name);
				if (eval_attr(cx, it, &sc, e, HV_STRING, &v, d))
					return -1;
				if (base)
					c->git_base = v->s;
				else
					c->git_dir = v->s;
			}
		} else {
			int known = 0;

			for (const char *const *o = az_other; *o; o++)
				known |= strcmp(*o, it->name) == 0;
			if (!known)
				return hcl_error(d, it, it->pos, "lint: unknown analyzer '%s'",
						 it->name);
		}
	}
	return 0;
}

int lint_config_load(struct arena *a, const char *path, const char *env, const char *const *vars,
		     size_t nvars, struct lint_config *c, struct diag *d)
{
	const char *paths[1] = { path };
	struct hcl_body doc;
	struct hcl_ctx cx;

	if (hcl_parse_paths(a, paths, 1, &doc, d) || hcl_ctx_init(&cx, a, &doc, vars, nvars, d))
		return -1;
	/* The global block first: the env's settings override it. */
	for (size_t i = 0; i < doc.n; i++) {
		const struct hcl_item *it = &doc.v[i];

		if (it->kind == HI_BLOCK && strcmp(it->name, "lint") == 0 &&
		    read_lint(&cx, it, NULL, c, d))
			return -1;
	}
	for (size_t i = 0; env && i < doc.n; i++) {
		const struct hcl_item *it = &doc.v[i];
		struct hcl_scope sc = { it, NULL };

		if (it->kind != HI_BLOCK || strcmp(it->name, "env") != 0 || it->nlabels != 1 ||
		    strcmp(it->labels[0], env) != 0)
			continue;
		for (size_t k = 0; k < it->body.n; k++) {
			const struct hcl_item *l = &it->body.v[k];

			if (l->kind == HI_BLOCK && strcmp(l->name, "lint") == 0 &&
			    read_lint(&cx, l, &sc, c, d))
				return -1;
		}
	}
	return 0;
}

/* ---- naming of HCL schema files */

static int finding(struct arena *a, const struct lint_config *c, enum lint_resource res,
		   const struct hcl_item *blk, struct lint_finding **v, size_t *n, size_t *cap,
		   struct diag *d)
{
	const char *name, *code = NULL, *text;
	struct lint_finding *f;
	struct hcl_pos pos;

	if (blk->nlabels == 0)
		return 0;
	name = blk->labels[blk->nlabels - 1];
	pos = blk->label_pos[blk->nlabels - 1];
	if (!(text = lint_naming_check(a, c, res, name, &code)))
		return 0;
	if (!(f = arena_push(a, (void **)v, n, cap, sizeof(*f))))
		return diag_nomem(d);
	f->file = blk->file;
	f->line = pos.line;
	f->col = pos.col;
	f->code = code;
	f->name = name;
	f->text = text;
	return 0;
}

int lint_naming_hcl(struct arena *a, const struct hcl_body *doc, const struct lint_config *c,
		    struct lint_finding **v, size_t *n, struct diag *d)
{
	static const struct {
		const char *block;
		enum lint_resource res;
	} parts[] = {
		{ "column", LINT_RES_COLUMN }, { "index", LINT_RES_INDEX },
		{ "unique", LINT_RES_INDEX },  { "foreign_key", LINT_RES_FOREIGN_KEY },
		{ "check", LINT_RES_CHECK },   { NULL, LINT_RES_ALL },
	};
	size_t cap = 0;

	*v = NULL;
	*n = 0;
	for (size_t i = 0; i < doc->n; i++) {
		const struct hcl_item *it = &doc->v[i];

		if (it->kind != HI_BLOCK)
			continue;
		if (strcmp(it->name, "schema") == 0) {
			if (finding(a, c, LINT_RES_SCHEMA, it, v, n, &cap, d))
				return -1;
			continue;
		}
		if (strcmp(it->name, "table") != 0)
			continue;
		if (finding(a, c, LINT_RES_TABLE, it, v, n, &cap, d))
			return -1;
		for (size_t k = 0; k < it->body.n; k++) {
			const struct hcl_item *b = &it->body.v[k];

			if (b->kind != HI_BLOCK)
				continue;
			for (size_t p = 0; parts[p].block; p++)
				if (strcmp(b->name, parts[p].block) == 0 &&
				    finding(a, c, parts[p].res, b, v, n, &cap, d))
					return -1;
		}
	}
	return 0;
}
