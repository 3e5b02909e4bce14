CREATE TABLE users (id int);
CREATE TABLE pets (id int);
