CREATE TABLE users (id int);
ALTER TABLE users RENAME COLUMN id TO uid;
ALTER TABLE users RENAME TO people;
