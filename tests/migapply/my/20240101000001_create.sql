-- Create "users" table
CREATE TABLE `users` (`id` bigint NOT NULL, `name` varchar(255) NULL, PRIMARY KEY (`id`));
-- Create "log" table
CREATE TABLE `log` (`s` int NOT NULL);
