-- Modify "posts" table
ALTER TABLE `posts` DROP FOREIGN KEY `posts_user_fk`;
