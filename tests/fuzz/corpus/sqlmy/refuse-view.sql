-- Refused: a view (the model keeps none from SQL).
CREATE TABLE t (id int);
CREATE ALGORITHM=UNDEFINED DEFINER=`root`@`%` SQL SECURITY DEFINER VIEW v AS SELECT id FROM t;
