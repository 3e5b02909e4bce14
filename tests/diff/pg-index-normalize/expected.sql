-- Create index "t_id_idx" to table: "t"
CREATE INDEX "t_id_idx" ON "public"."t" ("id") WHERE ((b > 0) AND (b < 100));
-- Create index "t_lower_name_idx" to table: "t"
CREATE UNIQUE INDEX "t_lower_name_idx" ON "public"."t" ((lower((name)::text))) WHERE ((name)::text <> ''::text);
