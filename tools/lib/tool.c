#include "tool.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

int tool_usage(const char *tool, const char *usage)
{
	(void)tool;
	fputs(usage, stderr);
	return 2;
}

int tool_usage_msg(const char *tool, const char *usage, const char *msg)
{
	fprintf(stderr, "%s: %s\n", tool, msg);
	return tool_usage(tool, usage);
}

int tool_flush(const char *tool)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "%s: write error: %s\n", tool, strerror(errno));
		return 2;
	}
	return 0;
}
