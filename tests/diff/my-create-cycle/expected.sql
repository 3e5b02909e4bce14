-- Create "a" table
CREATE TABLE `a` (
  `id` int NOT NULL,
  `b_id` int NULL,
  PRIMARY KEY (`id`),
  INDEX `a_b_id` (`b_id`)
) CHARSET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
-- Create "b" table
CREATE TABLE `b` (
  `id` int NOT NULL,
  `a_id` int NOT NULL,
  PRIMARY KEY (`id`),
  INDEX `b_a_id` (`a_id`)
) CHARSET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
-- Modify "a" table
ALTER TABLE `a` ADD CONSTRAINT `a_b_fk` FOREIGN KEY (`b_id`) REFERENCES `b` (`id`) ON UPDATE NO ACTION ON DELETE SET NULL;
-- Modify "b" table
ALTER TABLE `b` ADD CONSTRAINT `b_a_fk` FOREIGN KEY (`a_id`) REFERENCES `a` (`id`) ON UPDATE NO ACTION ON DELETE CASCADE;
