-- Create index "t_a_b_key" to table: "t"
CREATE UNIQUE INDEX "t_a_b_key" ON "public"."t" ("a", "b");
-- Create index "t_a_idx" to table: "t"
CREATE INDEX "t_a_idx" ON "public"."t" ("a");
