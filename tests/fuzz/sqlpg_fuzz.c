/* sqlpg_fuzz: the offline replay of PostgreSQL migration files (see sql_fuzz.h). */
#define FUZZ_DIALECT SCHEMA_POSTGRES
#include "sql_fuzz.h"
