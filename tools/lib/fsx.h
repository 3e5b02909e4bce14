/*
 * fsx: the file system as the tools use it.
 *
 * Reads are whole-file into a struct buf; writes are atomic (a temporary file in the same
 * directory, fsync, rename, fsync of the directory), so a failed run leaves the old file
 * exactly as it was. Errors name the path and the system's reason.
 */
#ifndef MIGKIT_FSX_H
#define MIGKIT_FSX_H

#include <stddef.h>

#include "buf.h"
#include "diag.h"

/* Replaces b's content with the bytes of path. The path is named in errors. */
int fsx_read(const char *path, struct buf *b, struct diag *d);

/* As fsx_read, from an open descriptor (stdin, say); name is used in errors. */
int fsx_read_fd(int fd, const char *name, struct buf *b, struct diag *d);

/*
 * Writes len bytes of data to path atomically with the given mode. When path already holds
 * exactly these bytes it is left untouched (its mtime too) and *changed is set to 0; else 1.
 * changed may be NULL.
 */
int fsx_write_atomic(const char *path, const void *data, size_t len, unsigned mode, int *changed,
		     struct diag *d);

/*
 * The names (not paths) of the regular files directly in dir whose names end in suffix,
 * sorted byte-wise (strcmp), as Atlas orders migration files. On success *names is a
 * malloc'd array of *n malloc'd strings, freed with fsx_names_free(). An entry that matches
 * but is not a regular file (a directory named x.sql, a dangling link) is an error.
 */
int fsx_list(const char *dir, const char *suffix, char ***names, size_t *n, struct diag *d);

void fsx_names_free(char **names, size_t n);

/* dir + "/" + name into out (size outsz); fails past outsz. */
int fsx_join(char *out, size_t outsz, const char *dir, const char *name, struct diag *d);

#endif
