-- Modify "posts" table
ALTER TABLE `posts` ADD CONSTRAINT `posts_user_fk` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON UPDATE NO ACTION ON DELETE NO ACTION;
-- Create "comments" table
CREATE TABLE `comments` (
  `id` int NOT NULL,
  `post_id` int NOT NULL,
  PRIMARY KEY (`id`),
  INDEX `comments_post_id` (`post_id`),
  CONSTRAINT `comments_post_fk` FOREIGN KEY (`post_id`) REFERENCES `posts` (`id`) ON UPDATE NO ACTION ON DELETE NO ACTION
) CHARSET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
