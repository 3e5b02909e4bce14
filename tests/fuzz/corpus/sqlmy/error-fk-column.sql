-- Error: dropping a column a foreign key needs, without dropping the key in the same statement.
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (id int, p int, CONSTRAINT fk_p FOREIGN KEY (p) REFERENCES p (id));
ALTER TABLE c DROP COLUMN p;
