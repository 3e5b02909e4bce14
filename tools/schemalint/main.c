/*
 * schemalint: 'atlas migrate lint' without a dev database, and atlas.hcl's naming rule on
 * HCL schema files.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "config.h"
#include "diag.h"
#include "hcl.h"
#include "lint.h"
#include "profile.h"
#include "schema.h"
#include "tool.h"

static const char usage[] =
	"usage: schemalint [--config atlas.hcl --env NAME] [--dir DIR] [--dialect D]\n"
	"                  [--latest N | --git-base REV [--git-dir DIR]] [options]\n"
	"       schemalint --naming [--config atlas.hcl --env NAME] [--dialect D] [FILE|DIR...]\n"
	"\n"
	"Lints the new files of a migration directory as 'atlas migrate lint' does, without a\n"
	"dev database: the base files are replayed offline (as sql2json), then each new file\n"
	"one statement at a time, and Atlas's analyzers look at what each statement changed:\n"
	"destructive (DS101-103), data_depend (MF101-104, MY101), condrop (CD101),\n"
	"incompatible (BC101-102), naming (NM101-106), and MySQL's inline REFERENCES (MY102).\n"
	"The report is Atlas's default one; atlas:nolint directives and atlas.hcl's lint block\n"
	"(per-analyzer 'error', 'naming', 'latest', 'git') apply as in Atlas.\n"
	"\n"
	"With --naming, checks the lint block's naming rule on every schema, table, column,\n"
	"index, foreign key and check of the HCL schema files (the env's src by default) and\n"
	"prints 'file:line:col: <Atlas's text> (NMxxx)' per name that breaks it.\n"
	"\n"
	"  -c, --config F      the Atlas project file; -e, --env NAME its env: migration dir,\n"
	"                      dialect, schema, profile, src and the lint settings\n"
	"  -e, --env NAME\n"
	"  -d, --dir DIR       the migration directory (file://DIR accepted)\n"
	"      --dialect D     postgres | mysql (default: the env's)\n"
	"  -s, --schema S      the schema unqualified names are in (default: the env's first,\n"
	"                      else public / main)\n"
	"  -p, --profile P     postgres@18, mysql@8, mariadb@10.11 ... (default: the env's)\n"
	"      --latest N      the latest N files are the new ones\n"
	"      --git-base REV  the files git added since REV (and all after them) are new\n"
	"      --git-dir DIR   git's work tree for --git-base (default .)\n"
	"      --var K=V       a variable of the project file; repeatable\n"
	"      --naming        check the naming rule on HCL schema files instead\n"
	"      --json          print JSON ('lint/1' or 'naming/1', see schemalint(1))\n"
	"  -h, --help          show this help\n"
	"\n"
	"Exit status: 0 no errors (warnings only); 1 an analyzer with error = true reported\n"
	"(destructive is one by default), atlas.sum does not match, or --naming found a name\n"
	"that breaks the rule; 2 trouble (usage, I/O, a statement the replay cannot model).\n";

struct opts {
	const char *config, *env, *dir, *dialect, *schema, *profile, *git_base, *git_dir;
	const char **vars;
	size_t nvars;
	long latest;
	int naming, json;
};

static int naming_mode(const struct opts *o, struct arena *a, const struct config_env *env,
		       const struct lint_config *cfg, const char *const *paths, size_t npaths,
		       struct diag *d)
{
	struct lint_finding *v;
	struct schema_realm realm;
	struct hcl_body doc;
	enum schema_dialect dialect;
	struct buf out;
	size_t n;
	int rc = 2;

	if (o->dialect ? schema_dialect_parse(o->dialect, &dialect) != 0
		       : !(env && env->dialect_known)) {
		tool_usage_msg("schemalint", usage, "--dialect postgres|mysql is required");
		return 2;
	}
	if (!o->dialect)
		dialect = env->dialect;
	if (npaths == 0 && env) {
		paths = env->src;
		npaths = env->nsrc;
	}
	if (npaths == 0) {
		tool_usage_msg("schemalint", usage, "--naming needs HCL files or an env with src");
		return 2;
	}
	buf_init(&out, 0);
	/* The files must be valid schemas first, as hcl2json reads them. */
	if (hcl_parse_paths(a, paths, npaths, &doc, d) ||
	    schema_from_hcl(a, &doc, dialect, NULL, 0, &realm, d) ||
	    lint_naming_hcl(a, &doc, cfg, &v, &n, d) ||
	    (o->json ? lint_findings_json(v, n, &out, d) : lint_findings_text(v, n, &out, d))) {
		diag_print(d, "schemalint", stderr);
		goto out;
	}
	fwrite(out.data ? out.data : "", 1, out.len, stdout);
	/* A name that breaks the rule fails the check, unless naming { error = false }. */
	rc = n > 0 && !(cfg->error_set[LINT_NAMING] && !cfg->error[LINT_NAMING]);
out:
	buf_release(&out);
	return rc;
}

static int run(const struct opts *o, const char *const *paths, size_t npaths, struct arena *a,
	       struct diag *d)
{
	struct config_env env, *envp = NULL;
	struct lint_config cfg;
	struct lint_opts lo;
	struct lint_result res;
	struct profile prof;
	const char *profile_name;
	struct buf out;
	int rc = 2;

	lint_config_init(&cfg);
	buf_init(&out, 0);
	if (o->config) {
		if (config_load(a, o->config, o->env, o->vars, o->nvars, &env, d) ||
		    lint_config_load(a, o->config, o->env, o->vars, o->nvars, &cfg, d))
			goto fail;
		envp = &env;
	}
	if (o->naming) {
		rc = naming_mode(o, a, envp, &cfg, paths, npaths, d);
		goto out;
	}
	if (npaths) {
		tool_usage_msg("schemalint", usage, "unexpected arguments (use --dir)");
		goto out;
	}
	memset(&lo, 0, sizeof(lo));
	lo.cfg = &cfg;
	if (o->dialect) {
		if (schema_dialect_parse(o->dialect, &lo.dialect)) {
			fprintf(stderr, "schemalint: unknown dialect '%s' (postgres or mysql)\n",
				o->dialect);
			goto out;
		}
	} else if (envp && env.dialect_known) {
		lo.dialect = env.dialect;
	} else {
		tool_usage_msg("schemalint", usage, "--dialect postgres|mysql is required");
		goto out;
	}
	lo.dir = o->dir ? config_strip_file(o->dir) : envp ? env.dir : NULL;
	if (!lo.dir) {
		tool_usage_msg("schemalint", usage, "--dir is required (or an env with one)");
		goto out;
	}
	lo.schema = o->schema			    ? o->schema
		    : envp && env.nschemas	    ? env.schemas[0]
		    : lo.dialect == SCHEMA_POSTGRES ? "public"
						    : "main";
	profile_name = o->profile	     ? o->profile
		       : envp && env.profile ? env.profile
					     : profile_default(lo.dialect);
	if (profile_parse(profile_name, &prof, d))
		goto fail;
	if (prof.dialect != lo.dialect) {
		fprintf(stderr, "schemalint: profile %s is not for %s\n", profile_name,
			schema_dialect_name(lo.dialect));
		goto out;
	}
	lo.mariadb = prof.mariadb;
	/* The command line wins over the lint block; --latest and --git-base exclude. */
	lo.latest = o->latest;
	lo.git_base = o->git_base;
	lo.git_dir = o->git_dir ? o->git_dir : cfg.git_dir;
	if (!lo.latest && !lo.git_base) {
		lo.latest = cfg.latest;
		if (!lo.latest)
			lo.git_base = cfg.git_base;
	}
	if (!lo.latest && !lo.git_base) {
		tool_usage_msg("schemalint", usage, "--latest or --git-base is required");
		goto out;
	}
	if (lint_run(a, &lo, &res, d) ||
	    (o->json ? lint_json(&res, &out, d) : lint_text(&res, &out, d)))
		goto fail;
	fwrite(out.data ? out.data : "", 1, out.len, stdout);
	rc = lint_failed(&res);
	goto out;
fail:
	diag_print(d, "schemalint", stderr);
	rc = 2;
out:
	buf_release(&out);
	lint_config_release(&cfg);
	return rc;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "env", required_argument, NULL, 'e' },
		{ "dir", required_argument, NULL, 'd' },
		{ "dialect", required_argument, NULL, 'D' },
		{ "schema", required_argument, NULL, 's' },
		{ "profile", required_argument, NULL, 'p' },
		{ "latest", required_argument, NULL, 'L' },
		{ "git-base", required_argument, NULL, 'G' },
		{ "git-dir", required_argument, NULL, 'g' },
		{ "var", required_argument, NULL, 'v' },
		{ "naming", no_argument, NULL, 'N' },
		{ "json", no_argument, NULL, 'J' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct opts o;
	struct arena a;
	struct diag d;
	char *end;
	int c, rc;

	memset(&o, 0, sizeof(o));
	o.vars = calloc((size_t)argc, sizeof(*o.vars));
	if (!o.vars) {
		fputs("schemalint: out of memory\n", stderr);
		return 2;
	}
	while ((c = getopt_long(argc, argv, "c:e:d:s:p:h", opts, NULL)) != -1) {
		switch (c) {
		case 'c':
			o.config = optarg;
			break;
		case 'e':
			o.env = optarg;
			break;
		case 'd':
			o.dir = optarg;
			break;
		case 'D':
			o.dialect = optarg;
			break;
		case 's':
			o.schema = optarg;
			break;
		case 'p':
			o.profile = optarg;
			break;
		case 'L':
			o.latest = strtol(optarg, &end, 10);
			if (*end || end == optarg || o.latest < 1) {
				free(o.vars);
				return tool_usage_msg(
					"schemalint", usage,
					"--latest needs a whole number of at least 1");
			}
			break;
		case 'G':
			o.git_base = optarg;
			break;
		case 'g':
			o.git_dir = optarg;
			break;
		case 'v':
			o.vars[o.nvars++] = optarg;
			break;
		case 'N':
			o.naming = 1;
			break;
		case 'J':
			o.json = 1;
			break;
		case 'h':
			free(o.vars);
			fputs(usage, stdout);
			return tool_flush("schemalint");
		default:
			free(o.vars);
			return tool_usage("schemalint", usage);
		}
	}
	if (!o.config != !o.env) {
		free(o.vars);
		return tool_usage_msg("schemalint", usage, "--config and --env go together");
	}
	if (o.latest && o.git_base) {
		free(o.vars);
		return tool_usage_msg("schemalint", usage,
				      "--latest and --git-base exclude each other");
	}
	arena_init(&a, 0);
	diag_init(&d);
	rc = run(&o, (const char *const *)argv + optind, (size_t)(argc - optind), &a, &d);
	arena_release(&a);
	free(o.vars);
	if (tool_flush("schemalint"))
		return 2;
	return rc;
}
