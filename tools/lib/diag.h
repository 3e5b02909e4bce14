/*
 * diag: the one error type of the library.
 *
 * Invariants: the library never prints and never exits; a function that fails fills the
 * caller's struct diag and returns -1 (or NULL). The program prints it with diag_print().
 * A diag holds copies of everything it names, so it outlives the input it describes.
 * line and col are 1-based; 0 means "not known" and is left out of the message.
 */
#ifndef MIGKIT_DIAG_H
#define MIGKIT_DIAG_H

#include <stdarg.h>
#include <stdio.h>

enum diag_kind {
	DIAG_NONE = 0,
	DIAG_USAGE,    /* bad arguments */
	DIAG_IO,       /* a file or directory could not be read or written */
	DIAG_NOMEM,    /* out of memory, or past a buffer's maximum size */
	DIAG_PARSE,    /* malformed input; line/col (and src) say where */
	DIAG_MISMATCH, /* the answer is no: a checksum or a comparison failed */
};

struct diag {
	enum diag_kind kind;
	char file[1024];
	unsigned line, col;
	char msg[1024];
	char src[256]; /* the offending source line, for the caret; empty if none */
};

/* Resets d to "no error". */
void diag_init(struct diag *d);

/*
 * Records an error. file may be NULL. The message is lowercase with no full stop and
 * names things in '...' (STYLE.md). Always returns -1 so callers can `return diag_set(...)`.
 */
int diag_set(struct diag *d, enum diag_kind kind, const char *file, unsigned line, unsigned col,
	     const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* As diag_set, with a va_list. */
int diag_vset(struct diag *d, enum diag_kind kind, const char *file, unsigned line, unsigned col,
	      const char *fmt, va_list ap) __attribute__((format(printf, 6, 0)));

/*
 * Attaches the source line that contains byte offset off of text (len bytes), so that
 * diag_print() can show it with a caret under d->col. Tabs are kept so the caret lines up.
 */
void diag_source(struct diag *d, const char *text, size_t len, size_t off);

/* Records "file: <strerror(errnum)>" as a DIAG_IO error; returns -1. */
int diag_errno(struct diag *d, const char *file, int errnum);

/* Records "out of memory" as DIAG_NOMEM; returns -1. */
int diag_nomem(struct diag *d);

/*
 * Prints "tool: file:line:col: message" to f (parts that are not known are left out),
 * then the source line and a caret when d->src is set. The password of any URL in the
 * message or the source line is masked first: no password reaches the terminal.
 */
void diag_print(const struct diag *d, const char *tool, FILE *f);

/* The exit status for a failure of this kind: 1 for DIAG_MISMATCH, 2 otherwise. */
int diag_exit_status(const struct diag *d);

#endif
