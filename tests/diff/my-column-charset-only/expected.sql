-- Modify "t" table
ALTER TABLE `t` MODIFY COLUMN `a` varchar(20) CHARSET latin1 NOT NULL COLLATE latin1_swedish_ci, ADD COLUMN `b` text CHARSET ascii NULL COLLATE ascii_general_ci;
-- Create "u" table
CREATE TABLE `u` (
  `c` varchar(10) CHARSET latin1 NOT NULL COLLATE latin1_swedish_ci
) CHARSET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
