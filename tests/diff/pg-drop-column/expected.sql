-- Modify "t" table
ALTER TABLE "public"."t" DROP COLUMN "b";
