/*
 * sqlemit: the one main() of sqlemit-pg and sqlemit-my, which differ only in their
 * dialect: read a plan, check it is for this dialect, write the migration text.
 */
#ifndef MIGKIT_SQLEMIT_H
#define MIGKIT_SQLEMIT_H

#include "schema.h"

/* The whole program; returns the exit status (0, or 2 for trouble). */
int sqlemit_main(const char *tool, enum schema_dialect dialect, int argc, char **argv);

#endif
