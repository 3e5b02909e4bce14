-- Databases: mysqldump's executable comments, CREATE DATABASE IF NOT EXISTS of the current
-- database (no change), a new database with its charset, names qualified with it, ALTER
-- DATABASE, DROP DATABASE; USE of the current database.
CREATE DATABASE /*!32312 IF NOT EXISTS*/ `main` /*!40100 DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci */;
USE `main`;
CREATE DATABASE other DEFAULT CHARACTER SET = latin1;
CREATE TABLE other.t (id int PRIMARY KEY, a varchar(10));
CREATE TABLE `main`.`u` (id int, o int, CONSTRAINT u_o FOREIGN KEY (o) REFERENCES other.t (id));
ALTER DATABASE other COLLATE latin1_bin;
CREATE TABLE other.v (id int);
CREATE SCHEMA gone;
DROP SCHEMA gone;
DROP DATABASE IF EXISTS nosuch;
GRANT ALL PRIVILEGES ON `other`.* TO 'app'@'%';
FLUSH PRIVILEGES;
