-- Modify "t" table
ALTER TABLE "public"."t" ALTER COLUMN "a" SET DEFAULT 'none', ALTER COLUMN "n" SET DEFAULT 7;
