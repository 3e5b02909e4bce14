-- Create "m_alone" table
CREATE TABLE `m_alone` (
  `id` int NOT NULL,
  PRIMARY KEY (`id`)
) CHARSET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
-- Create "z_parent" table
CREATE TABLE `z_parent` (
  `id` int NOT NULL,
  PRIMARY KEY (`id`)
) CHARSET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
-- Create "a_child" table
CREATE TABLE `a_child` (
  `id` int NOT NULL,
  `parent_id` int NOT NULL,
  PRIMARY KEY (`id`),
  INDEX `a_child_parent_id` (`parent_id`),
  CONSTRAINT `a_child_parent_fk` FOREIGN KEY (`parent_id`) REFERENCES `z_parent` (`id`) ON UPDATE NO ACTION ON DELETE CASCADE
) CHARSET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
