-- Modify "t" table
ALTER TABLE "public"."t" ALTER COLUMN "a" DROP NOT NULL;
