-- Modify "t" table
ALTER TABLE "public"."t" ALTER COLUMN "n" DROP IDENTITY;
