ALTER TABLE users ADD COLUMN `name` varchar(120) NOT NULL;
UPDATE `users` SET `name` = CONCAT("name", id) WHERE `name` = '';
