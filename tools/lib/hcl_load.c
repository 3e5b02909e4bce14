/* hcl_load: files and directories of HCL into one document. */
#include "hcl.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "fsx.h"

static int parse_one(struct arena *a, const char *path, struct hcl_body *doc, size_t *cap,
		     struct diag *d)
{
	struct hcl_body body;
	struct buf b;
	char *text, *name;
	int rc;

	buf_init(&b, 256u << 20);
	rc = strcmp(path, "-") == 0 ? fsx_read_fd(0, "<stdin>", &b, d) : fsx_read(path, &b, d);
	if (rc) {
		buf_release(&b);
		return -1;
	}
	text = arena_strndup(a, b.data ? b.data : "", b.len);
	name = arena_strdup(a, strcmp(path, "-") == 0 ? "<stdin>" : path);
	if (!text || !name) {
		buf_release(&b);
		return diag_nomem(d);
	}
	rc = hcl_parse(a, name, text, b.len, &body, d);
	buf_release(&b);
	if (rc)
		return -1;
	for (size_t i = 0; i < body.n; i++) {
		struct hcl_item *it = arena_push(a, (void **)&doc->v, &doc->n, cap, sizeof(*it));

		if (!it)
			return diag_nomem(d);
		*it = body.v[i];
	}
	return 0;
}

static const char *base(const char *p)
{
	const char *s = strrchr(p, '/');

	return s ? s + 1 : p;
}

static int by_file_name(const void *x, const void *y)
{
	const char *a = *(const char *const *)x, *b = *(const char *const *)y;
	int c = strcmp(base(a), base(b));

	return c ? c : strcmp(a, b);
}

int hcl_parse_paths(struct arena *a, const char *const *given, size_t npaths, struct hcl_body *doc,
		    struct diag *d)
{
	const char **paths = arena_alloc(a, (npaths + 1) * sizeof(*paths));
	size_t cap = 0;

	if (!paths)
		return diag_nomem(d);
	/* Atlas reads its inputs in lexical file-name order, whatever order they come in. */
	if (npaths)
		memcpy(paths, given, npaths * sizeof(*paths));
	qsort(paths, npaths, sizeof(*paths), by_file_name);
	doc->v = NULL;
	doc->n = 0;
	for (size_t i = 0; i < npaths; i++) {
		struct stat st;

		if (strcmp(paths[i], "-") != 0 && stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			char **names, path[4096];
			size_t n;
			int rc = 0;

			if (fsx_list(paths[i], ".hcl", &names, &n, d))
				return -1;
			if (n == 0)
				rc = diag_set(d, DIAG_IO, paths[i], 0, 0,
					      "no .hcl files in this directory");
			for (size_t k = 0; k < n && rc == 0; k++)
				rc = fsx_join(path, sizeof(path), paths[i], names[k], d) ||
				     parse_one(a, path, doc, &cap, d);
			fsx_names_free(names, n);
			if (rc)
				return -1;
			continue;
		}
		if (parse_one(a, paths[i], doc, &cap, d))
			return -1;
	}
	return 0;
}
