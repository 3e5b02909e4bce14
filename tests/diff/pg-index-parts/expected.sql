-- Drop index "t_ab_idx" from table: "t"
DROP INDEX "public"."t_ab_idx";
-- Create index "t_ab_idx" to table: "t"
CREATE INDEX "t_ab_idx" ON "public"."t" ("a", "b");
