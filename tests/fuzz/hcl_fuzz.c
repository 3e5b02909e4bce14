/*
 * hcl_fuzz: the libFuzzer entry point of the HCL parser (hcl_tokenize, hcl_parse).
 *
 * Contract checked on every input, beyond "no crash, no leak, no undefined behaviour":
 * a call that fails has filled its diag, and one that succeeds has not; the token array
 * ends with the one HT_EOF and every token lies inside the input. Each input gets its own
 * arena, released before returning, so a leak in the library shows under LeakSanitizer.
 *
 * Built by 'make fuzz' (clang, libFuzzer) and, without libFuzzer, by 'make fuzz-replay'
 * (tests/fuzz/replay.c feeds it the saved corpus).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "hcl.h"

/* Smaller than the 1 GiB default so that a runaway allocation fails in the library, as it
 * must for hostile input, well before libFuzzer's 2 GB RSS limit. */
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

static void check_diag(int rc, const struct diag *d)
{
	if (rc != 0 && rc != -1)
		abort(); /* only 0 and -1 are documented */
	if ((rc == -1) != (d->kind != DIAG_NONE))
		abort(); /* a failure without a message, or a message without a failure */
	if (rc == -1 && sink())
		diag_print(d, "hcl_fuzz", sink());
}

static void check_tokens(const struct hcl_token *t, size_t n, size_t len)
{
	if (n == 0 || t[n - 1].kind != HT_EOF)
		abort();
	for (size_t i = 0; i < n; i++) {
		if (i + 1 < n && t[i].kind == HT_EOF)
			abort();
		if (t[i].pos.off > len || t[i].len > len - t[i].pos.off)
			abort();
		if (t[i].pos.line == 0 || t[i].pos.col == 0)
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	struct diag d;
	struct hcl_token *toks = NULL;
	struct hcl_body body;
	size_t n = 0;
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

	diag_init(&d);
	rc = hcl_tokenize(&a, "fuzz.hcl", src, size, &toks, &n, &d);
	check_diag(rc, &d);
	if (rc == 0)
		check_tokens(toks, n, size);

	diag_init(&d);
	rc = hcl_parse(&a, "fuzz.hcl", src, size, &body, &d);
	check_diag(rc, &d);

	arena_release(&a);
	free(src);
	return 0;
}
