CREATE TABLE users (id varchar(36));
