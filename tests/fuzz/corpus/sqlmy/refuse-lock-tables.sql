-- Refused: LOCK TABLES, as mysqldump writes around its data.
CREATE TABLE t (id int);
LOCK TABLES `t` WRITE;
INSERT INTO t VALUES (1);
UNLOCK TABLES;
