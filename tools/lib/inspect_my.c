/* inspect_my: MySQL's information_schema into the schema model (being written). */
#include "inspect.h"

int inspect_my(struct arena *a, struct db *db, const char *const *names, size_t n,
	       struct schema_realm *realm, struct diag *d)
{
	(void)a, (void)db, (void)names, (void)n, (void)realm;
	return diag_set(d, DIAG_USAGE, NULL, 0, 0, "MySQL inspection is not built yet");
}
