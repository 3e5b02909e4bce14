-- ALTER TABLE options and small forms: table options without commas, ALGORITHM and LOCK,
-- CREATE INDEX IF NOT EXISTS, USING HASH, an empty COMMENT, a DEFAULT of joined strings, MODIFY ... FIRST, a rename that
-- only changes case, a comment-only statement, a parenthesised query, CHECK TABLE, SET @x.
CREATE TABLE t (a int, b varchar(10), c int) ENGINE=InnoDB, DEFAULT CHARSET=utf8mb4;
ALTER TABLE t ADD COLUMN x int, ALGORITHM=INPLACE, LOCK=NONE;
ALTER TABLE t ENGINE=innodb DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin, MODIFY b varchar(10);
ALTER TABLE t COMMENT = 'x', MODIFY x int DEFAULT '1' '2';
CREATE INDEX IF NOT EXISTS ia ON t (a);
CREATE INDEX IF NOT EXISTS ia ON t (a);
ALTER TABLE t ADD INDEX ih USING HASH (c), ADD UNIQUE uq (x) COMMENT '';
ALTER TABLE t MODIFY COLUMN c int FIRST;
ALTER TABLE t CHANGE a A bigint NOT NULL;
ALTER TABLE `t` RENAME AS t3;
/* a comment */ ;
CREATE TABLE t4 (id int) ;
DROP TABLE t4 CASCADE;
(SELECT 1);
CHECK TABLE t3;
SET @x := 1;
