-- Refused: partitioning, which the MySQL model does not hold.
CREATE TABLE t (id int, y int) PARTITION BY HASH (y) PARTITIONS 4;
