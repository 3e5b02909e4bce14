-- Drop index "t_a_idx" from table: "t"
DROP INDEX "public"."t_a_idx";
