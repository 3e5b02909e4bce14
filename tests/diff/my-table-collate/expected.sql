-- Modify "t" table
ALTER TABLE `t` COLLATE utf8mb4_bin;
