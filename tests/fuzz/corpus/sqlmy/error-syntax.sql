-- Error: a clause cut short, with the line it is on.
CREATE TABLE t (
  id int,
  name varchar(10) DEFAULT
);
