ALTER TABLE users ADD COLUMN name varchar(255), ADD COLUMN age float;
UPDATE users SET name = 'Unknown', age = 0;
-- No diagnostics.
ALTER TABLE users MODIFY COLUMN name varchar(255) NOT NULL, MODIFY COLUMN age float NOT NULL;

ALTER TABLE pets ADD COLUMN name varchar(255), ADD COLUMN age float;
UPDATE pets SET name = 'Unknown', age = 0 WHERE RAND() > 0.5;
-- With diagnostics as statement above cannot be sure NULL values are back-filled.
ALTER TABLE pets MODIFY COLUMN name varchar(255) NOT NULL, MODIFY COLUMN age float NOT NULL;
