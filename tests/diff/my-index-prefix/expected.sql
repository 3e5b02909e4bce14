-- Modify "t" table
ALTER TABLE `t` DROP INDEX `t_b`;
-- Create index "t_b" to table: "t"
CREATE INDEX `t_b` ON `t` (`b`(5));
-- Create index "t_a_b" to table: "t"
CREATE UNIQUE INDEX `t_a_b` ON `t` (`a`, `b`(8) DESC);
