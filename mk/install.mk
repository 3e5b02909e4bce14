## make install PREFIX=/usr/local   programs to PREFIX/bin, man pages to PREFIX/share/man/man1
MANPAGES := $(foreach p,$(PROGS),tools/$(p)/$(p).1)
DESTDIR ?=

.PHONY: install
install: $(PROG_BINS)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 0755 $(PROG_BINS) $(DESTDIR)$(PREFIX)/bin/
	install -m 0644 $(MANPAGES) $(DESTDIR)$(PREFIX)/share/man/man1/
