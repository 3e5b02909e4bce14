-- Drop index "t_a_idx" from table: "t"
DROP INDEX "public"."t_a_idx";
-- Modify "t" table
ALTER TABLE "public"."t" DROP COLUMN "b", DROP COLUMN "user_id";
