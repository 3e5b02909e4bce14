-- Refused: CONVERT TO CHARACTER SET (it may also widen column types).
CREATE TABLE t (id int, a text) CHARSET latin1;
ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4;
