-- Modify "t" table
ALTER TABLE "public"."t" DROP CONSTRAINT "t_pkey";
