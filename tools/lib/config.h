/*
 * config: atlas.hcl, Atlas's project file: envs, variables and the diff.skip settings,
 * read with the same HCL evaluator as the schema files.
 *
 * Invariants: paths from file:// URLs are made relative to the directory of the config
 * file, as Atlas resolves them; everything lives in the caller's arena. A URL's password
 * never reaches a message: errors name the env and attribute, and config_redact() is the
 * only way a URL is shown.
 */
#ifndef MIGKIT_CONFIG_H
#define MIGKIT_CONFIG_H

#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "schema.h"

/* diff { skip { ... } } change kinds, as Atlas names them. */
enum config_skip {
	SKIP_ADD_SCHEMA,
	SKIP_DROP_SCHEMA,
	SKIP_MODIFY_SCHEMA,
	SKIP_ADD_TABLE,
	SKIP_DROP_TABLE,
	SKIP_MODIFY_TABLE,
	SKIP_RENAME_TABLE,
	SKIP_ADD_COLUMN,
	SKIP_DROP_COLUMN,
	SKIP_MODIFY_COLUMN,
	SKIP_ADD_INDEX,
	SKIP_DROP_INDEX,
	SKIP_MODIFY_INDEX,
	SKIP_ADD_FOREIGN_KEY,
	SKIP_DROP_FOREIGN_KEY,
	SKIP_MODIFY_FOREIGN_KEY,
	SKIP_RENAME_CONSTRAINT,
	SKIP_COUNT
};

/* "drop_table" for SKIP_DROP_TABLE. */
const char *config_skip_name(enum config_skip k);

struct config_env {
	const char *name;
	const char *url, *dev; /* as written; may be NULL */
	const char **src;      /* schema sources: file paths (file:// removed, made relative) */
	size_t nsrc;
	const char **schemas;
	size_t nschemas;
	const char *dir; /* migration directory path, or NULL */
	const char *revisions_schema, *baseline, *exec_order, *lock_timeout;
	int dialect_known;
	enum schema_dialect dialect; /* from url, else dev */
	const char *profile;	     /* env attribute 'profile', else from the dev URL */
	int skip[SKIP_COUNT];
};

/*
 * Loads env name from the config file at path with the --var inputs. Errors: no such
 * env (the message lists the envs), a data block, a URL scheme we do not know, a
 * migration dir that is not file://.
 */
int config_load(struct arena *a, const char *path, const char *name, const char *const *vars,
		size_t nvars, struct config_env *env, struct diag *d);

/* The names of every env in the file, for atlas-validate; *names is an arena array. */
int config_env_names(struct arena *a, const char *path, const char ***names, size_t *n,
		     struct diag *d);

/* A path given as file://path or path, without the scheme (--config, --dir flags). */
const char *config_strip_file(const char *p);

/* url with its password replaced by "xxxxx": postgres://u:xxxxx@h/db. In the arena. */
const char *config_redact(struct arena *a, const char *url);

/* The dialect of a database URL: mysql:// mariadb:// postgres:// postgresql://; -1 if none. */
int config_url_dialect(const char *url, enum schema_dialect *out);

/*
 * The dialect profile a dev URL implies: docker://postgres/18/x -> "postgres@18",
 * docker://mysql/8/x -> "mysql@8", docker://mariadb/10.11 -> "mariadb@10.11"; NULL when the
 * URL does not say (a plain server URL).
 */
const char *config_profile_from_dev(struct arena *a, const char *dev);

#endif
