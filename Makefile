# migkit: Atlas-compatible versioned migrations in C.
# One non-recursive make graph: this file only sets the scene and includes mk/*.mk.
# Build outputs live under $(B) (default build/); nothing is written into the source tree.

.DEFAULT_GOAL := all
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DELETE_ON_ERROR:
.SUFFIXES:
MAKEFLAGS += --no-builtin-rules

include mk/config.mk
include mk/lib.mk
include mk/tools.mk
include mk/deps.mk
include mk/devdb.mk
include mk/test.mk
include mk/check.mk
include mk/install.mk
include mk/bench.mk
include mk/atlas.mk
include mk/lint.mk
include mk/sqlc.mk
include mk/fuzz.mk

.PHONY: all clean help
all: $(PROG_BINS)

clean:
	rm -rf $(B)

help:
	@sed -n 's/^## \{0,1\}//p' $(MAKEFILE_LIST)
