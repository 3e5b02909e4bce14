-- atlas:txmode none

CREATE TABLE a (id int);
CREATE TABLE a (id int);
