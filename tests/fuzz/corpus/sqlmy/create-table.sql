-- CREATE TABLE as written by hand and by mysqldump: column attributes in any order,
-- every default kind, keys declared inline and after the columns, table options.
/*!40101 SET NAMES utf8mb4 */;
/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;
CREATE TABLE IF NOT EXISTS `account` (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'ID',
  `code` varchar(20) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  name VARCHAR(100) NOT NULL DEFAULT 'it''s \"x\"' COMMENT "a \"quoted\" name",
  kind ENUM('a','b''c','d') NOT NULL DEFAULT 'a',
  flags SET('x','y') NULL,
  amount DECIMAL(26,10) NOT NULL DEFAULT '0.0000000000',
  ratio double precision DEFAULT NULL,
  active tinyint(1) NOT NULL DEFAULT 1,
  bits bit(8) DEFAULT b'101',
  hex varbinary(4) DEFAULT 0x1f,
  neg int DEFAULT -5,
  created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at timestamp NULL DEFAULT current_timestamp ON UPDATE now(),
  note text, # a comment
  total int AS (neg * 2) VIRTUAL,
  total2 int GENERATED ALWAYS AS (neg + 1) STORED,
  PRIMARY KEY (id),
  UNIQUE KEY (code),
  KEY idx_name_kind (name(10), kind DESC) COMMENT 'by name',
  KEY (kind),
  KEY (kind, active),
  FULLTEXT KEY ft_note (note)
) ENGINE=InnoDB AUTO_INCREMENT=42 DEFAULT CHARSET=utf8mb4 COMMENT='accounts';
CREATE TABLE IF NOT EXISTS `account` (id int);
CREATE TABLE tag (id int PRIMARY KEY, label varchar(10) UNIQUE KEY, other int) CHARACTER SET latin1 COLLATE latin1_bin;
CREATE TABLE tag2 (other int KEY, `label` varchar(10) UNIQUE, KEY (label));
