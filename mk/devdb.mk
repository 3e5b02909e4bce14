## make devdb-up      start local PostgreSQL (127.0.0.1:5432) and MariaDB (127.0.0.1:3306)
## make devdb-down    stop them (data stays in .devdb/)
## make devdb-status  say whether each is up (exit 0 when both are)
.PHONY: devdb-up devdb-down devdb-status
devdb-up:
	@scripts/devdb up
devdb-down:
	@scripts/devdb down
devdb-status:
	@scripts/devdb status
