-- Create index "t_lower_a_idx" to table: "t"
CREATE UNIQUE INDEX "t_lower_a_idx" ON "public"."t" ((lower(a)));
