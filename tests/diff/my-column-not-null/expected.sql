-- Modify "t" table
ALTER TABLE `t` MODIFY COLUMN `a` varchar(20) NOT NULL;
