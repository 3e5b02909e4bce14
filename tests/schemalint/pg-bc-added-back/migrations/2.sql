ALTER TABLE posts RENAME COLUMN id TO uid;
/*
Although it is recommended to add the renamed column as generated,
adding it as a regular column is considered backwards compatible.
*/
ALTER TABLE posts ADD COLUMN id int DEFAULT 0;
ALTER TABLE cards RENAME COLUMN id TO cid;
ALTER TABLE cards ADD COLUMN name text;
