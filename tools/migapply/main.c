/*
 * migapply: apply versioned migrations to a database, or show its status, as
 * 'atlas migrate apply' and 'atlas migrate status' do, with Atlas's revisions table.
 *
 * Test hook (for crash tests, documented in migapply.1): MIGAPPLY_TEST_PAUSE=VERSION:N
 * makes the run stop for good once statement N of version VERSION has run (N = 0: once
 * the file has started), after printing "migapply: test pause" to stderr, so that a test
 * can kill -9 it at a known place.
 */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "config.h"
#include "buf.h"
#include "diag.h"
#include "fsx.h"
#include "migrate.h"
#include "sum.h"
#include "tool.h"

static const char usage[] =
	"usage: migapply --url URL --dir DIR [options] [AMOUNT]\n"
	"       migapply --config FILE --env NAME [--var K=V]... [options] [AMOUNT]\n"
	"       migapply --status (--url URL --dir DIR | --config FILE --env NAME) [--json]\n"
	"       migapply --exec FILE (--url URL | --config FILE --env NAME) [--dry-run]\n"
	"\n"
	"Applies the pending migration files of DIR to the database at URL, as 'atlas migrate\n"
	"apply' does: atlas.sum check, advisory lock, Atlas's revisions table. AMOUNT applies at\n"
	"most that many files.\n"
	"\n"
	"  -u, --url URL             postgres://user:pass@host:port/db?sslmode=disable or\n"
	"                            mysql://user:pass@host:port/db\n"
	"      --dir DIR             the migration directory (a path or file://path)\n"
	"      --revisions-schema S  where the atlas_schema_revisions table lives\n"
	"      --tx-mode MODE        file (default), all or none\n"
	"      --baseline VERSION    on a database without revisions, start after VERSION\n"
	"      --allow-dirty         allow a database that is not clean on the first run\n"
	"      --exec-order ORDER    linear (default), linear-skip or non-linear\n"
	"      --lock-timeout D      how long to wait for the lock (default 10s)\n"
	"      --dry-run             print the statements, change nothing\n"
	"      --json                a JSON report (Atlas's field names) instead of the log\n"
	"      --status              show the migration status instead of applying\n"
	"      --exec FILE           run FILE's statements outside the migration directory,\n"
	"                            without revisions (the plan of a schema apply): under the\n"
	"                            lock, in one transaction on PostgreSQL (not with\n"
	"                            --tx-mode none); '-' is stdin\n"
	"  -c, --config FILE         an atlas.hcl; --env NAME selects the env, --var K=V\n"
	"                            sets its variables; flags given here win over the env\n"
	"  -h, --help                show this help\n"
	"\n"
	"Exit status: 0 success, 1 a migration failed or the directory or the database's\n"
	"history does not match (checksum mismatch, changed or missing applied file, files\n"
	"out of order), 2 trouble (usage, files, database, lock).\n";

static int color;

static const char *c_on(const char *code)
{
	return color ? code : "";
}

static const char *c_off(void)
{
	return color ? "\033[0m" : "";
}

/* Go's RFC3339Nano in UTC: 2026-02-25T12:46:02.123456789Z (fraction trimmed). */
static void rfc3339(long long ns, char *out, size_t outsz)
{
	time_t s = (time_t)(ns / 1000000000LL);
	long frac = (long)(ns % 1000000000LL);
	struct tm tm;
	char f[16] = "";
	int n;

	gmtime_r(&s, &tm);
	if (frac) {
		n = snprintf(f, sizeof(f), ".%09ld", frac);
		while (n > 1 && f[n - 1] == '0')
			f[--n] = '\0';
	}
	snprintf(out, outsz, "%04d-%02d-%02dT%02d:%02d:%02d%sZ", tm.tm_year + 1900, tm.tm_mon + 1,
		 tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, f);
}

/* ---- the apply log, streamed as the run goes */

struct logger {
	int json;
	const char *pause_version;
	size_t pause_at;
	int paused_file;
};

static void test_pause(struct logger *l, const struct migrate_event *ev, size_t done)
{
	if (!l->pause_version || strcmp(ev->file->version, l->pause_version) != 0 ||
	    done != l->pause_at)
		return;
	fflush(stdout);
	fprintf(stderr, "migapply: test pause after statement %zu of version %s\n", done,
		ev->file->version);
	fflush(stderr);
	for (;;)
		pause();
}

static void print_stmt(const char *s)
{
	printf("    %s->%s ", c_on("\033[36m"), c_off());
	for (; *s; s++) {
		putchar(*s);
		if (*s == '\n')
			fputs("       ", stdout);
	}
	putchar('\n');
}

static void on_event(void *ctx, const struct migrate_event *ev)
{
	struct logger *l = ctx;
	char t[64];

	switch (ev->kind) {
	case MIGRATE_EV_START:
		if (l->json)
			break;
		printf("Migrating to version %s%s%s", c_on("\033[36m"), ev->to, c_off());
		if (ev->from)
			printf(" from %s%s%s", c_on("\033[36m"), ev->from, c_off());
		printf(" (%zu migrations in total):\n", ev->npending);
		break;
	case MIGRATE_EV_FILE:
		if (!l->json && !ev->file->version[0])
			printf("  %s--%s applying %s%s%s\n", c_on("\033[33m"), c_off(),
			       c_on("\033[36m"), ev->file->name, c_off());
		else if (!l->json)
			printf("\n  %s--%s migrating version %s%s%s\n", c_on("\033[33m"), c_off(),
			       c_on("\033[36m"), ev->file->version, c_off());
		test_pause(l, ev, ev->skip);
		break;
	case MIGRATE_EV_STMT:
		if (!l->json)
			print_stmt(ev->stmt);
		break;
	case MIGRATE_EV_STMT_DONE:
		fflush(stdout);
		test_pause(l, ev, ev->index);
		break;
	case MIGRATE_EV_FILE_DONE:
		if (l->json)
			break;
		migrate_fmt_duration(ev->ns, t, sizeof(t));
		printf("  %s--%s ok (%s%s%s)\n", c_on("\033[33m"), c_off(), c_on("\033[33m"), t,
		       c_off());
		break;
	case MIGRATE_EV_ERROR:
		if (!l->json)
			printf("    %s%s%s\n", c_on("\033[97;101m"), ev->error, c_off());
		break;
	}
	if (!l->json)
		fflush(stdout);
}

static const char *plural(size_t n)
{
	return n > 1 ? "s" : "";
}

/* The footer of Atlas's log: total time, files, statements. */
static void print_summary(const struct migrate_report *r)
{
	size_t fok = 0, ffail = 0, sok = 0, sfail = 0;
	char t[64];

	for (size_t i = 0; i < r->napplied; i++) {
		sok += r->applied[i].nstmts;
		if (r->applied[i].error) {
			ffail++;
			sok--;
			sfail++;
		} else {
			fok++;
		}
	}
	migrate_fmt_duration(r->end_ns - r->start_ns, t, sizeof(t));
	printf("\n  %s-------------------------%s\n", c_on("\033[36m"), c_off());
	printf("  %s--%s %s\n", c_on("\033[33m"), c_off(), t);
	if (fok && ffail)
		printf("  %s--%s %zu migration%s ok, %zu with errors\n", c_on("\033[33m"), c_off(),
		       fok, plural(fok), ffail);
	else if (fok)
		printf("  %s--%s %zu migration%s\n", c_on("\033[33m"), c_off(), fok, plural(fok));
	else if (ffail)
		printf("  %s--%s %zu migration%s with errors\n", c_on("\033[33m"), c_off(), ffail,
		       plural(ffail));
	if (sok && sfail)
		printf("  %s--%s %zu sql statement%s ok, %zu with errors\n", c_on("\033[33m"),
		       c_off(), sok, plural(sok), sfail);
	else if (sok)
		printf("  %s--%s %zu sql statement%s\n", c_on("\033[33m"), c_off(), sok,
		       plural(sok));
	else if (sfail)
		printf("  %s--%s %zu sql statement%s with errors\n", c_on("\033[33m"), c_off(),
		       sfail, plural(sfail));
}

static void print_checksum_error(unsigned line, const char *file, const char *reason,
				 const char *dir)
{
	struct buf out;
	struct diag d;

	buf_init(&out, 0);
	diag_init(&d);
	if (sum_error_text(&out, dir, line, file, reason, &d) == 0)
		fwrite(out.data, 1, out.len, stdout);
	else
		diag_print(&d, "migapply", stderr);
	buf_release(&out);
}

/* ---- JSON, with Atlas's field names and omitempty rules */

static json_t *jfile(const struct migrate_file *f)
{
	json_t *o = json_object();

	json_object_set_new(o, "Name", json_string(f->name));
	json_object_set_new(o, "Version", json_string(f->version));
	if (f->desc[0])
		json_object_set_new(o, "Description", json_string(f->desc));
	return o;
}

static json_t *jfiles(const struct migrate_file *const *v, size_t n)
{
	json_t *a = json_array();

	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, jfile(v[i]));
	return a;
}

static void jtime(json_t *o, const char *key, long long ns)
{
	char t[64];

	rfc3339(ns, t, sizeof(t));
	json_object_set_new(o, key, json_string(t));
}

static void json_out(json_t *o)
{
	char *s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);

	if (s) {
		puts(s);
		free(s);
	}
	json_decref(o);
}

static void json_apply(const struct migrate_report *r, const char *dir, const char *error)
{
	json_t *o = json_object();

	if (r->driver)
		json_object_set_new(o, "Driver", json_string(r->driver));
	json_object_set_new(o, "Dir", json_string(dir));
	if (r->npending)
		json_object_set_new(o, "Pending", jfiles(r->pending, r->npending));
	if (r->napplied) {
		json_t *a = json_array();

		for (size_t i = 0; i < r->napplied; i++) {
			const struct migrate_applied *ap = &r->applied[i];
			json_t *f = jfile(ap->file), *s = json_array();

			jtime(f, "Start", ap->start_ns);
			jtime(f, "End", ap->end_ns);
			if (ap->skipped)
				json_object_set_new(f, "Skipped",
						    json_integer((json_int_t)ap->skipped));
			for (size_t k = 0; k < ap->nstmts; k++)
				json_array_append_new(s, json_string(ap->stmts[k]));
			if (ap->nstmts)
				json_object_set_new(f, "Applied", s);
			else
				json_decref(s);
			if (ap->error) {
				json_t *e = json_object();

				json_object_set_new(e, "Stmt", json_string(ap->error_stmt));
				json_object_set_new(e, "Text", json_string(ap->error));
				json_object_set_new(f, "Error", e);
			}
			json_array_append_new(a, f);
		}
		json_object_set_new(o, "Applied", a);
	}
	if (r->current)
		json_object_set_new(o, "Current", json_string(r->current));
	if (r->target)
		json_object_set_new(o, "Target", json_string(r->target));
	jtime(o, "Start", r->start_ns);
	jtime(o, "End", r->end_ns ? r->end_ns : r->start_ns);
	if (error) {
		json_object_set_new(o, "Error", json_string(error));
	} else if (r->napplied == 0) {
		json_object_set_new(o, "Message", json_string("No migration files to execute"));
	} else {
		char m[512];

		snprintf(m, sizeof(m), "Migrated to version %s from %s (%zu migrations in total)",
			 r->target, r->current ? r->current : "", r->npending);
		json_object_set_new(o, "Message", json_string(m));
	}
	json_out(o);
}

static const char *type_name(unsigned t)
{
	switch (t) {
	case 1:
		return "baseline";
	case 2:
		return "applied";
	case 4:
		return "manually set";
	case 6:
		return "applied + manually set";
	default:
		return "unknown";
	}
}

static void json_status(const struct migrate_status *s, const char *dir)
{
	json_t *o = json_object(), *env = json_object();

	json_object_set_new(env, "Driver", json_string(s->driver ? s->driver : ""));
	json_object_set_new(env, "Dir", json_string(dir));
	json_object_set_new(o, "Env", env);
	if (s->navailable)
		json_object_set_new(o, "Available", jfiles(s->available, s->navailable));
	if (s->nout_of_order)
		json_object_set_new(o, "OutOfOrder", jfiles(s->out_of_order, s->nout_of_order));
	if (s->npending)
		json_object_set_new(o, "Pending", jfiles(s->pending, s->npending));
	if (s->napplied) {
		json_t *a = json_array();

		for (size_t i = 0; i < s->napplied; i++) {
			const struct migrate_revision *rv = &s->applied[i];
			json_t *j = json_object();

			json_object_set_new(j, "Version", json_string(rv->version));
			json_object_set_new(j, "Description", json_string(rv->description));
			json_object_set_new(j, "Type", json_string(type_name(rv->type)));
			json_object_set_new(j, "Applied", json_integer(rv->applied));
			json_object_set_new(j, "Total", json_integer(rv->total));
			jtime(j, "ExecutedAt", rv->executed_at_ns);
			json_object_set_new(j, "ExecutionTime", json_integer(rv->execution_time));
			if (rv->error[0])
				json_object_set_new(j, "Error", json_string(rv->error));
			if (rv->error_stmt[0])
				json_object_set_new(j, "ErrorStmt", json_string(rv->error_stmt));
			json_object_set_new(j, "OperatorVersion",
					    json_string(rv->operator_version));
			json_array_append_new(a, j);
		}
		json_object_set_new(o, "Applied", a);
	}
	if (s->current && s->current[0])
		json_object_set_new(o, "Current", json_string(s->current));
	if (s->next && s->next[0])
		json_object_set_new(o, "Next", json_string(s->next));
	if (s->count)
		json_object_set_new(o, "Count", json_integer((json_int_t)s->count));
	if (s->total)
		json_object_set_new(o, "Total", json_integer((json_int_t)s->total));
	json_object_set_new(o, "Status", json_string(s->status));
	if (s->error && s->error[0])
		json_object_set_new(o, "Error", json_string(s->error));
	if (s->sql && s->sql[0])
		json_object_set_new(o, "SQL", json_string(s->sql));
	json_out(o);
}

static void print_status(const struct migrate_status *s)
{
	const char *y = c_on("\033[33m"), *cy = c_on("\033[36m"), *off = c_off();

	printf("Migration Status: %s%s%s\n", strcmp(s->status, "OK") == 0 ? c_on("\033[92m") : y,
	       s->status, off);
	printf("  %s--%s Current Version: %s%s%s", y, off, cy, s->current, off);
	if (s->total)
		printf(" (%s%zu%s statements applied)", y, s->count, off);
	printf("\n  %s--%s Next Version:    ", y, off);
	if (s->next && s->next[0])
		printf("%s%s%s%s", cy, s->next, off, s->from_checkpoint ? " (checkpoint)" : "");
	else
		printf("UNKNOWN");
	if (s->total)
		printf(" (%s%zu%s statements left)", y, s->total - s->count, off);
	printf("\n  %s--%s Executed Files:  %zu%s\n", y, off, s->napplied,
	       s->total ? " (last one partially)" : "");
	printf("  %s--%s Pending Files:   %zu", y, off, s->npending + s->nout_of_order);
	if (s->nout_of_order) {
		if (s->npending)
			printf(" (%zu out of order)", s->nout_of_order);
		else
			printf(" (out of order)");
	}
	if (s->total)
		printf("\n\nLast migration attempt had errors:\n  %s--%s SQL:   %s\n  %s--%s "
		       "%sERROR:%s %s",
		       y, off, s->sql ? s->sql : "", y, off, c_on("\033[91m"), off,
		       s->error ? s->error : "");
	else if (s->nout_of_order && s->error)
		printf("\n\n  %sERROR:%s %s", c_on("\033[91m"), off, s->error);
	printf("\n");
}

/* ---- options */

struct opts {
	struct migrate_opts m;
	const char *config, *env, *url, *dir, *revs, *baseline, *order, *lock, *tx;
	const char **vars;
	size_t nvars;
	int status, json, allow_dirty, dry_run;
	const char *amount, *exec;
};

static int parse_order(const char *s, enum migrate_order *o)
{
	char buf[32];
	size_t i;

	for (i = 0; s[i] && i + 1 < sizeof(buf); i++) /* LINEAR_SKIP from atlas.hcl too */
		buf[i] = s[i] == '_' ? '-' : (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	buf[i] = '\0';
	if (strcmp(buf, "linear") == 0)
		*o = MIGRATE_LINEAR;
	else if (strcmp(buf, "linear-skip") == 0)
		*o = MIGRATE_LINEAR_SKIP;
	else if (strcmp(buf, "non-linear") == 0)
		*o = MIGRATE_NON_LINEAR;
	else
		return -1;
	return 0;
}

/* Fills o->m from the flags and, under them, the atlas.hcl env. Returns 0 or an exit status. */
static int resolve(struct opts *o, struct arena *a)
{
	struct config_env env;
	struct diag d;
	char msg[300];

	memset(&env, 0, sizeof(env));
	if (o->config || o->env) {
		if (!o->config)
			o->config = "atlas.hcl";
		if (!o->env)
			return tool_usage_msg("migapply", usage, "--config needs --env NAME");
		diag_init(&d);
		if (config_load(a, config_strip_file(o->config), o->env, o->vars, o->nvars, &env,
				&d)) {
			diag_print(&d, "migapply", stderr);
			return 2;
		}
	}
	migrate_opts_init(&o->m);
	o->m.url = o->url ? o->url : env.url;
	o->m.dir = o->dir ? config_strip_file(o->dir) : env.dir ? env.dir : NULL;
	o->m.revisions_schema = o->revs ? o->revs : env.revisions_schema;
	o->m.baseline = o->baseline ? o->baseline : env.baseline;
	o->m.allow_dirty = o->allow_dirty;
	o->m.dry_run = o->dry_run;
	if (!o->m.url)
		return tool_usage_msg("migapply", usage,
				      "no database URL: give --url or an env with one");
	if (!o->m.dir) {
		/* Atlas's default directory is file://migrations. */
		o->m.dir = "migrations";
	}
	if ((o->order || env.exec_order) &&
	    parse_order(o->order ? o->order : env.exec_order, &o->m.order)) {
		snprintf(msg, sizeof(msg), "unknown execution order '%s'",
			 o->order ? o->order : env.exec_order);
		return tool_usage_msg("migapply", usage, msg);
	}
	if (o->tx) {
		if (strcmp(o->tx, "file") == 0)
			o->m.txmode = MIGRATE_TX_FILE;
		else if (strcmp(o->tx, "all") == 0)
			o->m.txmode = MIGRATE_TX_ALL;
		else if (strcmp(o->tx, "none") == 0)
			o->m.txmode = MIGRATE_TX_NONE;
		else {
			snprintf(msg, sizeof(msg), "unknown tx-mode '%s'", o->tx);
			return tool_usage_msg("migapply", usage, msg);
		}
	}
	if ((o->lock || env.lock_timeout) &&
	    migrate_parse_duration(o->lock ? o->lock : env.lock_timeout, &o->m.lock_timeout_ms)) {
		snprintf(msg, sizeof(msg), "invalid lock timeout '%s' (a duration such as 10s)",
			 o->lock ? o->lock : env.lock_timeout);
		return tool_usage_msg("migapply", usage, msg);
	}
	if (o->amount) {
		char *end;
		long long n = strtoll(o->amount, &end, 10);

		if (*end || end == o->amount) {
			snprintf(msg, sizeof(msg),
				 "invalid amount argument '%s'; omit it or pass a whole number",
				 o->amount);
			return tool_usage_msg("migapply", usage, msg);
		}
		if (n < 1) {
			snprintf(msg, sizeof(msg), "cannot apply '%lld' migration files", n);
			return tool_usage_msg("migapply", usage, msg);
		}
		o->m.amount = (size_t)n;
	}
	return 0;
}

static int run_status(struct opts *o)
{
	struct migrate_status s;
	struct diag d;
	int rc;

	diag_init(&d);
	migrate_status_init(&s);
	rc = migrate_status(&o->m, &s, &d);
	if (rc == 0) {
		if (o->json)
			json_status(&s, o->m.dir);
		else
			print_status(&s);
	} else {
		if (s.sum_mismatch && !o->json)
			print_checksum_error(s.sum_line, s.sum_file, s.sum_reason, o->m.dir);
		diag_print(&d, "migapply", stderr);
	}
	migrate_status_release(&s);
	return rc == 0 ? 0 : rc > 0 ? 1 : 2;
}

static int run_apply(struct opts *o)
{
	struct migrate_report r;
	struct logger l = { o->json, NULL, 0, 0 };
	const char *pause = getenv("MIGAPPLY_TEST_PAUSE");
	char pv[256];
	struct diag d;
	int rc;

	if (pause && strchr(pause, ':') && (size_t)(strchr(pause, ':') - pause) < sizeof(pv)) {
		snprintf(pv, sizeof(pv), "%.*s", (int)(strchr(pause, ':') - pause), pause);
		l.pause_version = pv;
		l.pause_at = (size_t)strtoul(strchr(pause, ':') + 1, NULL, 10);
	}
	diag_init(&d);
	migrate_report_init(&r);
	o->m.event = on_event;
	o->m.ctx = &l;
	rc = migrate_apply(&o->m, &r, &d);
	if (o->json) {
		if (rc == 0 || r.napplied)
			json_apply(&r, o->m.dir, rc ? d.msg : NULL);
	} else if (rc == 0 && r.npending == 0) {
		printf("No migration files to execute\n");
	} else if (r.napplied) {
		print_summary(&r);
	} else if (r.sum_mismatch) {
		print_checksum_error(r.sum_line, r.sum_file, r.sum_reason, o->m.dir);
	}
	if (rc)
		diag_print(&d, "migapply", stderr);
	migrate_report_release(&r);
	return rc == 0 ? 0 : rc > 0 ? 1 : 2;
}

/* --exec: the statements of one file, no revisions; its output is the apply log's. */
static int run_exec(struct opts *o)
{
	struct migrate_report r;
	struct logger l = { o->json, NULL, 0, 0 };
	struct diag d;
	struct buf b;
	int rc;

	diag_init(&d);
	buf_init(&b, 1u << 30);
	migrate_report_init(&r);
	o->m.event = on_event;
	o->m.ctx = &l;
	if ((strcmp(o->exec, "-") == 0 ? fsx_read_fd(STDIN_FILENO, "<stdin>", &b, &d)
				       : fsx_read(o->exec, &b, &d)) ||
	    buf_add(&b, "", 1, &d)) {
		rc = -1;
	} else {
		rc = migrate_exec_script(&o->m, o->exec, b.data, b.len - 1, &r, &d);
	}
	if (r.napplied && r.applied[0].nstmts == 0 && rc == 0)
		printf("No statements to execute\n");
	else if (r.napplied && !o->m.dry_run)
		print_summary(&r);
	if (rc)
		diag_print(&d, "migapply", stderr);
	migrate_report_release(&r);
	buf_release(&b);
	return rc == 0 ? 0 : rc > 0 ? 1 : 2;
}

int main(int argc, char **argv)
{
	enum {
		O_DIR = 256,
		O_REVS,
		O_TX,
		O_BASELINE,
		O_DIRTY,
		O_ORDER,
		O_LOCK,
		O_DRY,
		O_JSON,
		O_STATUS,
		O_ENV,
		O_VAR,
		O_EXEC,
	};
	static const struct option lopts[] = {
		{ "url", required_argument, NULL, 'u' },
		{ "dir", required_argument, NULL, O_DIR },
		{ "revisions-schema", required_argument, NULL, O_REVS },
		{ "tx-mode", required_argument, NULL, O_TX },
		{ "baseline", required_argument, NULL, O_BASELINE },
		{ "allow-dirty", no_argument, NULL, O_DIRTY },
		{ "exec-order", required_argument, NULL, O_ORDER },
		{ "lock-timeout", required_argument, NULL, O_LOCK },
		{ "dry-run", no_argument, NULL, O_DRY },
		{ "json", no_argument, NULL, O_JSON },
		{ "status", no_argument, NULL, O_STATUS },
		{ "config", required_argument, NULL, 'c' },
		{ "env", required_argument, NULL, O_ENV },
		{ "var", required_argument, NULL, O_VAR },
		{ "exec", required_argument, NULL, O_EXEC },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct opts o;
	struct arena a;
	int c, rc;

	memset(&o, 0, sizeof(o));
	if (!(o.vars = calloc((size_t)argc + 1, sizeof(*o.vars)))) {
		fprintf(stderr, "migapply: out of memory\n");
		return 2;
	}
	while ((c = getopt_long(argc, argv, "u:c:h", lopts, NULL)) != -1) {
		switch (c) {
		case 'u':
			o.url = optarg;
			break;
		case O_DIR:
			o.dir = optarg;
			break;
		case O_REVS:
			o.revs = optarg;
			break;
		case O_TX:
			o.tx = optarg;
			break;
		case O_BASELINE:
			o.baseline = optarg;
			break;
		case O_DIRTY:
			o.allow_dirty = 1;
			break;
		case O_ORDER:
			o.order = optarg;
			break;
		case O_LOCK:
			o.lock = optarg;
			break;
		case O_DRY:
			o.dry_run = 1;
			break;
		case O_JSON:
			o.json = 1;
			break;
		case O_STATUS:
			o.status = 1;
			break;
		case 'c':
			o.config = optarg;
			break;
		case O_ENV:
			o.env = optarg;
			break;
		case O_VAR:
			o.vars[o.nvars++] = optarg;
			break;
		case O_EXEC:
			o.exec = optarg;
			break;
		case 'h':
			free(o.vars);
			fputs(usage, stdout);
			return tool_flush("migapply");
		default:
			free(o.vars);
			return tool_usage("migapply", usage);
		}
	}
	if (argc - optind > 1 || (o.status && argc - optind > 0)) {
		free(o.vars);
		return tool_usage_msg("migapply", usage, "too many arguments");
	}
	if (argc - optind == 1)
		o.amount = argv[optind];
	arena_init(&a, 0);
	rc = resolve(&o, &a);
	if (rc == 0) {
		color = isatty(STDOUT_FILENO) && !getenv("NO_COLOR") && !o.json;
		rc = o.status ? run_status(&o) : o.exec ? run_exec(&o) : run_apply(&o);
	}
	arena_release(&a);
	free(o.vars);
	if (tool_flush("migapply"))
		return 2;
	return rc;
}
