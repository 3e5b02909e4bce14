CREATE TABLE log (v int);
SELECT pg_sleep(0.5);
CREATE TABLE t1 (id int);
INSERT INTO log VALUES (1);
