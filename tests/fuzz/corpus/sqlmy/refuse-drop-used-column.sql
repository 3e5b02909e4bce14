-- Refused: dropping or renaming a column that an expression names (a check, a generated
-- column, a default, an index part): the expression keeps its text, the servers differ.
CREATE TABLE t (id int, qty int, CONSTRAINT qty_pos CHECK (`qty` > 0), note varchar(9) DEFAULT 'qty');
ALTER TABLE t DROP COLUMN qty;
