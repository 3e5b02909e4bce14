/*
 * sql2json: the schema a migration directory leaves behind, by replaying its DDL offline.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"
#include "buf.h"
#include "config.h"
#include "diag.h"
#include "fsx.h"
#include "profile.h"
#include "replay.h"
#include "schema.h"
#include "tool.h"

static const char usage[] =
	"usage: sql2json --dialect postgres|mysql [--schema S] [--profile P] DIR|FILE...\n"
	"       sql2json --config atlas.hcl --env NAME [--profile P] [DIR|FILE...]\n"
	"\n"
	"Replays migration files (a directory means its *.sql files in name order, as Atlas\n"
	"applies them) into the schema model, without a database, and prints the state they\n"
	"leave as schema JSON ('format': 'schema/1'), normalised by the profile. DML is passed\n"
	"over; a statement that changes the schema in a way the replay does not model stops it\n"
	"with the file, line and statement: use the dev-database mode for such a directory.\n"
	"\n"
	"  -d, --dialect D   postgres | mysql\n"
	"  -s, --schema S    the schema unqualified names are in: public (postgres), or the\n"
	"                    MySQL database (default: the env's first schema, else "
	"'public'/'main')\n"
	"  -p, --profile P   postgres@18 (default), postgres@15, mysql@8 (default), mariadb@10.11\n"
	"  -c, --config F, -e, --env NAME   take dialect, schema, directory and profile from\n"
	"                    an atlas.hcl env\n"
	"  -h, --help        show this help\n"
	"\n"
	"Exit status: 0 success, 2 trouble (usage, I/O, a statement the replay cannot model).\n";

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "dialect", required_argument, NULL, 'd' },
		{ "schema", required_argument, NULL, 's' },
		{ "profile", required_argument, NULL, 'p' },
		{ "config", required_argument, NULL, 'c' },
		{ "env", required_argument, NULL, 'e' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *dialect_name = NULL, *schema = NULL, *profile_name = NULL, *config = NULL,
		   *env_name = NULL;
	enum schema_dialect dialect;
	struct schema_realm realm;
	struct config_env env;
	struct profile prof;
	struct replay r;
	struct arena a;
	struct buf out;
	struct diag d;
	int c, rc = 2;

	while ((c = getopt_long(argc, argv, "d:s:p:c:e:h", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			dialect_name = optarg;
			break;
		case 's':
			schema = optarg;
			break;
		case 'p':
			profile_name = optarg;
			break;
		case 'c':
			config = optarg;
			break;
		case 'e':
			env_name = optarg;
			break;
		case 'h':
			fputs(usage, stdout);
			return tool_flush("sql2json");
		default:
			return tool_usage("sql2json", usage);
		}
	}
	if (!config != !env_name)
		return tool_usage_msg("sql2json", usage, "--config and --env go together");
	arena_init(&a, 0);
	buf_init(&out, 0);
	diag_init(&d);
	memset(&r, 0, sizeof(r));
	if (config) {
		if (config_load(&a, config, env_name, NULL, 0, &env, &d))
			goto fail;
		if (!dialect_name && env.dialect_known)
			dialect_name = schema_dialect_name(env.dialect);
		if (!schema && env.nschemas)
			schema = env.schemas[0];
		if (!profile_name)
			profile_name = env.profile;
	}
	if (!dialect_name || schema_dialect_parse(dialect_name, &dialect)) {
		tool_usage_msg("sql2json", usage, "--dialect postgres|mysql is required");
		goto out;
	}
	if (!schema)
		schema = dialect == SCHEMA_POSTGRES ? "public" : "main";
	if (!profile_name)
		profile_name = profile_default(dialect);
	if (profile_parse(profile_name, &prof, &d))
		goto fail;
	if (prof.dialect != dialect) {
		fprintf(stderr, "sql2json: profile %s is not for %s\n", profile_name, dialect_name);
		goto out;
	}
	if (replay_init(&r, &a, &realm, dialect, schema, &d))
		goto fail;
	if (optind == argc && config && env.dir) {
		if (replay_path(&r, env.dir, &d))
			goto fail;
	} else if (optind == argc) {
		tool_usage_msg("sql2json", usage, "expected a directory or files");
		goto out;
	}
	for (int i = optind; i < argc; i++)
		if (replay_path(&r, argv[i], &d))
			goto fail;
	/* What the files hold is what the server printed: keep what the deparser lacks. */
	prof.lenient = 1;
	if (profile_apply(&a, &prof, &realm, &d))
		goto fail;
	realm.normalized = profile_name;
	if (schema_to_json(&realm, &out, &d))
		goto fail;
	fwrite(out.data, 1, out.len, stdout);
	rc = tool_flush("sql2json");
	goto out;
fail:
	diag_print(&d, "sql2json", stderr);
out:
	replay_release(&r);
	buf_release(&out);
	arena_release(&a);
	return rc;
}
