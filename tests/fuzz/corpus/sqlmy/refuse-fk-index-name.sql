-- Refused: FOREIGN KEY with an index name but no CONSTRAINT: MySQL 8 ignores the name, MariaDB names the key after it.
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (id int, p int, FOREIGN KEY fk_p (p) REFERENCES p (id));
