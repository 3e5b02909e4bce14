ALTER TABLE users ADD COLUMN `name` varchar(120) NOT NULL;
UPDATE `users` SET `name` = "all_the_same";
