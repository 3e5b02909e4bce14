-- Modify "t" table
ALTER TABLE `t` MODIFY COLUMN `status` enum('active','inactive','banned') NOT NULL;
