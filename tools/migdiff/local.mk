PROGS += migdiff
# Linked statically against its libraries (Debian's -dev packages ship the .a files): a
# no-change `make atlas-migrate-diff` is mostly process start, and four shared libraries
# cost it 0.8 ms of about 3 (make bench). It talks to no database, so no libpq or
# MariaDB library brings a second, shared libcrypto into the process.
migdiff_LIBS = -l:libjansson.a -l:libpg_query.a -l:libxxhash.a -l:libcrypto.a
