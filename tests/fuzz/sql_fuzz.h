/*
 * sql_fuzz.h: the body of the libFuzzer entry points of the offline replay, one per dialect
 * (sqlpg_fuzz.c, sqlmy_fuzz.c define FUZZ_DIALECT and include this): the input is one
 * migration file, split with Atlas's rules (sqlsplit) and replayed into the schema model
 * (replay_pg with libpg_query, replay_my with our own MySQL parser).
 *
 * Contract checked on every input, beyond "no crash, no leak, no undefined behaviour": the
 * replay returns 0 or -1; a failure has filled its diag, with the file name and a line
 * inside the input, and a success has not; the state a success leaves prints as schema
 * JSON. Each input gets its own arena and replay, released before returning, so a leak
 * shows under LeakSanitizer.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "replay.h"
#include "schema.h"

/* Far below libFuzzer's 2 GB RSS limit, so a runaway allocation fails in the library. */
#define FUZZ_ARENA_MAX ((size_t)256 << 20)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Where diag_print() goes: its caret code runs on every error, and nothing is shown. */
static FILE *sink(void)
{
	static FILE *f;

	if (!f)
		f = fopen("/dev/null", "w");
	return f;
}

/* 1 + the number of newlines: the last line a diagnostic may name. */
static unsigned lines_of(const char *s, size_t n)
{
	unsigned lines = 1;

	for (size_t i = 0; i < n; i++)
		lines += s[i] == '\n';
	return lines;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *schema = FUZZ_DIALECT == SCHEMA_POSTGRES ? "public" : "main";
	struct schema_realm realm;
	struct replay r;
	struct arena a;
	struct diag d;
	struct buf out;
	char *src;
	int rc;

	/* The programs read files into NUL-terminated buffers; so does the harness. */
	src = malloc(size + 1);
	if (!src)
		return 0;
	if (size)
		memcpy(src, data, size);
	src[size] = '\0';
	arena_init(&a, FUZZ_ARENA_MAX);
	buf_init(&out, 0);
	diag_init(&d);
	memset(&r, 0, sizeof(r));

	rc = replay_init(&r, &a, &realm, FUZZ_DIALECT, schema, &d);
	if (rc == 0)
		rc = replay_file(&r, "fuzz.sql", src, size, &d);
	if (rc != 0 && rc != -1)
		abort(); /* only 0 and -1 are documented */
	if ((rc == -1) != (d.kind != DIAG_NONE))
		abort(); /* a failure without a message, or a message without a failure */
	if (rc == -1) {
		if (d.kind != DIAG_NOMEM && (strcmp(d.file, "fuzz.sql") != 0 ||
					     d.line > lines_of(src, size)))
			abort(); /* a diagnostic that points nowhere in the input */
		if (sink())
			diag_print(&d, "sql_fuzz", sink());
	} else if (schema_to_json(&realm, &out, &d) != 0) {
		abort(); /* a state the replay left that cannot be printed */
	}

	replay_release(&r);
	buf_release(&out);
	arena_release(&a);
	free(src);
	return 0;
}
