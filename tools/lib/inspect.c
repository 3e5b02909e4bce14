/*
 * inspect: which schemas to read, then the dialect's half (inspect_pg.c, inspect_my.c).
 */
#include <string.h>

#include "inspect.h"

/* Every user schema of the server, in name order. */
static int user_schemas(struct arena *a, struct db *db, const char ***names, size_t *n,
			struct diag *d)
{
	static const char pg[] = "SELECT nspname FROM pg_catalog.pg_namespace"
				 " WHERE nspname !~ '^pg_' AND nspname <> 'information_schema'"
				 " ORDER BY nspname COLLATE \"C\"";
	static const char my[] = "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA"
				 " WHERE SCHEMA_NAME NOT IN ('mysql', 'information_schema',"
				 " 'performance_schema', 'sys') ORDER BY BINARY SCHEMA_NAME";
	struct db_rows rows;
	struct db_error e;

	memset(&e, 0, sizeof(e));
	if (db_query(db, db->drv->dialect == DB_POSTGRES ? pg : my, &rows, &e))
		return diag_set(d, DIAG_IO, NULL, 0, 0, "listing the schemas: %s", e.msg);
	*n = 0;
	*names = arena_alloc(a, (rows.nrows + 1) * sizeof(**names));
	if (!*names) {
		db_rows_free(&rows);
		return diag_nomem(d);
	}
	for (size_t i = 0; i < rows.nrows; i++) {
		const char *s = arena_strdup(a, db_cell(&rows, i, 0));

		if (!s) {
			db_rows_free(&rows);
			return diag_nomem(d);
		}
		(*names)[(*n)++] = s;
	}
	db_rows_free(&rows);
	return 0;
}

int inspect_realm(struct arena *a, struct db *db, const char *const *schemas, size_t nschemas,
		  struct schema_realm *realm, struct diag *d)
{
	const char **names = (const char **)schemas;
	const char *bound = db->drv->schema(db);
	size_t n = nschemas;

	if (n == 0 && bound) {
		names = &bound;
		n = 1;
	} else if (n == 0) {
		if (user_schemas(a, db, &names, &n, d))
			return -1;
	}
	memset(realm, 0, sizeof(*realm));
	realm->dialect = db->drv->dialect == DB_POSTGRES ? SCHEMA_POSTGRES : SCHEMA_MYSQL;
	if (n == 0)
		return 0;
	if (db->drv->dialect == DB_POSTGRES)
		return inspect_pg(a, db, names, n, realm, d);
	return inspect_my(a, db, names, n, realm, d);
}
