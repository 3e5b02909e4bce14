CREATE TABLE users (id int);
/* Rename column is not a destructive change. */
ALTER TABLE users RENAME COLUMN id TO oid;
