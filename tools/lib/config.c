/* config: atlas.hcl envs. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "hcl.h"
#include "hcleval.h"

static const char *const skip_names[SKIP_COUNT] = {
	"add_schema",	     "drop_schema",	"modify_schema",    "add_table",
	"drop_table",	     "modify_table",	"rename_table",	    "add_column",
	"drop_column",	     "modify_column",	"add_index",	    "drop_index",
	"modify_index",	     "add_foreign_key", "drop_foreign_key", "modify_foreign_key",
	"rename_constraint",
};

const char *config_skip_name(enum config_skip k)
{
	return k < SKIP_COUNT ? skip_names[k] : "?";
}

const char *config_redact(struct arena *a, const char *url)
{
	const char *scheme = strstr(url, "://"), *at, *colon;

	if (!scheme)
		return url;
	at = strchr(scheme + 3, '@');
	colon = strchr(scheme + 3, ':');
	if (!at || !colon || colon > at)
		return url;
	return arena_printf(a, "%.*sxxxxx%s", (int)(colon + 1 - url), url, at);
}

int config_url_dialect(const char *url, enum schema_dialect *out)
{
	if (strncmp(url, "postgres://", 11) == 0 || strncmp(url, "postgresql://", 13) == 0) {
		*out = SCHEMA_POSTGRES;
		return 0;
	}
	if (strncmp(url, "mysql://", 8) == 0 || strncmp(url, "mariadb://", 10) == 0 ||
	    strncmp(url, "maria://", 8) == 0) {
		*out = SCHEMA_MYSQL;
		return 0;
	}
	if (strncmp(url, "docker://postgres/", 18) == 0) {
		*out = SCHEMA_POSTGRES;
		return 0;
	}
	if (strncmp(url, "docker://mysql/", 15) == 0 ||
	    strncmp(url, "docker://mariadb/", 17) == 0 ||
	    strncmp(url, "docker://maria/", 15) == 0) {
		*out = SCHEMA_MYSQL;
		return 0;
	}
	return -1;
}

const char *config_profile_from_dev(struct arena *a, const char *dev)
{
	const char *p, *slash;

	if (!dev || strncmp(dev, "docker://", 9) != 0)
		return NULL;
	p = dev + 9;
	slash = strchr(p, '/');
	if (!slash)
		return arena_printf(a, "%s@latest", p);
	{
		const char *ver = slash + 1, *end = strpbrk(ver, "/?");
		size_t vl = end ? (size_t)(end - ver) : strlen(ver);
		size_t fl = (size_t)(slash - p);

		if (fl == 5 && strncmp(p, "maria", 5) == 0)
			return arena_printf(a, "mariadb@%.*s", (int)vl, ver);
		return arena_printf(a, "%.*s@%.*s", (int)fl, p, (int)vl, ver);
	}
}

static int load_doc(struct arena *a, const char *path, struct hcl_body *doc, struct diag *d)
{
	const char *paths[1] = { path };

	return hcl_parse_paths(a, paths, 1, doc, d);
}

int config_env_names(struct arena *a, const char *path, const char ***names, size_t *n,
		     struct diag *d)
{
	struct hcl_body doc;
	size_t cap = 0;

	*names = NULL;
	*n = 0;
	if (load_doc(a, path, &doc, d))
		return -1;
	for (size_t i = 0; i < doc.n; i++) {
		const struct hcl_item *it = &doc.v[i];
		const char **slot;

		if (it->kind != HI_BLOCK || strcmp(it->name, "env") != 0 || it->nlabels != 1)
			continue;
		slot = arena_push(a, (void **)names, n, &cap, sizeof(*slot));
		if (!slot)
			return diag_nomem(d);
		*slot = it->labels[0];
	}
	return 0;
}

/* file://x relative to the config's directory; other schemes are refused. */
static const char *file_path(struct arena *a, const char *base, const char *url,
			     const struct hcl_item *at, struct hcl_pos pos, struct diag *d)
{
	const char *p;
	const char *slash = strrchr(base, '/');

	if (strncmp(url, "file://", 7) != 0) {
		hcl_error(d, at, pos,
			  "only file:// sources and directories are supported, not '%.*s'",
			  (int)(strstr(url, "://") ? strstr(url, "://") - url + 3
						   : (long)strlen(url)),
			  url);
		return NULL;
	}
	p = url + 7;
	if (p[0] == '/' || !slash)
		return p;
	return arena_printf(a, "%.*s/%s", (int)(slash - base), base, p);
}

static int get_str(struct hcl_ctx *cx, const struct hcl_item *blk, const struct hcl_scope *sc,
		   const char *name, const char **out, struct diag *d)
{
	const struct hcl_item *it = hcl_attr(blk, name);
	struct hcl_scope inner = { blk, sc };
	struct hcl_value *v;

	*out = NULL;
	if (!it)
		return 0;
	if (hcl_eval(cx, it, &inner, it->expr, &v, d))
		return -1;
	if (v->kind == HV_NULL)
		return 0;
	if (v->kind != HV_STRING)
		return hcl_error(d, it, v->pos, "attribute '%s' of %s must be a string, not %s",
				 name, blk->name, hcl_vkind_name(v->kind));
	*out = v->s;
	return 0;
}

static const char *const exec_orders[] = { "LINEAR", "LINEAR_SKIP", "NON_LINEAR", NULL };

static int read_skip(struct hcl_ctx *cx, const struct hcl_item *diff, int *skip, struct diag *d)
{
	for (size_t i = 0; i < diff->body.n; i++) {
		const struct hcl_item *s = &diff->body.v[i];
		struct hcl_scope sc = { diff, NULL }, inner = { s, &sc };

		if (s->kind != HI_BLOCK || strcmp(s->name, "skip") != 0)
			continue;
		for (size_t k = 0; k < s->body.n; k++) {
			const struct hcl_item *it = &s->body.v[k];
			struct hcl_value *v;
			int idx = -1;

			for (int j = 0; j < SKIP_COUNT; j++)
				if (strcmp(skip_names[j], it->name) == 0)
					idx = j;
			if (it->kind != HI_ATTR || idx < 0)
				return hcl_error(d, it, it->pos, "unknown diff.skip setting '%s'",
						 it->name);
			if (hcl_eval(cx, it, &inner, it->expr, &v, d))
				return -1;
			if (v->kind != HV_BOOL)
				return hcl_error(d, it, v->pos,
						 "diff.skip.%s must be true or false", it->name);
			skip[idx] = v->b;
		}
	}
	return 0;
}

int config_load(struct arena *a, const char *path, const char *name, const char *const *vars,
		size_t nvars, struct config_env *env, struct diag *d)
{
	static const char *const top[] = {
		"env", "variable", "locals", "lint", "diff", "test", NULL
	};
	const struct hcl_item *blk = NULL;
	struct hcl_body doc;
	struct hcl_ctx cx;
	struct hcl_value *v;
	size_t cap = 0;

	memset(env, 0, sizeof(*env));
	if (load_doc(a, path, &doc, d) || hcl_ctx_init(&cx, a, &doc, vars, nvars, d))
		return -1;
	for (size_t i = 0; i < doc.n; i++) {
		const struct hcl_item *it = &doc.v[i];
		int ok = 0;

		for (const char *const *t = top; *t; t++)
			ok |= strcmp(*t, it->name) == 0;
		if (it->kind != HI_BLOCK || !ok)
			return hcl_error(d, it, it->pos, "unknown %s '%s' in the project file",
					 it->kind == HI_BLOCK ? "block" : "attribute", it->name);
		if (strcmp(it->name, "diff") == 0 && read_skip(&cx, it, env->skip, d))
			return -1;
		if (strcmp(it->name, "env") == 0 && it->nlabels == 1 &&
		    strcmp(it->labels[0], name) == 0)
			blk = it;
	}
	if (!blk) {
		const char **names;
		size_t n;
		char list[1024] = "";

		if (config_env_names(a, path, &names, &n, d))
			return -1;
		for (size_t i = 0; i < n && strlen(list) < sizeof(list) - 80; i++)
			snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s%s",
				 i ? ", " : "", names[i]);
		return diag_set(d, DIAG_USAGE, path, 0, 0, "no env '%s' (the envs are: %s)", name,
				list[0] ? list : "none");
	}
	env->name = blk->labels[0];
	if (get_str(&cx, blk, NULL, "url", &env->url, d) ||
	    get_str(&cx, blk, NULL, "dev", &env->dev, d) ||
	    get_str(&cx, blk, NULL, "profile", &env->profile, d))
		return -1;
	for (size_t i = 0; i < blk->body.n; i++) {
		const struct hcl_item *it = &blk->body.v[i];
		struct hcl_scope sc = { blk, NULL };

		if (it->kind == HI_BLOCK && strcmp(it->name, "migration") == 0) {
			const char *dir;
			const struct hcl_item *dattr = hcl_attr(it, "dir");

			if (get_str(&cx, it, &sc, "dir", &dir, d) ||
			    get_str(&cx, it, &sc, "revisions_schema", &env->revisions_schema, d) ||
			    get_str(&cx, it, &sc, "baseline", &env->baseline, d) ||
			    get_str(&cx, it, &sc, "lock_timeout", &env->lock_timeout, d))
				return -1;
			if (dir &&
			    !(env->dir = file_path(a, path, dir, dattr, dattr->expr->pos, d)))
				return -1;
			if (hcl_attr(it, "exec_order")) {
				struct hcl_scope inner = { it, &sc };
				const struct hcl_item *eo = hcl_attr(it, "exec_order");

				cx.idents = exec_orders;
				if (hcl_eval(&cx, eo, &inner, eo->expr, &v, d)) {
					cx.idents = NULL;
					return -1;
				}
				cx.idents = NULL;
				if (v->kind != HV_STRING)
					return hcl_error(d, eo, v->pos,
							 "exec_order must be LINEAR, LINEAR_SKIP "
							 "or NON_LINEAR");
				env->exec_order = v->s;
			}
		} else if (it->kind == HI_BLOCK && strcmp(it->name, "diff") == 0) {
			if (read_skip(&cx, it, env->skip, d))
				return -1;
		} else if (it->kind == HI_ATTR &&
			   (strcmp(it->name, "src") == 0 || strcmp(it->name, "schemas") == 0)) {
			struct hcl_scope inner = { blk, NULL };
			int is_src = it->name[1] == 'r';

			if (hcl_eval(&cx, it, &inner, it->expr, &v, d))
				return -1;
			if (v->kind == HV_STRING) {
				struct hcl_value *one = v;

				v = arena_alloc(a, sizeof(*v));
				if (!v)
					return diag_nomem(d);
				v->kind = HV_LIST;
				v->v = arena_alloc(a, sizeof(*v->v));
				if (!v->v)
					return diag_nomem(d);
				v->v[0] = one;
				v->n = 1;
			}
			if (v->kind != HV_LIST)
				return hcl_error(d, it, v->pos,
						 "'%s' must be a string or a list of strings",
						 it->name);
			for (size_t k = 0; k < v->n; k++) {
				const char **slot, *s;

				if (v->v[k]->kind != HV_STRING)
					return hcl_error(d, it, v->v[k]->pos,
							 "'%s' must list strings", it->name);
				s = v->v[k]->s;
				if (is_src && !(s = file_path(a, path, s, it, v->v[k]->pos, d)))
					return -1;
				cap = 0;
				if (is_src) {
					size_t c2 = env->nsrc;
					slot = arena_push(a, (void **)&env->src, &env->nsrc, &c2,
							  sizeof(*slot));
				} else {
					size_t c2 = env->nschemas;
					slot = arena_push(a, (void **)&env->schemas, &env->nschemas,
							  &c2, sizeof(*slot));
				}
				if (!slot)
					return diag_nomem(d);
				*slot = s;
			}
		}
	}
	if (env->url && config_url_dialect(env->url, &env->dialect) == 0)
		env->dialect_known = 1;
	else if (env->dev && config_url_dialect(env->dev, &env->dialect) == 0)
		env->dialect_known = 1;
	if (!env->profile)
		env->profile = config_profile_from_dev(a, env->dev);
	(void)cap;
	return 0;
}

const char *config_strip_file(const char *p)
{
	return strncmp(p, "file://", 7) == 0 ? p + 7 : p;
}
