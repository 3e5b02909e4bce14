/*
 * tool: what every program's main() does the same way: usage errors and the final flush.
 * These are the only library functions that print, and only for main().
 */
#ifndef MIGKIT_TOOL_H
#define MIGKIT_TOOL_H

/* Prints the usage text to stderr; returns 2 (usage errors are trouble). */
int tool_usage(const char *tool, const char *usage);

/* Prints "tool: msg" and the usage text to stderr; returns 2. */
int tool_usage_msg(const char *tool, const char *usage, const char *msg);

/*
 * Flushes stdout and checks it was all written (a full disk, a closed pipe); on failure
 * prints "tool: write error: ..." and returns 2, else 0.
 */
int tool_flush(const char *tool);

#endif
