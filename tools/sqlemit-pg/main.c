/* sqlemit-pg: a plan to the PostgreSQL migration text Atlas writes. */
#include "sqlemit.h"

int main(int argc, char **argv)
{
	return sqlemit_main("sqlemit-pg", SCHEMA_POSTGRES, argc, argv);
}
