/*
 * inspect: a live database read into the schema model (db2json), so that the offline
 * replay can be proved right against a real server and the declarative path (schema
 * apply) knows what the database holds. PostgreSQL from pg_catalog (inspect_pg.c), MySQL
 * and MariaDB from information_schema (inspect_my.c).
 *
 * Invariants: the realm comes out as sql2json's would for the same state, before the
 * profile: names as the server stores them, types and defaults in the forms the replay
 * gives (the caller then runs profile_apply, leniently, as for a replay). Objects the model
 * does not diff (views, functions, triggers, sequences not owned by a column) are left
 * out. The revisions table atlas_schema_revisions is never part of the state. Nothing is
 * written to the database.
 */
#ifndef MIGKIT_INSPECT_H
#define MIGKIT_INSPECT_H

#include <stddef.h>

#include "arena.h"
#include "db.h"
#include "diag.h"
#include "schema.h"

/*
 * Reads the schemas named in 'schemas' (nschemas > 0), or when nschemas is 0 the schema
 * the connection binds to (db->drv->schema(): search_path / the URL's database), else
 * every user schema (PostgreSQL: all but pg_* and information_schema; MySQL: all but the
 * system databases), into *realm (initialised here, its dialect the driver's). Schemas and
 * tables come out in name order, columns in their ordinal order. A named schema that does
 * not exist is an error. Failures are DIAG_IO with the server's message.
 */
int inspect_realm(struct arena *a, struct db *db, const char *const *schemas, size_t nschemas,
		  struct schema_realm *realm, struct diag *d);

/* The dialect halves; inspect_realm dispatches on db->drv->dialect. 'names' is the list of
 * schemas to read, already resolved (never empty). */
int inspect_pg(struct arena *a, struct db *db, const char *const *names, size_t n,
	       struct schema_realm *realm, struct diag *d);
int inspect_my(struct arena *a, struct db *db, const char *const *names, size_t n,
	       struct schema_realm *realm, struct diag *d);

#endif
