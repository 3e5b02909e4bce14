ALTER TABLE users RENAME TO atlas_users;
