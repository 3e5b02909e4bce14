-- Add (a, b, c), backfill (a, b) and then modify all to not-null.
ALTER TABLE users ADD COLUMN `a` int, ADD COLUMN `b` int, ADD COLUMN `c` int;
UPDATE users SET `a` = 1;
UPDATE users SET `b` = 1 WHERE `b` IS NULL;
ALTER TABLE users MODIFY COLUMN `a` int NOT NULL, MODIFY COLUMN `b` int NOT NULL, MODIFY COLUMN `c` int NOT NULL;
