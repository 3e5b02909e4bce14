/* sqlemit-my: a plan to the MySQL migration text Atlas writes. */
#include "sqlemit.h"

int main(int argc, char **argv)
{
	return sqlemit_main("sqlemit-my", SCHEMA_MYSQL, argc, argv);
}
