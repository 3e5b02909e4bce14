-- atlas:nolint data_depend
ALTER TABLE users ADD COLUMN age int NOT NULL, DROP COLUMN name;
