-- What the seed's filter keeps of a MariaDB dump, beyond the seed's own schemas: key
-- groups (PRIMARY, UNIQUE on NOT NULL columns, UNIQUE with a prefix, UNIQUE on NULL
-- columns, other keys, FULLTEXT), each in creation order; named foreign keys with actions
-- and the index InnoDB needs; a named CHECK and a JSON column's implicit one; defaults of
-- several types (bare numbers, quoted strings, current_timestamp(3) with ON UPDATE);
-- comments with quotes and backticks (the seed's sed takes the backticks out); a table
-- charset and collation that are not the database's; AUTO_INCREMENT start.
CREATE TABLE parent (
	id int unsigned NOT NULL AUTO_INCREMENT,
	code varchar(20) NOT NULL,
	PRIMARY KEY (id),
	UNIQUE KEY uq_code (code)
) ENGINE=InnoDB AUTO_INCREMENT=100 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci
  COMMENT='it''s the `parent`';
CREATE TABLE child (
	id bigint NOT NULL AUTO_INCREMENT COMMENT 'ID',
	parent_id int unsigned DEFAULT NULL,
	name varchar(100) NOT NULL DEFAULT '',
	nick varchar(100) DEFAULT NULL,
	body text,
	doc json DEFAULT NULL,
	amount decimal(26,10) NOT NULL DEFAULT 0.5,
	ratio double DEFAULT NULL,
	flag bool NOT NULL DEFAULT 1,
	kind enum('a','b''c') NOT NULL DEFAULT 'a',
	small tinyint NOT NULL DEFAULT -1,
	at datetime(3) NOT NULL DEFAULT current_timestamp(3) ON UPDATE current_timestamp(3),
	PRIMARY KEY (id),
	KEY idx_name (name),
	UNIQUE KEY uq_nick (nick),
	UNIQUE KEY uq_name_prefix (name(10)),
	UNIQUE KEY uq_name (name, kind),
	FULLTEXT KEY ft_body (body),
	KEY idx_parent (parent_id),
	CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id)
		ON DELETE SET NULL ON UPDATE CASCADE,
	CONSTRAINT chk_small CHECK (small < 10)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
CREATE TABLE latin (
	id int NOT NULL,
	s varchar(10) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL,
	PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=latin1 COLLATE=latin1_swedish_ci;
