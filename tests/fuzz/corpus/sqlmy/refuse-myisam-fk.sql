-- Refused: a foreign key on a MyISAM table, which the engine parses and ignores.
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (id int, p int, CONSTRAINT fk_p FOREIGN KEY (p) REFERENCES p (id)) ENGINE=MyISAM;
