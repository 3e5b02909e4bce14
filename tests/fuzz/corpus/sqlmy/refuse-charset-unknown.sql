-- Refused: a table charset change that leaves an untouched text column in the server's default charset, which is not known offline.
CREATE TABLE t (id int, a varchar(10));
ALTER TABLE t CHARSET latin1;
