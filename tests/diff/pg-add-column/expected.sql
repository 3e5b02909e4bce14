-- Modify "t" table
ALTER TABLE "public"."t" ADD COLUMN "b" character varying(20) NULL, ADD COLUMN "c" integer NOT NULL DEFAULT 0;
