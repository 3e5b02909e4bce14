-- atlas:nolint
ALTER TABLE users ADD COLUMN age int NOT NULL, DROP COLUMN name;
