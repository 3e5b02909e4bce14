-- Modify "t" table
ALTER TABLE `t` MODIFY COLUMN `a` varchar(20) CHARSET latin1 NOT NULL COLLATE latin1_swedish_ci;
