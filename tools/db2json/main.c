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
	"       db2json --server-profile URL\n"
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
	"      --name-as N   print the one schema read under the name N (a scratch database\n"
	"                    standing in for the real one)\n"
	"      --env-value url|dev|dir  print that value of the --env (for scripts) and exit\n"
	"      --server-profile  print the profile of the server at URL (postgres@15,\n"
	"                    mariadb@10.11, mysql@8) and nothing else\n"
	"  -h, --help        show this help\n"
	"\n"
	"Exit status: 0 success, 2 trouble (usage, a connection or query that failed).\n";

/*
 * The profile of the server itself: what the SQL we send it must be written for.
 * PostgreSQL says server_version_num (150010); MySQL VERSION() ("8.0.36"), MariaDB the
 * same with "-MariaDB" in it ("10.11.6-MariaDB-0+deb12u1").
 */
static int server_profile(struct db *db, char *out, size_t n, struct db_error *e)
{
	const int pg = db->drv->dialect == DB_POSTGRES;
	struct db_rows rows;
	const char *v;
	int rc = 0;

	if (db_query(db, pg ? "SHOW server_version_num" : "SELECT VERSION()", &rows, e))
		return -1;
	v = db_cell(&rows, 0, 0);
	if (!v) {
		rc = -1;
		e->kind = DB_ERR_SQL;
		snprintf(e->msg, sizeof(e->msg), "the server did not say its version");
	} else if (pg) {
		snprintf(out, n, "postgres@%ld", strtol(v, NULL, 10) / 10000);
	} else if (strstr(v, "MariaDB")) {
		long major = strtol(v, NULL, 10),
		     minor = strtol(strchr(v, '.') ? strchr(v, '.') + 1 : "0", NULL, 10);

		snprintf(out, n, "mariadb@%ld.%ld", major, minor);
	} else {
		snprintf(out, n, "mysql@%ld", strtol(v, NULL, 10));
	}
	db_rows_free(&rows);
	return rc;
}

/* Renames schema 0 to 'to', and every reference to it (enum types, foreign keys). */
static void rename_schema(struct schema_realm *realm, const char *to)
{
	struct schema_schema *s = &realm->schemas[0];
	const char *from = s->name;

	for (size_t i = 0; i < s->ntables; i++) {
		struct schema_table *t = &s->tables[i];

		for (size_t j = 0; j < t->ncolumns; j++) {
			struct schema_type *ty = &t->columns[j].type;

			if (ty->elem)
				ty = ty->elem;
			if (ty->enum_schema && strcmp(ty->enum_schema, from) == 0)
				ty->enum_schema = to;
		}
		for (size_t j = 0; j < t->nfks; j++)
			if (t->fks[j].ref_schema && strcmp(t->fks[j].ref_schema, from) == 0)
				t->fks[j].ref_schema = to;
	}
	s->name = to;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "schema", required_argument, NULL, 's' },
		{ "profile", required_argument, NULL, 'p' },
		{ "config", required_argument, NULL, 'c' },
		{ "env", required_argument, NULL, 'e' },
		{ "server-profile", no_argument, NULL, 'S' },
		{ "name-as", required_argument, NULL, 'N' },
		{ "env-value", required_argument, NULL, 'U' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *schemas[64], *profile_name = NULL, *config = NULL, *env_name = NULL,
				 *url = NULL, *name_as = NULL, *env_value = NULL;
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
	int c, rc = 2, want_profile = 0;

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
		case 'S':
			want_profile = 1;
			break;
		case 'N':
			name_as = optarg;
			break;
		case 'U':
			env_value = optarg;
			if (strcmp(optarg, "url") != 0 && strcmp(optarg, "dev") != 0 &&
			    strcmp(optarg, "dir") != 0)
				return tool_usage_msg("db2json", usage, "--env-value url|dev|dir");
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
		if (config_load(&a, config_strip_file(config), env_name, NULL, 0, &env, &d))
			goto fail;
		if (env_value) {
			const char *u = strcmp(env_value, "dev") == 0	? env.dev
					: strcmp(env_value, "dir") == 0 ? env.dir
									: env.url;

			if (u)
				printf("%s\n", u);
			rc = tool_flush("db2json");
			goto out;
		}
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
	if (want_profile) {
		char p[64];

		if (server_profile(db, p, sizeof(p), &e)) {
			fprintf(stderr, "db2json: %s\n", e.msg);
			goto out;
		}
		printf("%s\n", p);
		rc = tool_flush("db2json");
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
	/*
	 * A MySQL env names its schema, but the URL may bind another database standing in
	 * for it (sign2 for sign, a scratch copy): read the bound one under the env's name.
	 */
	if (config && names == env.schemas && nschemas == 1 && db->drv->dialect == DB_MYSQL &&
	    db->drv->schema(db) && strcmp(db->drv->schema(db), env.schemas[0]) != 0) {
		if (!name_as)
			name_as = env.schemas[0];
		schemas[0] = db->drv->schema(db);
		names = schemas;
	}
	if (inspect_realm(&a, db, names, nschemas, &realm, &d))
		goto fail;
	if (name_as && realm.nschemas != 1) {
		fprintf(stderr, "db2json: --name-as needs exactly one schema, not %zu\n",
			realm.nschemas);
		goto out;
	}
	if (name_as)
		rename_schema(&realm, name_as);
	/* What the server holds is its own text: its expressions stay as it printed them. */
	prof.lenient = 1;
	prof.server_text = 1;
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
