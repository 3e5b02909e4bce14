-- Refused: a table option the model has no place for (ROW_FORMAT).
CREATE TABLE t (id int) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 ROW_FORMAT=DYNAMIC;
