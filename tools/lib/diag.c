#include "diag.h"

#include <errno.h>
#include <string.h>

void diag_init(struct diag *d)
{
	memset(d, 0, sizeof(*d));
}

int diag_vset(struct diag *d, enum diag_kind kind, const char *file, unsigned line, unsigned col,
	      const char *fmt, va_list ap)
{
	d->kind = kind;
	d->line = line;
	d->col = col;
	d->src[0] = '\0';
	snprintf(d->file, sizeof(d->file), "%s", file ? file : "");
	vsnprintf(d->msg, sizeof(d->msg), fmt, ap);
	return -1;
}

int diag_set(struct diag *d, enum diag_kind kind, const char *file, unsigned line, unsigned col,
	     const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vset(d, kind, file, line, col, fmt, ap);
	va_end(ap);
	return -1;
}

void diag_source(struct diag *d, const char *text, size_t len, size_t off)
{
	size_t start = off, end = off, n;

	if (off > len)
		off = start = end = len;
	while (start > 0 && text[start - 1] != '\n')
		start--;
	while (end < len && text[end] != '\n' && text[end] != '\r')
		end++;
	n = end - start;
	if (n >= sizeof(d->src))
		n = sizeof(d->src) - 1;
	memcpy(d->src, text + start, n);
	d->src[n] = '\0';
}

int diag_errno(struct diag *d, const char *file, int errnum)
{
	return diag_set(d, errnum == ENOMEM ? DIAG_NOMEM : DIAG_IO, file, 0, 0, "%s",
			strerror(errnum));
}

int diag_nomem(struct diag *d)
{
	return diag_set(d, DIAG_NOMEM, NULL, 0, 0, "out of memory");
}

/*
 * Masks the password of every scheme://user:password@host in s, in place and keeping the
 * length so carets still line up: "postgres://u:pw@h" -> "postgres://u:xx@h".
 */
static void redact(char *s)
{
	for (char *p = strstr(s, "://"); p; p = strstr(p + 1, "://")) {
		char *user = p + 3, *colon = NULL, *at = NULL;

		for (char *q = user; *q && !strchr(" \t\"'/", *q); q++) {
			if (*q == ':' && !colon)
				colon = q;
			if (*q == '@') {
				at = q;
				break;
			}
		}
		if (colon && at)
			for (char *q = colon + 1; q < at; q++)
				*q = 'x';
	}
}

void diag_print(const struct diag *d, const char *tool, FILE *f)
{
	struct diag r = *d;

	redact(r.msg);
	redact(r.src);
	d = &r;
	fprintf(f, "%s: ", tool);
	if (d->file[0]) {
		fputs(d->file, f);
		if (d->line) {
			fprintf(f, ":%u", d->line);
			if (d->col)
				fprintf(f, ":%u", d->col);
		}
		fputs(": ", f);
	}
	fprintf(f, "%s\n", d->msg);
	if (d->src[0]) {
		fprintf(f, "    %s\n    ", d->src);
		for (unsigned i = 1; i < d->col && d->src[i - 1]; i++)
			fputc(d->src[i - 1] == '\t' ? '\t' : ' ', f);
		fputs("^\n", f);
	}
}

int diag_exit_status(const struct diag *d)
{
	return d->kind == DIAG_MISMATCH ? 1 : 2;
}
