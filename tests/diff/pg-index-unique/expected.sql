-- Drop index "t_a_idx" from table: "t"
DROP INDEX "public"."t_a_idx";
-- Create index "t_a_idx" to table: "t"
CREATE UNIQUE INDEX "t_a_idx" ON "public"."t" ("a");
