-- atlas:nolint incompatible
/* Rename table mixed with rename column is not a destructive change. */
ALTER TABLE users RENAME TO user, RENAME COLUMN id TO oid;
