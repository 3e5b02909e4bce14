-- Modify "t" table
ALTER TABLE `t` ADD COLUMN `tenant` int NULL FIRST;
