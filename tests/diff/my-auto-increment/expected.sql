-- Modify "t" table
ALTER TABLE `t` MODIFY COLUMN `id` bigint NOT NULL AUTO_INCREMENT;
