/*
 * profile: what a given server does to a schema definition, so that the diff and the
 * emitted SQL show the server's forms without a dev database (Atlas learns them by
 * round-tripping through one). One profile per server family and major version:
 * postgres@15, postgres@18, mysql@8, mariadb@10.11.
 *
 * What a profile does: the inspection order (tables, indexes, foreign keys and checks
 * by name, columns as declared); MySQL's table charset and collation defaults (the
 * schema's, else the server's: utf8mb4_0900_ai_ci on MySQL 8, utf8mb4_general_ci on
 * MariaDB 10.11), column charset/collation equal to the table's dropped, booleans stored
 * as 0/1; PostgreSQL's rewriting of CHECK expressions (pgexpr.h). A form the profile
 * does not cover is an error naming the statement, never a guess.
 */
#ifndef MIGKIT_PROFILE_H
#define MIGKIT_PROFILE_H

#include "arena.h"
#include "diag.h"
#include "schema.h"

struct profile {
	const char *name; /* "postgres@18" */
	enum schema_dialect dialect;
	int mariadb;
	int major, minor;
	int lenient; /* keep an expression the deparser does not cover (it came from the server) */
	/*
	 * The realm is a server's own catalog (db2json): its expressions are already what the
	 * server prints, and stay as they are. Parsing them again is not always the identity:
	 * PostgreSQL stores `c IN ('a')` on a varchar column in a form that, run through
	 * parse analysis once more, comes out with the casts moved into the array elements.
	 */
	int server_text;
};

/*
 * Parses "postgres@18", "mysql@8", "mariadb@10.11" (family@version). The family must
 * match the dialect when one is given (-1 for any).
 */
int profile_parse(const char *name, struct profile *p, struct diag *d);

/* The profile for a dialect when nothing says: postgres@18 and mysql@8, as the seed's. */
const char *profile_default(enum schema_dialect d);

/*
 * Rewrites realm (in place, allocating in a) to the server's forms. A realm that says it
 * was normalised (realm->normalized, as sql2json writes it) keeps expressions the
 * deparser does not cover: they are already the server's text.
 */
int profile_apply(struct arena *a, const struct profile *p, struct schema_realm *realm,
		  struct diag *d);

#endif
