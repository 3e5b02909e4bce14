/*
 * replay: runs a libFuzzer entry point over saved inputs without libFuzzer, so that a gcc
 * build under ASan+UBSan (make fuzz-replay, make check-asan) replays the corpus.
 *
 * usage: replay DIR|FILE...   every regular file of each DIR (not recursive), in name
 * order, and each FILE. Prints "replay: N inputs" and exits 0; a sanitizer report or an
 * abort in the entry point ends the run as it would under libFuzzer. Exit 2 when an
 * argument cannot be read, or when no input was found at all (an empty corpus is a
 * mistake, not a pass).
 */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Set by the sanitizer runtimes, NULL in a plain build. */
void __sanitizer_set_death_callback(void (*cb)(void)) __attribute__((weak));

/* Inputs are at most libFuzzer's -max_len of 'make fuzz'; anything bigger is no seed. */
#define REPLAY_MAX ((size_t)1 << 20)

/* The input being run, named on the way out when it kills the process. */
static const char *current;
static volatile sig_atomic_t named;

static void name_current(void)
{
	if (current && !named) {
		named = 1;
		(void)!write(2, "replay: died on ", 16);
		(void)!write(2, current, strlen(current));
		(void)!write(2, "\n", 1);
	}
}

static void on_signal(int sig)
{
	name_current();
	signal(sig, SIG_DFL);
	raise(sig);
}

/*
 * A sanitizer reports its own deaths and then calls the death callback; it also catches
 * SIGSEGV itself (stack overflows included), so the handler only takes it in a plain
 * build, on its own stack. abort() (the entry point's contract checks) always gets one.
 */
static void watch_deaths(void)
{
	static char altstack[1 << 16];
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) };
	struct sigaction sa = { .sa_handler = on_signal, .sa_flags = SA_ONSTACK };

	sigaction(SIGABRT, &sa, NULL);
	if (__sanitizer_set_death_callback) {
		__sanitizer_set_death_callback(name_current);
		return;
	}
	sigaltstack(&ss, NULL);
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
}

static int run_file(const char *path)
{
	struct stat st;
	unsigned char *data = NULL;
	size_t n = 0;
	FILE *f;
	int rc = -1;

	f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (fstat(fileno(f), &st) || !S_ISREG(st.st_mode) || (size_t)st.st_size > REPLAY_MAX) {
		fprintf(stderr, "replay: %s: not a regular file of at most %zu bytes\n", path,
			REPLAY_MAX);
		goto out;
	}
	data = malloc((size_t)st.st_size + 1);
	if (!data) {
		fprintf(stderr, "replay: out of memory\n");
		exit(2);
	}
	n = fread(data, 1, (size_t)st.st_size, f);
	if (ferror(f)) {
		fprintf(stderr, "replay: %s: read error\n", path);
		goto out;
	}
	/* The exact size read, as libFuzzer passes it: no terminator, so overreads show. */
	current = path;
	LLVMFuzzerTestOneInput(data, n);
	current = NULL;
	rc = 0;
out:
	free(data);
	fclose(f);
	return rc;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int is_regular(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Runs every regular file of dir; returns how many, or -1 after the first failure. */
static long run_dir(const char *dir)
{
	struct dirent **ents;
	char path[4096];
	long count = 0;
	int n;

	n = scandir(dir, &ents, NULL, by_name);
	if (n < 0) {
		fprintf(stderr, "replay: %s: %s\n", dir, strerror(errno));
		return -1;
	}
	for (int i = 0; i < n; i++) {
		int len = snprintf(path, sizeof(path), "%s/%s", dir, ents[i]->d_name);

		if (count < 0 || len < 0 || (size_t)len >= sizeof(path) || !is_regular(path))
			continue;
		count = run_file(path) ? -1 : count + 1;
	}
	for (int i = 0; i < n; i++)
		free(ents[i]);
	free(ents);
	return count;
}

int main(int argc, char **argv)
{
	struct stat st;
	long total = 0, k;

	if (argc < 2) {
		fprintf(stderr, "usage: replay DIR|FILE...\n");
		return 2;
	}
	watch_deaths();
	for (int i = 1; i < argc; i++) {
		if (stat(argv[i], &st)) {
			fprintf(stderr, "replay: %s: %s\n", argv[i], strerror(errno));
			return 2;
		}
		if (S_ISDIR(st.st_mode))
			k = run_dir(argv[i]);
		else
			k = run_file(argv[i]) ? -1 : 1;
		if (k < 0)
			return 2;
		total += k;
	}
	printf("replay: %ld inputs\n", total);
	if (total == 0) {
		fprintf(stderr, "replay: no input found\n");
		return 2;
	}
	return 0;
}
