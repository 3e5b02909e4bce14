## make deps          install the Debian packages the toolkit needs (apt-get, as root), only
##                    those missing; apt-get update runs only when something must be installed
.PHONY: deps
deps:
	@scripts/deps
