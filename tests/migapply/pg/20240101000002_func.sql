-- A function whose body holds semicolons: one statement.
CREATE FUNCTION "add_one"(x integer) RETURNS integer LANGUAGE plpgsql AS $$
BEGIN
  RETURN x + 1; -- a semicolon inside the dollar quote
END;
$$;
INSERT INTO "log" VALUES (2);
