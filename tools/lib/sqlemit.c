/* sqlemit: the shared main of the two emitters. */
#include "sqlemit.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "emit.h"
#include "plan.h"
#include "tool.h"

static const char usage_fmt[] =
	"usage: %s [--qualify|--no-qualify] [--one-line] [PLAN.json]\n"
	"\n"
	"Reads a plan ('format': 'plan/1', from schemadiff; stdin when no file or '-') for\n"
	"%s and writes the migration text Atlas would write: a '-- Comment' line before each\n"
	"statement, each statement ending in ';'.\n"
	"\n"
	"  --qualify        prefix objects with their schema (\"public\".\"t\"); the default for\n"
	"                   PostgreSQL, as Atlas with a database-wide dev URL\n"
	"  --no-qualify     no schema prefix; the default for MySQL (a schema-bound URL)\n"
	"  --one-line       CREATE TABLE on one line, not one element per line\n"
	"  -h, --help       show this help\n"
	"\n"
	"Exit status: 0 success, 2 trouble (a malformed plan, a plan for the other dialect, a\n"
	"change %s cannot express); nothing is written on trouble.\n";

int sqlemit_main(const char *tool, enum schema_dialect dialect, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "qualify", no_argument, NULL, 'q' },
		{ "no-qualify", no_argument, NULL, 'Q' },
		{ "one-line", no_argument, NULL, '1' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *dname = dialect == SCHEMA_POSTGRES ? "PostgreSQL" : "MySQL";
	struct emit_opts o;
	struct plan plan;
	struct arena a;
	struct buf out;
	struct diag d;
	char usage[2048];
	int c, rc = 2;

	snprintf(usage, sizeof(usage), usage_fmt, tool, dname, dname);
	emit_opts_default(&o, dialect);
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'q':
			o.qualify = 1;
			break;
		case 'Q':
			o.qualify = 0;
			break;
		case '1':
			o.indent = NULL;
			break;
		case 'h':
			fputs(usage, stdout);
			return tool_flush(tool);
		default:
			return tool_usage(tool, usage);
		}
	}
	if (argc - optind > 1)
		return tool_usage_msg(tool, usage, "expected at most one plan file");
	arena_init(&a, 0);
	buf_init(&out, 0);
	diag_init(&d);
	if (plan_read_file(&a, optind < argc ? argv[optind] : "-", &plan, &d))
		goto fail;
	if (plan.dialect != dialect) {
		fprintf(stderr, "%s: the plan is for %s; use sqlemit-%s\n", tool,
			schema_dialect_name(plan.dialect),
			plan.dialect == SCHEMA_POSTGRES ? "pg" : "my");
		goto out;
	}
	if (emit_plan(&plan, &o, &out, &d))
		goto fail;
	fwrite(out.data ? out.data : "", 1, out.len, stdout);
	rc = tool_flush(tool);
	goto out;
fail:
	diag_print(&d, tool, stderr);
out:
	buf_release(&out);
	arena_release(&a);
	return rc;
}
