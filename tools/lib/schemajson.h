/*
 * schemajson: the pieces of the schema JSON, for formats that embed them (plan/1).
 *
 * Writers return a new jansson reference (NULL when out of memory) the caller owns.
 * Readers fill the struct from o, allocating in the arena; they fail with a DIAG_PARSE
 * error naming file and the object ("column 'id': 'type' is missing").
 */
#ifndef MIGKIT_SCHEMAJSON_H
#define MIGKIT_SCHEMAJSON_H

#include <jansson.h>

#include "schema.h"

json_t *schema_column_json(const struct schema_column *c);
json_t *schema_index_json(const struct schema_index *ix, int pk);
json_t *schema_fk_json(const struct schema_fk *fk);
json_t *schema_check_json(const struct schema_check *ck);
json_t *schema_table_json(const struct schema_table *t);
json_t *schema_realm_json(const struct schema_realm *r);

int schema_read_column(struct arena *a, const char *file, json_t *o, struct schema_column *c,
		       struct diag *d);
int schema_read_index(struct arena *a, const char *file, json_t *o, struct schema_index *ix,
		      struct diag *d);
int schema_read_fk(struct arena *a, const char *file, json_t *o, struct schema_fk *fk,
		   struct diag *d);
int schema_read_check(struct arena *a, const char *file, json_t *o, struct schema_check *ck,
		      struct diag *d);
int schema_read_table(struct arena *a, const char *file, json_t *o, struct schema_table *t,
		      struct diag *d);
int schema_read_realm(struct arena *a, const char *file, json_t *root, struct schema_realm *realm,
		      struct diag *d);

#endif
