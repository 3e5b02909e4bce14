## make regenerate-all-from-atlas   regenerate migrations and sqlc schemas (not built yet)
.PHONY: regenerate-all-from-atlas
regenerate-all-from-atlas:
	@echo "make: 'regenerate-all-from-atlas' is not built yet (see README.md, 'Make targets')" >&2; exit 2
