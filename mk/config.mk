## Build settings (override on the command line: make CC=clang WERROR=0 B=out)
##   B=build          where objects, libraries and programs go
##   WERROR=1         warnings are errors; WERROR=0 relaxes that
##   SANITIZE=1       build with ASan+UBSan (make check-asan does this in $(B)/asan)
B ?= build
CC ?= cc
WERROR ?= 1
SANITIZE ?= 0
PREFIX ?= /usr/local

# Quiet by default, as git's Makefile: 'make V=1' shows the commands.
ifeq ($(V),1)
QUIET_CC :=
QUIET_AR :=
QUIET_LINK :=
else
QUIET_CC = @echo '   CC $@';
QUIET_AR = @echo '   AR $@';
QUIET_LINK = @echo ' LINK $@';
endif

WARNINGS := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wformat=2 -Wvla
ifeq ($(WERROR),1)
WARNINGS += -Werror
endif

OPT ?= -O2 -g
CFLAGS ?= $(OPT)
BASE_CFLAGS := -std=c17 -D_GNU_SOURCE $(WARNINGS) -MMD -MP -Itools/lib
ifeq ($(SANITIZE),1)
BASE_CFLAGS += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS += -fsanitize=address,undefined
endif

# Library flags come from pkg-config; where a package ships no .pc file, the plain -l flag.
# pkg-config runs a dozen times, which would cost every make run (even `make -n`) some 30 ms,
# so the answers are kept in $(B)/pkg-flags.mk once libpq's and MariaDB's headers are
# found (before `make deps` has installed them nothing is kept). `make clean` forgets them.
PKG_CACHE := $(B)/pkg-flags.mk
-include $(PKG_CACHE)
ifneq ($(PKG_FLAGS_KEPT),1)
pkg_cflags = $(shell pkg-config --cflags $(1) 2>/dev/null)
pkg_libs = $(or $(shell pkg-config --libs $(1) 2>/dev/null),$(2))

CRYPTO_CFLAGS := $(call pkg_cflags,libcrypto)
CRYPTO_LIBS := $(call pkg_libs,libcrypto,-lcrypto)
XXHASH_CFLAGS := $(call pkg_cflags,libxxhash)
XXHASH_LIBS := $(call pkg_libs,libxxhash,-lxxhash)
JANSSON_CFLAGS := $(call pkg_cflags,jansson)
JANSSON_LIBS := $(call pkg_libs,jansson,-ljansson)
PQ_CFLAGS := $(call pkg_cflags,libpq)
PQ_LIBS := $(call pkg_libs,libpq,-lpq)
MARIADB_CFLAGS := $(or $(call pkg_cflags,libmariadb),$(call pkg_cflags,mysqlclient))
MARIADB_LIBS := $(or $(call pkg_libs,libmariadb),$(call pkg_libs,mysqlclient,-lmariadb))
PGQUERY_CFLAGS := $(call pkg_cflags,libpg_query)
PGQUERY_LIBS := $(call pkg_libs,libpg_query,-lpg_query)
PKG_VARS := CRYPTO XXHASH JANSSON PQ MARIADB PGQUERY
ifneq ($(and $(PQ_CFLAGS),$(MARIADB_CFLAGS)),)
$(shell mkdir -p $(B))
$(file >$(PKG_CACHE),# written by mk/config.mk from pkg-config; delete to ask again)
$(file >>$(PKG_CACHE),PKG_FLAGS_KEPT := 1)
$(foreach v,$(PKG_VARS),$(file >>$(PKG_CACHE),$(v)_CFLAGS := $($(v)_CFLAGS))$(file >>$(PKG_CACHE),$(v)_LIBS := $($(v)_LIBS)))
endif
endif

ALL_CFLAGS = $(BASE_CFLAGS) $(CRYPTO_CFLAGS) $(XXHASH_CFLAGS) $(JANSSON_CFLAGS) $(PQ_CFLAGS) \
	$(MARIADB_CFLAGS) $(PGQUERY_CFLAGS) $(CFLAGS)
