-- Modify "t" table
ALTER TABLE `t` MODIFY COLUMN `a` varchar(20) NOT NULL DEFAULT "unknown", MODIFY COLUMN `n` int NOT NULL DEFAULT 8;
