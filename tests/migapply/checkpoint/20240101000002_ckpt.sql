-- atlas:checkpoint v1

CREATE TABLE t1 (id int);
CREATE TABLE t2 (id int);
