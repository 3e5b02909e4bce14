-- Set comment to column: "a" on table: "t"
COMMENT ON COLUMN "public"."t"."a" IS 'it''s a column';
