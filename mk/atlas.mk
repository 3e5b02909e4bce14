## Workflow targets, named as in the seed (DB_DIALECT=postgres|mysql, SCHEMA=watch|keygen|sign):
##   make atlas-migrate-hash-all   rewrite atlas.sum of every migrations/$(DB_DIALECT)/<db>
##   make atlas-validate           atlas.hcl, every schema and every atlas.sum, both dialects
##   make workflow                 the main job as far as it works today (see README)
DB_DIALECT ?= postgres
ATLAS_SCHEMAS := watch keygen sign
ATLAS_DIALECTS := postgres mysql
MIGRATIONS_DIR := migrations

.PHONY: _check-dialect atlas-migrate-hash-all atlas-validate workflow
_check-dialect:
	@case '$(DB_DIALECT)' in postgres|mysql) ;; \
	*) echo "make: DB_DIALECT must be postgres or mysql, not '$(DB_DIALECT)'" >&2; exit 2 ;; esac

atlas-migrate-hash-all: _check-dialect $(BIN)/sumhash
	@for s in $(ATLAS_SCHEMAS); do \
		$(BIN)/sumhash $(MIGRATIONS_DIR)/$(DB_DIALECT)/$$s; \
		echo "hashed $(MIGRATIONS_DIR)/$(DB_DIALECT)/$$s"; \
	done

atlas-validate: $(BIN)/sumhash $(BIN)/hcl2json
	@for d in $(ATLAS_DIALECTS); do for s in $(ATLAS_SCHEMAS); do \
		for k in local admin; do \
			$(BIN)/hcl2json --config atlas.hcl --env $${k}_$${d}_$$s >/dev/null; \
		done; \
		echo "valid atlas.hcl env local_$${d}_$$s and admin_$${d}_$$s, schemas/$$d/$$s.hcl"; \
		$(BIN)/sumhash --check $(MIGRATIONS_DIR)/$$d/$$s; \
		echo "valid $(MIGRATIONS_DIR)/$$d/$$s/atlas.sum"; \
	done; done

## make atlas-migrate-diff SCHEMA=keygen NAME=add_col [DB_DIALECT=mysql] [PROFILE=mariadb@10.11]
##                    [DESTRUCTIVE=true] [CHECK=1] [DEV=1 | DEV_URL=URL]: the next migration, from
##                    the directory's state (replayed offline, or on a dev database) to schemas/
# Offline, make runs migdiff itself (no shell: the no-change answer costs one process); the
# dev-database mode goes through scripts/migrate-diff, which then hands migdiff the state.
MD_DEV := $(or $(DEV_URL),$(filter-out 0,$(DEV)))
MD_ERR_SCHEMA := atlas-migrate-diff needs SCHEMA=watch|keygen|sign
MD_ERR_NAME := atlas-migrate-diff needs NAME=<migration name>
MD_ERR_WORD := atlas-migrate-diff: SCHEMA and NAME are single words, not '$(SCHEMA)' '$(NAME)'
MD_ERR_DIALECT := DB_DIALECT must be postgres or mysql, not '$(DB_DIALECT)'
MIGDIFF_ARGS = --config $(abspath $(ATLAS_CONFIG)) --env local_$(DB_DIALECT)_$(SCHEMA) --name $(NAME) \
	--cache $(B)/cache/replay --var destructive=$(or $(DESTRUCTIVE),false) \
	$(if $(PROFILE),--profile $(PROFILE)) $(if $(filter-out 0,$(CHECK)),--check) \
	$(if $(DIR),--dir $(DIR))
# With make's own /bin/sh a plain command line is run without any shell.
atlas-migrate-diff: SHELL := /bin/sh
atlas-migrate-diff: .SHELLFLAGS := -c
# Offline only migdiff is needed, so make checks only its sources are up to date.
atlas-migrate-diff: $(if $(MD_DEV),$(PROG_BINS),$(BIN)/migdiff)
	$(if $(SCHEMA),,$(error $(MD_ERR_SCHEMA)))$(if $(NAME),,$(error $(MD_ERR_NAME)))
	$(if $(word 2,$(SCHEMA))$(word 2,$(NAME)),$(error $(MD_ERR_WORD)))
	$(if $(filter postgres mysql,$(DB_DIALECT)),,$(error $(MD_ERR_DIALECT)))
ifeq ($(MD_DEV),)
	@$(BIN)/migdiff $(MIGDIFF_ARGS)
else
	@B='$(B)' CONFIG='$(abspath $(ATLAS_CONFIG))' PROFILE='$(PROFILE)' DESTRUCTIVE='$(DESTRUCTIVE)' \
		CHECK='$(CHECK)' DIR='$(DIR)' DEV='$(DEV)' DEV_URL='$(DEV_URL)' \
		scripts/migrate-diff '$(DB_DIALECT)' '$(SCHEMA)' '$(NAME)'
endif

## make atlas-fmt       format schemas/ as 'atlas schema fmt' does (prints the files it changed)
## make atlas-fmt-check list the files atlas-fmt would change; fail if any
.PHONY: atlas-fmt atlas-fmt-check
atlas-fmt: $(BIN)/hclfmt
	@$(BIN)/hclfmt schemas/postgres schemas/mysql

atlas-fmt-check: $(BIN)/hclfmt
	@$(BIN)/hclfmt --check schemas/postgres schemas/mysql || \
		{ echo "make: run 'make atlas-fmt'" >&2; exit 1; }

## make atlas-migrate-apply-all  apply pending migrations to watch, keygen, sign, and sign2
##                               (sign's migrations), env local_$(DB_DIALECT)_<db>
## make atlas-migrate-status     migration status of each (as the seed: never fails)
ATLAS_CONFIG := atlas.hcl
MIGAPPLY_FLAGS ?=
# sign2 has no env of its own: sign's env with sign2's URL, as the seed's compose file does.
SIGN2_URL_postgres := postgres://postgres:postgres@localhost:5432/sign2?sslmode=disable
SIGN2_URL_mysql := mysql://root:root@127.0.0.1:3306/sign2?charset=utf8mb4&parseTime=True&loc=Local

.PHONY: atlas-migrate-apply-all atlas-migrate-status
atlas-migrate-apply-all: _check-dialect $(BIN)/migapply
	@for s in $(ATLAS_SCHEMAS); do \
		echo "== $$s"; \
		$(BIN)/migapply --config $(ATLAS_CONFIG) --env local_$(DB_DIALECT)_$$s $(MIGAPPLY_FLAGS); \
	done
	@echo "== sign2 (sign's migrations)"
	@$(BIN)/migapply --config $(ATLAS_CONFIG) --env local_$(DB_DIALECT)_sign \
		--url '$(SIGN2_URL_$(DB_DIALECT))' $(MIGAPPLY_FLAGS)

atlas-migrate-status: _check-dialect $(BIN)/migapply
	@for s in $(ATLAS_SCHEMAS); do \
		echo "== $$s"; \
		$(BIN)/migapply --status --config $(ATLAS_CONFIG) --env local_$(DB_DIALECT)_$$s || true; \
	done
	@echo "== sign2 (sign's migrations)"
	@$(BIN)/migapply --status --config $(ATLAS_CONFIG) --env local_$(DB_DIALECT)_sign \
		--url '$(SIGN2_URL_$(DB_DIALECT))' || true

## make atlas-schema-apply SCHEMA=<db>  the declarative path: the live database (db2json)
##                    diffed against its HCL and the plan run, in one transaction on
##                    PostgreSQL [DESTRUCTIVE=true] [DRY_RUN=1] (scripts/schema-apply)
## make atlas-schema-apply-all           the same for watch, keygen, sign and sign2
## make atlas-dev-clean [YES=1]          drop and recreate the databases (admin envs), then
##                                       schema-apply them all (asks first on a terminal)
## make atlas-dev-reset                  regenerate each changed migration directory as one
##                                       baseline; unchanged directories are left alone
.PHONY: atlas-schema-apply atlas-schema-apply-all atlas-dev-clean atlas-dev-reset
SCHEMA_APPLY_ENV = B='$(B)' CONFIG='$(ATLAS_CONFIG)' PROFILE='$(PROFILE)' \
	DESTRUCTIVE='$(DESTRUCTIVE)' DRY_RUN='$(DRY_RUN)'

atlas-schema-apply: _check-dialect $(PROG_BINS)
	@[ -n '$(SCHEMA)' ] || { echo "make: atlas-schema-apply needs SCHEMA=watch|keygen|sign" >&2; exit 2; }
	@$(SCHEMA_APPLY_ENV) scripts/schema-apply '$(DB_DIALECT)' '$(SCHEMA)'

atlas-schema-apply-all: _check-dialect $(PROG_BINS)
	@for s in $(ATLAS_SCHEMAS); do \
		echo "== $$s"; \
		$(SCHEMA_APPLY_ENV) scripts/schema-apply '$(DB_DIALECT)' $$s || exit $$?; \
	done
	@echo "== sign2 (sign's schema)"
	@$(SCHEMA_APPLY_ENV) URL='$(SIGN2_URL_$(DB_DIALECT))' scripts/schema-apply '$(DB_DIALECT)' sign

atlas-dev-clean: _check-dialect $(PROG_BINS)
	@B='$(B)' CONFIG='$(ATLAS_CONFIG)' YES='$(YES)' SIGN2_URL='$(SIGN2_URL_$(DB_DIALECT))' \
		scripts/dev-clean '$(DB_DIALECT)'

atlas-dev-reset: _check-dialect $(PROG_BINS)
	@B='$(B)' CONFIG='$(ATLAS_CONFIG)' PROFILE='$(PROFILE)' scripts/dev-reset '$(DB_DIALECT)'

workflow:
	@scripts/deps
	@$(MAKE) --no-print-directory all
	@scripts/devdb up
	@B='$(B)' scripts/workflow
