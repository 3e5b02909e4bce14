CREATE TABLE users (id int, u1 int, PRIMARY KEY(id));
CREATE TABLE pets (id int, owner_id int, PRIMARY KEY(id), CONSTRAINT pet_owner_id FOREIGN KEY(owner_id) REFERENCES users(id));
CREATE TABLE cars (id int, owner_id int, PRIMARY KEY(id), CONSTRAINT car_owner_id FOREIGN KEY(owner_id) REFERENCES users(id));
