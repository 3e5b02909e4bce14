-- Error: dropping the only index a foreign key can use (the server refuses too).
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (id int, p int, KEY i_p (p), CONSTRAINT fk_p FOREIGN KEY (p) REFERENCES p (id));
ALTER TABLE c DROP INDEX i_p;
