-- atlas:delimiter //

CREATE TABLE t1 (id int)//
CREATE PROCEDURE p1()
BEGIN
  SELECT 1;
END//
