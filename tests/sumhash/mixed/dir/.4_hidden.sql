CREATE TABLE h (id int);
