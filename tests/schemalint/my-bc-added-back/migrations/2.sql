ALTER TABLE posts RENAME COLUMN id TO uid, ADD COLUMN id int AS (uid);
ALTER TABLE cards RENAME COLUMN id TO cid, ADD COLUMN name varchar(255);
