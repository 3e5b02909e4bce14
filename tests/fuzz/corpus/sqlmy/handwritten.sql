-- Hand-written MySQL forms that db2json must read back as sql2json replays them (MariaDB
-- 10.11 runs them). Checks and generated columns are written in the server's own form:
-- expressions are compared as text.
CREATE TABLE account (
  id int unsigned NOT NULL AUTO_INCREMENT COMMENT 'it''s the "id"',
  kind enum('a','b''c','d\\e') NOT NULL DEFAULT 'b''c',
  name varchar(64) CHARACTER SET latin1 NULL DEFAULT 'O''Brien',
  code varchar(16) COLLATE utf8mb4_bin NOT NULL DEFAULT '',
  amount decimal(26,10) NOT NULL DEFAULT 0,
  ratio double DEFAULT 1.5,
  flags bit(4) NOT NULL DEFAULT b'0101',
  small tinyint(4) DEFAULT -1,
  active bool NOT NULL DEFAULT TRUE,
  hex varchar(4) DEFAULT 0x6162,
  created_at timestamp(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  updated_at datetime NULL DEFAULT NOW() ON UPDATE CURRENT_TIMESTAMP,
  total int AS (`small` + 1) STORED,
  PRIMARY KEY (id),
  UNIQUE KEY (code),
  KEY idx_name (name(10), amount DESC) COMMENT 'by name',
  CONSTRAINT chk_amount CHECK (`amount` >= 0)
) ENGINE=InnoDB AUTO_INCREMENT=1000 DEFAULT CHARSET=utf8mb4 COMMENT='accounts';

CREATE TABLE payment (
  id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
  account_id int unsigned NOT NULL,
  note text,
  CONSTRAINT fk_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);

ALTER TABLE account MODIFY COLUMN name varchar(80) NULL COMMENT 'full name' AFTER id;
ALTER TABLE account CHANGE COLUMN ratio factor float NOT NULL DEFAULT 2 FIRST;
ALTER TABLE account RENAME COLUMN hex TO hex2, ADD COLUMN extra mediumtext NULL AFTER kind;
ALTER TABLE account ADD INDEX idx_kind USING HASH (kind), DROP INDEX idx_name;
ALTER TABLE account ADD FULLTEXT INDEX ft_code (code), COMMENT 'accounts v2';
CREATE INDEX idx_created ON account (created_at DESC, kind);
ALTER TABLE payment ADD COLUMN paid_at datetime(3) DEFAULT CURRENT_TIMESTAMP(3)
  ON UPDATE CURRENT_TIMESTAMP(3) COMMENT 'when', ADD KEY (paid_at);
ALTER TABLE payment ADD CONSTRAINT FOREIGN KEY (id) REFERENCES payment (id);
INSERT INTO payment (account_id) SELECT id FROM account;
ALTER TABLE account ALTER COLUMN code SET DEFAULT 'x''y', ALTER kind DROP DEFAULT;
DROP INDEX `code` ON account;
-- Unnamed checks: the server names them (CONSTRAINT_1, the column's name), the replay not.
CREATE TABLE limits (
  lo int CHECK (`lo` >= 0),
  hi int,
  CHECK (`hi` > `lo`)
) COLLATE utf8mb4_unicode_ci;
RENAME TABLE limits TO bounds;
