-- Modify "t" table
ALTER TABLE `t` DROP CHECK `t_qty_small`;
