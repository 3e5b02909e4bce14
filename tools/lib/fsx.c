#include "fsx.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int fsx_read_fd(int fd, const char *name, struct buf *b, struct diag *d)
{
	struct stat st;
	ssize_t r;

	buf_reset(b);
	/* One allocation for regular files; pipes grow as they come. */
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    buf_grow(b, (size_t)st.st_size, d))
		return diag_set(d, DIAG_NOMEM, name, 0, 0, "larger than the limit of %zu bytes",
				b->max);
	for (;;) {
		if (!b->data || b->cap - b->len < 2) {
			size_t room = b->max - b->len;
			char probe;

			/* At the ceiling, only a read of nothing more may follow. */
			if (room == 0 && (r = read(fd, &probe, 1)) == 0)
				break;
			if (buf_grow(b, room < 65536 ? room : 65536, d) || room == 0)
				return diag_set(d, DIAG_NOMEM, name, 0, 0,
						"larger than the limit of %zu bytes", b->max);
		}
		r = read(fd, b->data + b->len, b->cap - b->len - 1);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			return diag_errno(d, name, errno);
		}
		if (r == 0)
			break;
		b->len += (size_t)r;
	}
	if (b->data)
		b->data[b->len] = '\0';
	return 0;
}

int fsx_read(const char *path, struct buf *b, struct diag *d)
{
	int fd, rc;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return diag_errno(d, path, errno);
	rc = fsx_read_fd(fd, path, b, d);
	close(fd);
	return rc;
}

static int same_content(const char *path, const void *data, size_t len)
{
	struct buf old;
	struct diag ignored;
	int same;

	buf_init(&old, len + 1);
	diag_init(&ignored);
	same = fsx_read(path, &old, &ignored) == 0 && old.len == len &&
	       (len == 0 || memcmp(old.data, data, len) == 0);
	buf_release(&old);
	return same;
}

static int write_all(int fd, const char *p, size_t len)
{
	while (len) {
		ssize_t w = write(fd, p, len);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		len -= (size_t)w;
	}
	return 0;
}

static void fsync_parent(const char *path)
{
	char dir[4096];
	const char *slash = strrchr(path, '/');
	int fd;

	if (!slash)
		snprintf(dir, sizeof(dir), ".");
	else
		snprintf(dir, sizeof(dir), "%.*s", (int)(slash > path ? slash - path : 1), path);
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

int fsx_write_atomic(const char *path, const void *data, size_t len, unsigned mode, int *changed,
		     struct diag *d)
{
	char tmp[4096];
	int fd, err;

	if (changed)
		*changed = 0;
	if (same_content(path, data, len))
		return 0;
	if (snprintf(tmp, sizeof(tmp), "%s.XXXXXX", path) >= (int)sizeof(tmp))
		return diag_set(d, DIAG_IO, path, 0, 0, "path too long");
	fd = mkstemp(tmp);
	if (fd < 0)
		return diag_errno(d, path, errno);
	if (fchmod(fd, mode) || write_all(fd, data, len) || fsync(fd))
		goto fail;
	if (close(fd)) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path))
		goto fail;
	fsync_parent(path);
	if (changed)
		*changed = 1;
	return 0;
fail:
	err = errno;
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	return diag_errno(d, path, err);
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void fsx_names_free(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

int fsx_join(char *out, size_t outsz, const char *dir, const char *name, struct diag *d)
{
	size_t dl = strlen(dir);
	int sep = dl > 0 && dir[dl - 1] != '/';

	if ((size_t)snprintf(out, outsz, "%s%s%s", dir, sep ? "/" : "", name) >= outsz)
		return diag_set(d, DIAG_IO, dir, 0, 0, "path too long for '%s'", name);
	return 0;
}

int fsx_list(const char *dir, const char *suffix, char ***names, size_t *n, struct diag *d)
{
	size_t sl = strlen(suffix), cap = 0, cnt = 0;
	char **v = NULL, path[4096];
	struct dirent *e;
	struct stat st;
	DIR *dp;
	int rc = -1;

	dp = opendir(dir);
	if (!dp)
		return diag_errno(d, dir, errno);
	for (;;) {
		size_t nl;

		errno = 0;
		e = readdir(dp);
		if (!e) {
			if (errno) {
				diag_errno(d, dir, errno);
				goto out;
			}
			break;
		}
		nl = strlen(e->d_name);
		if (nl < sl || memcmp(e->d_name + nl - sl, suffix, sl) != 0)
			continue;
		if (fsx_join(path, sizeof(path), dir, e->d_name, d))
			goto out;
		/* d_type saves a stat per file; links and unknown types are looked at. */
		if (e->d_type != DT_REG && stat(path, &st)) {
			diag_errno(d, path, errno);
			goto out;
		}
		if (e->d_type != DT_REG && !S_ISREG(st.st_mode)) {
			diag_set(d, DIAG_IO, path, 0, 0, "not a regular file");
			goto out;
		}
		if (cnt == cap) {
			char **nv;

			cap = cap ? cap * 2 : 16;
			nv = realloc(v, cap * sizeof(*v));
			if (!nv) {
				diag_nomem(d);
				goto out;
			}
			v = nv;
		}
		v[cnt] = strdup(e->d_name);
		if (!v[cnt]) {
			diag_nomem(d);
			goto out;
		}
		cnt++;
	}
	if (cnt)
		qsort(v, cnt, sizeof(*v), cmp_names);
	*names = v;
	*n = cnt;
	v = NULL;
	cnt = 0;
	rc = 0;
out:
	fsx_names_free(v, cnt);
	closedir(dp);
	return rc;
}
