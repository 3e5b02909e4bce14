-- Set comment to index: "t_a_idx" on table: "t"
COMMENT ON INDEX "public"."t_a_idx" IS 'by a';
-- Set comment to index: "t_b_idx" on table: "t"
COMMENT ON INDEX "public"."t_b_idx" IS 'new';
