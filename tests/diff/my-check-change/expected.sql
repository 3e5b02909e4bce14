-- Modify "t" table
ALTER TABLE `t` DROP CHECK `t_amount_positive`, ADD CONSTRAINT `t_amount_positive` CHECK (`amount` >= 10);
