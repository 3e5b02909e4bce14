-- Modify "t" table
ALTER TABLE `t` COMMENT "the t table";
