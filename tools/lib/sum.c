#include "sum.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/*
 * SHA-256 through OpenSSL's SHA256_* functions, not EVP: in OpenSSL 3 the EVP layer starts
 * its provider machinery first, about 1 ms per process, more than hashing a migration
 * directory takes; SHA256_* run the same assembly without it. Deprecated, not removed.
 */
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/evp.h>
#include <openssl/sha.h>
#include <xxhash.h>

#include "fsx.h"

void sum_file_init(struct sum_file *s)
{
	memset(s, 0, sizeof(*s));
}

void sum_file_release(struct sum_file *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i].name);
	free(s->v);
	sum_file_init(s);
}

static int add_entry(struct sum_file *s, const char *name, size_t nlen, const char *hash,
		     struct diag *d)
{
	struct sum_entry *e;

	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 16;
		struct sum_entry *v = realloc(s->v, cap * sizeof(*v));

		if (!v)
			return diag_nomem(d);
		s->v = v;
		s->cap = cap;
	}
	e = &s->v[s->n];
	e->name = strndup(name, nlen);
	if (!e->name)
		return diag_nomem(d);
	memcpy(e->hash, hash, SUM_B64_LEN);
	e->hash[SUM_B64_LEN] = '\0';
	s->n++;
	return 0;
}

static int is_word(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       c == '_';
}

/*
 * Atlas matches ^([ -~]*)atlas:(\w+)(?: +(.+))* against the whole file. The greedy prefix
 * makes the last 'atlas:<word>' of the leading printable run the match; the argument is
 * the rest of that line after the run of spaces (a lone trailing space counts as text).
 */
int sum_ignored(const char *data, size_t len)
{
	const char *name = NULL, *arg, *eol;
	size_t run = 0, i;

	while (run < len && (unsigned char)data[run] >= 0x20 && (unsigned char)data[run] <= 0x7e)
		run++;
	for (i = run; i-- > 0;) {
		if (i + 6 < run && memcmp(data + i, "atlas:", 6) == 0 && is_word(data[i + 6])) {
			name = data + i + 6;
			break;
		}
	}
	if (!name)
		return 0;
	arg = name;
	while (arg < data + len && is_word(*arg))
		arg++;
	if (arg - name != 3 || memcmp(name, "sum", 3) != 0)
		return 0;
	eol = memchr(arg, '\n', (size_t)(data + len - arg));
	if (!eol)
		eol = data + len;
	if (arg == eol || *arg != ' ')
		return 0;
	while (arg + 1 < eol && arg[1] == ' ')
		arg++;
	arg++; /* the last space of the run belongs to ' +', unless nothing follows it */
	if (arg == eol)
		return 0;
	return eol - arg == 6 && memcmp(arg, "ignore", 6) == 0;
}

static void b64(const unsigned char *digest, char out[SUM_B64_LEN + 1])
{
	EVP_EncodeBlock((unsigned char *)out, digest, 32);
	out[SUM_B64_LEN] = '\0';
}

static void sha256_total(struct sum_file *s)
{
	unsigned char md[SHA256_DIGEST_LENGTH];
	SHA256_CTX ctx;

	SHA256_Init(&ctx);
	for (size_t i = 0; i < s->n; i++) {
		SHA256_Update(&ctx, s->v[i].name, strlen(s->v[i].name));
		SHA256_Update(&ctx, s->v[i].hash, SUM_B64_LEN);
	}
	SHA256_Final(md, &ctx);
	b64(md, s->total);
}

int sum_dir(const char *dir, struct sum_file *s, struct diag *d)
{
	unsigned char md[SHA256_DIGEST_LENGTH];
	char **names = NULL, path[4096], hash[SUM_B64_LEN + 1];
	SHA256_CTX run, snap;
	size_t n = 0;
	struct buf data;
	int rc = -1;

	buf_init(&data, 0);
	SHA256_Init(&run);
	if (fsx_list(dir, ".sql", &names, &n, d))
		goto out;
	s->files = n;
	for (size_t i = 0; i < n; i++) {
		if (fsx_join(path, sizeof(path), dir, names[i], d) || fsx_read(path, &data, d))
			goto out;
		SHA256_Update(&run, names[i], strlen(names[i]));
		if (sum_ignored(data.data, data.len))
			continue;
		SHA256_Update(&run, data.data, data.len);
		snap = run; /* the running hash so far, finished on a copy */
		SHA256_Final(md, &snap);
		b64(md, hash);
		if (add_entry(s, names[i], strlen(names[i]), hash, d))
			goto out;
	}
	sha256_total(s);
	rc = 0;
out:
	buf_release(&data);
	fsx_names_free(names, n);
	return rc;
}

int sum_format(const struct sum_file *s, struct buf *out, struct diag *d)
{
	if (buf_addf(out, d, "h1:%s\n", s->total))
		return -1;
	for (size_t i = 0; i < s->n; i++)
		if (buf_addf(out, d, "%s h1:%s\n", s->v[i].name, s->v[i].hash))
			return -1;
	return 0;
}

static int is_b64(const char *p, size_t n)
{
	if (n != SUM_B64_LEN || p[n - 1] != '=')
		return 0;
	for (size_t i = 0; i < n - 1; i++) {
		unsigned char c = (unsigned char)p[i];

		if (!is_word(c) && c != '+' && c != '/')
			return 0;
		if (c == '_')
			return 0;
	}
	return 1;
}

static const char *find_h1(const char *p, size_t n)
{
	for (size_t i = 0; i + 3 <= n; i++)
		if (memcmp(p + i, "h1:", 3) == 0)
			return p + i;
	return NULL;
}

static int bad_line(struct diag *d, const char *path, const char *text, size_t len, unsigned line,
		    size_t off, const char *what)
{
	size_t bol = off;

	while (bol > 0 && text[bol - 1] != '\n')
		bol--;
	diag_set(d, DIAG_PARSE, path, line, (unsigned)(off - bol + 1),
		 "checksum file format invalid: %s", what);
	diag_source(d, text, len, off);
	return -1;
}

int sum_parse(const char *path, const char *text, size_t len, struct sum_file *s, struct diag *d)
{
	size_t off = 0;
	unsigned line = 0;
	struct sum_file again;

	if (len == 0)
		return diag_set(d, DIAG_PARSE, path, 1, 1,
				"checksum file format invalid: the file is empty");
	while (off < len) {
		const char *bol = text + off, *nl = memchr(bol, '\n', len - off), *h1;
		size_t n = nl ? (size_t)(nl - bol) : len - off, name_end, name_start = 0;

		line++;
		if (n && bol[n - 1] == '\r')
			n--;
		h1 = find_h1(bol, n);
		if (line == 1) {
			if (h1 != bol)
				return bad_line(d, path, text, len, line, off,
						"the first line must be 'h1:' and the total");
			if (!is_b64(bol + 3, n - 3))
				return bad_line(d, path, text, len, line, off + 3,
						"the total is not a base64 sha-256");
			memcpy(s->total, bol + 3, SUM_B64_LEN);
			s->total[SUM_B64_LEN] = '\0';
		} else {
			if (!h1)
				return bad_line(d, path, text, len, line, off,
						"no 'h1:' on this line");
			name_end = (size_t)(h1 - bol);
			while (name_start < name_end &&
			       (bol[name_start] == ' ' || bol[name_start] == '\t'))
				name_start++;
			while (name_end > name_start &&
			       (bol[name_end - 1] == ' ' || bol[name_end - 1] == '\t'))
				name_end--;
			if (name_end == name_start)
				return bad_line(d, path, text, len, line, off, "no file name");
			if (!is_b64(h1 + 3, n - (size_t)(h1 + 3 - bol)))
				return bad_line(d, path, text, len, line,
						off + (size_t)(h1 + 3 - bol),
						"the hash is not a base64 sha-256");
			if (add_entry(s, bol + name_start, name_end - name_start, h1 + 3, d))
				return -1;
		}
		off += (nl ? (size_t)(nl - bol) + 1 : len - off);
	}
	/* The total must agree with the entries, or the file was edited by hand. */
	sum_file_init(&again);
	again.v = s->v;
	again.n = s->n;
	sha256_total(&again);
	if (strcmp(again.total, s->total) != 0)
		return diag_set(d, DIAG_MISMATCH, path, 1, 4,
				"checksum mismatch: the total does not match the entries");
	return 0;
}

const char *sum_reason_name(enum sum_reason r)
{
	switch (r) {
	case SUM_EDITED:
		return "edited";
	case SUM_ADDED:
		return "added";
	case SUM_REMOVED:
		return "removed";
	}
	return "changed";
}

static int has_name(const struct sum_file *s, const char *name)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->v[i].name, name) == 0)
			return 1;
	return 0;
}

int sum_compare(const struct sum_file *stored, const struct sum_file *now, struct sum_mismatch *m)
{
	size_t i;

	if (strcmp(stored->total, now->total) == 0)
		return 0;
	for (i = 0; i < stored->n; i++) {
		const struct sum_entry *e = &stored->v[i];

		m->line = (unsigned)i + 2;
		if (!has_name(now, e->name)) {
			m->file = e->name;
			m->reason = SUM_REMOVED;
			return 1;
		}
		if (strcmp(now->v[i].name, e->name) != 0) {
			m->file = now->v[i].name;
			m->reason = SUM_ADDED;
			return 1;
		}
		if (strcmp(now->v[i].hash, e->hash) != 0) {
			m->file = e->name;
			m->reason = SUM_EDITED;
			return 1;
		}
	}
	/* Every stored entry holds: the directory has more files than atlas.sum lists. */
	m->line = (unsigned)i + 2;
	m->file = i < now->n ? now->v[i].name : "";
	m->reason = SUM_ADDED;
	return 1;
}

int sum_check(const char *dir, struct sum_file *stored, struct sum_file *now,
	      struct sum_mismatch *m, struct diag *d)
{
	char path[4096];
	struct buf text;
	int rc = -1;

	m->file = NULL;
	buf_init(&text, 64u << 20);
	if (fsx_join(path, sizeof(path), dir, SUM_FILE, d) || sum_dir(dir, now, d))
		goto out;
	if (access(path, F_OK) != 0 && errno == ENOENT) {
		/* Atlas asks for no atlas.sum while there is no migration file at all. */
		if (now->files == 0) {
			rc = 0;
			goto out;
		}
		diag_set(d, DIAG_MISMATCH, path, 0, 0, "checksum file not found");
		rc = 1;
		goto out;
	}
	if (fsx_read(path, &text, d))
		goto out;
	if (sum_parse(path, text.data, text.len, stored, d)) {
		rc = d->kind == DIAG_MISMATCH ? 1 : -1;
		goto out;
	}
	rc = sum_compare(stored, now, m);
	if (rc)
		diag_set(d, DIAG_MISMATCH, dir, 0, 0, "checksum mismatch");
out:
	buf_release(&text);
	return rc;
}

int sum_write_dir(const char *dir, int *changed, struct diag *d)
{
	char path[4096];
	struct sum_file s;
	struct buf out;
	int rc = -1;

	sum_file_init(&s);
	buf_init(&out, 0);
	if (fsx_join(path, sizeof(path), dir, SUM_FILE, d) || sum_dir(dir, &s, d) ||
	    sum_format(&s, &out, d))
		goto out;
	rc = fsx_write_atomic(path, out.data, out.len, 0644, changed, d);
out:
	buf_release(&out);
	sum_file_release(&s);
	return rc;
}

static void put_le64(XXH3_state_t *st, uint64_t v)
{
	unsigned char b[8];

	for (int i = 0; i < 8; i++)
		b[i] = (unsigned char)(v >> (8 * i));
	XXH3_128bits_update(st, b, sizeof(b));
}

int sum_xxh3_dir(const char *dir, char out[33], struct diag *d)
{
	XXH3_state_t *st = XXH3_createState();
	XXH128_canonical_t canon;
	char **names = NULL, path[4096];
	size_t n = 0;
	struct buf data;
	int rc = -1;

	buf_init(&data, 0);
	if (!st || XXH3_128bits_reset(st) == XXH_ERROR) {
		diag_nomem(d);
		goto out;
	}
	if (fsx_list(dir, ".sql", &names, &n, d))
		goto out;
	for (size_t i = 0; i < n; i++) {
		size_t nl = strlen(names[i]);

		if (fsx_join(path, sizeof(path), dir, names[i], d) || fsx_read(path, &data, d))
			goto out;
		put_le64(st, nl);
		XXH3_128bits_update(st, names[i], nl);
		put_le64(st, data.len);
		XXH3_128bits_update(st, data.data ? data.data : "", data.len);
	}
	XXH128_canonicalFromHash(&canon, XXH3_128bits_digest(st));
	for (int i = 0; i < 16; i++)
		snprintf(out + 2 * i, 3, "%02x", canon.digest[i]);
	rc = 0;
out:
	buf_release(&data);
	fsx_names_free(names, n);
	XXH3_freeState(st);
	return rc;
}

int sum_error_text(struct buf *out, const char *dir, unsigned line, const char *file,
		   const char *reason, struct diag *d)
{
	if (buf_adds(out, "You have a checksum error in your migration directory.\n\n", d))
		return -1;
	if (file && buf_addf(out, d, "\tL%u: %s was %s\n\n", line, file, reason))
		return -1;
	return buf_addf(out, d,
			"Please check your migration files and run 'sumhash %s' to re-hash the "
			"contents\n\n",
			dir);
}
