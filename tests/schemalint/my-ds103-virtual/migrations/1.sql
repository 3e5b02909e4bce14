CREATE TABLE t (a int, v int AS (a + 1) VIRTUAL, s int AS (a + 1) STORED);
