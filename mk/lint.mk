## make atlas-lint      lint the migration directories (not built yet: exits 2 and says so)
.PHONY: atlas-lint
atlas-lint:
	@echo "make: 'atlas-lint' is not built yet (see README.md, 'Make targets')" >&2; exit 2
