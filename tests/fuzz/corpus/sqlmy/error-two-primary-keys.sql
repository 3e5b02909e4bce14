-- Error: KEY on a column means PRIMARY KEY: a second one.
CREATE TABLE t (id int PRIMARY KEY, other int KEY);
