-- Modify "t" table
ALTER TABLE `t` COLLATE utf8mb4_bin, MODIFY COLUMN `name` varchar(20) NOT NULL;
