-- Statements Atlas's PostgreSQL scanner cuts in particular ways.
CREATE TABLE t1 (id int, note text DEFAULT ';');

-- a comment group that a blank line detaches

CREATE FUNCTION f1() RETURNS int LANGUAGE sql AS $body$ SELECT 1; $body$;
CREATE FUNCTION f2() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END;
DO $$ BEGIN PERFORM 1; END $$;
/* a block comment */ SELECT 'it''s', "id" FROM t1 -- trailing
;
SELECT 1 AS "x;y"
