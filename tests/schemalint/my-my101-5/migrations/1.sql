CREATE TABLE users (name varchar(36));
