/*
 * pgexpr-norm: print an expression as PostgreSQL prints it back from its catalog, computed
 * by the postgres dialect profile (pgexpr.h) without a server. A test and debugging driver.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "pgexpr.h"
#include "tool.h"

static const char usage[] =
	"usage: pgexpr-norm [-c NAME:TYPE]... check EXPR\n"
	"       pgexpr-norm [-c NAME:TYPE]... predicate EXPR\n"
	"       pgexpr-norm [-c NAME:TYPE]... index EXPR\n"
	"       pgexpr-norm default TYPE EXPR\n"
	"       pgexpr-norm type TYPE\n"
	"\n"
	"Prints what PostgreSQL's catalog would show for EXPR over a table with the given\n"
	"columns: a CHECK as pg_get_expr(conbin) (the text after CHECK), a partial index's\n"
	"WHERE as pg_get_expr(indpred), an index key as pg_get_indexdef(index, 1), a column\n"
	"default of TYPE as pg_get_expr(adbin); 'type' prints TYPE as format_type() does.\n"
	"\n"
	"  -c, --column NAME:TYPE  a column of the table, e.g. 'coin:varchar(10)'\n"
	"  -h, --help              show this help\n"
	"\n"
	"Exit status: 0 success, 2 trouble (a syntax error or a form the profile does not\n"
	"cover).\n";

#define MAX_COLUMNS 1600 /* PostgreSQL's own limit per table */

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "column", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static struct pgexpr_column cols[MAX_COLUMNS];
	const char *mode, *out = NULL;
	size_t ncols = 0;
	struct arena a;
	struct diag d;
	int c, rc, nargs;
	char *colon;

	while ((c = getopt_long(argc, argv, "+c:h", opts, NULL)) != -1) {
		switch (c) {
		case 'c':
			colon = strchr(optarg, ':');
			if (!colon || colon == optarg || !colon[1])
				return tool_usage_msg("pgexpr-norm", usage,
						      "a column is written NAME:TYPE");
			if (ncols == MAX_COLUMNS)
				return tool_usage_msg("pgexpr-norm", usage, "too many columns");
			*colon = '\0';
			cols[ncols].name = optarg;
			cols[ncols++].type = colon + 1;
			break;
		case 'h':
			fputs(usage, stdout);
			return tool_flush("pgexpr-norm");
		default:
			return tool_usage("pgexpr-norm", usage);
		}
	}
	if (optind >= argc)
		return tool_usage_msg("pgexpr-norm", usage, "expected a mode");
	mode = argv[optind++];
	nargs = argc - optind;
	if (!strcmp(mode, "default") ? nargs != 2 : nargs != 1)
		return tool_usage_msg("pgexpr-norm", usage, "wrong number of operands");
	if ((!strcmp(mode, "default") || !strcmp(mode, "type")) && ncols)
		return tool_usage_msg("pgexpr-norm", usage,
				      "--column goes with check, predicate "
				      "and index only");

	arena_init(&a, 0);
	if (!strcmp(mode, "check")) {
		rc = pgexpr_check(&a, argv[optind], cols, ncols, &out, &d);
	} else if (!strcmp(mode, "predicate")) {
		rc = pgexpr_predicate(&a, argv[optind], cols, ncols, &out, &d);
	} else if (!strcmp(mode, "index")) {
		rc = pgexpr_index_expr(&a, argv[optind], cols, ncols, &out, &d);
	} else if (!strcmp(mode, "default")) {
		rc = pgexpr_default(&a, argv[optind + 1], argv[optind], &out, &d);
	} else if (!strcmp(mode, "type")) {
		rc = pgexpr_type(&a, argv[optind], &out, &d);
	} else {
		arena_release(&a);
		return tool_usage_msg("pgexpr-norm", usage, "unknown mode");
	}
	if (rc) {
		diag_print(&d, "pgexpr-norm", stderr);
		rc = diag_exit_status(&d);
	} else {
		printf("%s\n", out);
	}
	arena_release(&a);
	if (tool_flush("pgexpr-norm"))
		return 2;
	return rc;
}
