CREATE TABLE users (id int);
ALTER TABLE users ADD UNIQUE INDEX idx (id);
