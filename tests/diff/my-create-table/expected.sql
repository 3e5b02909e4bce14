-- Create "users" table
CREATE TABLE `users` (
  `id` bigint unsigned NOT NULL AUTO_INCREMENT,
  `email` varchar(255) NOT NULL COMMENT "login",
  `status` enum('active','inactive') NOT NULL DEFAULT "active",
  `score` int NOT NULL DEFAULT 0,
  `is_admin` bool NOT NULL DEFAULT 0,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `bio` text NULL,
  PRIMARY KEY (`id`),
  UNIQUE INDEX `users_email` (`email`),
  INDEX `users_status_idx` (`status`)
) CHARSET utf8mb4 COLLATE utf8mb4_0900_ai_ci COMMENT "registered users";
