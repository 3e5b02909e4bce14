-- Refused: REFERENCES on a column: MySQL ignores it, MariaDB makes a foreign key.
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (id int, p int REFERENCES p (id));
