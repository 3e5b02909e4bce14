-- Refused: dropping one column of a multi-column unique key (MySQL shrinks it, MariaDB refuses).
CREATE TABLE t (a int, b int, UNIQUE KEY u_ab (a, b));
ALTER TABLE t DROP COLUMN b;
