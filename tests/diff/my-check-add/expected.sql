-- Modify "t" table
ALTER TABLE `t` ADD CONSTRAINT `t_amount_positive` CHECK (`amount` > 0), ADD CONSTRAINT `t_qty_not_negative` CHECK (`qty` >= 0);
