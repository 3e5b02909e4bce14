## sqlc schema files (DB_DIALECT=postgres|mysql [PROFILE=mariadb@10.11]):
##   make extract-sqlc-schema-all   sqlc/schemas/$(DB_DIALECT)/0N_<db>.sql from the migration
##                                  directories, replayed offline (no database, no dump);
##                                  CHECK=1: write nothing, fail when a file is out of date
##   make extract-sqlc-schema-<db>  the same for one of watch, keygen, sign
##   make sqlc                      sqlc generate -f sqlc/sqlc_$(DB_DIALECT).yml (when sqlc
##                                  and the queries are there)
##   make regenerate-all-from-atlas atlas-dev-reset, extract-sqlc-schema-all, sqlc: the
##                                  seed's full regeneration, without Docker
SQLC_DIR ?= sqlc
SQLC_SCHEMAS := $(addprefix extract-sqlc-schema-,$(ATLAS_SCHEMAS))
SQLC_ENV = B='$(B)' CONFIG='$(abspath $(ATLAS_CONFIG))' PROFILE='$(PROFILE)' CHECK='$(CHECK)' \
	OUT='$(abspath $(SQLC_DIR))/schemas/$(DB_DIALECT)'

.PHONY: extract-sqlc-schema-all $(SQLC_SCHEMAS) sqlc regenerate-all-from-atlas
extract-sqlc-schema-all: _check-dialect $(BIN)/sql2json $(BIN)/sqlc-extract
	@$(SQLC_ENV) scripts/sqlc-schemas '$(DB_DIALECT)'

$(SQLC_SCHEMAS): extract-sqlc-schema-%: _check-dialect $(BIN)/sql2json $(BIN)/sqlc-extract
	@$(SQLC_ENV) scripts/sqlc-schemas '$(DB_DIALECT)' '$*'

# sqlc is a Go program of its own, not one of ours: when it or the queries are missing, the
# schema files are still written and this says what was not done.
sqlc: _check-dialect
	@cfg=$(SQLC_DIR)/sqlc_$(DB_DIALECT).yml; \
	if ! command -v sqlc >/dev/null; then \
		echo "sqlc: not installed, Go code not generated ($$cfg is ready for it)"; \
	elif ! ls $(SQLC_DIR)/queries/$(DB_DIALECT)/*.sql >/dev/null 2>&1; then \
		echo "sqlc: no queries in $(SQLC_DIR)/queries/$(DB_DIALECT), Go code not generated"; \
	else \
		cd $(SQLC_DIR) && sqlc generate -f sqlc_$(DB_DIALECT).yml; \
	fi

# The seed rebuilds its Docker databases between the reset and the extraction, only to dump
# them; the replay gives the same text, so the local databases are left alone here (make
# atlas-dev-clean rebuilds them, as atlas-dev-reset says when it changed a directory).
regenerate-all-from-atlas: _check-dialect
	@$(MAKE) --no-print-directory atlas-dev-reset
	@$(MAKE) --no-print-directory extract-sqlc-schema-all
	@$(MAKE) --no-print-directory sqlc
