-- Modify "t" table
ALTER TABLE `t` DROP INDEX `t_a_idx`;
