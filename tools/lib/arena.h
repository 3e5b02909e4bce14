/*
 * arena: one allocation pool per pass (AST, model, plan), freed at once.
 *
 * Invariants: everything allocated from an arena lives until arena_release(); nothing is
 * freed one by one. The arena has a ceiling (max bytes in all); past it, or when malloc
 * fails, allocation returns NULL and the caller reports "out of memory" through its diag.
 */
#ifndef MIGKIT_ARENA_H
#define MIGKIT_ARENA_H

#include <stddef.h>

struct arena_chunk;

struct arena {
	struct arena_chunk *head;
	size_t used, max;
};

/* An empty arena that may hold max bytes in all (0 means 1 GiB). */
void arena_init(struct arena *a, size_t max);

/* Frees every allocation at once; a is empty and usable again. */
void arena_release(struct arena *a);

/* n zeroed bytes aligned for any type, or NULL. */
void *arena_alloc(struct arena *a, size_t n);

/* A NUL-terminated copy of n bytes of s, or NULL. */
char *arena_strndup(struct arena *a, const char *s, size_t n);

/* A NUL-terminated copy of s, or NULL. */
char *arena_strdup(struct arena *a, const char *s);

/* printf into the arena, or NULL. */
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * Grows *v (an array of *cap elements of size elem, *n used) to hold one more, copying to
 * a new arena block when full. Returns a pointer to the new (zeroed) element, or NULL.
 */
void *arena_push(struct arena *a, void **v, size_t *n, size_t *cap, size_t elem);

#endif
