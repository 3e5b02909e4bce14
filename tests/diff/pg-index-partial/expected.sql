-- Drop index "t_b_idx" from table: "t"
DROP INDEX "public"."t_b_idx";
-- Create index "t_b_idx" to table: "t"
CREATE INDEX "t_b_idx" ON "public"."t" ("b") WHERE (b > 0);
-- Create index "t_a_idx" to table: "t"
CREATE INDEX "t_a_idx" ON "public"."t" ("a") WHERE (b < 10);
