ALTER TABLE `users` ADD COLUMN `email` varchar(255) NULL;
CREATE INDEX `users_email` ON `users` (`email`);
INSERT INTO `log` VALUES ('3');
