/*
 * sum: atlas.sum, exactly as Atlas writes and checks it.
 *
 * The migration files of a directory are its top-level regular files named *.sql, in
 * byte-wise name order. One SHA-256 runs over name1 content1 name2 content2 ...; each file's
 * hash is a snapshot of that running digest after its content. A file whose first line
 * carries the directive 'atlas:sum ignore' feeds its name but not its content and gets no
 * entry. The total is SHA-256 over name1 hash1 name2 hash2 ... (hashes as base64 text).
 * Hashes are standard base64 with padding: 44 characters.
 *
 *   h1:<total>\n
 *   <name> h1:<hash>\n   (one per entry)
 */
#ifndef MIGKIT_SUM_H
#define MIGKIT_SUM_H

#include <stddef.h>

#include "buf.h"
#include "diag.h"

#define SUM_B64_LEN 44
#define SUM_FILE    "atlas.sum"

struct sum_entry {
	char *name;
	char hash[SUM_B64_LEN + 1];
};

/* An atlas.sum, parsed or computed. Owns its entries and their names. */
struct sum_file {
	char total[SUM_B64_LEN + 1];
	struct sum_entry *v;
	size_t n, cap;
	size_t files; /* migration files seen by sum_dir, ignored ones included */
};

void sum_file_init(struct sum_file *s);
void sum_file_release(struct sum_file *s);

/*
 * 1 when data (a whole migration file) starts with the directive 'atlas:sum ignore' on its
 * first line, with any printable-ASCII prefix, as Atlas's directive pattern reads it:
 *   "-- atlas:sum ignore\nSELECT 1;" -> 1,  "-- atlas:sum ignore \n" -> 0 (trailing space).
 */
int sum_ignored(const char *data, size_t len);

/* Computes the sum of the migration files in dir into s (initialised by the caller). */
int sum_dir(const char *dir, struct sum_file *s, struct diag *d);

/* Appends the atlas.sum text of s to out. */
int sum_format(const struct sum_file *s, struct buf *out, struct diag *d);

/*
 * Parses atlas.sum text; path is used in errors. A line without 'h1:', a missing first
 * line or a hash that is not 44 base64 characters is a DIAG_PARSE error with its line and
 * column. A stored total that does not match the stored entries (the file was edited by
 * hand) is a DIAG_MISMATCH error. Lines may end in \r\n, as Atlas's reader allows.
 */
int sum_parse(const char *path, const char *text, size_t len, struct sum_file *s, struct diag *d);

/* Why a directory no longer matches its atlas.sum. */
enum sum_reason { SUM_EDITED, SUM_ADDED, SUM_REMOVED };

struct sum_mismatch {
	unsigned line;	  /* 1-based line of atlas.sum; the first entry is line 2 */
	const char *file; /* points into one of the two sum_files compared */
	enum sum_reason reason;
};

/* "edited", "added", "removed" */
const char *sum_reason_name(enum sum_reason r);

/*
 * Compares the stored and the recomputed sums as Atlas does: by total only. Returns 0 when
 * they agree; 1 when not, with the first difference in *m: a stored name that is gone is
 * 'removed'; the same name at the same place with another hash is 'edited'; another name at
 * that place, or more files than entries, is 'added'.
 */
int sum_compare(const struct sum_file *stored, const struct sum_file *now, struct sum_mismatch *m);

/*
 * The whole check of dir against dir/atlas.sum. Returns 0 when it holds (or when there is
 * no atlas.sum and no migration file, as Atlas allows), 1 on a mismatch (*m filled, or
 * m->file NULL when the atlas.sum is missing or disagrees with itself; d says which), and
 * -1 on trouble (d filled). stored and now are filled as far as they got; the caller
 * releases them.
 */
int sum_check(const char *dir, struct sum_file *stored, struct sum_file *now,
	      struct sum_mismatch *m, struct diag *d);

/*
 * Appends what Atlas prints for a checksum error of dir: the headline; the line of
 * atlas.sum, the file and how it changed (reason: sum_reason_name), left out when file is
 * NULL (no atlas.sum, or one that disagrees with itself); the hint to re-hash.
 */
int sum_error_text(struct buf *out, const char *dir, unsigned line, const char *file,
		   const char *reason, struct diag *d);

/*
 * Reads dir/atlas.sum, recomputes it and writes it atomically when different.
 * *changed (may be NULL) says whether the file was written.
 */
int sum_write_dir(const char *dir, int *changed, struct diag *d);

/*
 * A fast fingerprint of the migration files of dir (the same files sum_dir reads): XXH3-128
 * over, for each file, its name length, name, content length and content (lengths as 8-byte
 * little-endian), as 32 lowercase hex digits plus a NUL in out. Not compatible with anything
 * else; meant as a cache key for make.
 */
int sum_xxh3_dir(const char *dir, char out[33], struct diag *d);

#endif
