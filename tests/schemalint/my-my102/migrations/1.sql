CREATE TABLE node (next int REFERENCES node(next));
CREATE TABLE tree (id int);
