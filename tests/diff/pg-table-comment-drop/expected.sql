-- Set comment to table: "t"
COMMENT ON TABLE "public"."t" IS '';
