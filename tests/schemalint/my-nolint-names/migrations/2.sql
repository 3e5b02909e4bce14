-- atlas:nolint destructive data_depend anything
ALTER TABLE users ADD COLUMN age int NOT NULL, DROP COLUMN name;
