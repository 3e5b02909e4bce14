/* Rename table mixed with rename column is not a destructive change. */
ALTER TABLE users RENAME TO user, RENAME COLUMN u1 TO u2;
