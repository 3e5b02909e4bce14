-- Create "users" table
CREATE TABLE "users" ("id" bigint NOT NULL, "name" text NULL, PRIMARY KEY ("id"));
-- Create "log" table
CREATE TABLE "log" ("s" integer NOT NULL);
