-- Modify "posts" table
ALTER TABLE `posts` ADD CONSTRAINT `posts_author_fk` FOREIGN KEY (`author`) REFERENCES `users` (`email`) ON UPDATE CASCADE ON DELETE SET NULL, ADD CONSTRAINT `posts_user_fk` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON UPDATE NO ACTION ON DELETE CASCADE;
