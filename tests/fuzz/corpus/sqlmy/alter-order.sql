-- ALTER TABLE applies its drops first (ADD PRIMARY KEY .., DROP PRIMARY KEY works); a new
-- primary key replaces the index the server made for a foreign key, across a column rename.
CREATE TABLE p (id int PRIMARY KEY, k int, UNIQUE KEY (k));
CREATE TABLE c (id int PRIMARY KEY, a int, b int, x varchar(5));
ALTER TABLE c ADD CONSTRAINT fa FOREIGN KEY (a) REFERENCES p (id), ADD INDEX iab (a, b);
ALTER TABLE c ADD CONSTRAINT fb FOREIGN KEY (b) REFERENCES p (id);
ALTER TABLE c CHANGE b b2 int NULL, ADD COLUMN y int AFTER b2, RENAME COLUMN x TO x2;
ALTER TABLE c ADD PRIMARY KEY (b2, id), DROP PRIMARY KEY;
ALTER TABLE c DROP FOREIGN KEY fa, DROP INDEX iab, ADD INDEX ia (a);
