-- Modify "t" table
ALTER TABLE "public"."t" ADD COLUMN "b" integer NULL;
