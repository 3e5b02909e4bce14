/*
 * sqlc-extract: the sqlc schema file the seed extracts from a dump of a database, from the
 * schema JSON of that database.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "fsx.h"
#include "profile.h"
#include "schema.h"
#include "sqlcgen.h"
#include "tool.h"

#define MAX_EXCLUDE 64

static const char usage[] =
	"usage: sqlc-extract [--profile P] [--db NAME] [--dump-name NAME] [--exclude T,...]\n"
	"                    [-o FILE] [SCHEMA.json | -]\n"
	"\n"
	"Prints the sqlc schema file that the seed's extraction (pg_dump --schema-only or\n"
	"mysqldump --no-data, filtered with awk and sed) gives for a database holding the\n"
	"schema: the document hcl2json, sql2json or db2json prints ('format': 'schema/1').\n"
	"The table atlas_schema_revisions is always left out.\n"
	"\n"
	"  -p, --profile P     the server that would be dumped: postgres@18, postgres@15 (the\n"
	"                      same text), mysql@8, mariadb@10.11 (default: the profile the\n"
	"                      document was normalised with, else postgres@18 / mysql@8)\n"
	"  -d, --db NAME       the database, for the header lines (required for postgres;\n"
	"                      MySQL: default the document's schema)\n"
	"      --dump-name N   the dump file the header names (default dump_<db>.<dialect>.sql)\n"
	"  -x, --exclude T,... more tables to leave out (repeatable), as the seed does for sign:\n"
	"                      --exclude seed,musig2_nonces\n"
	"  -o, --output FILE   write FILE atomically, only when its content changes, and say\n"
	"                      'FILE: written' or 'FILE: unchanged'\n"
	"  -h, --help          show this help\n"
	"\n"
	"Exit status: 0 success, 2 trouble (usage, I/O, a form that is not covered).\n";

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "profile", required_argument, NULL, 'p' },
		{ "db", required_argument, NULL, 'd' },
		{ "dump-name", required_argument, NULL, 'n' },
		{ "exclude", required_argument, NULL, 'x' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *profile_name = NULL, *output = NULL, *input = "-";
	const char *exclude[MAX_EXCLUDE];
	struct sqlcgen_options o;
	struct schema_realm realm;
	struct profile prof;
	struct arena a;
	struct buf out;
	struct diag d;
	int c, rc = 2, empty = 0, changed = 0;

	memset(&o, 0, sizeof(o));
	arena_init(&a, 0);
	buf_init(&out, 0);
	diag_init(&d);
	while ((c = getopt_long(argc, argv, "p:d:x:o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'p':
			profile_name = optarg;
			break;
		case 'd':
			o.db = optarg;
			break;
		case 'n':
			o.dump_name = optarg;
			break;
		case 'x': {
			char *list = arena_strdup(&a, optarg), *save = NULL;

			if (!list)
				goto nomem;
			for (char *t = strtok_r(list, ",", &save); t;
			     t = strtok_r(NULL, ",", &save)) {
				if (o.nexclude == MAX_EXCLUDE) {
					tool_usage_msg("sqlc-extract", usage,
						       "too many --exclude tables");
					goto out;
				}
				exclude[o.nexclude++] = t;
			}
			break;
		}
		case 'o':
			output = optarg;
			break;
		case 'h':
			fputs(usage, stdout);
			rc = tool_flush("sqlc-extract");
			goto out;
		default:
			tool_usage("sqlc-extract", usage);
			goto out;
		}
	}
	if (optind + 1 < argc) {
		tool_usage_msg("sqlc-extract", usage, "expected one schema document");
		goto out;
	}
	if (optind < argc)
		input = argv[optind];
	o.exclude = exclude;
	if (schema_read_file(&a, input, &realm, &empty, &d))
		goto fail;
	if (!profile_name)
		profile_name = realm.normalized ? realm.normalized
			       : empty		? NULL
						: profile_default(realm.dialect);
	if (!profile_name) {
		tool_usage_msg("sqlc-extract", usage,
			       "the document is empty: --profile says which server");
		goto out;
	}
	if (profile_parse(profile_name, &prof, &d))
		goto fail;
	if (empty)
		realm.dialect = prof.dialect;
	o.profile = &prof;
	if (sqlcgen_print(&a, &realm, &o, &out, &d))
		goto fail;
	if (output) {
		if (fsx_write_atomic(output, out.data, out.len, 0644, &changed, &d))
			goto fail;
		printf("%s: %s\n", output, changed ? "written" : "unchanged");
	} else {
		fwrite(out.data, 1, out.len, stdout);
	}
	rc = tool_flush("sqlc-extract");
	goto out;
nomem:
	diag_nomem(&d);
fail:
	diag_print(&d, "sqlc-extract", stderr);
	rc = 2;
out:
	buf_release(&out);
	arena_release(&a);
	return rc;
}
