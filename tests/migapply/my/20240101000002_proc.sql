-- A procedure, with the client's DELIMITER command: one statement.
DELIMITER //
CREATE PROCEDURE add_log(IN v INT)
BEGIN
  INSERT INTO `log` VALUES (v);
END //
DELIMITER ;
CALL add_log(2);
