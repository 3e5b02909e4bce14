-- Modify "t" table
ALTER TABLE `t` ADD COLUMN `m` int NULL AFTER `a`;
