/*
 * db2json: the schema a live database holds, as schema JSON, normalised by the profile as
 * sql2json normalises a replayed directory, so the two can be compared byte for byte.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "config.h"
#include "db.h"
#include "diag.h"
#include "inspect.h"
#include "profile.h"
#include "schema.h"
#include "tool.h"

static const char usage[] =
	"usage: db2json [--schema S]... [--profile P] URL\n"
	"       db2json --config atlas.hcl --env NAME [--profile P] [URL]\n"
	"\n"
	"Reads what a live PostgreSQL, MySQL or MariaDB database holds (pg_catalog,\n"
	"information_schema) into the schema model and prints it as schema JSON\n"
	"('format': 'schema/1'), normalised by the profile, as sql2json prints the state of\n"
	"a migration directory. Nothing is written to the database; the revisions table\n"
	"atlas_schema_revisions is left out.\n"
	"\n"
	"  -s, --schema S    a schema to read (repeatable); default: the one the URL binds to\n"
	"                    (search_path, the MySQL database), else every user schema\n"
	"  -p, --profile P   postgres@18 (default), postgres@15, mysql@8 (default), mariadb@10.11\n"
	"  -c, --config F, -e, --env NAME   take the URL, schemas and profile from an\n"
	"                    atlas.hcl env\n"
	"  -h, --help        show this help\n"
	"\n"
	"Exit status: 0 success, 2 trouble (usage, a connection or query that failed).\n";

static const char *strip_file_scheme(const char *p)
{
	return strncmp(p, "file://", 7) == 0 ? p + 7 : p;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "schema", required_argument, NULL, 's' },
		{ "profile", required_argument, NULL, 'p' },
		{ "config", required_argument, NULL, 'c' },
		{ "env", required_argument, NULL, 'e' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *schemas[64], *profile_name = NULL, *config = NULL, *env_name = NULL,
				 *url = NULL;
	const char *const *names = schemas;
	size_t nschemas = 0;
	struct schema_realm realm;
	struct config_env env;
	struct profile prof;
	struct db *db = NULL;
	struct db_error e;
	struct arena a;
	struct buf out;
	struct diag d;
	int c, rc = 2;

	while ((c = getopt_long(argc, argv, "s:p:c:e:h", opts, NULL)) != -1) {
		switch (c) {
		case 's':
			if (nschemas == sizeof(schemas) / sizeof(schemas[0]))
				return tool_usage_msg("db2json", usage, "too many --schema");
			schemas[nschemas++] = optarg;
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
			return tool_flush("db2json");
		default:
			return tool_usage("db2json", usage);
		}
	}
	if (!config != !env_name)
		return tool_usage_msg("db2json", usage, "--config and --env go together");
	if (optind + 1 < argc)
		return tool_usage_msg("db2json", usage, "expected one URL");
	if (optind < argc)
		url = argv[optind];
	arena_init(&a, 0);
	buf_init(&out, 0);
	diag_init(&d);
	memset(&e, 0, sizeof(e));
	if (config) {
		if (config_load(&a, strip_file_scheme(config), env_name, NULL, 0, &env, &d))
			goto fail;
		if (!url)
			url = env.url;
		if (!nschemas && env.nschemas) {
			names = env.schemas;
			nschemas = env.nschemas;
		}
		if (!profile_name)
			profile_name = env.profile;
	}
	if (!url) {
		tool_usage_msg("db2json", usage, "expected a database URL");
		goto out;
	}
	if (db_open(url, &db, &e)) {
		fprintf(stderr, "db2json: %s\n", e.msg);
		goto out;
	}
	if (!profile_name)
		profile_name = profile_default(db->drv->dialect == DB_POSTGRES ? SCHEMA_POSTGRES
									 : SCHEMA_MYSQL);
	if (profile_parse(profile_name, &prof, &d))
		goto fail;
	if ((prof.dialect == SCHEMA_POSTGRES) != (db->drv->dialect == DB_POSTGRES)) {
		fprintf(stderr, "db2json: profile %s is not for a %s database\n", profile_name,
			db->drv->name);
		goto out;
	}
	if (inspect_realm(&a, db, names, nschemas, &realm, &d))
		goto fail;
	/* What the server holds is its own text: keep what the deparser lacks. */
	prof.lenient = 1;
	if (profile_apply(&a, &prof, &realm, &d))
		goto fail;
	realm.normalized = profile_name;
	if (schema_to_json(&realm, &out, &d))
		goto fail;
	fwrite(out.data, 1, out.len, stdout);
	rc = tool_flush("db2json");
	goto out;
fail:
	diag_print(&d, "db2json", stderr);
out:
	if (db)
		db_close(db);
	buf_release(&out);
	arena_release(&a);
	return rc;
}
