-- Modify "t" table
ALTER TABLE `t` CHARSET latin1, COLLATE latin1_bin, MODIFY COLUMN `name` varchar(20) NOT NULL, MODIFY COLUMN `bio` text NULL, MODIFY COLUMN `kind` enum('a','b') NOT NULL DEFAULT "a";
