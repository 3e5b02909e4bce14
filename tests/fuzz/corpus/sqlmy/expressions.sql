-- MySQL 8 expressions kept as written: DEFAULT (expr), a named functional index part,
-- generated columns; CURRENT_TIMESTAMP's synonyms as the server reports them.
CREATE TABLE t (
  id int PRIMARY KEY,
  uuid binary(16) NOT NULL DEFAULT (uuid_to_bin(uuid())),
  doc json,
  name varchar(50),
  lname varchar(50) AS (lower(`name`)),
  at1 datetime DEFAULT NOW(),
  at2 datetime(6) DEFAULT LOCALTIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  INDEX i_lower ((lower(`name`)), id DESC)
);
