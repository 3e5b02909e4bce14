-- Modify "posts" table
ALTER TABLE `posts` DROP FOREIGN KEY `posts_user_fk`;
-- Modify "posts" table
ALTER TABLE `posts` ADD CONSTRAINT `posts_user_fk` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON UPDATE RESTRICT ON DELETE SET NULL;
