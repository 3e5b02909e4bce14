-- Modify "t" table
ALTER TABLE `t` DROP COLUMN `b`;
