/*
 * buf: a growable byte buffer with a ceiling.
 *
 * Invariants: data is NULL or holds len bytes followed by a NUL (not counted in len), so
 * text can be used as a C string; len <= max. Growing past max fails cleanly instead of
 * eating the machine on hostile input. A buf owns data; buf_release() frees it.
 */
#ifndef MIGKIT_BUF_H
#define MIGKIT_BUF_H

#include <stddef.h>

#include "diag.h"

#define BUF_MAX_DEFAULT ((size_t)1 << 30) /* 1 GiB */

struct buf {
	char *data;
	size_t len, cap, max;
};

/* An empty buffer that may grow to max bytes (0 means BUF_MAX_DEFAULT). */
void buf_init(struct buf *b, size_t max);

/* Frees the data; b is empty and usable again afterwards. */
void buf_release(struct buf *b);

/* Makes room for n more bytes. Fails (DIAG_NOMEM) past b->max or when malloc does. */
int buf_grow(struct buf *b, size_t n, struct diag *d);

/* Appends n bytes of p. */
int buf_add(struct buf *b, const void *p, size_t n, struct diag *d);

/* Appends a C string. */
int buf_adds(struct buf *b, const char *s, struct diag *d);

/* Appends formatted text. */
int buf_addf(struct buf *b, struct diag *d, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Empties the buffer but keeps its memory. */
void buf_reset(struct buf *b);

#endif
