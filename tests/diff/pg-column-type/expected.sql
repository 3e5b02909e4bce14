-- Modify "t" table
ALTER TABLE "public"."t" ALTER COLUMN "a" TYPE bigint, ALTER COLUMN "b" TYPE character varying(50), ALTER COLUMN "c" TYPE numeric(12,4);
