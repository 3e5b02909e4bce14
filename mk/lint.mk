## make atlas-lint [DB_DIALECT=postgres|mysql]  for watch, keygen and sign: atlas.hcl's naming
##                    rule on schemas/$(DB_DIALECT)/<db>.hcl, then 'atlas migrate lint' of the
##                    latest file of migrations/$(DB_DIALECT)/<db> (env local_$(DB_DIALECT)_<db>),
##                    offline (schemalint); fails when any of them has an error
LINT_LATEST ?= 1

.PHONY: atlas-lint
atlas-lint: _check-dialect $(BIN)/schemalint
	@st=0; for s in $(ATLAS_SCHEMAS); do \
		echo "== $$s"; \
		env=local_$(DB_DIALECT)_$$s; rc=0; \
		$(BIN)/schemalint --naming --config $(ATLAS_CONFIG) --env $$env \
			schemas/$(DB_DIALECT)/$$s.hcl || rc=$$?; \
		if [ $$rc -gt $$st ]; then st=$$rc; fi; rc=0; \
		$(BIN)/schemalint --config $(ATLAS_CONFIG) --env $$env --latest $(LINT_LATEST) || rc=$$?; \
		if [ $$rc -gt $$st ]; then st=$$rc; fi; \
	done; exit $$st
