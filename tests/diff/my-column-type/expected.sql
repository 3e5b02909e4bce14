-- Modify "t" table
ALTER TABLE `t` MODIFY COLUMN `a` bigint NOT NULL, MODIFY COLUMN `b` varchar(50) NOT NULL, MODIFY COLUMN `c` decimal(12,4) NOT NULL;
