-- Foreign keys as the server keeps them: tbl_ibfk_N names, the index it adds for a key no
-- index serves (named after the constraint, else the column) and drops again when a new
-- index serves the key, DROP FOREIGN KEY keeping that index, renames followed by the keys.
CREATE TABLE parent (id int PRIMARY KEY, code int, UNIQUE KEY (code));
CREATE TABLE child (
  id int PRIMARY KEY,
  p int,
  q int,
  r int,
  FOREIGN KEY (p) REFERENCES parent (id) ON DELETE CASCADE,
  CONSTRAINT fk_q FOREIGN KEY (q) REFERENCES parent (code) ON UPDATE SET NULL ON DELETE RESTRICT,
  KEY kr (r),
  CONSTRAINT fk_r FOREIGN KEY (r) REFERENCES parent (id)
);
ALTER TABLE child ADD COLUMN s int, ADD FOREIGN KEY (s) REFERENCES parent (id) ON DELETE NO ACTION;
CREATE INDEX iqs ON child (q, s);
ALTER TABLE child DROP FOREIGN KEY child_ibfk_1;
ALTER TABLE child ADD COLUMN u int, ADD CONSTRAINT fk_u FOREIGN KEY (u) REFERENCES parent (id);
ALTER TABLE child DROP COLUMN u, DROP FOREIGN KEY fk_u;
ALTER TABLE parent RENAME COLUMN code TO code2;
RENAME TABLE parent TO parent2;
