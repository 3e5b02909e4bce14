/*
 * hclfmt: format HCL files in place, as 'atlas schema fmt' does.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "fsx.h"
#include "hclfmt.h"
#include "tool.h"

static const char usage[] =
	"usage: hclfmt [--check] [FILE|DIR]...\n"
	"       hclfmt -\n"
	"\n"
	"Formats HCL files as 'atlas schema fmt' does: indentation, spacing, '=' and comment\n"
	"alignment; nothing else changes. Each file that changes is rewritten in place\n"
	"(atomically) and its path printed. A DIR stands for its *.hcl files (not recursed);\n"
	"no operand means the current directory.\n"
	"\n"
	"  --check    write nothing; print the files that are not formatted, exit 1 if any\n"
	"  -          format standard input to standard output\n"
	"  -h, --help show this help\n"
	"\n"
	"Exit status: 0 success, 1 unformatted files (--check), 2 trouble.\n";

#define STDIN_NAME "<stdin>"

struct run {
	int check;
	int changed; /* some file was (or, with --check, would be) rewritten */
	int trouble;
};

static void trouble(struct run *r, const struct diag *d)
{
	diag_print(d, "hclfmt", stderr);
	r->trouble = 1;
}

/* Formats src into out; on failure prints why. */
static int format(struct run *r, const char *name, const struct buf *src, struct buf *out)
{
	struct arena a;
	struct diag d;
	int rc;

	diag_init(&d);
	arena_init(&a, 0);
	rc = hclfmt_format(&a, name, src->data, src->len, out, &d);
	arena_release(&a);
	if (rc)
		trouble(r, &d);
	return rc;
}

/*
 * Rewrites path when formatting changes it and prints it (with --check, only prints it).
 * A symbolic link's target is rewritten, not the link, and the file keeps its mode.
 */
static void format_file(struct run *r, const char *path)
{
	char real[PATH_MAX];
	struct buf in, out;
	struct stat st;
	struct diag d;

	diag_init(&d);
	buf_init(&in, 0);
	buf_init(&out, 0);
	if (fsx_read(path, &in, &d)) {
		trouble(r, &d);
		goto out;
	}
	if (format(r, path, &in, &out))
		goto out;
	if (out.len == in.len && (in.len == 0 || memcmp(in.data, out.data, in.len) == 0))
		goto out;
	if (!r->check) {
		if (stat(path, &st) || !realpath(path, real)) {
			diag_errno(&d, path, errno);
			trouble(r, &d);
			goto out;
		}
		if (fsx_write_atomic(real, out.data, out.len, st.st_mode & 07777, NULL, &d)) {
			trouble(r, &d);
			goto out;
		}
	}
	r->changed = 1;
	printf("%s\n", path);
out:
	buf_release(&in);
	buf_release(&out);
}

/* dir/name as Atlas prints it (filepath.Join): no doubled '/', no leading './'. */
static int join(char *out, size_t outsz, const char *dir, const char *name, struct diag *d)
{
	size_t n = strlen(dir);

	while (n > 1 && dir[n - 1] == '/')
		n--;
	while (n > 2 && dir[0] == '.' && dir[1] == '/') {
		dir += 2;
		n -= 2;
		while (n > 1 && dir[0] == '/') {
			dir++;
			n--;
		}
	}
	if (n == 1 && dir[0] == '.')
		n = 0;
	if ((size_t)snprintf(out, outsz, "%.*s%s%s", (int)n, dir, n && dir[n - 1] != '/' ? "/" : "",
			     name) >= outsz)
		return diag_set(d, DIAG_IO, dir, 0, 0, "path too long for '%s'", name);
	return 0;
}

/* The *.hcl files directly in dir, in byte order of their names. */
static void format_dir(struct run *r, const char *dir)
{
	char path[4096];
	char **names = NULL;
	struct diag d;
	size_t n = 0;

	diag_init(&d);
	if (fsx_list(dir, ".hcl", &names, &n, &d)) {
		trouble(r, &d);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		if (join(path, sizeof(path), dir, names[i], &d)) {
			trouble(r, &d);
			continue;
		}
		format_file(r, path);
	}
	fsx_names_free(names, n);
}

static void format_operand(struct run *r, const char *arg)
{
	struct stat st;
	struct diag d;

	diag_init(&d);
	if (stat(arg, &st)) {
		diag_errno(&d, arg, errno);
		trouble(r, &d);
	} else if (S_ISDIR(st.st_mode)) {
		format_dir(r, arg);
	} else {
		format_file(r, arg);
	}
}

/* '-': standard input to standard output (with --check, only whether it would change). */
static void format_stdin(struct run *r)
{
	struct buf in, out;
	struct diag d;

	diag_init(&d);
	buf_init(&in, 0);
	buf_init(&out, 0);
	if (fsx_read_fd(0, STDIN_NAME, &in, &d)) {
		trouble(r, &d);
	} else if (format(r, STDIN_NAME, &in, &out) == 0) {
		if (out.len != in.len || (in.len && memcmp(in.data, out.data, in.len) != 0))
			r->changed = 1;
		if (!r->check)
			fwrite(out.data ? out.data : "", 1, out.len, stdout);
		else if (r->changed)
			printf("%s\n", STDIN_NAME);
	}
	buf_release(&in);
	buf_release(&out);
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "check", no_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct run r = { 0, 0, 0 };
	int c;

	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'c':
			r.check = 1;
			break;
		case 'h':
			fputs(usage, stdout);
			return tool_flush("hclfmt");
		default:
			return tool_usage("hclfmt", usage);
		}
	}
	for (int i = optind; i < argc; i++) {
		if (strcmp(argv[i], "-") == 0 && argc - optind != 1)
			return tool_usage_msg("hclfmt", usage, "'-' must be the only operand");
	}
	if (optind == argc) {
		format_operand(&r, ".");
	} else if (strcmp(argv[optind], "-") == 0) {
		format_stdin(&r);
	} else {
		for (int i = optind; i < argc; i++)
			format_operand(&r, argv[i]);
	}
	if (tool_flush("hclfmt") || r.trouble)
		return 2;
	return r.check && r.changed ? 1 : 0;
}
