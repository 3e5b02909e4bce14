-- Modify "t" table
ALTER TABLE `t` ADD COLUMN `b` int NULL;
