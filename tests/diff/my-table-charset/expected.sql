-- Modify "t" table
ALTER TABLE `t` CHARSET latin1, COLLATE latin1_bin;
