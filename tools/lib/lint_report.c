/*
 * lint_report: a lint result as Atlas's default template prints it (migratelint's
 * DefaultTemplate, colours off as on a pipe), and as "lint/1" / "naming/1" JSON.
 */
#include "lint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

/* Go's fmtFrac: the fraction of v at prec digits, trailing zeros and a bare '.' dropped. */
static void frac(char *out, uint64_t v, int prec, uint64_t *rest)
{
	char digits[16];
	int n = 0, print = 0;

	for (int i = 0; i < prec; i++) {
		int dg = (int)(v % 10);

		print = print || dg != 0;
		if (print)
			digits[n++] = (char)('0' + dg);
		v /= 10;
	}
	*rest = v;
	if (n == 0) {
		out[0] = '\0';
		return;
	}
	out[0] = '.';
	for (int i = 0; i < n; i++)
		out[1 + i] = digits[n - 1 - i];
	out[1 + n] = '\0';
}

void lint_duration(uint64_t ns, char *out, size_t n)
{
	char f[16];
	uint64_t u;

	if (ns == 0) {
		snprintf(out, n, "0s");
	} else if (ns < 1000) {
		snprintf(out, n, "%lluns", (unsigned long long)ns);
	} else if (ns < 1000000) {
		frac(f, ns, 3, &u);
		snprintf(out, n, "%llu%s\xc2\xb5s", (unsigned long long)u, f);
	} else if (ns < 1000000000) {
		frac(f, ns, 6, &u);
		snprintf(out, n, "%llu%sms", (unsigned long long)u, f);
	} else {
		unsigned long long s, m, h;

		frac(f, ns, 9, &u);
		s = u % 60;
		m = u / 60;
		h = m / 60;
		if (h)
			snprintf(out, n, "%lluh%llum%llu%ss", h, m % 60, s, f);
		else if (m)
			snprintf(out, n, "%llum%llu%ss", m, s, f);
		else
			snprintf(out, n, "%llu%ss", s, f);
	}
}

int lint_wrap(struct buf *out, const char *s, size_t width, const char *cont, struct diag *d)
{
	const char *words[512];
	size_t lens[512], nw = 0, j = 0, k = 0;
	int line = 0;

	/* strings.Fields */
	for (const char *p = s; *p && nw < 512;) {
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\v' ||
		       *p == '\f')
			p++;
		if (!*p)
			break;
		words[nw] = p;
		while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r' && *p != '\v' &&
		       *p != '\f')
			p++;
		lens[nw] = (size_t)(p - words[nw]);
		nw++;
	}
	for (size_t i = 0; i <= nw; i++) {
		if (i < nw && k + lens[i] <= width) {
			k += lens[i];
			continue;
		}
		/* A line of words[j, i). */
		if (line++ && buf_adds(out, cont, d))
			return -1;
		for (size_t w = j; w < i; w++)
			if ((w > j && buf_adds(out, " ", d)) || buf_add(out, words[w], lens[w], d))
				return -1;
		if (buf_adds(out, "\n", d))
			return -1;
		if (i == nw)
			break;
		j = i;
		k = lens[i];
	}
	return 0;
}

/* "1 version ok, 1 with warnings, 2 with errors" (Atlas's VersionStatuses). */
static int statuses(const struct lint_result *r, struct buf *out, struct diag *d)
{
	size_t n[3] = { 0, 0, 0 };
	static const char *const what[3] = { "ok", "with warnings", "with errors" };
	int parts = 0;

	for (size_t i = 0; i < r->nfiles; i++)
		n[r->files[i].error ? 2 : r->files[i].nreports ? 1 : 0]++;
	if (r->sum_error)
		n[2]++;
	for (int i = 0; i < 3; i++) {
		int rc = 0;

		if (n[i] == 0)
			continue;
		if (parts == 0)
			rc = buf_addf(out, d, "%zu version%s %s", n[i], n[i] == 1 ? "" : "s",
				      what[i]);
		else
			rc = buf_addf(out, d, ", %zu %s", n[i], what[i]);
		if (rc)
			return -1;
		parts++;
	}
	return parts;
}

static int file_text(const struct lint_file *f, struct buf *out, struct diag *d)
{
	size_t nfix = 0;
	char dur[64];

	if (buf_addf(out, d, "  -- analyzing version %s\n", f->version))
		return -1;
	for (size_t i = 0; i < f->nreports; i++) {
		const struct lint_report *r = &f->reports[i];

		if (buf_addf(out, d, "    -- %s:\n", r->text))
			return -1;
		for (size_t k = 0; k < r->n; k++) {
			char prefix[64];
			struct buf t;
			int rc;

			snprintf(prefix, sizeof(prefix), "      -- L%u: ", r->v[k].line);
			buf_init(&t, 0);
			rc = buf_addf(&t, d, "%s https://atlasgo.io/lint/analyzers#%s",
				      r->v[k].text, r->v[k].code) ||
			     buf_adds(out, prefix, d) ||
			     lint_wrap(out, t.data, 85 - strlen(prefix), "         ", d);
			buf_release(&t);
			if (rc)
				return -1;
			nfix += r->v[k].fix != NULL;
		}
	}
	if (f->nreports == 0 && buf_adds(out, "    -- no diagnostics found\n", d))
		return -1;
	if (nfix) {
		if (buf_addf(out, d, "    -- suggested fix%s:\n", nfix == 1 ? "" : "es"))
			return -1;
		for (size_t i = 0; i < f->nreports; i++)
			for (size_t k = 0; k < f->reports[i].n; k++)
				if (f->reports[i].v[k].fix &&
				    (buf_adds(out, "      -> ", d) ||
				     lint_wrap(out, f->reports[i].v[k].fix, 85 - 9, "         ",
					       d)))
					return -1;
	}
	lint_duration(f->ns, dur, sizeof(dur));
	return buf_addf(out, d, "  -- ok (%s)\n\n", dur);
}

int lint_text(const struct lint_result *r, struct buf *out, struct diag *d)
{
	size_t nfiles = r->nfiles + (r->sum_error != NULL), changes = 0, diags = 0;
	size_t total = r->total ? r->total : nfiles;
	const char *s = total == 1 ? "" : "s";
	char dur[64];
	int st;

	if (nfiles == 0)
		return 0;
	if (r->from && r->to && !r->sum_error)
		st = buf_addf(out, d,
			      "Analyzing changes from version %s to %s (%zu migration%s in "
			      "total):\n\n",
			      r->from, r->to, total, s);
	else if (r->to && !r->sum_error)
		st = buf_addf(out, d,
			      "Analyzing changes until version %s (%zu migration%s in "
			      "total):\n\n",
			      r->to, total, s);
	else
		st = buf_addf(out, d, "Analyzing changes (%zu migration%s in total):\n\n", total,
			      s);
	if (st)
		return -1;
	for (size_t i = 0; i < r->nfiles; i++) {
		if (file_text(&r->files[i], out, d))
			return -1;
		changes += r->files[i].nchanges;
		for (size_t k = 0; k < r->files[i].nreports; k++)
			diags += r->files[i].reports[k].n;
	}
	if (r->sum_error && buf_addf(out, d, "  Error: %s\n\n", r->sum_error))
		return -1;
	lint_duration(r->ns, dur, sizeof(dur));
	if (buf_addf(out, d, "  -------------------------\n  -- %s\n", dur) ||
	    buf_adds(out, "  -- ", d))
		return -1;
	if ((st = statuses(r, out, d)) < 0 || buf_adds(out, "\n", d))
		return -1;
	if (changes &&
	    buf_addf(out, d, "  -- %zu schema change%s\n", changes, changes == 1 ? "" : "s"))
		return -1;
	if (diags && buf_addf(out, d, "  -- %zu diagnostic%s\n", diags, diags == 1 ? "" : "s"))
		return -1;
	return 0;
}

/* ---- JSON */

static json_t *jstr(const char *s)
{
	return s ? json_string(s) : json_null();
}

static int dump(json_t *root, struct buf *out, struct diag *d)
{
	char *s;
	int rc;

	if (!root)
		return diag_nomem(d);
	s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(root);
	if (!s)
		return diag_nomem(d);
	rc = buf_adds(out, s, d) || buf_adds(out, "\n", d) ? -1 : 0;
	free(s);
	return rc;
}

int lint_json(const struct lint_result *r, struct buf *out, struct diag *d)
{
	json_t *root = json_object(), *files = json_array(), *sum = json_object();
	size_t n[3] = { 0, 0, 0 }, changes = 0, diags = 0;
	int bad = !root || !files || !sum;

	for (size_t i = 0; !bad && i < r->nfiles; i++) {
		const struct lint_file *f = &r->files[i];
		json_t *jf = json_object(), *reps = json_array();

		bad |= !jf || !reps;
		for (size_t k = 0; !bad && k < f->nreports; k++) {
			const struct lint_report *rp = &f->reports[k];
			json_t *jr = json_object(), *ds = json_array();
			const char *az = lint_analyzer_name(rp->analyzer);

			bad |= !jr || !ds;
			for (size_t j = 0; !bad && j < rp->n; j++) {
				const struct lint_diag *g = &rp->v[j];
				json_t *jd = json_object();

				bad |= !jd ||
				       json_object_set_new(jd, "pos",
							   json_integer((json_int_t)g->pos)) ||
				       json_object_set_new(jd, "line", json_integer(g->line)) ||
				       json_object_set_new(jd, "code", jstr(g->code)) ||
				       json_object_set_new(jd, "text", jstr(g->text)) ||
				       json_object_set_new(jd, "fix", jstr(g->fix)) ||
				       json_array_append_new(ds, jd);
			}
			diags += rp->n;
			bad |= bad ||
			       json_object_set_new(jr, "analyzer", jstr(az ? az : "inline_ref")) ||
			       json_object_set_new(jr, "text", jstr(rp->text)) ||
			       json_object_set_new(jr, "error", json_boolean(rp->error)) ||
			       json_object_set_new(jr, "diagnostics", ds) ||
			       json_array_append_new(reps, jr);
		}
		n[f->error ? 2 : f->nreports ? 1 : 0]++;
		changes += f->nchanges;
		bad |= bad || json_object_set_new(jf, "name", jstr(f->name)) ||
		       json_object_set_new(jf, "version", jstr(f->version)) ||
		       json_object_set_new(jf, "error", jstr(f->error)) ||
		       json_object_set_new(jf, "changes", json_integer((json_int_t)f->nchanges)) ||
		       json_object_set_new(jf, "reports", reps) || json_array_append_new(files, jf);
	}
	if (r->sum_error)
		n[2]++;
	bad |= bad || json_object_set_new(root, "format", json_string("lint/1")) ||
	       json_object_set_new(root, "dir", jstr(r->dir)) ||
	       json_object_set_new(root, "from", jstr(r->from)) ||
	       json_object_set_new(root, "to", jstr(r->to)) ||
	       json_object_set_new(root, "total", json_integer((json_int_t)r->total)) ||
	       json_object_set_new(root, "error", jstr(r->sum_error)) ||
	       json_object_set_new(root, "files", files) ||
	       json_object_set_new(sum, "ok", json_integer((json_int_t)n[0])) ||
	       json_object_set_new(sum, "warnings", json_integer((json_int_t)n[1])) ||
	       json_object_set_new(sum, "errors", json_integer((json_int_t)n[2])) ||
	       json_object_set_new(sum, "changes", json_integer((json_int_t)changes)) ||
	       json_object_set_new(sum, "diagnostics", json_integer((json_int_t)diags)) ||
	       json_object_set_new(root, "summary", sum);
	if (bad) {
		json_decref(root);
		return diag_nomem(d);
	}
	return dump(root, out, d);
}

int lint_findings_text(const struct lint_finding *v, size_t n, struct buf *out, struct diag *d)
{
	for (size_t i = 0; i < n; i++)
		if (buf_addf(out, d, "%s:%u:%u: %s (%s)\n", v[i].file, v[i].line, v[i].col,
			     v[i].text, v[i].code))
			return -1;
	return 0;
}

int lint_findings_json(const struct lint_finding *v, size_t n, struct buf *out, struct diag *d)
{
	json_t *root = json_object(), *arr = json_array();
	int bad = !root || !arr;

	for (size_t i = 0; !bad && i < n; i++) {
		json_t *f = json_object();

		bad |= !f || json_object_set_new(f, "file", jstr(v[i].file)) ||
		       json_object_set_new(f, "line", json_integer(v[i].line)) ||
		       json_object_set_new(f, "col", json_integer(v[i].col)) ||
		       json_object_set_new(f, "code", jstr(v[i].code)) ||
		       json_object_set_new(f, "name", jstr(v[i].name)) ||
		       json_object_set_new(f, "text", jstr(v[i].text)) ||
		       json_array_append_new(arr, f);
	}
	bad |= bad || json_object_set_new(root, "format", json_string("naming/1")) ||
	       json_object_set_new(root, "findings", arr);
	if (bad) {
		json_decref(root);
		return diag_nomem(d);
	}
	return dump(root, out, d);
}
