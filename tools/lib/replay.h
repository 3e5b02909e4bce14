/*
 * replay: migration files replayed into the schema model, offline (sql2json), so the
 * current state of a migration directory is known without a database.
 *
 * Invariants: the replay never guesses. A statement that changes the schema in a way the
 * model does not know is an error naming the file, its line and the statement, with a hint
 * to use the dev-database mode; DML (INSERT, UPDATE, DELETE, SELECT) changes no schema and
 * is passed over. Everything lives in the replay's arena. Names are case-sensitive as the
 * server stores them (PostgreSQL folds unquoted names to lower case; MySQL keeps them).
 */
#ifndef MIGKIT_REPLAY_H
#define MIGKIT_REPLAY_H

#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "schema.h"
#include "sqlsplit.h"

struct replay {
	struct arena *a;
	struct schema_realm *realm;
	const char *schema; /* the schema unqualified names belong to: public, or the MySQL db */
	const char *file;   /* the file being replayed, for messages */
	const char *src;    /* its text, for carets */
	size_t srclen;
	void **kept; /* parse trees the model points into, freed by replay_release() */
	size_t nkept, capkept;
};

/* Hands a parse tree (a jansson json_t *) to the replay, which frees it at the end. */
int replay_keep(struct replay *r, void *tree);

/* Frees what the replay kept; the model's names die with it (the arena stays). */
void replay_release(struct replay *r);

/* Starts an empty realm of the dialect whose default schema is 'schema' (and exists). */
int replay_init(struct replay *r, struct arena *a, struct schema_realm *realm,
		enum schema_dialect dialect, const char *schema, struct diag *d);

/* Replays every statement of one file (its text; path for messages) in order. */
int replay_file(struct replay *r, const char *path, const char *src, size_t len, struct diag *d);

/*
 * Replays a path: a directory means its *.sql files in name order (as Atlas applies them),
 * anything else one file.
 */
int replay_path(struct replay *r, const char *path, struct diag *d);

/* The dialect replays, one statement each (replay_pg.c with libpg_query, replay_my.c). */
int replay_pg(struct replay *r, const struct sqlsplit_stmt *st, struct diag *d);
int replay_my(struct replay *r, const struct sqlsplit_stmt *st, struct diag *d);

/*
 * Model editing, shared by both dialects. Lookups return NULL when absent; the adders
 * fail (DIAG_PARSE, at the statement) when the object already exists, the droppers when it
 * does not, as the server would.
 */
struct schema_schema *replay_schema(struct replay *r, const char *name);
struct schema_schema *replay_add_schema(struct replay *r, const struct sqlsplit_stmt *st,
					const char *name, struct diag *d);
int replay_drop_schema(struct replay *r, const struct sqlsplit_stmt *st, const char *name,
		       struct diag *d);
struct schema_table *replay_table(struct schema_schema *s, const char *name);
struct schema_table *replay_add_table(struct replay *r, const struct sqlsplit_stmt *st,
				      struct schema_schema *s, const char *name, struct diag *d);
int replay_drop_table(struct replay *r, const struct sqlsplit_stmt *st, struct schema_schema *s,
		      const char *name, struct diag *d);
struct schema_column *replay_column(struct schema_table *t, const char *name);
/* A new column at the end, or after 'after' (MySQL AFTER), or first. */
struct schema_column *replay_add_column(struct replay *r, const struct sqlsplit_stmt *st,
					struct schema_table *t, const char *name, const char *after,
					int first, struct diag *d);
int replay_drop_column(struct replay *r, const struct sqlsplit_stmt *st, struct schema_table *t,
		       const char *name, struct diag *d);
struct schema_index *replay_index(struct schema_table *t, const char *name);
struct schema_index *replay_add_index(struct replay *r, const struct sqlsplit_stmt *st,
				      struct schema_table *t, const char *name, struct diag *d);
int replay_drop_index(struct replay *r, const struct sqlsplit_stmt *st, struct schema_table *t,
		      const char *name, struct diag *d);
/* The table of schema s that has an index named name (PostgreSQL index names are per schema). */
struct schema_table *replay_index_table(struct schema_schema *s, const char *name);
struct schema_fk *replay_add_fk(struct replay *r, struct schema_table *t, struct diag *d);
struct schema_check *replay_add_check(struct replay *r, struct schema_table *t, struct diag *d);
/* Drops the constraint (check, foreign key, unique constraint or primary key) named name. */
int replay_drop_constraint(struct replay *r, const struct sqlsplit_stmt *st, struct schema_table *t,
			   const char *name, struct diag *d);

/* An error at the statement: "file:line:1: message" with the statement's first line. */
int replay_error(struct replay *r, const struct sqlsplit_stmt *st, struct diag *d, const char *fmt,
		 ...) __attribute__((format(printf, 4, 5)));

/* The standard refusal for a statement the replay does not model. */
int replay_unsupported(struct replay *r, const struct sqlsplit_stmt *st, const char *what,
		       struct diag *d);

#endif
