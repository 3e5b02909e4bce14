/*
 * hcl2json: Atlas HCL schema files to the canonical schema JSON ("format": "schema/1").
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "config.h"
#include "buf.h"
#include "diag.h"
#include "hcl.h"
#include "schema.h"
#include "tool.h"

static const char usage[] =
	"usage: hcl2json --dialect postgres|mysql [--var name=value]... FILE|DIR...\n"
	"       hcl2json --config atlas.hcl --env NAME [--var name=value]... [FILE|DIR...]\n"
	"\n"
	"Reads Atlas HCL schema files (a directory means its *.hcl files, merged as Atlas\n"
	"merges them; '-' is stdin) and prints the schema as JSON ('format': 'schema/1',\n"
	"docs/schema-json.md): tables, columns with Atlas's normalised types, defaults,\n"
	"identity and auto_increment, indexes, foreign keys, checks, enums, comments.\n"
	"Stricter than Atlas: unknown attributes and blocks, unresolved references, types the\n"
	"dialect lacks and duplicate names are errors with their location.\n"
	"\n"
	"  -d, --dialect D     postgres (or postgresql) | mysql (or mariadb)\n"
	"      --var K=V       set an input variable (a 'variable' block); repeatable; with\n"
	"                      --config, the variables are the project file's\n"
	"  -c, --config FILE   Atlas project file; with --env, the env's url gives the dialect\n"
	"                      and its src the files, unless given\n"
	"  -e, --env NAME      the env of the project file\n"
	"  -h, --help          show this help\n"
	"\n"
	"Exit status: 0 success, 2 trouble (usage, I/O, syntax or schema error).\n";

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "dialect", required_argument, NULL, 'd' },
		{ "var", required_argument, NULL, 'v' },
		{ "config", required_argument, NULL, 'c' },
		{ "env", required_argument, NULL, 'e' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char **vars = NULL, *dialect_name = NULL, *config = NULL, *env_name = NULL;
	const char *const *paths;
	size_t npaths;
	struct config_env env;
	size_t nvars = 0;
	enum schema_dialect dialect;
	struct schema_realm realm;
	struct hcl_body doc;
	struct arena a;
	struct buf out;
	struct diag d;
	int c, rc = 2;

	vars = calloc((size_t)argc, sizeof(*vars));
	if (!vars) {
		fputs("hcl2json: out of memory\n", stderr);
		return 2;
	}
	while ((c = getopt_long(argc, argv, "d:c:e:h", opts, NULL)) != -1) {
		switch (c) {
		case 'c':
			config = optarg;
			break;
		case 'e':
			env_name = optarg;
			break;
		case 'd':
			dialect_name = optarg;
			break;
		case 'v':
			vars[nvars++] = optarg;
			break;
		case 'h':
			free(vars);
			fputs(usage, stdout);
			return tool_flush("hcl2json");
		default:
			free(vars);
			return tool_usage("hcl2json", usage);
		}
	}
	if (!config != !env_name) {
		free(vars);
		return tool_usage_msg("hcl2json", usage, "--config and --env go together");
	}
	arena_init(&a, 0);
	buf_init(&out, 0);
	diag_init(&d);
	paths = (const char *const *)argv + optind;
	npaths = (size_t)(argc - optind);
	if (config) {
		if (config_load(&a, config, env_name, vars, nvars, &env, &d)) {
			diag_print(&d, "hcl2json", stderr);
			goto out;
		}
		nvars = 0; /* they were the project file's */
		if (!dialect_name && env.dialect_known)
			dialect_name = schema_dialect_name(env.dialect);
		if (npaths == 0) {
			paths = env.src;
			npaths = env.nsrc;
		}
		if (npaths == 0) {
			fprintf(stderr, "hcl2json: %s: env '%s' has no src\n", config, env_name);
			goto out;
		}
	}
	if (!dialect_name) {
		tool_usage_msg("hcl2json", usage, "--dialect is required");
		goto out;
	}
	if (schema_dialect_parse(dialect_name, &dialect)) {
		fprintf(stderr, "hcl2json: unknown dialect '%s' (postgres or mysql)\n",
			dialect_name);
		goto out;
	}
	if (npaths == 0) {
		tool_usage_msg("hcl2json", usage, "expected at least one file or directory");
		goto out;
	}
	if (hcl_parse_paths(&a, paths, npaths, &doc, &d) ||
	    schema_from_hcl(&a, &doc, dialect, vars, nvars, &realm, &d) ||
	    schema_to_json(&realm, &out, &d)) {
		diag_print(&d, "hcl2json", stderr);
		goto out;
	}
	fwrite(out.data, 1, out.len, stdout);
	rc = tool_flush("hcl2json");
out:
	buf_release(&out);
	arena_release(&a);
	free(vars);
	return rc;
}
