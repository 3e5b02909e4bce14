-- Modify "t" table
ALTER TABLE `t` ADD COLUMN `b` int NULL AFTER `a`, ADD COLUMN `c` varchar(10) NOT NULL DEFAULT "x";
