ALTER TABLE users ADD COLUMN `name` varchar(120) NOT NULL;
