CREATE TABLE a (id int);
CREATE TABLE a (id int);
CREATE TABLE c (id int);
