ALTER TABLE users ADD COLUMN `name` varchar(120) NOT NULL;
/* Nop update as existing rows were set to ''*/
UPDATE `users` SET `name` = CONCAT("name", id) WHERE `name` IS NULL;
