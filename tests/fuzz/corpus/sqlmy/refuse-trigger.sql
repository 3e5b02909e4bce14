-- Refused: a trigger, cut as one statement by its DELIMITER.
CREATE TABLE t (id int, n int);
DELIMITER //
CREATE TRIGGER t_bi BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.n = 1; END//
DELIMITER ;
