/*
 * schemadiff: two schema states to the plan that takes one to the other, as Atlas diffs.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "config.h"
#include "diag.h"
#include "plan.h"
#include "profile.h"
#include "schema.h"
#include "tool.h"

static const char usage[] =
	"usage: schemadiff [--profile P] [--skip KIND,...] [--exit-code] FROM.json TO.json\n"
	"       schemadiff --config atlas.hcl --env NAME [--var K=V]... [...] FROM.json TO.json\n"
	"\n"
	"Reads two schema documents ('format': 'schema/1'; an empty file or {} is an empty\n"
	"database; '-' is stdin) and prints the plan that takes FROM to TO ('format':\n"
	"'plan/1', docs/plan-json.md): Atlas's diff semantics (matching by name, no rename\n"
	"detection) and statement order, both sides normalised as the profile's server would\n"
	"store them.\n"
	"\n"
	"  -p, --profile P   postgres@18 (default for postgres), postgres@15, mysql@8 (default\n"
	"                    for mysql), mariadb@10.11\n"
	"  -s, --skip K,...  leave out changes of these kinds (atlas.hcl's diff.skip names:\n"
	"                    drop_schema, drop_table, drop_column, modify_column, add_index,\n"
	"                    ...); what is left out is listed on stderr and in the plan\n"
	"      --exit-code   exit 1 when there are changes, as 'git diff --exit-code'\n"
	"  -c, --config F    an Atlas project file; with --env, the env's 'profile' attribute (or\n"
	"                    its docker:// dev URL) gives the profile, and diff.skip (global and\n"
	"                    the env's) the kinds to skip; --var sets its variables\n"
	"  -e, --env NAME    the env of the project file\n"
	"      --var K=V     a variable of the project file (destructive=true); repeatable\n"
	"  -h, --help        show this help\n"
	"\n"
	"Exit status: 0 (with --exit-code: no changes), 1 changes with --exit-code, 2 trouble.\n";

static int parse_skip(const char *list, int *skip)
{
	char buf[1024], *save = NULL;

	snprintf(buf, sizeof(buf), "%s", list);
	for (char *k = strtok_r(buf, ",", &save); k; k = strtok_r(NULL, ",", &save)) {
		int found = 0;

		for (int i = 0; i < SKIP_COUNT; i++)
			if (strcmp(config_skip_name((enum config_skip)i), k) == 0)
				skip[i] = found = 1;
		if (!found) {
			fprintf(stderr, "schemadiff: --skip: unknown change kind '%s'\n", k);
			return -1;
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "profile", required_argument, NULL, 'p' },
		{ "skip", required_argument, NULL, 's' },
		{ "exit-code", no_argument, NULL, 'x' },
		{ "config", required_argument, NULL, 'c' },
		{ "env", required_argument, NULL, 'e' },
		{ "var", required_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *profile_name = NULL, *config = NULL, *env_name = NULL, **vars;
	size_t nvars = 0;
	struct config_env env;
	int skip[SKIP_COUNT] = { 0 }, exit_code = 0, c, rc = 2, empty_from, empty_to;
	struct schema_realm from, to;
	struct profile prof;
	struct plan plan;
	struct arena a;
	struct buf out, skipped;
	struct diag d;

	vars = calloc((size_t)argc, sizeof(*vars));
	if (!vars) {
		fputs("schemadiff: out of memory\n", stderr);
		return 2;
	}
	while ((c = getopt_long(argc, argv, "p:s:c:e:h", opts, NULL)) != -1) {
		switch (c) {
		case 'c':
			config = optarg;
			break;
		case 'e':
			env_name = optarg;
			break;
		case 'v':
			vars[nvars++] = optarg;
			break;
		case 'p':
			profile_name = optarg;
			break;
		case 's':
			if (parse_skip(optarg, skip)) {
				free(vars);
				return 2;
			}
			break;
		case 'x':
			exit_code = 1;
			break;
		case 'h':
			free(vars);
			fputs(usage, stdout);
			return tool_flush("schemadiff");
		default:
			free(vars);
			return tool_usage("schemadiff", usage);
		}
	}
	if (argc - optind != 2) {
		free(vars);
		return tool_usage_msg("schemadiff", usage, "expected FROM.json and TO.json");
	}
	if (!config != !env_name) {
		free(vars);
		return tool_usage_msg("schemadiff", usage, "--config and --env go together");
	}
	arena_init(&a, 0);
	buf_init(&out, 0);
	buf_init(&skipped, 0);
	diag_init(&d);
	if (config) {
		if (config_load(&a, config, env_name, (const char *const *)vars, nvars, &env, &d))
			goto fail;
		for (int i = 0; i < SKIP_COUNT; i++)
			skip[i] |= env.skip[i];
		if (!profile_name)
			profile_name = env.profile;
	}
	if (schema_read_file(&a, argv[optind], &from, &empty_from, &d) ||
	    schema_read_file(&a, argv[optind + 1], &to, &empty_to, &d))
		goto fail;
	if (empty_to && empty_from) {
		fprintf(stderr, "schemadiff: both sides are empty: no dialect to diff in\n");
		goto out;
	}
	if (!empty_to && !empty_from && from.dialect != to.dialect) {
		fprintf(stderr, "schemadiff: %s is %s and %s is %s: cannot diff across dialects\n",
			argv[optind], schema_dialect_name(from.dialect), argv[optind + 1],
			schema_dialect_name(to.dialect));
		goto out;
	}
	if (empty_to)
		to.dialect = from.dialect;
	if (empty_from)
		from.dialect = to.dialect;
	if (!profile_name)
		profile_name = profile_default(to.dialect);
	if (profile_parse(profile_name, &prof, &d))
		goto fail;
	if (prof.dialect != to.dialect) {
		fprintf(stderr, "schemadiff: profile %s is for %s, the schemas are %s\n",
			profile_name, schema_dialect_name(prof.dialect),
			schema_dialect_name(to.dialect));
		goto out;
	}
	if (profile_apply(&a, &prof, &from, &d) || profile_apply(&a, &prof, &to, &d) ||
	    plan_diff(&a, &from, &to, skip, &plan, &d))
		goto fail;
	plan.profile = profile_name;
	if (plan_to_json(&plan, &out, &d))
		goto fail;
	if (plan_skipped_text(&plan, "schemadiff", &skipped, &d))
		goto fail;
	fputs(skipped.data ? skipped.data : "", stderr);
	fwrite(out.data, 1, out.len, stdout);
	rc = tool_flush("schemadiff");
	if (rc == 0 && exit_code && plan.n > 0)
		rc = 1;
	goto out;
fail:
	diag_print(&d, "schemadiff", stderr);
out:
	buf_release(&out);
	buf_release(&skipped);
	arena_release(&a);
	free(vars);
	return rc;
}
