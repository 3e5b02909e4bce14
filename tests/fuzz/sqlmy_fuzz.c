/* sqlmy_fuzz: the offline replay of MySQL migration files (see sql_fuzz.h). */
#define FUZZ_DIALECT SCHEMA_MYSQL
#include "sql_fuzz.h"
