-- Modify "t" table
ALTER TABLE `t` MODIFY COLUMN `w` decimal(5,1) NOT NULL DEFAULT 0.0, ADD COLUMN `q` decimal(10,2) NOT NULL DEFAULT 0.00 AFTER `p`, ADD COLUMN `r` decimal(8,3) NOT NULL DEFAULT 1.500;
-- Create "u" table
CREATE TABLE `u` (
  `v` decimal(10,2) NOT NULL DEFAULT 0.00
) CHARSET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
