CREATE TABLE "users" (id int);
CREATE TABLE posts (id int);
CREATE TABLE cards (id int);
