-- Modify "t" table
ALTER TABLE "public"."t" ALTER COLUMN "a" SET NOT NULL;
