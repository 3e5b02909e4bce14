-- Modify "t" table
ALTER TABLE `t` DROP PRIMARY KEY;
