-- CHECK constraints (MySQL 8 forms): named and unnamed, on a column and on the table,
-- NOT ENFORCED, ALTER CHECK, DROP CHECK and DROP CONSTRAINT. Unnamed checks stay unnamed
-- (MySQL says t_chk_N, MariaDB CONSTRAINT_N): the diff matches them by expression.
CREATE TABLE t (
  id int PRIMARY KEY,
  qty int CHECK (qty >= 0),
  price int CONSTRAINT price_pos CHECK (`price` > 0) NOT ENFORCED,
  CHECK (qty < 1000),
  CONSTRAINT t_small CHECK (price < 100) ENFORCED
);
ALTER TABLE t ADD CONSTRAINT t_pair CHECK ((`qty` > 0) or (`price` > 0)), ALTER CHECK price_pos ENFORCED;
ALTER TABLE t DROP CHECK t_small;
ALTER TABLE t DROP CONSTRAINT t_pair;
