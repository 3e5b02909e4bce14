-- Charsets: a table charset or collation change leaves the columns it does not redefine in
-- the old one; a redefined or new column takes the new one.
CREATE TABLE t (id int, a varchar(10), b varchar(10), c varchar(10) COLLATE utf8mb4_bin, e enum('x')) DEFAULT CHARSET utf8mb4 COLLATE utf8mb4_general_ci;
ALTER TABLE t CHARSET latin1, MODIFY b varchar(10);
ALTER TABLE t COLLATE latin1_bin, ADD COLUMN d varchar(5);
ALTER TABLE t DEFAULT CHARACTER SET = utf8mb4 COLLATE = utf8mb4_unicode_ci, MODIFY COLUMN d varchar(5);
