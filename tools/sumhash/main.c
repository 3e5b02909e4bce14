/*
 * sumhash: write or check a migration directory's atlas.sum, as Atlas does.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "fsx.h"
#include "sum.h"
#include "tool.h"

static const char usage[] =
	"usage: sumhash [--print] DIR\n"
	"       sumhash --check DIR\n"
	"       sumhash --xxh3 DIR\n"
	"\n"
	"Writes DIR/atlas.sum for the migration files (*.sql) of DIR, byte for byte as Atlas\n"
	"does ('atlas migrate hash'); the file is replaced atomically and only when it changes.\n"
	"\n"
	"  --print    write the atlas.sum text to stdout instead of DIR/atlas.sum\n"
	"  --check    check DIR against DIR/atlas.sum ('atlas migrate validate'): exit 0 when it\n"
	"             holds, 1 with the first difference when not\n"
	"  --xxh3     print an XXH3-128 fingerprint (hex) of the migration files' names and "
	"bytes,\n"
	"             a cache key for make; not an Atlas format\n"
	"  -h, --help show this help\n"
	"\n"
	"Exit status: 0 success, 1 checksum mismatch (--check), 2 trouble.\n";

enum mode { WRITE, PRINT, CHECK, XXH3 };

static int check(const char *dir)
{
	struct sum_file stored, now;
	struct sum_mismatch m;
	struct diag d;
	int rc;

	diag_init(&d);
	sum_file_init(&stored);
	sum_file_init(&now);
	rc = sum_check(dir, &stored, &now, &m, &d);
	if (rc == 1 && m.file) {
		struct buf out;

		buf_init(&out, 0);
		if (sum_error_text(&out, dir, m.line, m.file, sum_reason_name(m.reason), &d) == 0)
			fwrite(out.data, 1, out.len, stdout);
		else
			rc = -1;
		buf_release(&out);
	}
	if (rc)
		diag_print(&d, "sumhash", stderr);
	sum_file_release(&stored);
	sum_file_release(&now);
	return rc < 0 ? 2 : rc;
}

static int print_or_write(const char *dir, enum mode mode)
{
	struct sum_file s;
	struct buf out;
	struct diag d;
	int rc = 0;

	diag_init(&d);
	if (mode == WRITE) {
		if (sum_write_dir(dir, NULL, &d))
			goto fail;
		return 0;
	}
	sum_file_init(&s);
	buf_init(&out, 0);
	if (sum_dir(dir, &s, &d) || sum_format(&s, &out, &d)) {
		rc = -1;
	} else {
		fwrite(out.data, 1, out.len, stdout);
	}
	buf_release(&out);
	sum_file_release(&s);
	if (rc == 0)
		return 0;
fail:
	diag_print(&d, "sumhash", stderr);
	return 2;
}

static int xxh3(const char *dir)
{
	char hex[33];
	struct diag d;

	diag_init(&d);
	if (sum_xxh3_dir(dir, hex, &d)) {
		diag_print(&d, "sumhash", stderr);
		return 2;
	}
	printf("%s\n", hex);
	return 0;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "print", no_argument, NULL, 'p' },
		{ "check", no_argument, NULL, 'c' },
		{ "xxh3", no_argument, NULL, 'x' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	enum mode mode = WRITE;
	int c, nmodes = 0, rc;

	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'p':
			mode = PRINT;
			nmodes++;
			break;
		case 'c':
			mode = CHECK;
			nmodes++;
			break;
		case 'x':
			mode = XXH3;
			nmodes++;
			break;
		case 'h':
			fputs(usage, stdout);
			return tool_flush("sumhash");
		default:
			return tool_usage("sumhash", usage);
		}
	}
	if (nmodes > 1)
		return tool_usage_msg("sumhash", usage,
				      "--print, --check and --xxh3 exclude each other");
	if (argc - optind != 1)
		return tool_usage_msg("sumhash", usage, "expected one directory");
	switch (mode) {
	case CHECK:
		rc = check(argv[optind]);
		break;
	case XXH3:
		rc = xxh3(argv[optind]);
		break;
	default:
		rc = print_or_write(argv[optind], mode);
		break;
	}
	if (tool_flush("sumhash"))
		return 2;
	return rc;
}
