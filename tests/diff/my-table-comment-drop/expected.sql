-- Modify "t" table
ALTER TABLE `t` COMMENT "";
