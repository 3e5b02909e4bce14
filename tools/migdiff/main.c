/*
 * migdiff: the next migration of an atlas.hcl env, in one process: the directory's
 * atlas.sum checked, its state replayed (sql2json), the desired state read (hcl2json), the
 * two diffed (schemadiff), the plan written as Atlas writes it (sqlemit-pg/-my) into a new
 * file, and atlas.sum rewritten. The replayed state goes through the schema JSON sql2json
 * prints (which the cache keeps), the desired one is used as read; tests/migdiff.bats holds
 * the answer to the pipeline's. Only the process starts are saved.
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <xxhash.h>

#include "arena.h"
#include "buf.h"
#include "config.h"
#include "diag.h"
#include "emit.h"
#include "fsx.h"
#include "hcl.h"
#include "plan.h"
#include "profile.h"
#include "replay.h"
#include "schema.h"
#include "sum.h"
#include "tool.h"

static const char usage[] =
	"usage: migdiff --config atlas.hcl --env NAME [--name NAME] [options]\n"
	"\n"
	"Writes DIR/<UTC YYYYMMDDhhmmss>_NAME.sql with the changes that take the migration\n"
	"directory's state to the env's schema (its 'src'), as Atlas's 'migrate diff' writes\n"
	"them, then rewrites DIR/atlas.sum; prints the new file's path. With no changes it\n"
	"prints 'The migration directory is synced with the desired state, no changes to be\n"
	"made' and writes nothing. The directory's atlas.sum must hold first.\n"
	"\n"
	"The directory's state is replayed offline (as sql2json) unless --current gives it.\n"
	"\n"
	"  -c, --config F    the Atlas project file (atlas.hcl)\n"
	"  -e, --env NAME    its env: migration dir, schema src, dev URL (for the profile)\n"
	"  -n, --name NAME   the new file's name part (default 'migration')\n"
	"  -d, --dir DIR     another migration directory than the env's\n"
	"  -p, --profile P   postgres@18, postgres@15, mysql@8, mariadb@10.11 (default: the\n"
	"                    env's)\n"
	"      --var K=V     a variable of the project file (destructive=true); repeatable\n"
	"      --check       write nothing: print the migration and exit 1 when there is one\n"
	"      --current F   the directory's state as schema JSON (db2json of a dev database)\n"
	"      --cache DIR   keep replayed states in DIR, keyed by the directory's XXH3\n"
	"                    fingerprint, the profile, the project file and this program\n"
	"  -h, --help        show this help\n"
	"\n"
	"Exit status: 0 written or synced, 1 a checksum error (or a migration with --check),\n"
	"2 trouble (usage, I/O, a statement the replay cannot model, a change the dialect\n"
	"cannot express); nothing is written then.\n";

static const char synced[] =
	"The migration directory is synced with the desired state, no changes to be made\n";

struct opts {
	const char *config, *env, *name, *dir, *profile, *current, *cache;
	const char **vars;
	size_t nvars;
	int check;
};

/* mkdir -p path (mode 0755). */
static int mkdirs(const char *path, struct diag *d)
{
	char p[4096];
	size_t n = strlen(path);

	if (n == 0 || n >= sizeof(p))
		return diag_set(d, DIAG_USAGE, path, 0, 0, "bad directory name");
	memcpy(p, path, n + 1);
	for (char *s = p + 1;; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;

		*s = '\0';
		if (mkdir(p, 0755) && errno != EEXIST)
			return diag_set(d, DIAG_IO, p, 0, 0, "cannot create directory: %s",
					strerror(errno));
		*s = c;
		if (c == '\0')
			return 0;
	}
}

/* The schema JSON of the directory's state, replayed offline as sql2json does. */
static int replay_state(struct arena *a, const struct config_env *env, const char *dir,
			const char *profile_name, struct buf *out, struct diag *d)
{
	struct schema_realm realm;
	struct profile prof;
	struct replay r;
	const char *schema = env->nschemas		       ? env->schemas[0]
			     : env->dialect == SCHEMA_POSTGRES ? "public"
							       : "main";
	int rc = -1;

	memset(&r, 0, sizeof(r));
	if (profile_parse(profile_name, &prof, d) ||
	    replay_init(&r, a, &realm, env->dialect, schema, d) || replay_path(&r, dir, d))
		goto out;
	/* What the files hold is what the server printed: keep what the deparser lacks. */
	prof.lenient = 1;
	if (profile_apply(a, &prof, &realm, d))
		goto out;
	realm.normalized = profile_name;
	rc = schema_to_json(&realm, out, d);
out:
	replay_release(&r);
	return rc;
}

/*
 * The replayed state, from the cache when it holds this directory's (same files, profile,
 * project file and program), else replayed and kept there.
 */
static int current_state(struct arena *a, const struct opts *o, const struct config_env *env,
			 const char *dir, const char *profile_name, struct buf *out, struct diag *d)
{
	char fp[33], path[4096];
	struct buf cfg;
	struct stat st;

	if (!o->cache)
		return replay_state(a, env, dir, profile_name, out, d);
	buf_init(&cfg, 0);
	if (sum_xxh3_dir(dir, fp, d) || fsx_read(o->config, &cfg, d)) {
		buf_release(&cfg);
		return -1;
	}
	if (stat("/proc/self/exe", &st))
		memset(&st, 0, sizeof(st));
	snprintf(path, sizeof(path), "%s/%s-%s-%s-%016llx-%lld-%lld.json", o->cache, env->name, fp,
		 profile_name, (unsigned long long)XXH3_64bits(cfg.data, cfg.len),
		 (long long)st.st_mtime, (long long)st.st_size);
	buf_release(&cfg);
	if (access(path, R_OK) == 0 && fsx_read(path, out, d) == 0 && out->len > 0)
		return 0;
	diag_init(d);
	out->len = 0;
	if (replay_state(a, env, dir, profile_name, out, d))
		return -1;
	/* A cache that cannot be written costs only the next run's replay. */
	if (mkdirs(o->cache, d) || fsx_write_atomic(path, out->data, out->len, 0644, NULL, d))
		diag_init(d);
	return 0;
}

/* The env's schema files, read as hcl2json reads them, normalised as schemadiff does. */
static int desired_state(struct arena *a, const struct config_env *env, const struct profile *prof,
			 struct schema_realm *realm, struct diag *d)
{
	struct hcl_body doc;

	if (env->nsrc == 0)
		return diag_set(d, DIAG_USAGE, env->name, 0, 0, "the env has no schema src");
	if (hcl_parse_paths(a, env->src, env->nsrc, &doc, d) ||
	    schema_from_hcl(a, &doc, env->dialect, NULL, 0, realm, d))
		return -1;
	return profile_apply(a, prof, realm, d);
}

/* Reads schema JSON back and normalises it as schemadiff does; an empty state is empty. */
static int read_state(struct arena *a, const char *name, const struct buf *json,
		      const struct config_env *env, const struct profile *prof,
		      struct schema_realm *realm, struct diag *d)
{
	int empty;

	if (schema_read_buf(a, name, json->data, json->len, realm, &empty, d))
		return -1;
	if (empty)
		realm->dialect = env->dialect;
	else if (realm->dialect != env->dialect)
		return diag_set(d, DIAG_USAGE, name, 0, 0, "holds %s, the env is %s",
				schema_dialect_name(realm->dialect),
				schema_dialect_name(env->dialect));
	return profile_apply(a, prof, realm, d);
}

/* 1 when dir holds a file whose name starts with version followed by '_' or '.'. */
static int version_taken(const char *dir, const char *version)
{
	size_t n = strlen(version);
	struct dirent *e;
	DIR *dp = opendir(dir);
	int taken = 0;

	if (!dp)
		return 0;
	while (!taken && (e = readdir(dp)))
		taken = strncmp(e->d_name, version, n) == 0 &&
			(e->d_name[n] == '_' || e->d_name[n] == '.');
	closedir(dp);
	return taken;
}

/*
 * Writes text as dir/<version>_name.sql (a version no file has yet: the next free second)
 * and rewrites atlas.sum; the file is removed again when atlas.sum cannot be written.
 */
static int write_migration(const char *dir, const char *name, const struct buf *text, char *file,
			   size_t filesz, struct diag *d)
{
	char version[32], tmp[4096];
	time_t now = time(NULL);
	struct tm tm;

	for (time_t k = 0;; k++) {
		time_t t = now + k;

		gmtime_r(&t, &tm);
		strftime(version, sizeof(version), "%Y%m%d%H%M%S", &tm);
		if (!version_taken(dir, version))
			break;
	}
	if ((size_t)snprintf(file, filesz, "%s/%s_%s.sql", dir, version, name) >= filesz ||
	    (size_t)snprintf(tmp, sizeof(tmp), "%s/.%s_%s.sql.tmp", dir, version, name) >=
		    sizeof(tmp))
		return diag_set(d, DIAG_USAGE, dir, 0, 0, "path too long");
	if (fsx_write_atomic(tmp, text->data, text->len, 0644, NULL, d))
		return -1;
	/* link() never replaces: a file that appeared meanwhile is kept, and we fail. */
	if (link(tmp, file)) {
		int e = errno;

		unlink(tmp);
		return diag_set(d, DIAG_IO, file, 0, 0, "cannot create: %s", strerror(e));
	}
	unlink(tmp);
	if (sum_write_dir(dir, NULL, d)) {
		char why[sizeof(d->msg)];

		snprintf(why, sizeof(why), "%s", d->msg);
		unlink(file);
		return diag_set(d, DIAG_IO, dir, 0, 0,
				"could not write atlas.sum (%s); %s was removed again", why, file);
	}
	return 0;
}

/* The atlas.sum check: 0 holds, 1 a checksum error (printed), -1 trouble. */
static int check_sum(const char *dir, struct diag *d)
{
	struct sum_file stored, now;
	struct sum_mismatch m;
	struct buf out;
	int rc;

	sum_file_init(&stored);
	sum_file_init(&now);
	buf_init(&out, 0);
	rc = sum_check(dir, &stored, &now, &m, d);
	if (rc == 1 && m.file) {
		if (sum_error_text(&out, dir, m.line, m.file, sum_reason_name(m.reason), d))
			rc = -1;
		else
			fwrite(out.data, 1, out.len, stdout);
		diag_init(d);
	}
	buf_release(&out);
	sum_file_release(&stored);
	sum_file_release(&now);
	return rc;
}

static int run(const struct opts *o, struct arena *a, struct diag *d)
{
	struct buf from_json, text, skipped;
	struct schema_realm from, to;
	const char *dir, *profile_name;
	struct config_env env;
	struct emit_opts eo;
	struct profile prof;
	struct plan plan;
	char file[4096];
	int rc = 2;

	buf_init(&from_json, 256u << 20);
	buf_init(&text, 0);
	buf_init(&skipped, 0);
	if (config_load(a, o->config, o->env, o->vars, o->nvars, &env, d))
		goto fail;
	if (!env.dialect_known) {
		diag_set(d, DIAG_USAGE, o->config, 0, 0,
			 "env '%s' has no url or dev URL: no dialect", o->env);
		goto fail;
	}
	dir = o->dir ? config_strip_file(o->dir) : env.dir;
	if (!dir) {
		diag_set(d, DIAG_USAGE, o->config, 0, 0, "env '%s' has no migration dir", o->env);
		goto fail;
	}
	if (mkdirs(dir, d))
		goto fail;
	switch (check_sum(dir, d)) {
	case 0:
		break;
	case 1:
		if (d->msg[0])
			diag_print(d, "migdiff", stderr);
		rc = 1;
		goto out;
	default:
		goto fail;
	}
	profile_name = o->profile    ? o->profile
		       : env.profile ? env.profile
				     : profile_default(env.dialect);
	if (profile_parse(profile_name, &prof, d))
		goto fail;
	if (prof.dialect != env.dialect) {
		diag_set(d, DIAG_USAGE, profile_name, 0, 0, "the profile is not for %s",
			 schema_dialect_name(env.dialect));
		goto fail;
	}
	if (o->current ? fsx_read(o->current, &from_json, d)
		       : current_state(a, o, &env, dir, profile_name, &from_json, d))
		goto fail;
	if (desired_state(a, &env, &prof, &to, d) ||
	    read_state(a, o->current ? o->current : dir, &from_json, &env, &prof, &from, d) ||
	    plan_diff(a, &from, &to, env.skip, &plan, d))
		goto fail;
	plan.profile = profile_name;
	emit_opts_default(&eo, env.dialect);
	if (plan_skipped_text(&plan, "migdiff", &skipped, d) || emit_plan(&plan, &eo, &text, d))
		goto fail;
	fputs(skipped.data ? skipped.data : "", stderr);
	if (text.len == 0) {
		fputs(synced, stdout);
		rc = 0;
	} else if (o->check) {
		fwrite(text.data, 1, text.len, stdout);
		rc = 1;
	} else if (write_migration(dir, o->name, &text, file, sizeof(file), d)) {
		goto fail;
	} else {
		printf("%s\n", file);
		rc = 0;
	}
	goto out;
fail:
	diag_print(d, "migdiff", stderr);
	rc = 2;
out:
	buf_release(&from_json);
	buf_release(&text);
	buf_release(&skipped);
	return rc;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "env", required_argument, NULL, 'e' },
		{ "name", required_argument, NULL, 'n' },
		{ "dir", required_argument, NULL, 'd' },
		{ "profile", required_argument, NULL, 'p' },
		{ "var", required_argument, NULL, 'v' },
		{ "check", no_argument, NULL, 'C' },
		{ "current", required_argument, NULL, 'F' },
		{ "cache", required_argument, NULL, 'K' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct opts o = { .name = "migration" };
	struct arena a;
	struct diag d;
	int c, rc;

	o.vars = calloc((size_t)argc, sizeof(*o.vars));
	if (!o.vars) {
		fputs("migdiff: out of memory\n", stderr);
		return 2;
	}
	while ((c = getopt_long(argc, argv, "c:e:n:d:p:h", opts, NULL)) != -1) {
		switch (c) {
		case 'c':
			o.config = optarg;
			break;
		case 'e':
			o.env = optarg;
			break;
		case 'n':
			o.name = optarg;
			break;
		case 'd':
			o.dir = optarg;
			break;
		case 'p':
			o.profile = optarg;
			break;
		case 'v':
			o.vars[o.nvars++] = optarg;
			break;
		case 'C':
			o.check = 1;
			break;
		case 'F':
			o.current = optarg;
			break;
		case 'K':
			o.cache = optarg;
			break;
		case 'h':
			free(o.vars);
			fputs(usage, stdout);
			return tool_flush("migdiff");
		default:
			free(o.vars);
			return tool_usage("migdiff", usage);
		}
	}
	if (optind != argc || !o.config || !o.env) {
		free(o.vars);
		return tool_usage_msg("migdiff", usage,
				      optind != argc ? "unexpected arguments"
						     : "--config and --env are required");
	}
	if (!o.name[0] || strchr(o.name, '/') || strpbrk(o.name, " \t\n")) {
		free(o.vars);
		return tool_usage_msg("migdiff", usage,
				      "--name must be a non-empty word without '/' or spaces");
	}
	arena_init(&a, 0);
	diag_init(&d);
	rc = run(&o, &a, &d);
	arena_release(&a);
	free(o.vars);
	if (tool_flush("migdiff"))
		return 2;
	return rc;
}
