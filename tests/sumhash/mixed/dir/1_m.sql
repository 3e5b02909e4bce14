CREATE TABLE m (id int);
